"""Closing a client never fails because of its fleet connections, whatever closing them raises."""

from __future__ import annotations

import pytest
import redis
import redis.asyncio
from polyvault.testing import FakeVGS, RedisServer

CARD = "4111111111111111"


def _broken(*args: object, **kwargs: object) -> None:
    raise ConnectionResetError("the pool's server went away mid-close")


async def _broken_async(*args: object, **kwargs: object) -> None:
    _broken()


@pytest.mark.anyio
async def test_closing_sync_and_async_clients_survives_a_redis_pool_that_fails_to_close(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeVGS()
    sync_client = fake.client(coordination=redis_server.url)
    sync_client.aliases.tokenize([CARD])
    async_client = fake.async_client(coordination=redis_server.url)
    await async_client.aliases.tokenize([CARD])
    monkeypatch.setattr(redis.Redis, "close", _broken)
    monkeypatch.setattr(redis.asyncio.Redis, "aclose", _broken_async)
    sync_client.close()
    await async_client.close()
    assert fake.count() == 2
