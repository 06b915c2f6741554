"""When a client's `on_rate_limit` hook is asked, with which attempt number, and what its False does.

Answers come from httpx's MockTransport; `Retry-After: 0` lets every retry go at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from polyvault import VGS, RateLimited, RateLimitError, RetryPolicy

REVEALED = {"data": [{"value": "4111111111111111", "aliases": []}]}


def refused() -> httpx.Response:
    return httpx.Response(429, headers={"Retry-After": "0"}, json={"errors": [{"status": 429, "title": "Too many requests"}]})


def scripted(answers: list[httpx.Response], hook: Callable[[RateLimited], bool | None]) -> VGS:
    queue: Iterator[httpx.Response] = iter(answers)
    return VGS(
        "user",
        "password",
        base_url="https://vgs.test",
        retry_policy=RetryPolicy(max_retries=3, backoff=0.001, max_backoff=0.001),
        on_rate_limit=hook,
        http_client=httpx.Client(transport=httpx.MockTransport(lambda request: next(queue))),
    )


def test_the_hook_is_told_each_refused_attempt_from_one_and_its_none_lets_retries_go_on() -> None:
    told: list[int] = []
    with scripted([refused(), refused(), httpx.Response(200, json=REVEALED)], lambda event: told.append(event.attempt)) as vgs:
        assert vgs.aliases.reveal("tok_sandbox_a").value == "4111111111111111"
    assert told == [1, 2]


def test_a_hook_returning_false_ends_the_call_at_that_429() -> None:
    told: list[int] = []

    def stop(event: RateLimited) -> bool:
        told.append(event.attempt)
        return False

    with scripted([refused(), httpx.Response(200, json=REVEALED)], stop) as vgs, pytest.raises(RateLimitError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert told == [1]
    assert [(attempt.status_code, attempt.wait) for attempt in caught.value.attempts] == [(429, None)]


def test_the_hook_is_not_asked_about_a_gateway_error() -> None:
    told: list[int] = []

    def stop(event: RateLimited) -> bool:
        told.append(event.attempt)
        return False

    with scripted([httpx.Response(503), httpx.Response(200, json=REVEALED)], stop) as vgs:
        assert vgs.aliases.reveal("tok_sandbox_a").value == "4111111111111111"
    assert told == []
