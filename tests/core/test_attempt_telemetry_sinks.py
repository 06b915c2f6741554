"""Each attempt reaches every telemetry sink the application has (spans, the duration histogram, DEBUG lines), whichever others it lacks.

The application's providers are SDK ones in memory or the API's no-op ones, returned by OpenTelemetry's
global getters (monkeypatched, so each phase is a provider polyvault has not seen). Attempt durations
come from a fake `perf_counter` in `polyvault._core.observe` (private: no public clock times attempts).
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import httpx
import pytest
from _mock import vgs_over
from polyvault import RetryPolicy
from polyvault._core import observe

NO_WAIT = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0)
ALIAS = "tok_sandbox_a"
RECORD = {
    "data": [
        {
            "value": "v",
            "classifiers": [],
            "aliases": [{"alias": ALIAS, "format": "UUID"}],
            "created_at": "2026-01-01T00:00:00Z",
            "storage": "PERSISTENT",
        }
    ]
}
RETRY_LINE = "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503 Service Unavailable"
ATTEMPT = {"http.request.method": "GET", "server.address": "vgs.test", "server.port": 443, "url.template": "/aliases/{alias}"}


def _reveal(*answers: httpx.Response) -> None:
    queue = list(answers)
    with vgs_over(lambda request: queue.pop(0), retry_policy=NO_WAIT) as vgs:
        vgs.aliases.reveal(ALIAS)


def _unavailable(**extensions: Any) -> httpx.Response:
    return httpx.Response(503, json={"errors": []}, extensions=extensions)


def _lines(caplog: pytest.LogCaptureFixture) -> list[tuple[str, int, str]]:
    lines = [(record.name, record.levelno, record.getMessage()) for record in caplog.records if record.name.startswith("polyvault")]
    caplog.clear()
    return lines


def test_spans_histogram_and_debug_lines_each_work_without_the_others(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import opentelemetry.metrics
    import opentelemetry.trace
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    def providers(tracing: Any, metering: Any) -> None:
        monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: tracing)
        monkeypatch.setattr(opentelemetry.metrics, "get_meter_provider", lambda: metering)

    ticks = itertools.count(10.0, 0.5)  # every attempt takes 0.5 s
    monkeypatch.setattr(observe, "perf_counter", lambda: next(ticks))

    # spans only, no DEBUG: each attempt span still ends, with its outcome
    caplog.set_level(logging.INFO, logger="polyvault")
    exporter = InMemorySpanExporter()
    tracing = TracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(exporter))
    providers(tracing, opentelemetry.metrics.NoOpMeterProvider())
    _reveal(_unavailable(), httpx.Response(200, json=RECORD))
    spans = exporter.get_finished_spans()
    assert [(span.name, dict(span.attributes)) for span in spans] == [
        ("GET /aliases/{alias}", {**ATTEMPT, "url.scheme": "https", "http.response.status_code": 503, "error.type": "503"}),
        ("GET /aliases/{alias}", {**ATTEMPT, "url.scheme": "https", "http.request.resend_count": 1, "http.response.status_code": 200}),
        ("polyvault.vgs/Aliases.reveal", {"polyvault.vault": "vgs", "polyvault.operation": "Aliases.reveal"}),
    ]
    assert _lines(caplog) == [("polyvault.vgs", logging.INFO, RETRY_LINE)]
    tracing.shutdown()

    # the histogram only, no DEBUG: each attempt is measured; an untraced call adds no span or event
    reader = InMemoryMetricReader()
    metering = MeterProvider(metric_readers=[reader], shutdown_on_exit=False)
    providers(opentelemetry.trace.NoOpTracerProvider(), metering)
    _reveal(_unavailable(), httpx.Response(200, json=RECORD))
    (metric,) = reader.get_metrics_data().resource_metrics[0].scope_metrics[0].metrics
    assert [(dict(point.attributes), point.count, point.sum) for point in metric.data.data_points] == [
        ({**ATTEMPT, "polyvault.vault": "vgs", "http.response.status_code": 503, "error.type": "503"}, 1, 0.5),
        ({**ATTEMPT, "polyvault.vault": "vgs", "http.response.status_code": 200}, 1, 0.5),
    ]
    assert _lines(caplog) == [("polyvault.vgs", logging.INFO, RETRY_LINE)]  # no OpenTelemetry failure
    metering.shutdown()

    # neither (the API's no-op providers), DEBUG on: one line per attempt, its latency in ms, its request id bounded and printable
    caplog.set_level(logging.DEBUG, logger="polyvault")
    providers(opentelemetry.trace.NoOpTracerProvider(), opentelemetry.metrics.NoOpMeterProvider())
    request_id = "id\t" + "x" * 80  # 83 characters, one of them a tab
    _reveal(_unavailable(reason_phrase=b""), httpx.Response(200, json=RECORD, headers={"vgs-request-id": request_id}))
    assert _lines(caplog) == [
        ("polyvault.vgs", logging.DEBUG, "Aliases.reveal: GET /aliases/{alias} -> 503 in 500.0 ms (attempt 1)"),
        ("polyvault.vgs", logging.INFO, "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503"),
        (
            "polyvault.vgs",
            logging.DEBUG,
            f"Aliases.reveal: GET /aliases/{{alias}} -> 200 in 500.0 ms (attempt 2, request id id?{'x' * 77})",
        ),
    ]
