"""A turn further away than the call may still wait, by a hair: neither booked in Redis nor waited for."""

from __future__ import annotations

import time

import pytest
from polyvault import Coordination, RetryPolicy
from polyvault.testing import FakeVGS, RedisServer

from .conftest import redis_contents

CARD = "4111111111111111"


def _tat(url: str, key: bytes) -> float:
    return float(redis_contents(url)[key][b"tat"])


def test_a_turn_just_past_max_wait_is_neither_booked_nor_waited_for(redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    fake = FakeVGS()
    budget = Coordination(redis_server.url, requests=1, per=600.3)  # the second turn comes ~600.3 s after the first
    with fake.client(coordination=budget, retry_policy=RetryPolicy(max_wait=600)) as vgs:
        rate = vgs._state.fleet.keyring().key("rate").encode()
        vgs.aliases.tokenize([CARD])
        booked = _tat(redis_server.url, rate)
        vgs.aliases.tokenize([CARD])  # its turn is 0.3 s further away than it may wait: sent now, the vault decides
        assert _tat(redis_server.url, rate) == booked
    assert slept == [] and fake.count() == 2
