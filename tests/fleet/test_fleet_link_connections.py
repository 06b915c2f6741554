"""The fleet's Redis connections as the server sees them: one named connection per client and mode, reused for
every op and closed with the client; against a server that drops every connection, one retry per op."""

from __future__ import annotations

import logging

import pytest
import redis
from polyvault import Coordination
from polyvault.testing import FakeVGS, RedisServer

from ._sockets import Dropping

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


@pytest.mark.anyio
async def test_a_server_that_drops_connections_is_tried_twice_per_op_then_reported(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    sync_server, async_server = Dropping(), Dropping()
    fake = FakeVGS()
    try:
        with fake.client(coordination=Coordination(f"redis://127.0.0.1:{sync_server.port}/0")) as sync_client:
            sync_client.aliases.tokenize([CARD])
        async with fake.async_client(coordination=Coordination(f"redis://127.0.0.1:{async_server.port}/0")) as async_client:
            await async_client.aliases.tokenize([CARD])
    finally:
        sync_server.close()
        async_server.close()
    assert (sync_server.accepted, async_server.accepted) == (2, 2)  # one quick retry on a fresh connection per op
    assert fake.count() == 2
    messages = [record.getMessage() for record in caplog.records]
    assert [message.split(" (")[0] for message in messages] == [
        f"fleet coordination through redis://127.0.0.1:{sync_server.port}/0 is unavailable",
        f"fleet coordination through redis://127.0.0.1:{async_server.port}/0 is unavailable",
    ]
    assert all(message.split(" (", 1)[1].startswith("ConnectionError: ") for message in messages)
