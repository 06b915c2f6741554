"""Records read by the page (Apideck logs): the same tolerant reading as every other record, field by field.

Logs are read through a reader compiled once per record class (a type test per field, the record built
without its frozen `__init__`); these tests pin that what it returns is a true `Log` with exactly the
values, DEBUG lines, `.extra` and `.raw` the tolerant-reading rule gives, whichever fields are off.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from polyvault import UnexpectedResponseError
from polyvault.apideck import Log

from ._operations import client_for

SECRET = "sk_live_SECRET-IN-A-LOG-7Hq"

ENTRY: dict[str, Any] = {
    "id": "8b67e0d3-05d7-4967-ad96-35ef1426a5dc",
    "parent_id": None,
    "api_style": "REST",
    "base_url": "unify.apideck.com",
    "child_request": False,
    "consumer_id": "acct-1",
    "duration": 607.881,
    "error_message": None,
    "execution": 627,
    "has_children": False,
    "http_method": "GET",
    "latency": 20.0,
    "operation": {"id": "recordsAll", "name": "List records"},
    "path": "/file-storage/records",
    "sandbox": False,
    "service": {"id": "google-drive", "name": "Google Drive"},
    "source_ip": "203.0.113.7",
    "status_code": 204,
    "success": True,
    "timestamp": "2026-12-06T04:48:57.566Z",
    "unified_api": "file-storage",
}
"""A log entry as Apideck sends one: every field present, unset ones null."""

READ = Log(
    id="8b67e0d3-05d7-4967-ad96-35ef1426a5dc",
    timestamp=datetime(2026, 12, 6, 4, 48, 57, 566000, tzinfo=UTC),
    http_method="GET",
    path="/file-storage/records",
    status_code=204,
    success=True,
    unified_api="file-storage",
    service_id="google-drive",
    service_name="Google Drive",
    operation_id="recordsAll",
    operation_name="List records",
    consumer_id="acct-1",
    error_message=None,
    duration=607.881,
    execution=627,
    latency=20,
    api_style="REST",
    base_url="unify.apideck.com",
    child_request=False,
    has_children=False,
    parent_id=None,
    sandbox=False,
    source_ip="203.0.113.7",
)
"""What `ENTRY` reads as."""


def _logs(caplog: pytest.LogCaptureFixture, *entries: dict[str, Any]) -> tuple[list[Log], list[str]]:
    """The logs a one-page listing of `entries` returns, and the tolerant-reading DEBUG lines reading them logged."""
    body = {"status_code": 200, "status": "OK", "data": list(entries), "meta": {"cursors": {"next": None}}}
    content = json.dumps(body).encode()  # as Python's json writes it: Infinity and NaN included
    answer = httpx.Response(200, content=content, headers={"content-type": "application/json"})
    with caplog.at_level(logging.DEBUG, logger="polyvault.apideck"), client_for("apideck", lambda _: answer) as apideck:
        caplog.clear()
        logs = list(apideck.logs.list())
    lines = [record.getMessage() for record in caplog.records if record.getMessage().startswith("response field ")]
    return logs, lines


def _changed(**fields: Any) -> dict[str, Any]:
    return {**ENTRY, **fields}


def test_a_log_as_apideck_sends_it_reads_as_a_true_log(caplog: pytest.LogCaptureFixture) -> None:
    (log,), lines = _logs(caplog, ENTRY)
    assert type(log) is Log and log == READ and lines == []
    assert type(log.latency) is int and type(log.duration) is float  # a whole number comes back as int
    assert dict(log.extra) == {} and dict(log.raw) == ENTRY
    assert repr(log) == repr(READ) and "raw" not in repr(log)
    with pytest.raises(dataclasses.FrozenInstanceError):
        log.status_code = 500  # type: ignore[misc]
    assert copy.copy(log) == READ and type(copy.copy(log)) is Log
    assert dataclasses.replace(log, status_code=500).status_code == 500 and log.status_code == 204


def _expected(**fields: Any) -> Log:
    return dataclasses.replace(READ, **fields)


def _kept(label: str, expected: str, found: str) -> str:
    return f"response field log.{label}: expected {expected}, got {found}; read as None (the record's .raw keeps the JSON)"


def _converted(label: str, expected: str, found: str) -> str:
    return f"response field log.{label}: expected {expected}, got {found}; converted without loss"


NOON = datetime(2026, 12, 6, 4, 48, 57, tzinfo=UTC)
OFF: list[tuple[str, dict[str, Any], Log, list[str]]] = [
    ("id-number", {"id": 7}, _expected(id="7"), [_converted("id", "a string", "a number")]),
    ("timestamp-epoch-ms", {"timestamp": 1_765_000_000_000}, _expected(timestamp=datetime(2025, 12, 6, 5, 46, 40, tzinfo=UTC)), []),
    ("timestamp-naive", {"timestamp": "2026-12-06T04:48:57"}, _expected(timestamp=NOON), []),
    ("timestamp-no-date", {"timestamp": SECRET}, _expected(timestamp=None), [_kept("timestamp", "an ISO 8601 date-time", "a string")]),
    ("method-number", {"http_method": 5}, _expected(http_method="5"), [_converted("http_method", "a string", "a number")]),
    ("path-object", {"path": {"p": SECRET}}, _expected(path=None), [_kept("path", "a string", "an object")]),
    ("status-text", {"status_code": "201"}, _expected(status_code=201), [_converted("status_code", "an integer", "a string")]),
    ("status-bool", {"status_code": True}, _expected(status_code=None), [_kept("status_code", "an integer", "a boolean")]),
    ("success-number", {"success": 1}, _expected(success=None), [_kept("success", "a boolean", "a number")]),
    ("duration-text", {"duration": "12.5"}, _expected(duration=12.5), [_converted("duration", "a number", "a string")]),
    ("duration-infinite", {"duration": float("inf")}, _expected(duration=None), [_kept("duration", "a number", "a number")]),
    ("latency-bool", {"latency": False}, _expected(latency=None), [_kept("latency", "a number", "a boolean")]),
    ("execution-whole-float", {"execution": 627.0}, _expected(execution=627), [_converted("execution", "an integer", "a number")]),
    ("service-text", {"service": SECRET}, _expected(service_id=None, service_name=None), [_kept("service", "an object", "a string")]),
    (
        "operation-id-number",
        {"operation": {"id": 12, "name": None}},
        _expected(operation_id="12", operation_name=None),
        [_converted("operation.id", "a string", "a number")],
    ),
]


@pytest.mark.parametrize(("sent", "read", "lines"), [case[1:] for case in OFF], ids=[case[0] for case in OFF])
def test_a_field_whose_type_is_off_is_read_by_the_tolerant_rule(
    caplog: pytest.LogCaptureFixture, sent: dict[str, Any], read: Log, lines: list[str]
) -> None:
    (log,), logged = _logs(caplog, _changed(**sent))
    assert log == read and logged == lines
    assert dict(log.raw) == _changed(**sent) and dict(log.extra) == {}
    assert not any(SECRET in line for line in logged) and SECRET not in repr(log)


def test_each_log_of_a_page_is_read_on_its_own(caplog: pytest.LogCaptureFixture) -> None:
    """An odd field in one entry changes nothing in the next (the fast path is taken again)."""
    logs, lines = _logs(caplog, ENTRY, _changed(id="log-2", status_code="oops", service=None), _changed(id="log-3"))
    assert logs == [READ, _expected(id="log-2", status_code=None, service_id=None, service_name=None), _expected(id="log-3")]
    assert lines == [_kept("status_code", "an integer", "a string")]


def test_fields_beyond_those_read_are_kept_in_extra(caplog: pytest.LogCaptureFixture) -> None:
    newer = _changed(region="eu-west", service_id="not read by name")
    (log,), lines = _logs(caplog, newer)
    assert dict(log.extra) == {"region": "eu-west", "service_id": "not read by name"} and log == _expected(extra=log.extra)
    assert log.service_id == "google-drive" and lines == []


def test_a_left_out_field_reads_as_null_and_a_newer_one_in_its_place_is_still_extra(caplog: pytest.LogCaptureFixture) -> None:
    """As many fields as a complete entry, but one is new: `.extra` must not be judged by the count alone."""
    entry = {key: value for key, value in ENTRY.items() if key not in ("sandbox", "service")} | {"region": "eu-west", "tier": 2}
    (log,), lines = _logs(caplog, entry)
    assert len(entry) == len(ENTRY)
    assert log == _expected(sandbox=None, service_id=None, service_name=None, extra={"region": "eu-west", "tier": 2})
    assert lines == []


def test_only_the_id_is_left_out_of_the_smallest_entry(caplog: pytest.LogCaptureFixture) -> None:
    (log,), lines = _logs(caplog, {"id": "log-1"})
    assert log == Log("log-1") and dict(log.raw) == {"id": "log-1"} and lines == []


@pytest.mark.parametrize("entry", [_changed(id=None), {key: value for key, value in ENTRY.items() if key != "id"}], ids=["null", "absent"])
def test_a_log_without_an_id_fails_the_listing_naming_the_field(caplog: pytest.LogCaptureFixture, entry: dict[str, Any]) -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        _logs(caplog, ENTRY, entry)
    assert "(log.id: a string needed, found nothing)" in caught.value.message
