"""Shared test configuration: async tests run on asyncio through anyio's pytest plugin; an in-memory OpenTelemetry SDK."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def anyio_backend() -> str:
    """Run `@pytest.mark.anyio` tests on asyncio."""
    return "asyncio"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """What the docs tests counted (they record it as user properties, so it survives pytest-xdist workers)."""
    blocks = {"ran": 0, "skipped": 0}
    names: dict[str, int] = {}
    for report in (report for key in ("passed", "failed") for report in terminalreporter.stats.get(key, [])):
        for name, value in getattr(report, "user_properties", ()):
            if name == "docs_blocks" and report.when == "call":
                blocks["ran"] += value["ran"]
                blocks["skipped"] += value["skipped"]
            elif name == "docs_names" and report.when == "call":
                names = value
    if blocks["ran"] or blocks["skipped"]:
        terminalreporter.write_line(f"docs code blocks: {blocks['ran']} ran, {blocks['skipped']} skipped (marked)")
    if names:
        terminalreporter.write_line(f"docs public names: {names['documented']} documented of {names['public']}")


class Telemetry:
    """What an application's OpenTelemetry SDK received while the `otel` fixture was active."""

    def __init__(self, exporter: Any, reader: Any) -> None:
        self._exporter = exporter
        self._reader = reader

    @property
    def spans(self) -> list[Any]:
        """Finished spans, in the order they ended."""
        return list(self._exporter.get_finished_spans())

    def metrics(self) -> dict[str, tuple[str, list[Any]]]:
        """{metric name: (unit, data points)} measured since the last look (delta temporality)."""
        data = self._reader.get_metrics_data()
        found: dict[str, tuple[str, list[Any]]] = {}
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    _, points = found.setdefault(metric.name, (metric.unit, []))
                    points += list(metric.data.data_points)
        return found


@pytest.fixture
def otel() -> Iterator[Telemetry]:
    """An OpenTelemetry SDK as an application installs it (global tracer and meter providers, in memory).

    Global providers can be set once per process, so they are installed on first use and record only
    while this fixture is active (a sampler gate); other tests in the process get non-recording spans.
    The gate's state lives on the installed provider, so a second pytest session in the same process
    (mutmut's runs) finds it even though this conftest is imported afresh.
    """
    from opentelemetry import metrics, trace
    from opentelemetry.sdk.metrics import Histogram, MeterProvider
    from opentelemetry.sdk.metrics.export import AggregationTemporality, InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ALWAYS_ON, Sampler

    state: dict[str, Any] | None = getattr(trace.get_tracer_provider(), "polyvault_test_state", None)
    if state is None:
        gate: dict[str, Any] = {"on": False}

        class Gate(Sampler):
            def should_sample(self, *args: Any, **kwargs: Any) -> Any:
                return (ALWAYS_ON if gate["on"] else ALWAYS_OFF).should_sample(*args, **kwargs)

            def get_description(self) -> str:
                return "records while the otel fixture is active"

        exporter = InMemorySpanExporter()
        tracing = TracerProvider(sampler=Gate())
        tracing.add_span_processor(SimpleSpanProcessor(exporter))
        trace.set_tracer_provider(tracing)
        reader = InMemoryMetricReader(preferred_temporality={Histogram: AggregationTemporality.DELTA})
        metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
        state = gate
        state.update(exporter=exporter, reader=reader)
        tracing.polyvault_test_state = state  # type: ignore[attr-defined]
    telemetry = Telemetry(state["exporter"], state["reader"])
    state["exporter"].clear()
    telemetry.metrics()  # drop what was measured before this test
    state["on"] = True
    try:
        yield telemetry
    finally:
        state["on"] = False
        state["exporter"].clear()
