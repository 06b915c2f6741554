"""Every OpenTelemetry failure is logged on `polyvault` with where it happened and what was raised; the call goes on.

The application's providers are broken stand-ins returned by OpenTelemetry's global getters
(monkeypatched). `telemetry._failures` is reset (private: the count of failures is process-wide, and
only the first is a WARNING).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
import opentelemetry.metrics
import opentelemetry.trace
import pytest
from _mock import vgs_over
from opentelemetry.trace import INVALID_SPAN_CONTEXT, NonRecordingSpan, SpanKind
from polyvault import NotFoundError, RetryPolicy
from polyvault._core import telemetry

NO_WAIT = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0)
RECORD = {"data": [{"value": "v", "classifiers": [], "aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}], "storage": "PERSISTENT"}]}
GO_ON = "; polyvault calls go on without that telemetry"


def _failed(where: str, error: str) -> str:
    return f"OpenTelemetry failed while {where} (RuntimeError: {error}){GO_ON}"


def _reveal(*answers: httpx.Response) -> None:
    queue = list(answers)
    with vgs_over(lambda request: queue.pop(0), retry_policy=NO_WAIT) as vgs:
        vgs.aliases.reveal("tok_sandbox_a")


def _raise(message: str) -> Any:
    raise RuntimeError(message)


class CallSpan(NonRecordingSpan):
    """A call span that refuses retry events and fails to end."""

    def add_event(self, *args: Any, **kwargs: Any) -> None:
        _raise("events refused")

    def end(self, *args: Any, **kwargs: Any) -> None:
        _raise("export failed")


class Tracing:
    """A tracer provider (and its tracer) whose call spans are `CallSpan`s and whose attempt spans cannot start."""

    def get_tracer(self, *args: Any, **kwargs: Any) -> Any:
        return self

    def start_span(self, name: str, *args: Any, kind: Any = SpanKind.INTERNAL, **kwargs: Any) -> Any:
        return CallSpan(INVALID_SPAN_CONTEXT) if kind is SpanKind.INTERNAL else _raise("no attempt spans")


class Metering:
    """A meter provider (and its meter and histogram) whose histogram refuses every point."""

    def get_meter(self, *args: Any, **kwargs: Any) -> Any:
        return self

    def create_histogram(self, *args: Any, **kwargs: Any) -> Any:
        return self

    def record(self, *args: Any, **kwargs: Any) -> None:
        _raise("points refused")


def test_each_opentelemetry_failure_is_logged_with_where_and_what_and_the_call_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.vgs")  # no attempt lines (they carry latencies)
    caplog.set_level(logging.DEBUG, logger="polyvault")  # last: it sets the capture's level too

    # providers that cannot be got: the first failure is a WARNING, later ones DEBUG
    monkeypatch.setattr(telemetry, "_failures", 0)
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: _raise("tracing down"))
    monkeypatch.setattr(opentelemetry.metrics, "get_meter_provider", lambda: _raise("metrics down"))
    _reveal(httpx.Response(200, json=RECORD))
    assert [(record.name, record.levelno, record.getMessage()) for record in caplog.records] == [
        ("polyvault", logging.WARNING, _failed("getting a tracer", "tracing down")),  # the call's span
        ("polyvault", logging.DEBUG, _failed("getting a tracer", "tracing down")),  # the attempt's span
        ("polyvault", logging.DEBUG, _failed("getting a meter", "metrics down")),  # the attempt's duration
    ]
    caplog.clear()

    # spans and a histogram that fail: the call still ends with its own error, and logs it
    monkeypatch.setattr(telemetry, "_failures", 0)
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", Tracing)
    monkeypatch.setattr(opentelemetry.metrics, "get_meter_provider", Metering)
    with pytest.raises(NotFoundError):
        _reveal(httpx.Response(503, json={"errors": []}), httpx.Response(404, json={"errors": []}))
    assert [(record.name, record.getMessage()) for record in caplog.records] == [
        ("polyvault", _failed("starting an attempt span", "no attempt spans")),
        ("polyvault", _failed("ending an attempt span", "points refused")),
        ("polyvault.vgs", "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503 Service Unavailable"),
        ("polyvault", _failed("adding a retry event", "events refused")),
        ("polyvault", _failed("starting an attempt span", "no attempt spans")),
        ("polyvault", _failed("ending an attempt span", "points refused")),
        ("polyvault", _failed("ending a span", "export failed")),
        ("polyvault.vgs", "Aliases.reveal failed: NotFoundError (404) after 2 attempts"),
    ]
