"""OpenTelemetry traces and metrics of polyvault calls, when the application uses OpenTelemetry (`polyvault[otel]`).

Only `opentelemetry-api` is used, and only once the application has imported it and installed a
tracer (or meter) provider; until then a call costs a dictionary lookup and nothing is imported.

- One INTERNAL span per facade call, `polyvault.<vault>/<Resource>.<method>`
  (`polyvault.vgs/Aliases.tokenize`): `polyvault.vault`, `polyvault.operation`; on failure status
  ERROR and `error.type` (the exception class); one `polyvault.retry` event per retry
  (`polyvault.attempt`, `polyvault.retry.delay`, `polyvault.retry.reason`).
- One CLIENT span per HTTP attempt, its child, named `<METHOD> <path template>` with the HTTP client
  semantic conventions: `http.request.method`, `url.template`, `url.scheme`, `server.address`,
  `server.port`, `http.response.status_code`, `http.request.resend_count` (retries), `error.type`,
  and `polyvault.request_id`. `url.full` is left out on purpose: paths carry aliases and card
  tokens, and Vaultera's query carries the API key.
- The histogram `http.client.request.duration` (seconds, one point per attempt) with the method,
  template, server, status, `error.type` and `polyvault.vault`.

A failure inside OpenTelemetry (a provider, processor or exporter that raises) never fails a call:
the first is logged at WARNING on `polyvault`, later ones at DEBUG.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ..errors import Attempt
    from .observe import Operation

_log = logging.getLogger("polyvault")
_SCOPE = "polyvault"
_DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)  # semconv advice
_DEFAULT_PORTS = {"http": 80, "https": 443}
_tracer: tuple[Any, Any] = (None, None)  # (provider, tracer), for the provider seen last
_meter: tuple[Any, Any] = (None, None)  # (provider, duration histogram)
_failures = 0


def _failed(where: str, error: BaseException) -> None:
    """OpenTelemetry raised: say so (loudly once), never raise."""
    global _failures
    _failures += 1
    level = logging.WARNING if _failures == 1 else logging.DEBUG
    _log.log(
        level,
        "OpenTelemetry failed while %s (%s: %.200s); polyvault calls go on without that telemetry",
        where,
        type(error).__name__,
        error,
    )


def tracer() -> Any:
    """The polyvault tracer of the application's tracer provider, or None when the application traces nothing."""
    global _tracer
    api = sys.modules.get("opentelemetry.trace")
    if api is None:
        return None
    try:
        provider = api.get_tracer_provider()
        if provider is _tracer[0]:
            return _tracer[1]
        found = None
        if not isinstance(provider, (api.ProxyTracerProvider, api.NoOpTracerProvider)):
            from .. import __version__

            found = provider.get_tracer(_SCOPE, __version__)
        _tracer = (provider, found)
        return found
    except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
        _failed("getting a tracer", exc)
        return None


def meter() -> Any:
    """The request-duration histogram of the application's meter provider, or None when it measures nothing."""
    global _meter
    api = sys.modules.get("opentelemetry.metrics")
    if api is None:
        return None
    try:
        provider = api.get_meter_provider()
        if provider is _meter[0]:
            return _meter[1]
        found = None
        if not isinstance(provider, api.NoOpMeterProvider) and type(provider).__name__ != "_ProxyMeterProvider":
            from .. import __version__

            found = provider.get_meter(_SCOPE, __version__).create_histogram(
                "http.client.request.duration",
                unit="s",
                description="Duration of HTTP client requests.",
                explicit_bucket_boundaries_advisory=_DURATION_BUCKETS,
            )
        _meter = (provider, found)
        return found
    except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
        _failed("getting a meter", exc)
        return None


