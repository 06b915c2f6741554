"""polyvault asks an application's providers once for its tracer and its histogram, under the scope `polyvault` <version>.

The providers are SDK ones in memory, returned by OpenTelemetry's global getters (monkeypatched: a
provider polyvault has not seen), and count what they are asked for.
"""

from __future__ import annotations

from typing import Any

import httpx
import polyvault
import pytest
from _mock import vgs_over
from polyvault import BadRequestError

ALIAS = "tok_sandbox_a"
RECORD = {"data": [{"value": "v", "classifiers": [], "aliases": [{"alias": ALIAS, "format": "UUID"}], "storage": "PERSISTENT"}]}
BOUNDARIES = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)  # the semantic conventions' advice


def test_the_tracer_and_histogram_are_asked_for_once_under_the_polyvault_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    import opentelemetry.metrics
    import opentelemetry.trace
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    asked: list[tuple[str, ...]] = []

    class CountingTracerProvider(TracerProvider):
        def get_tracer(self, *args: Any, **kwargs: Any) -> Any:
            asked.append(("tracer", *args, *kwargs.values()))
            return super().get_tracer(*args, **kwargs)

    class CountingMeterProvider(MeterProvider):
        def get_meter(self, *args: Any, **kwargs: Any) -> Any:
            asked.append(("meter", *args, *kwargs.values()))
            meter = super().get_meter(*args, **kwargs)
            create = meter.create_histogram

            def create_histogram(name: str, **kwargs: Any) -> Any:
                asked.append(("histogram", name))  # as asked: the SDK lowercases the name it exports
                return create(name, **kwargs)

            meter.create_histogram = create_histogram  # type: ignore[method-assign]
            return meter

    exporter = InMemorySpanExporter()
    tracing = CountingTracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(exporter))
    reader = InMemoryMetricReader()
    metering = CountingMeterProvider(metric_readers=[reader], shutdown_on_exit=False)
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: tracing)
    monkeypatch.setattr(opentelemetry.metrics, "get_meter_provider", lambda: metering)

    answers = [httpx.Response(200, json=RECORD), httpx.Response(400, json={"errors": [{"title": "Bad request"}]})]
    with vgs_over(lambda request: answers.pop(0)) as vgs:
        vgs.aliases.reveal(ALIAS)
        with pytest.raises(BadRequestError):
            vgs.aliases.reveal(ALIAS)

    assert asked == [
        ("tracer", "polyvault", polyvault.__version__),
        ("meter", "polyvault", polyvault.__version__),
        ("histogram", "http.client.request.duration"),
    ]
    spans = exporter.get_finished_spans()
    assert [(span.instrumentation_scope.name, span.instrumentation_scope.version) for span in spans] == [
        ("polyvault", polyvault.__version__)
    ] * 4
    assert [span.attributes.get("error.type") for span in spans] == [None, None, "400", "BadRequestError"]
    (scope,) = reader.get_metrics_data().resource_metrics[0].scope_metrics
    assert (scope.scope.name, scope.scope.version) == ("polyvault", polyvault.__version__)
    (metric,) = scope.metrics
    assert (metric.name, metric.unit, metric.description) == ("http.client.request.duration", "s", "Duration of HTTP client requests.")
    ok, bad = metric.data.data_points
    assert ok.explicit_bounds == bad.explicit_bounds == BOUNDARIES
    assert (ok.attributes.get("error.type"), bad.attributes.get("error.type")) == (None, "400")  # 400 is the first error status
    tracing.shutdown()
    metering.shutdown()
