"""An attempt span follows the tracing there is at that attempt.

Under the application's span when polyvault's call has none; none once tracing is gone.

The application's tracer providers are returned by OpenTelemetry's global getter (monkeypatched).
`telemetry._failures` is reset (private: the count of failures is process-wide).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
import opentelemetry.metrics
import opentelemetry.trace
import pytest
from _mock import vgs_over
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from polyvault import RetryPolicy
from polyvault._core import telemetry

NO_WAIT = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0)
RECORD = {"data": [{"value": "v", "classifiers": [], "aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}], "storage": "PERSISTENT"}]}


def _reveal(handler: Any) -> None:
    with vgs_over(handler, retry_policy=NO_WAIT) as vgs:
        vgs.aliases.reveal("tok_sandbox_a")


def test_attempt_spans_nest_under_the_applications_span_without_a_call_span_and_stop_with_tracing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    exporter = InMemorySpanExporter()
    sdk = TracerProvider()
    sdk.add_span_processor(SimpleSpanProcessor(exporter))
    application = sdk.get_tracer("shop")
    metering = opentelemetry.metrics.NoOpMeterProvider()
    monkeypatch.setattr(opentelemetry.metrics, "get_meter_provider", lambda: metering)
    monkeypatch.setattr(telemetry, "_failures", 0)
    caplog.set_level(logging.INFO, logger="polyvault.vgs")  # no attempt lines (they carry latencies)
    caplog.set_level(logging.DEBUG, logger="polyvault")  # every OpenTelemetry failure (all but the first are DEBUG)

    class NoCallSpans:
        """A provider (and tracer) whose call spans fail to start; attempt spans are the SDK's."""

        def get_tracer(self, *args: Any, **kwargs: Any) -> Any:
            return self

        def start_span(self, name: str, *args: Any, kind: Any = SpanKind.INTERNAL, **kwargs: Any) -> Any:
            if kind is SpanKind.INTERNAL:
                raise RuntimeError("no call spans")
            return application.start_span(name, *args, kind=kind, **kwargs)

    no_call_spans = NoCallSpans()
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: no_call_spans)
    with application.start_as_current_span("checkout") as checkout:
        _reveal(lambda request: httpx.Response(200, json=RECORD))
    attempt, _ = exporter.get_finished_spans()
    assert (attempt.name, attempt.parent.span_id) == ("GET /aliases/{alias}", checkout.get_span_context().span_id)
    assert [record.getMessage() for record in caplog.records] == [
        "OpenTelemetry failed while starting a span (RuntimeError: no call spans); polyvault calls go on without that telemetry"
    ]
    exporter.clear()
    caplog.clear()

    # the application turns tracing off while the first attempt is under way: the retry is not traced, and nothing fails
    current: dict[str, Any] = {"provider": sdk}
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: current["provider"])
    answers = [httpx.Response(503, json={"errors": []}), httpx.Response(200, json=RECORD)]

    def answer(request: httpx.Request) -> httpx.Response:
        current["provider"] = opentelemetry.trace.NoOpTracerProvider()
        return answers.pop(0)

    _reveal(answer)
    assert [(span.name, span.attributes.get("http.response.status_code")) for span in exporter.get_finished_spans()] == [
        ("GET /aliases/{alias}", 503),
        ("polyvault.vgs/Aliases.reveal", None),
    ]
    assert [record.getMessage() for record in caplog.records] == [
        "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503 Service Unavailable"
    ]
    sdk.shutdown()
