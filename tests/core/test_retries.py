"""The one retry policy, proven through the public API (VGS and VaultPAM are the vehicles; all vaults share it)."""

from __future__ import annotations

import itertools
import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from polyvault import (
    VGS,
    BulkOperationError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultTimeoutError,
)
from polyvault._core.ratelimit import read_rate_limit, retry_after
from polyvault.testing import FakeVaultPAM, FakeVGS, ManualClock

FAST = RetryPolicy(max_retries=3, backoff=0.001, max_backoff=0.01)


def _alias(fake: FakeVGS, value: str = "4111111111111111") -> str:
    with fake.client() as vgs:
        alias: str = vgs.aliases.tokenize([value])[0]
    return alias


def test_429_is_retried_after_retry_after_for_any_method(fake_vgs: FakeVGS) -> None:
    fault = fake_vgs.inject("429", route="POST /aliases", times=1, retry_after=1)
    with fake_vgs.client(retry_policy=FAST) as vgs:
        aliases = vgs.aliases.tokenize(["4111111111111111"])
    creates = [request for request in fake_vgs.requests if request.route == "POST /aliases"]
    assert fault.hits == 1 and len(creates) == 2 and len(aliases) == 1
    assert creates[1].at - creates[0].at >= 1.0  # the vault's Retry-After was honoured
    assert fake_vgs.stored_values() == ["4111111111111111"]


