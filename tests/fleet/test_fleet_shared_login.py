"""The fleet's login, read back from Redis while and after it happens: the login lock (its owner, its time to
live, its release), the shared session's time to live, and a shared session that is not ours (ignored)."""

from __future__ import annotations

import logging
import re
import time
from typing import Any

import httpx
import pytest
import redis
from polyvault.testing import FakeVaultPAM, RedisServer


def test_one_login_under_a_15_s_lock_shares_its_token_for_its_lifetime_less_the_margin(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    fake = FakeVaultPAM(user_limit=100_000)  # expires_in=900: shared for 900 - 30 s
    store = redis.Redis.from_url(redis_server.url)
    during: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/login"):
            during.append((store.get(login), store.pttl(login)))
        return fake.transport.handle_request(request)

    http = httpx.Client(transport=httpx.MockTransport(handler), timeout=15.0)
    try:
        with fake.client(coordination=redis_server.url, http_client=http) as pam:
            keyring = pam._state.fleet.keyring()
            login, session = keyring.key("login"), keyring.key("session")
            store.hset(session, mapping={"fp": "0" * 32, "blob": b"\0" * 40})  # sealed by nobody: not ours to use
            store.pexpire(session, 60_000)
            assert len(pam.safes.list()) == 2
            assert store.pttl(login) == -2  # released after the login
            kept = store.pttl(session)
    finally:
        store.close()
    [(owner, ttl)] = during
    assert re.fullmatch(rb"[0-9a-f]{32}", owner)
    assert 14_000 < ttl <= 15_000  # the login's timeout (connect + read, at most 15 s)
    assert 869_000 < kept <= 870_000
    assert fake.logins == 1 and slept == []  # the lock was ours at once: no polling
    assert [record.getMessage() for record in caplog.records] == []  # Redis answered every op: no outage
