"""In fleet mode the waits for turns of the shared budget count against `max_wait` with the retry waits, and each
turn may wait only what is left of it; a 429 is reported to the budget.

The budget is scripted and installed through the private `_pacer` (a `Pacer` over a stand-in `Budget`): with a real
Redis the turns' waits depend on the clock, and these tests pin each wait exactly. The sync driver's `time.sleep`
is recorded, not slept.
"""

from __future__ import annotations

import time

import httpx
import pytest
from _mock import vgs_over
from polyvault import RateLimitError, RetryPolicy
from polyvault._core.coordination.pacing import Pacer
from polyvault._core.runtime import Acquire


class ScriptedBudget:
    """Every turn asked for is 0.25 s away (and booked); a booked turn, once come, is free to go."""

    def __init__(self) -> None:
        self.asks: list[tuple[str, float | None]] = []

    def acquire(self, ask: Acquire) -> tuple[float, bool]:
        self.asks.append((ask.mode, ask.report[1] if ask.mode == "report" and ask.report else ask.max_wait))
        return (0.25, True) if ask.mode == "take" else (0.0, True)

    async def acquire_async(self, ask: Acquire) -> tuple[float, bool]:
        return self.acquire(ask)


def test_turns_and_retry_waits_share_the_wait_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "0.125"}, json={"errors": [{"status": 429, "title": "Too many requests"}]})

    budget = ScriptedBudget()
    policy = RetryPolicy(max_retries=3, max_wait=1.0)
    with vgs_over(refuse, retry_policy=policy) as vgs:
        vgs._pacer = Pacer(budget)
        with pytest.raises(RateLimitError) as caught:
            vgs.aliases.reveal("tok_sandbox_a")
    # Turn 1: 0.25 s of 1.0; retry wait 0.125 (0.375 spent). Turn 2: 0.25 of 0.625 left; wait 0.125 (0.75 spent).
    # Turn 3 (0.25 s away, 0.25 left) fits exactly; wait 0.125 would make 1.125: the third 429 stands.
    assert slept == [0.25, 0.125, 0.25, 0.125, 0.25]
    assert [attempt.wait for attempt in caught.value.attempts] == [0.125, 0.125, None]
    turns = [allowed for mode, allowed in budget.asks if mode == "take"]
    assert turns == [1.0, 0.625, 0.25]
    assert [allowed for mode, allowed in budget.asks if mode == "report"] == [0.125, 0.125, 0.125]  # each 429's pause
