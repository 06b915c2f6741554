"""An async client's fleet login takes the same login lock in Redis as a sync one, and releases it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import redis
from polyvault.testing import FakeVaultPAM, RedisServer


@pytest.mark.anyio
async def test_an_async_login_holds_the_fleets_login_lock_while_it_runs(redis_server: RedisServer) -> None:
    fake = FakeVaultPAM(user_limit=100_000)
    store = redis.Redis.from_url(redis_server.url)
    during: list[Any] = []
    login = ""

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/login"):
            during.append((store.get(login), store.pttl(login)))
        return await fake.transport.handle_async_request(request)

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler), timeout=15.0)
    try:
        async with fake.async_client(coordination=redis_server.url, http_client=http) as pam:
            login = (await pam._state.fleet.akeyring()).key("login")
            assert len(await pam.safes.list()) == 2
            assert store.exists(login) == 0  # released after the login
    finally:
        store.close()
    [(owner, ttl)] = during
    assert len(owner) == 32 and 14_000 < ttl <= 15_000  # ours, for the login's timeout (connect + read, at most 15 s)
    assert fake.logins == 1
