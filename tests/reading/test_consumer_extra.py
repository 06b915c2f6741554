"""A consumer's `.extra` holds exactly the JSON fields no attribute reads (newer ones, for example)."""

from __future__ import annotations

import httpx

from ._operations import client_for


def test_consumer_extra_holds_only_the_fields_no_attribute_reads() -> None:
    data = {"consumer_id": "acct-1", "application_id": "app-1", "services": ["xero"], "created": None, "tier": "gold", "seats": [3]}
    body = {"status_code": 200, "status": "OK", "data": data}
    with client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        consumer = apideck.consumers.get("acct-1")
    assert (consumer.application_id, consumer.services) == ("app-1", ("xero",))
    assert dict(consumer.extra) == {"tier": "gold", "seats": [3]}
