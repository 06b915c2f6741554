"""Without a real meter provider (the API's no-op one, or its proxy before the application installs one) polyvault asks for no meter.

OpenTelemetry's global getter is monkeypatched to return each; `get_meter` of their classes is spied
on. The proxy's class is private to `opentelemetry-api` (polyvault recognises it by its name).
"""

from __future__ import annotations

import httpx
import pytest
from _mock import vgs_over

RECORD = {"data": [{"value": "v", "classifiers": [], "aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}], "storage": "PERSISTENT"}]}


def test_no_meter_is_asked_of_the_apis_own_meter_providers(monkeypatch: pytest.MonkeyPatch) -> None:
    import opentelemetry.metrics
    import opentelemetry.trace
    from opentelemetry.metrics._internal import _ProxyMeterProvider

    asked: list[str] = []
    tracing = opentelemetry.trace.NoOpTracerProvider()
    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: tracing)
    for cls in (_ProxyMeterProvider, opentelemetry.metrics.NoOpMeterProvider):
        monkeypatch.setattr(cls, "get_meter", lambda self, *args, **kwargs: asked.append(type(self).__name__))
        metering = cls()
        monkeypatch.setattr(opentelemetry.metrics, "get_meter_provider", lambda metering=metering: metering)
        with vgs_over(lambda request: httpx.Response(200, json=RECORD)) as vgs:
            assert vgs.aliases.reveal("tok_sandbox_a").value == "v"
    assert asked == []
