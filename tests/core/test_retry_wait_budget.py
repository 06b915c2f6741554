"""`max_wait` bounds the sum of one call's waits: a wait that just fills it is made, one past it is not.

Answers come from httpx's MockTransport; the waits asked for (`Retry-After`) are 0 or 10 ms.
"""

from __future__ import annotations

import httpx
import pytest
from _mock import vgs_over
from polyvault import VGS, RateLimitError, RetryPolicy


def always_refused(retry_after: str, policy: RetryPolicy) -> VGS:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": retry_after}, json={"errors": [{"status": 429, "title": "Too many requests"}]})

    return vgs_over(refuse, retry_policy=policy)


def test_waits_of_nothing_fit_a_budget_of_nothing() -> None:
    with always_refused("0", RetryPolicy(max_retries=2, max_wait=0.0)) as vgs, pytest.raises(RateLimitError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert [attempt.wait for attempt in caught.value.attempts] == [0.0, 0.0, None]


def test_each_wait_adds_to_what_the_call_has_waited() -> None:
    with always_refused("0.01", RetryPolicy(max_retries=6, max_wait=0.02)) as vgs, pytest.raises(RateLimitError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert [attempt.wait for attempt in caught.value.attempts] == [0.01, 0.01, None]  # a third wait would make 0.03 s
