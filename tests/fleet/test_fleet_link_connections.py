"""The fleet's Redis connections as the server sees them: one named connection per client and mode, reused for
every op and closed with the client; against a server that drops every connection, one retry per op."""

from __future__ import annotations

import logging
import socket
import threading

import pytest
import redis
from polyvault import Coordination
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


class _Dropping:
    """A TCP server on 127.0.0.1 that accepts connections and closes them at once, counting them."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.02)  # so that the serving thread sees `close` soon
        self.port: int = self._socket.getsockname()[1]
        self.accepted = 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            connection.close()

    def close(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self._socket.close()


@pytest.mark.anyio
async def test_a_server_that_drops_connections_is_tried_twice_per_op_then_reported(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    sync_server, async_server = _Dropping(), _Dropping()
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
