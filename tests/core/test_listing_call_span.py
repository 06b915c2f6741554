"""A listing is one call span from its first page to its end: not current between pages, clean when read or closed, ERROR when it fails.

The application's tracer provider is an SDK one in memory, returned by OpenTelemetry's global getter
(monkeypatched: a provider polyvault has not seen).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from polyvault import RetryPolicy, VaultConnectionError
from polyvault.testing import FakeApideck

CALL = {"polyvault.vault": "apideck", "polyvault.operation": "Logs.list"}


def test_a_listings_span_ends_clean_when_read_or_closed_and_with_the_error_when_a_page_fails(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import opentelemetry.trace
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from opentelemetry.trace import StatusCode

    exporter = InMemorySpanExporter()
    tracing = TracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(exporter))
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: tracing)
    caplog.set_level(logging.INFO, logger="polyvault")

    def calls() -> list[tuple[Any, ...]]:
        found = [
            (span.status.status_code, span.status.description, dict(span.attributes))
            for span in exporter.get_finished_spans()
            if span.name == "polyvault.apideck/Logs.list"
        ]
        exporter.clear()
        return found

    fake = FakeApideck(validate=False)  # no request or response checks against the spec: faster
    fake.add_logs(2)
    with fake.client(retry_policy=RetryPolicy(max_retries=0)) as apideck:
        current = []
        for _ in apideck.logs.list(limit=1):
            current.append(trace.get_current_span())  # the caller's code runs between pages, outside polyvault's span
        assert current == [trace.INVALID_SPAN] * 2
        assert calls() == [(StatusCode.UNSET, None, CALL)]

        logs = apideck.logs.list(limit=1)
        next(logs)
        logs.close()  # the caller stops early: not an error
        assert calls() == [(StatusCode.UNSET, None, CALL)]

        logs = apideck.logs.list(limit=1)
        next(logs)
        fake.inject("reset_before", route="GET /vault/logs", times=None)
        with pytest.raises(VaultConnectionError):
            next(logs)
        assert calls() == [(StatusCode.ERROR, "VaultConnectionError", {**CALL, "error.type": "VaultConnectionError"})]
    assert [(record.name, record.getMessage()) for record in caplog.records] == [
        ("polyvault.apideck", "Logs.list failed: VaultConnectionError after 1 attempt")
    ]  # and nothing from OpenTelemetry (a context detached that was never attached would log an ERROR)
    tracing.shutdown()
