"""Against a server that drops every connection: one quick retry per op (sync and async), then one WARNING each."""

from __future__ import annotations

import logging

import pytest
from polyvault import Coordination
from polyvault.testing import FakeVGS

from ._sockets import Dropping

CARD = "4111111111111111"


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
