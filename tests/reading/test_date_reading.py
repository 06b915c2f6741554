"""Date-times: an ISO 8601 offset is kept, a naive one is UTC; what is no date-time (Apideck also sends Unix
milliseconds) is None, with a DEBUG line naming the field and what was expected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from ._logged import fields_logged
from ._operations import client_for


def _consumer(**fields: object) -> dict[str, object]:
    return {"status_code": 200, "status": "OK", "data": {"consumer_id": "acct-1", **fields}}


def test_an_iso_offset_is_kept_and_a_naive_date_time_is_utc() -> None:
    body = _consumer(created="2021-05-07T12:55:42+02:00", modified="2021-05-08T09:30:00", request_count_updated=1620391742000)
    with client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        consumer = apideck.consumers.get("acct-1")
    assert consumer.created_at == datetime(2021, 5, 7, 12, 55, 42, tzinfo=timezone(timedelta(hours=2)))
    assert consumer.created_at is not None and consumer.created_at.utcoffset() == timedelta(hours=2)
    assert consumer.updated_at == datetime(2021, 5, 8, 9, 30, tzinfo=UTC) and consumer.updated_at is not None
    assert consumer.updated_at.tzinfo is UTC
    assert consumer.request_count_updated_at == datetime(2021, 5, 7, 12, 49, 2, tzinfo=UTC)


def test_an_object_or_out_of_range_milliseconds_are_no_date_time(caplog: pytest.LogCaptureFixture) -> None:
    body = _consumer(created={"at": 1}, request_count_updated=1e20)
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        consumer = apideck.consumers.get("acct-1")
    assert (consumer.created_at, consumer.request_count_updated_at) == (None, None)
    kept = "; read as None (the record's .raw keeps the JSON)"
    assert lines == [
        "response field consumer.created: expected a date-time, got an object" + kept,
        "response field consumer.request_count_updated: expected Unix milliseconds within the datetime range, got a number" + kept,
    ]
