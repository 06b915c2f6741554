"""When a vault's `x-ratelimit-reset` says the window resets, as `client.rate_limit.reset_at` reports it, and a
`Retry-After` at the boundary between seconds and Unix times.

A value above 1,000,000,000 is a Unix time; up to it, seconds from now; else an HTTP date, or nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from _mock import vgs_over
from polyvault import RateLimit, RateLimitError, RetryPolicy

REVEALED = {"data": [{"value": "4111111111111111", "aliases": []}]}


def limit_after(reset: str) -> RateLimit | None:
    """The rate limit a client reports after one answer carrying `x-ratelimit-remaining: 7` and this reset."""
    answer = httpx.Response(200, headers={"x-ratelimit-remaining": "7", "x-ratelimit-reset": reset}, json=REVEALED)
    with vgs_over(lambda request: answer) as vgs:
        vgs.aliases.reveal("tok_sandbox_a")
    return vgs.rate_limit


def test_a_unix_time_reset_is_that_instant_even_when_past() -> None:
    assert limit_after("1500000000") == RateLimit(limit=None, remaining=7, reset_at=datetime(2017, 7, 14, 2, 40, tzinfo=UTC))


def test_an_http_date_reset_is_that_instant_and_junk_is_no_reset() -> None:
    dated = limit_after("Wed, 21 Oct 2037 07:28:00 GMT")
    assert dated is not None and dated.remaining == 7 and dated.reset_at is not None
    assert abs(dated.reset_at - datetime(2037, 10, 21, 7, 28, tzinfo=UTC)) < timedelta(milliseconds=1)
    assert limit_after("soon") == RateLimit(limit=None, remaining=7, reset_at=None)


def test_a_reset_of_exactly_one_billion_is_seconds_from_now() -> None:
    before = datetime.now(UTC)
    limit = limit_after("1000000000")
    assert limit is not None and limit.reset_at is not None
    assert before + timedelta(seconds=1_000_000_000) <= limit.reset_at <= datetime.now(UTC) + timedelta(seconds=1_000_000_000)


def test_a_retry_after_of_exactly_one_billion_is_seconds_to_wait() -> None:
    refused = httpx.Response(429, headers={"Retry-After": "1000000000"}, json={"errors": [{"status": 429, "title": "Too many requests"}]})
    once = RetryPolicy(max_retries=0)
    with (
        vgs_over(lambda request: refused, retry_policy=once) as vgs,
        pytest.raises(RateLimitError) as caught,
    ):
        vgs.aliases.reveal("tok_sandbox_a")
    assert caught.value.retry_after == 1_000_000_000.0
