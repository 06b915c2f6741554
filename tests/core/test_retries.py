"""The one retry policy, proven through the public API (VGS and VaultPAM are the vehicles; all vaults share it)."""

from __future__ import annotations

import socket

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
from polyvault.testing import FakeVaultPAM, FakeVGS

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


def test_connection_refused_is_retried_then_raised_as_not_sent() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    client = VGS("user", "password", base_url=f"http://127.0.0.1:{port}", retry_policy=FAST)
    with client as vgs, pytest.raises(VaultConnectionError) as caught:
        vgs.aliases.create(["4111111111111111"])
    assert caught.value.request_sent is False  # safe to resend: raised as is, not as a bulk error
    assert "before the request was sent" in caught.value.message


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
