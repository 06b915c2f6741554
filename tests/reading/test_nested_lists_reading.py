"""A list of nested records that is no list reads as none, with a DEBUG line naming the field."""

from __future__ import annotations

import httpx
import pytest

from ._logged import fields_logged
from ._operations import client_for


def test_form_fields_that_are_no_list_are_none(caplog: pytest.LogCaptureFixture) -> None:
    body = {"status_code": 200, "status": "OK", "data": {"id": "crm+xero", "form_fields": "instance_url", "subscriptions": {"id": 1}}}
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        connection = apideck.connections.get("crm", "xero")
    assert (connection.id, connection.form_fields, connection.subscriptions) == ("crm+xero", (), ())
    kept = " (the record's .raw keeps the JSON)"
    assert lines == [
        "response field connection.form_fields: expected a list, got a string; read as []" + kept,
        "response field connection.subscriptions: expected a list, got an object; read as []" + kept,
    ]