class TracedCall:
    """A facade call with its span; the same interface as `observe.Operation` (`name`, `log`, `span`, `end`)."""

    __slots__ = ("_token", "operation", "span")

    def __init__(self, operation: Operation, span: Any, token: Any) -> None:
        self.operation = operation
        self.span = span
        self._token = token

    @property
    def name(self) -> str:
        return self.operation.name

    @property
    def vault(self) -> str:
        return self.operation.vault

    @property
    def log(self) -> logging.Logger:
        return self.operation.log

    @classmethod
    def start(cls, operation: Operation, tracer: Any, *, current: bool) -> TracedCall | Operation:
        """Open the call's span (and make it current if `current`); the bare operation if OpenTelemetry fails."""
        try:
            span = tracer.start_span(
                f"polyvault.{operation.vault}/{operation.name}",
                attributes={"polyvault.vault": operation.vault, "polyvault.operation": operation.name},
            )
            token = None
            if current:
                from opentelemetry import context, trace

                token = context.attach(trace.set_span_in_context(span))
            return cls(operation, span, token)
        except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
            _failed("starting a span", exc)
            return operation

    def end(self, error: BaseException | None) -> None:
        """Close the span (status ERROR and `error.type` when the call raised), then log like an untraced call."""
        try:
            if self._token is not None:
                from opentelemetry import context

                context.detach(self._token)
            if error is not None:
                _set_error(self.span, type(error).__name__)
            self.span.end()
        except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
            _failed("ending a span", exc)
        self.operation.end(error)


def _set_error(span: Any, error_type: str) -> None:
    from opentelemetry.trace import Status, StatusCode

    span.set_attribute("error.type", error_type)
    span.set_status(Status(StatusCode.ERROR, error_type))


def _server(request: httpx.Request) -> dict[str, Any]:
    url = request.url
    return {
        "http.request.method": request.method,
        "server.address": url.host,
        "server.port": url.port or _DEFAULT_PORTS.get(url.scheme, 0),
    }


def start_attempt(call: Any, request: httpx.Request, template: str, retries: int) -> Any:
    """The CLIENT span of one HTTP attempt, a child of the call's span (None if OpenTelemetry fails)."""
    found = tracer()
    if found is None:
        return None
    try:
        from opentelemetry import trace

        attributes = {**_server(request), "url.template": template, "url.scheme": request.url.scheme}
        if retries:
            attributes["http.request.resend_count"] = retries
        parent = trace.set_span_in_context(call.span) if call is not None and call.span is not None else None
        return found.start_span(f"{request.method} {template}", context=parent, kind=trace.SpanKind.CLIENT, attributes=attributes)
    except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
        _failed("starting an attempt span", exc)
        return None


def _error_type(attempt: Attempt) -> str | None:
    if attempt.error is not None:
        return attempt.error
    return str(attempt.status_code) if attempt.status_code is not None and attempt.status_code >= 400 else None


def end_attempt(span: Any, histogram: Any, call: Any, request: httpx.Request, template: str, attempt: Attempt) -> None:
    """Close an attempt's span (if any) and record its duration in `histogram` (if any)."""
    error_type = _error_type(attempt)
    try:
        if span is not None:
            if attempt.status_code is not None:
                span.set_attribute("http.response.status_code", attempt.status_code)
            if attempt.request_id is not None:
                span.set_attribute("polyvault.request_id", attempt.request_id)
            if error_type is not None:
                _set_error(span, error_type)
            span.end()
        if histogram is not None:
            points = {**_server(request), "url.template": template}
            if call is not None:
                points["polyvault.vault"] = call.vault
            if attempt.status_code is not None:
                points["http.response.status_code"] = attempt.status_code
            if error_type is not None:
                points["error.type"] = error_type
            histogram.record(attempt.duration, points)
    except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
        _failed("ending an attempt span", exc)


def abandon_attempt(span: Any, error: BaseException) -> None:
    """Close an attempt's span that ended without a response or transport error (a cancellation, a closed client)."""
    try:
        _set_error(span, type(error).__name__)
        span.end()
    except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
        _failed("ending an attempt span", exc)


def retrying(call: Any, attempt: int, delay: float, reason: str) -> None:
    """Note on the call's span that attempt number `attempt` follows after `delay` seconds, and why."""
    try:
        call.span.add_event(
            "polyvault.retry", {"polyvault.attempt": attempt, "polyvault.retry.delay": delay, "polyvault.retry.reason": reason}
        )
    except Exception as exc:  # noqa: BLE001 - telemetry never fails a call
        _failed("adding a retry event", exc)
