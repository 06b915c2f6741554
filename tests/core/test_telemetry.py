"""OpenTelemetry, as an application with the SDK sees polyvault: one span per call, one child per HTTP attempt, a duration histogram.

The `otel` fixture (tests/conftest.py) installs the SDK's global tracer and meter providers with an
in-memory span exporter and metric reader, as an application would. Without OpenTelemetry (or
without a provider) polyvault imports and records nothing: checked in fresh interpreters.
"""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import textwrap
from typing import Any

import polyvault
import pytest
from polyvault import ClientClosedError, NotFoundError, RetryPolicy, VaultConnectionError
from polyvault.testing import FakeApideck, FakeVaultera, FakeVGS

CARD = "4111111111111111"
NO_WAIT = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0)
SERVER = {"server.address": "vgs.fake.test", "server.port": 443}


def _by_name(spans: list[Any], name: str) -> list[Any]:
    return [span for span in spans if span.name == name]


def test_a_call_is_one_span_with_a_client_span_per_attempt_and_retries_as_events(fake_vgs: FakeVGS, otel: Any) -> None:
    from opentelemetry.trace import SpanKind, StatusCode

    with fake_vgs.client(retry_policy=NO_WAIT) as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        fake_vgs.inject("503", route="GET /aliases/{alias}", times=1)
        vgs.aliases.reveal(alias)
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.reveal")
    assert call.kind is SpanKind.INTERNAL and call.parent is None
    assert dict(call.attributes) == {"polyvault.vault": "vgs", "polyvault.operation": "Aliases.reveal"}
    assert [(event.name, dict(event.attributes)) for event in call.events] == [
        ("polyvault.retry", {"polyvault.attempt": 2, "polyvault.retry.delay": 0.0, "polyvault.retry.reason": "503 Service Unavailable"})
    ]
    assert call.status.status_code is StatusCode.UNSET
    first, second = _by_name(otel.spans, "GET /aliases/{alias}")
    assert first.parent.span_id == second.parent.span_id == call.context.span_id
    assert first.kind is second.kind is SpanKind.CLIENT
    assert dict(first.attributes) == {
        "http.request.method": "GET",
        **SERVER,
        "url.template": "/aliases/{alias}",
        "url.scheme": "https",
        "http.response.status_code": 503,
        "error.type": "503",
        "polyvault.request_id": first.attributes["polyvault.request_id"],  # VGS's VGS-Request-Id header
    }
    assert first.status.status_code is StatusCode.ERROR
    request_id = second.attributes["polyvault.request_id"]
    assert dict(second.attributes) == {
        "http.request.method": "GET",
        **SERVER,
        "url.template": "/aliases/{alias}",
        "url.scheme": "https",
        "http.request.resend_count": 1,
        "http.response.status_code": 200,
        "polyvault.request_id": request_id,
    }
    assert len(request_id) == 32 and request_id != first.attributes["polyvault.request_id"]


def test_a_failed_call_ends_its_span_with_the_error_type(fake_vgs: FakeVGS, otel: Any) -> None:
    from opentelemetry.trace import StatusCode

    with fake_vgs.client() as vgs, pytest.raises(NotFoundError):
        vgs.aliases.reveal("tok_sandbox_missing")
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.reveal")
    assert call.status.status_code is StatusCode.ERROR and call.status.description == "NotFoundError"
    assert call.attributes["error.type"] == "NotFoundError"
    (attempt,) = _by_name(otel.spans, "GET /aliases/{alias}")
    assert attempt.attributes["error.type"] == "404" and attempt.attributes["http.response.status_code"] == 404


class HookError(Exception):
    """An exception of the caller's own, raised from its `on_rate_limit` hook."""


def _refuse(event: Any) -> bool:
    raise HookError


def _reveal_with_hook(fake: FakeVGS, mode: str) -> None:
    if mode == "sync":
        with fake.client(on_rate_limit=_refuse) as vgs:
            vgs.aliases.reveal("tok_sandbox_x")
        return

    async def reveal() -> None:
        async with fake.async_client(on_rate_limit=_refuse) as vgs:
            await vgs.aliases.reveal("tok_sandbox_x")

    asyncio.run(reveal())


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_call_ended_by_the_callers_own_exception_ends_its_span_with_that_type(fake_vgs: FakeVGS, otel: Any, mode: str) -> None:
    from opentelemetry.trace import StatusCode

    fake_vgs.inject("429", route="GET /aliases/{alias}", times=1)
    with pytest.raises(HookError):
        _reveal_with_hook(fake_vgs, mode)
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.reveal")
    assert call.status.status_code is StatusCode.ERROR and call.status.description == "HookError"
    assert call.attributes["error.type"] == "HookError" and call.end_time is not None


