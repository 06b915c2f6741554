"""The shared budget's bookings, read back from Redis: which turns are booked, how long a client sleeps for one.

One request per `per` seconds gives turns exactly `per` apart (no spare, no burst), so each booking moves
the account's `tat` by exactly that much, and a turn further away than the call may still wait is not booked.
"""

from __future__ import annotations

import time

import pytest
from polyvault import Coordination, RetryPolicy
from polyvault.testing import FakeVGS, RedisServer

from .conftest import redis_contents

CARD = "4111111111111111"


def _tat(url: str, key: bytes) -> float:
    return float(redis_contents(url)[key][b"tat"])


def test_a_turn_is_booked_only_within_what_the_call_may_wait(redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)  # the sync driver's Sleep: recorded, not slept
    fake = FakeVGS()
    budget = Coordination(redis_server.url, requests=1, per=1)
    tats = []
    with fake.client(coordination=budget, retry_policy=RetryPolicy(max_wait=0.5)) as hurried:
        rate = hurried._state.fleet.keyring().key("rate").encode()
        for _ in range(2):
            hurried.aliases.tokenize([CARD])  # the first books the account's turn; the next is ~1 s away: not booked
            tats.append(_tat(redis_server.url, rate))
    assert slept == []
    with fake.client(coordination=budget) as patient:  # may wait 60 s: books the turn ~1 s away and sleeps until it
        patient.aliases.tokenize([CARD])
        tats.append(_tat(redis_server.url, rate))
    assert [tat - tats[0] for tat in tats] == [0, 0, 1000]
    assert len(slept) == 1 and 0.5 < slept[0] <= 1.0
    assert fake.count() == 3
