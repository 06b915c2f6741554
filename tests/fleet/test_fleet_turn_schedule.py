"""How a fleet client waits for its turn before each attempt: the asks it makes and the sleeps it takes.

The shared budget's answers are scripted here (`SharedBudget.acquire` replaced by a recorder): waits that
come from Redis's clock cannot be exact, and these tests pin the client's side of the exchange by value.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from polyvault import RetryPolicy
from polyvault._core.coordination.budget import SharedBudget
from polyvault.testing import FakeVGS

CARD = "4111111111111111"
NOWHERE = "redis://127.0.0.1:1/0"  # never reached: the budget is scripted


@pytest.fixture
def asks(monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, Any, float]], list[tuple[float, bool]], list[float]]:
    """(what the client asked the budget, the answers it gets in order, the sleeps it took)."""
    asked: list[tuple[str, Any, float]] = []
    answers: list[tuple[float, bool]] = []
    slept: list[float] = []

    def acquire(self: SharedBudget, ask: Any) -> tuple[float, bool]:
        asked.append((ask.mode, ask.report, ask.max_wait))
        return answers.pop(0) if answers else (0.0, False)

    monkeypatch.setattr(SharedBudget, "acquire", acquire)
    monkeypatch.setattr(time, "sleep", slept.append)
    return asked, answers, slept


def test_a_turn_waits_out_pauses_then_its_booked_slot_within_what_is_left_of_max_wait(asks: Any) -> None:
    asked, answers, slept = asks
    fake = FakeVGS()
    with fake.client(coordination=NOWHERE, retry_policy=RetryPolicy(max_wait=10)) as vgs:
        answers.extend([(2.0, False), (3.0, True), (0.5, True), (4.5, True), (0.0, False)])
        vgs.aliases.tokenize([CARD])
    # a pause (not booked): take a turn again; booked: check once it came; a wait of exactly what is left is waited
    assert [(mode, wait) for mode, _, wait in asked] == [("take", 10), ("take", 8), ("check", 5), ("check", 4.5), ("check", 0)]
    assert slept == [2.0, 3.0, 0.5, 4.5]
    assert fake.count() == 1