def test_an_attempt_answered_400_is_an_error_and_one_answered_399_is_not(otel: Any) -> None:
    import httpx
    from polyvault import VGS, BadRequestError

    answers = iter([httpx.Response(399, json={}), httpx.Response(400, json={"errors": [{"title": "Bad request"}]})])
    http = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)))
    with VGS("u", "p", base_url="https://vgs.test", http_client=http) as vgs:
        with pytest.raises(polyvault.UnexpectedResponseError):
            vgs.aliases.reveal("tok_sandbox_a")
        with pytest.raises(BadRequestError):
            vgs.aliases.reveal("tok_sandbox_a")
    first, second = _by_name(otel.spans, "GET /aliases/{alias}")
    assert "error.type" not in first.attributes and second.attributes["error.type"] == "400"


def test_every_attempt_is_measured_in_the_request_duration_histogram(fake_vgs: FakeVGS, otel: Any) -> None:
    fake_vgs.inject("429", route="POST /aliases", times=1, retry_after=0)
    with fake_vgs.client(retry_policy=NO_WAIT) as vgs:
        vgs.aliases.tokenize([CARD])
    unit, points = otel.metrics()["http.client.request.duration"]
    assert unit == "s"
    by_status = {point.attributes["http.response.status_code"]: point for point in points}
    assert sorted(by_status) == [201, 429]
    common = {"http.request.method": "POST", **SERVER, "url.template": "/aliases", "polyvault.vault": "vgs"}
    assert dict(by_status[429].attributes) == {**common, "http.response.status_code": 429, "error.type": "429"}
    assert dict(by_status[201].attributes) == {**common, "http.response.status_code": 201}
    assert [point.count for point in points] == [1, 1] and all(0 < point.sum < 5 for point in points)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_bulk_calls_requests_are_children_of_its_span(mode: str, otel: Any) -> None:
    import anyio

    fake = FakeVGS()
    values = [f"value-{index}" for index in range(45)]  # three requests of at most 20
    if mode == "sync":
        with fake.client() as vgs:
            vgs.aliases.tokenize(values)
    else:

        async def main() -> None:
            async with fake.async_client() as vgs:
                await vgs.aliases.tokenize(values)

        anyio.run(main)
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.tokenize")
    attempts = _by_name(otel.spans, "POST /aliases")
    assert len(attempts) == 3 and {span.parent.span_id for span in attempts} == {call.context.span_id}


def test_a_listing_is_one_span_across_its_pages(fake_apideck: FakeApideck, otel: Any) -> None:
    fake_apideck.add_logs(5)
    with fake_apideck.client() as apideck:
        assert len(list(apideck.logs.list(limit=2))) == 5
    (call,) = _by_name(otel.spans, "polyvault.apideck/Logs.list")
    pages = _by_name(otel.spans, "GET /vault/logs")
    assert len(pages) == 3 and {span.parent.span_id for span in pages} == {call.context.span_id}
    assert len({span.attributes["polyvault.request_id"] for span in pages}) == 3  # each page's own Apideck Request-Id


def test_a_listing_span_is_not_current_between_pages_and_ends_clean_when_closed_early(fake_apideck: FakeApideck, otel: Any) -> None:
    from opentelemetry import trace
    from opentelemetry.trace import StatusCode

    fake_apideck.add_logs(3)
    with fake_apideck.client() as apideck:
        assert len(list(apideck.logs.list(limit=1))) == 3
        logs = apideck.logs.list(limit=1)
        next(logs)
        assert trace.get_current_span() is trace.INVALID_SPAN  # the caller's code runs between pages, outside our span
        logs.close()  # the caller stops early
    done, closed = _by_name(otel.spans, "polyvault.apideck/Logs.list")
    for call in (done, closed):
        assert call.status.status_code is StatusCode.UNSET and "error.type" not in call.attributes and call.end_time is not None
    assert len(_by_name(otel.spans, "GET /vault/logs")) == 3 + 1


def test_a_listing_closed_under_way_ends_its_attempt_and_call_spans_with_the_error(fake_apideck: FakeApideck, otel: Any) -> None:
    from opentelemetry.trace import StatusCode

    fake_apideck.add_logs(3)
    apideck = fake_apideck.client()
    logs = apideck.logs.list(limit=1)
    next(logs)
    apideck.close()
    with pytest.raises(ClientClosedError):
        next(logs)
    (call,) = _by_name(otel.spans, "polyvault.apideck/Logs.list")
    assert call.status.status_code is StatusCode.ERROR and call.attributes["error.type"] == "ClientClosedError"
    assert len(_by_name(otel.spans, "GET /vault/logs")) == 1  # refused before an attempt began