def test_429_beyond_the_wait_budget_is_raised_at_once_with_retry_after(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("429", route="POST /aliases", times=None, retry_after=30)
    policy = RetryPolicy(max_retries=5, backoff=0.001, max_wait=1.0)
    with fake_vgs.client(retry_policy=policy) as vgs, pytest.raises(RateLimitError) as caught:
        vgs.aliases.tokenize(["4111111111111111"])
    assert caught.value.retry_after == pytest.approx(30, abs=1)
    assert fake_vgs.count("POST /aliases") == 1


@pytest.mark.parametrize("status", ["502", "503", "504"])
def test_gateway_errors_are_retried_for_idempotent_requests(fake_vgs: FakeVGS, status: str) -> None:
    alias = _alias(fake_vgs)
    fake_vgs.inject(status, route="GET /aliases/{alias}", times=2)  # type: ignore[arg-type]
    with fake_vgs.client(retry_policy=FAST) as vgs:
        assert vgs.aliases.reveal(alias).value == "4111111111111111"
    assert fake_vgs.count("GET /aliases/{alias}") == 3


@pytest.mark.parametrize("status", ["500", "502", "503", "504"])
def test_a_create_is_never_resent_after_a_server_error(fake_vgs: FakeVGS, status: str) -> None:
    fake_vgs.inject(status, route="POST /aliases", times=1)  # type: ignore[arg-type]
    with fake_vgs.client(retry_policy=FAST) as vgs, pytest.raises(BulkOperationError) as caught:
        vgs.aliases.create(["4111111111111111", "5500000000000004"])
    assert fake_vgs.count("POST /aliases") == 1
    error = caught.value
    assert error.unknown == (0, 1) and error.failed == () and error.results == [None, None]
    assert isinstance(error.errors[0], ServerError) and error.__cause__ is error.errors[0]


def test_a_create_that_timed_out_is_not_resent_and_is_reported_unknown(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("timeout", route="POST /aliases", seconds=5)
    with fake_vgs.client(retry_policy=FAST, timeout=0.2) as vgs, pytest.raises(BulkOperationError) as caught:
        vgs.aliases.create(["4111111111111111"])
    assert fake_vgs.count("POST /aliases") == 1
    assert caught.value.unknown == (0,)
    assert isinstance(caught.value.errors[0], VaultTimeoutError)
    assert fake_vgs.stored_values() == ["4111111111111111"]  # it was stored: that is why it is "unknown"


def test_timeouts_and_resets_are_retried_for_reads(fake_vgs: FakeVGS) -> None:
    alias = _alias(fake_vgs)
    fake_vgs.inject("timeout", route="GET /aliases/{alias}", seconds=5)
    fake_vgs.inject("reset_after", route="GET /aliases/{alias}")
    with fake_vgs.client(retry_policy=FAST, timeout=0.2) as vgs:
        assert vgs.aliases.reveal(alias).value == "4111111111111111"
    assert fake_vgs.count("GET /aliases/{alias}") == 3


def test_a_reset_on_a_create_is_an_unknown_outcome(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("reset_before", route="POST /aliases")
    with fake_vgs.client(retry_policy=FAST) as vgs, pytest.raises(BulkOperationError) as caught:
        vgs.aliases.create(["4111111111111111"])
    assert caught.value.unknown == (0,)
    assert isinstance(caught.value.errors[0], VaultConnectionError) and caught.value.errors[0].request_sent


class CountingTransport(httpx.HTTPTransport):
    """A real httpx transport that counts the requests handed to it (each attempt is one)."""

    attempts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return super().handle_request(request)


def test_connection_refused_is_retried_then_raised_as_not_sent() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    transport = CountingTransport()
    client = VGS("user", "password", base_url=f"http://127.0.0.1:{port}", retry_policy=FAST, http_client=httpx.Client(transport=transport))
    with client as vgs, pytest.raises(VaultConnectionError) as caught:
        vgs.aliases.create(["4111111111111111"])
    assert transport.attempts == 1 + FAST.max_retries  # a POST refused before sending is retried like any request
    assert caught.value.request_sent is False
    assert isinstance(caught.value, BulkOperationError) and caught.value.failed == caught.value.retryable == (0,)
    assert "before the request was sent" in caught.value.message


def test_a_429_without_retry_after_waits_for_x_ratelimit_reset() -> None:
    start = time.time() + 3600.0  # the fake's clock: an hour ahead, so its absolute reset is an hour away
    fake = FakeVaultPAM(user_limit=1, clock=ManualClock(start))
    reset = (int(start // 60) + 1) * 60
    proxy = WithoutRetryAfter(fake.transport)
    policy = RetryPolicy(max_retries=2, backoff=0.001, max_backoff=0.001, max_wait=10.0)
    with fake.client(http_client=httpx.Client(transport=proxy), retry_policy=policy) as pam, pytest.raises(RateLimitError) as caught:
        pam.safes.list()  # memberships (1 of 1 allowed), then safes: 429
    assert proxy.stripped == 1 and fake.count("GET /api/v1/safes") == 1  # an hour is past the wait budget: not retried
    assert caught.value.retry_after == pytest.approx(reset - time.time(), abs=5)


def test_a_429_without_retry_after_is_retried_when_x_ratelimit_reset_has_passed() -> None:
    fake = FakeVaultPAM(user_limit=1, clock=ManualClock(time.time() - 3600.0))  # its reset is already past for us
    proxy = WithoutRetryAfter(fake.transport)
    policy = RetryPolicy(max_retries=1, backoff=30.0, max_backoff=30.0, max_wait=10.0)  # a backoff would not fit the budget
    with fake.client(http_client=httpx.Client(transport=proxy), retry_policy=policy) as pam, pytest.raises(RateLimitError):
        pam.safes.list()
    assert proxy.stripped == 2 and fake.count("GET /api/v1/safes") == 2  # retried at once, as the reset said


class WithoutRetryAfter(httpx.BaseTransport):
    """A proxy that drops `Retry-After` from the fake's answers, leaving `x-ratelimit-reset` as the only hint."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.stripped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if "retry-after" in response.headers:
            self.stripped += 1
            del response.headers["retry-after"]
        return response


def test_an_absolute_x_ratelimit_reset_is_reset_at_exactly() -> None:
    fake = FakeVaultPAM(clock=ManualClock(2_000_000_000.0))  # 2033-05-18 03:33:20 UTC: the window resets at 03:34
    with fake.client() as pam:
        pam.safes.list()
    limit = pam.rate_limit
    assert limit is not None
    assert (limit.limit, limit.remaining) == (120, 118)
    assert limit.reset_at == datetime(2033, 5, 18, 3, 34, tzinfo=UTC)


def test_a_relative_x_ratelimit_reset_counts_from_now() -> None:
    headers = [(b"x-ratelimit-reset", b"30"), (b"X-RateLimit-Remaining", b"7")]
    before = datetime.now(UTC)
    limit = read_rate_limit(headers)
    assert limit is not None and limit.remaining == 7 and limit.limit is None and limit.reset_at is not None
    assert before + timedelta(seconds=30) <= limit.reset_at <= datetime.now(UTC) + timedelta(seconds=30)


def test_max_retries_per_client_and_per_call(fake_vgs: FakeVGS) -> None:
    alias = _alias(fake_vgs)
    fake_vgs.inject("503", route="GET /aliases/{alias}", times=None)
    with fake_vgs.client(retry_policy=FAST) as vgs:
        with pytest.raises(ServerError):
            vgs.aliases.reveal(alias)
        assert fake_vgs.count("GET /aliases/{alias}") == 4  # 1 + 3 retries
        with pytest.raises(ServerError):
            vgs.with_options(max_retries=0).aliases.reveal(alias)
        assert fake_vgs.count("GET /aliases/{alias}") == 5
        assert vgs.retry_policy.max_retries == 3  # the copy did not change the original


def test_html_502_after_retries_is_an_unexpected_response(fake_vgs: FakeVGS) -> None:
    alias = _alias(fake_vgs)
    fake_vgs.inject("html", route="GET /aliases/{alias}", times=None)
    with fake_vgs.client(retry_policy=FAST) as vgs, pytest.raises(UnexpectedResponseError) as caught:
        vgs.aliases.reveal(alias)
    assert caught.value.status_code == 502 and "text/html" in caught.value.message


def test_vaultpam_429_with_retry_after_is_retried() -> None:
    fake = FakeVaultPAM()
    fake.inject("429", route="GET /api/v1/safes", times=1, retry_after=0)
    with fake.client(retry_policy=FAST) as pam:
        assert [safe.id for safe in pam.safes.list()] == ["safe_01", "safe_02"]
    assert fake.count("GET /api/v1/safes") == 2


def test_backoff_is_jittered_exponential_and_capped() -> None:
    policy = RetryPolicy(backoff=1.0, max_backoff=4.0)
    for retry, step in [(0, 1.0), (1, 2.0), (2, 4.0), (5, 4.0)]:
        delays = {policy.backoff_delay(retry) for _ in range(50)}
        assert all(step / 2 <= delay <= step for delay in delays)
        assert len(delays) > 1


@pytest.mark.parametrize(("drawn", "fraction"), [(0.0, 0.5), (0.5, 0.75), (0.999, 0.9995)])
def test_jitter_spans_half_to_all_of_the_step(monkeypatch: pytest.MonkeyPatch, drawn: float, fraction: float) -> None:
    import random

    monkeypatch.setattr(random, "random", lambda: drawn)
    assert RetryPolicy(backoff=1.0, max_backoff=4.0).backoff_delay(2) == pytest.approx(4.0 * fraction, abs=1e-12)


@pytest.mark.parametrize("bad", [{"max_retries": -1}, {"backoff": float("inf")}, {"max_wait": -1.0}, {"max_retries": True}])
def test_a_bad_retry_policy_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**bad)  # type: ignore[arg-type]


def test_transport_errors_never_escape_as_httpx_exceptions(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("reset_before", times=None)
    with fake_vgs.client(retry_policy=FAST) as vgs:
        with pytest.raises(VaultConnectionError) as caught:
            vgs.aliases.reveal("tok_sandbox_x")
        assert not isinstance(caught.value, httpx.HTTPError)


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "30"}, 30.0),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "-5"}, None),
        ({"retry-after": "soon"}, None),
        ({"x-ratelimit-reset": "12"}, 12.0),
        ({"retry-after": "7", "x-ratelimit-reset": "12"}, 7.0),  # Retry-After first
        ({"x-ratelimit-reset": "1000000001"}, 0.0),  # an absolute time long past: no wait, not one second
        ({}, None),
    ],
)
def test_retry_after_reads_seconds_and_falls_back_to_the_reset(headers: dict[str, str], seconds: float | None) -> None:
    assert retry_after(httpx.Headers(headers)) == seconds


def test_retry_after_reads_an_http_date_and_an_absolute_reset_as_seconds_from_now() -> None:
    ahead = datetime.now(UTC) + timedelta(seconds=90)
    by_date = retry_after(httpx.Headers({"retry-after": format_datetime(ahead, usegmt=True)}))
    by_epoch = retry_after(httpx.Headers({"x-ratelimit-reset": str(int(ahead.timestamp()))}))
    assert by_date is not None and 85 <= by_date <= 90
    assert by_epoch is not None and 85 <= by_epoch <= 90
    past = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    assert retry_after(httpx.Headers({"retry-after": past})) == 0.0


@pytest.mark.parametrize(("max_wait", "attempts"), [(0.5, 3), (0.49, 2), (0.25, 2), (0.2, 1)])
def test_the_wait_budget_counts_every_wait_of_the_call(max_wait: float, attempts: int) -> None:
    """Waits add up against `max_wait`: a retry is made only while all waits so far plus the next fit in it."""
    sent: list[float] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        sent.append(time.monotonic())
        return httpx.Response(429, headers={"Retry-After": "0.25"}, json={"errors": [{"status": 429, "title": "Too many requests"}]})

    policy = RetryPolicy(max_retries=6, backoff=0.001, max_backoff=0.001, max_wait=max_wait)
    http = httpx.Client(transport=httpx.MockTransport(refuse))
    vgs = VGS("user", "password", base_url="https://vgs.test", http_client=http, retry_policy=policy)
    with http, vgs, pytest.raises(RateLimitError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert len(sent) == len(caught.value.attempts) == attempts
    assert [attempt.wait for attempt in caught.value.attempts] == [0.25] * (attempts - 1) + [None]
    assert all(later - earlier >= 0.25 for earlier, later in itertools.pairwise(sent))
