"""How long a retried gateway error (502/503/504 on a read) waits: its `Retry-After` if it has one, else the
backoff; its `x-ratelimit-reset` is not a request to wait (only a 429's is)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
from _mock import vgs_over
from polyvault import VGS, RetryPolicy

REVEALED = {"data": [{"value": "4111111111111111", "aliases": []}]}


def scripted(answers: list[httpx.Response], policy: RetryPolicy) -> VGS:
    queue: Iterator[httpx.Response] = iter(answers)
    return vgs_over(lambda request: next(queue), retry_policy=policy)


def test_a_gateway_error_waits_its_retry_after_instead_of_the_backoff() -> None:
    policy = RetryPolicy(max_retries=1, backoff=30.0, max_backoff=30.0, max_wait=10.0)  # a backoff would not fit the budget
    with scripted([httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(200, json=REVEALED)], policy) as vgs:
        assert vgs.aliases.reveal("tok_sandbox_a").value == "4111111111111111"


def test_a_gateway_error_backs_off_despite_a_distant_x_ratelimit_reset() -> None:
    policy = RetryPolicy(max_retries=1, backoff=0.001, max_backoff=0.001, max_wait=10.0)  # the reset's 30 s would not fit
    with scripted([httpx.Response(503, headers={"x-ratelimit-reset": "30"}), httpx.Response(200, json=REVEALED)], policy) as vgs:
        assert vgs.aliases.reveal("tok_sandbox_a").value == "4111111111111111"
