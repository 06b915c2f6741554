"""Only Apideck sends date-times as Unix milliseconds: a number where VGS declares a date-time is none."""

from __future__ import annotations

import httpx
import pytest

from ._logged import fields_logged
from ._operations import client_for


def test_a_number_where_vgs_declares_a_date_time_is_none(caplog: pytest.LogCaptureFixture) -> None:
    body = {"data": [{"value": "4111", "aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}], "created_at": 1620391742000}]}
    with fields_logged(caplog, "vgs") as lines, client_for("vgs", lambda request: httpx.Response(200, json=body)) as vgs:
        record = vgs.aliases.reveal("tok_sandbox_a")
    assert (record.value, record.created_at, record.raw["created_at"]) == ("4111", None, 1620391742000)
    assert lines == [
        "response field data[].created_at: expected a date-time, got a number; read as None (the record's .raw keeps the JSON)"
    ]
