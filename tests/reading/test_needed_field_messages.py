"""What a call cannot do without fails it with an UnexpectedResponseError whose message names the field, what
was needed and the JSON type found (never the value)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from polyvault import UnexpectedResponseError

from ._operations import client_for

SECRET = "sk_live_SECRET-IN-A-CURSOR-3Kd"


def _failure(body: Any) -> str:
    with client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck, pytest.raises(UnexpectedResponseError) as caught:
        list(apideck.consumers.list())
    return caught.value.message


def test_a_page_whose_data_is_no_list_names_data_and_the_type_found() -> None:
    message = _failure({"status_code": 200, "status": "OK", "data": {"consumer_id": SECRET}})
    assert message.endswith(" answered 200 with a body that does not match the apideck spec (data: a list needed, found an object)")
    assert SECRET not in message


def test_a_cursor_that_is_an_object_names_the_cursor_and_the_type_found() -> None:
    message = _failure({"status_code": 200, "status": "OK", "data": [], "meta": {"cursors": {"next": {"page": SECRET}}}})
    assert message.endswith(" with a body that does not match the apideck spec (meta.cursors.next: a string needed, found an object)")
    assert SECRET not in message
