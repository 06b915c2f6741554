"""The fleet's Redis connections as the server sees them: one named connection per client and mode, reused for
every op and closed with the client."""

from __future__ import annotations

import pytest
import redis
from polyvault.testing import FakeVGS, RedisServer

CARD = "4111111111111111"


def _named(url: str) -> list[str]:
    """The names of the server's client connections that polyvault opened."""
    with redis.Redis.from_url(url) as admin:
        return [entry["name"] for entry in admin.client_list() if entry["name"]]


@pytest.mark.anyio
async def test_each_client_keeps_one_named_connection_and_closes_it_with_itself(own_redis: RedisServer) -> None:
    fake = FakeVGS()
    with fake.client(coordination=own_redis.url) as sync_client:
        for _ in range(3):
            sync_client.aliases.tokenize([CARD])
        assert _named(own_redis.url) == ["polyvault"]
        async with fake.async_client(coordination=own_redis.url) as async_client:
            for _ in range(3):
                await async_client.aliases.tokenize([CARD])
            assert _named(own_redis.url) == ["polyvault", "polyvault"]
        assert _named(own_redis.url) == ["polyvault"]
    assert _named(own_redis.url) == []
