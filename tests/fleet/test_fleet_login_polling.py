"""A login lock another process holds is polled (20 ms, then 1.5 times longer each time) until it is gone."""

from __future__ import annotations

import time

import pytest
import redis
from polyvault.testing import FakeVaultPAM, RedisServer


def test_a_login_lock_held_elsewhere_is_polled_until_it_is_gone(redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    sleep = time.sleep
    monkeypatch.setattr(time, "sleep", lambda seconds: slept.append(seconds) or sleep(seconds))
    fake = FakeVaultPAM(user_limit=100_000)
    with fake.client(coordination=redis_server.url) as pam:
        with redis.Redis.from_url(redis_server.url) as store:
            assert store.set(pam._state.fleet.keyring().key("login"), "another-process", nx=True, px=100)
        assert len(pam.safes.list()) == 2
    assert slept[:2] == [0.02, 0.03]  # polled (20 ms, then 1.5 times longer) while another process held it
    assert fake.logins == 1