def test_an_interrupted_sync_call_ends_the_attempt_under_way_as_interrupted(otel: Any) -> None:
    import httpx
    from opentelemetry.trace import StatusCode
    from polyvault import VGS

    def handler(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt  # Ctrl-C while the request is under way

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with VGS("u", "p", base_url="https://vgs.test", http_client=http) as vgs, pytest.raises(KeyboardInterrupt):
        vgs.aliases.reveal("tok_sandbox_x")
    (attempt,) = _by_name(otel.spans, "GET /aliases/{alias}")
    assert attempt.attributes["error.type"] == "KeyboardInterrupt" and attempt.status.status_code is StatusCode.ERROR
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.reveal")
    assert call.attributes["error.type"] == "KeyboardInterrupt"


def test_a_cancelled_async_call_ends_the_attempt_under_way_as_cancelled(fake_vgs: FakeVGS, otel: Any) -> None:
    from opentelemetry.trace import StatusCode

    fake_vgs.inject("latency", route="GET /aliases/{alias}", seconds=5, times=1)

    async def main() -> None:
        async with fake_vgs.async_client() as vgs:
            await asyncio.wait_for(vgs.aliases.reveal("tok_sandbox_x"), timeout=0.3)

    with pytest.raises(TimeoutError):
        asyncio.run(main())
    (attempt,) = _by_name(otel.spans, "GET /aliases/{alias}")
    assert attempt.attributes["error.type"] == "CancelledError" and attempt.status.status_code is StatusCode.ERROR
    assert attempt.end_time is not None
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.reveal")
    assert call.attributes["error.type"] == "CancelledError"


def test_a_listing_whose_next_page_cannot_be_fetched_fails_with_the_transport_error(fake_apideck: FakeApideck, otel: Any) -> None:
    from opentelemetry.trace import StatusCode

    fake_apideck.add_logs(3)
    with fake_apideck.client(retry_policy=RetryPolicy(max_retries=0)) as apideck:
        logs = apideck.logs.list(limit=1)
        next(logs)
        fake_apideck.inject("reset_before", route="GET /vault/logs", times=None)
        with pytest.raises(VaultConnectionError) as caught:
            next(logs)
    assert caught.value.message.startswith("GET /vault/logs got no response")
    (call,) = _by_name(otel.spans, "polyvault.apideck/Logs.list")
    assert call.status.status_code is StatusCode.ERROR and call.attributes["error.type"] == "VaultConnectionError"


def test_the_call_span_is_current_while_the_call_runs(fake_vgs: FakeVGS, otel: Any) -> None:
    """An application's own instrumentation (an httpx instrumentor, a log correlator) sees polyvault's span as its parent."""
    from opentelemetry import trace

    seen: list[str] = []

    class Spy(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(format(trace.get_current_span().get_span_context().span_id, "x"))

    spy = Spy(level=logging.DEBUG)
    logger = logging.getLogger("polyvault.vgs")
    logger.addHandler(spy)
    logger.setLevel(logging.DEBUG)
    try:
        with fake_vgs.client() as vgs:
            vgs.aliases.tokenize([CARD])
    finally:
        logger.removeHandler(spy)
        logger.setLevel(logging.NOTSET)
    (call,) = _by_name(otel.spans, "polyvault.vgs/Aliases.tokenize")
    assert seen == [format(call.context.span_id, "x")]


def test_a_path_template_is_found_for_a_request_built_outside_the_endpoint_table(otel: Any) -> None:
    fake = FakeVaultera()
    with fake.client() as vaultera:
        card = vaultera.cards.store(card_number=CARD, expiration_month="12", expiration_year="2031")
        vaultera.cards.send(card.card_token, method="post", url="https://gateway.example/pay")
    (send,) = [span for span in otel.spans if span.name.endswith("/send")]
    assert send.name == "POST /api/v1/cards/{card_token}/send" and send.attributes["url.template"] == "/api/v1/cards/{card_token}/send"
    assert all(card.card_token not in span.name and card.card_token not in str(dict(span.attributes)) for span in otel.spans)


def test_an_opentelemetry_failure_is_logged_and_never_fails_the_call(
    fake_vgs: FakeVGS, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import opentelemetry.trace
    from polyvault._core import telemetry

    class Broken:
        def get_tracer(self, *args: Any, **kwargs: Any) -> Any:
            return self

        def start_span(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("exporter queue is full")

    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: Broken())
    monkeypatch.setattr(telemetry, "_failures", 0)
    caplog.set_level(logging.DEBUG, logger="polyvault")
    with fake_vgs.client() as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        assert vgs.aliases.reveal(alias).value == CARD
    failures = [record for record in caplog.records if "OpenTelemetry failed" in record.getMessage()]
    assert failures[0].levelno == logging.WARNING and failures[0].name == "polyvault"
    assert failures[0].getMessage() == (
        "OpenTelemetry failed while starting a span (RuntimeError: exporter queue is full); polyvault calls go on without that telemetry"
    )
    assert {record.levelno for record in failures[1:]} == {logging.DEBUG} and len(failures) == 4  # 2 call spans, 2 attempt spans
    assert [record.args[0] for record in failures] == ["starting a span", "starting an attempt span"] * 2  # type: ignore[index]


def test_spans_that_fail_to_take_events_or_to_end_are_logged_and_never_fail_the_call(
    fake_vgs: FakeVGS, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import opentelemetry.trace
    from opentelemetry.trace import INVALID_SPAN_CONTEXT, NonRecordingSpan, SpanKind
    from polyvault._core import telemetry

    class BrokenSpan(NonRecordingSpan):
        def __init__(self, attempt: bool) -> None:
            super().__init__(INVALID_SPAN_CONTEXT)
            self.attempt = attempt

        def add_event(self, *args: Any, **kwargs: Any) -> None:
            raise RuntimeError("events refused")

        def end(self, *args: Any, **kwargs: Any) -> None:
            if self.attempt:
                raise RuntimeError("export failed")

    class Broken:
        def get_tracer(self, *args: Any, **kwargs: Any) -> Any:
            return self

        def start_span(self, name: str, *args: Any, kind: Any = SpanKind.INTERNAL, **kwargs: Any) -> Any:
            return BrokenSpan(kind is SpanKind.CLIENT)

    monkeypatch.setattr(opentelemetry.trace, "get_tracer_provider", lambda: Broken())
    monkeypatch.setattr(telemetry, "_failures", 0)
    caplog.set_level(logging.DEBUG, logger="polyvault")
    fake_vgs.inject("503", route="GET /aliases/{alias}", times=1)
    fake_vgs.inject("latency", route="POST /aliases", seconds=5, times=1)
    with fake_vgs.client(retry_policy=NO_WAIT) as vgs, pytest.raises(NotFoundError):
        vgs.aliases.reveal("tok_sandbox_missing")  # a 503, a retry event, then a 404

    async def cancelled() -> None:
        async with fake_vgs.async_client() as vgs:
            await asyncio.wait_for(vgs.aliases.tokenize([CARD]), timeout=0.3)

    with pytest.raises(TimeoutError):
        asyncio.run(cancelled())
    failures = [record for record in caplog.records if record.getMessage().startswith("OpenTelemetry failed")]
    assert [(record.args[0], record.args[1], str(record.args[2])) for record in failures] == [  # type: ignore[index]
        ("ending an attempt span", "RuntimeError", "export failed"),
        ("adding a retry event", "RuntimeError", "events refused"),
        ("ending an attempt span", "RuntimeError", "export failed"),
        ("ending an attempt span", "RuntimeError", "export failed"),  # the cancelled call's attempt
    ]
    assert [record.levelno for record in failures] == [logging.WARNING] + [logging.DEBUG] * 3


PROBE = textwrap.dedent(
    """
    import json, sys
    {prelude}
    from polyvault.testing import FakeVGS
    fake = FakeVGS()
    with fake.client() as vgs:
        alias = vgs.aliases.tokenize(["4111111111111111"])[0]
        vgs.aliases.reveal(alias)
    from polyvault._core import telemetry
    print(json.dumps({{"otel_modules": sorted(name for name in sys.modules if name.startswith("opentelemetry")),
                      "tracer": repr(telemetry._tracer[1]), "meter": repr(telemetry._meter[1]), "spans": SPANS}}))
    """
)

BLOCKED = """
class _NoOpenTelemetry:
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, _NoOpenTelemetry())
SPANS = 0
"""

API_ONLY = """
import opentelemetry.trace, opentelemetry.metrics
SPANS = 0
_start = opentelemetry.trace.ProxyTracer.start_span
def _counted(self, *args, **kwargs):
    global SPANS
    SPANS += 1
    return _start(self, *args, **kwargs)
opentelemetry.trace.ProxyTracer.start_span = _counted
"""


@pytest.mark.slow
@pytest.mark.parametrize("setup", ["not installed", "no provider"])
def test_without_opentelemetry_or_a_provider_nothing_is_imported_or_recorded(setup: str) -> None:
    code = PROBE.format(prelude=BLOCKED if setup == "not installed" else API_ONLY)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["tracer"] == report["meter"] == "None" and report["spans"] == 0
    if setup == "not installed":
        assert report["otel_modules"] == []
