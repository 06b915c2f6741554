"""Text where text is declared: a number becomes its decimal text; a list of texts that is no list is empty."""

from __future__ import annotations

import httpx
import pytest

from ._logged import fields_logged
from ._operations import client_for

CONVERTED = "converted without loss"


def test_a_fractional_number_where_text_is_declared_is_its_repr(caplog: pytest.LogCaptureFixture) -> None:
    body = {"status_code": 200, "status": "OK", "data": [{"id": "log-1", "path": 1.5, "source_ip": 10.25}]}
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        (log,) = apideck.logs.list()
    assert (log.path, log.source_ip) == ("1.5", "10.25")
    assert lines == [
        f"response field log.path: expected a string, got a number; {CONVERTED}",
        f"response field log.source_ip: expected a string, got a number; {CONVERTED}",
    ]


def test_services_that_are_no_list_are_empty_and_number_items_are_their_text(caplog: pytest.LogCaptureFixture) -> None:
    consumers = [{"consumer_id": "acct-1", "services": "xero"}, {"consumer_id": "acct-2", "services": [7, "sage"]}]
    body = {"status_code": 200, "status": "OK", "data": consumers}
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        first, second = apideck.consumers.list()
    assert (first.services, second.services) == ((), ("7", "sage"))
    assert lines == [
        "response field consumer.services: expected a list, got a string; read as () (the record's .raw keeps the JSON)",
        f"response field consumer.services[]: expected a string, got a number; {CONVERTED}",
    ]
