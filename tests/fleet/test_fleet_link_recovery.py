"""Outages of the fleet's Redis as sync and async clients live them: each ends with the first op that works
again, on the link's clock (a fake one here, replacing the link module's `time`, so the logged times are exact)."""

from __future__ import annotations

import logging

import pytest
from polyvault.testing import FakeVGS, ManualClock, RedisServer

CARD = "4111111111111111"


@pytest.mark.anyio
async def test_sync_and_async_probes_end_their_outages_and_say_after_how_long(
    own_redis: RedisServer, link_clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    fake = FakeVGS()
    with fake.client(coordination=own_redis.url) as sync_client:
        async with fake.async_client(coordination=own_redis.url) as async_client:
            sync_client.aliases.tokenize([CARD])
            await async_client.aliases.tokenize([CARD])
            own_redis.kill()
            sync_client.aliases.tokenize([CARD])  # Redis is gone: an outage from 0 s
            own_redis.start()
            link_clock.advance(1.0)  # 1 s
            sync_client.aliases.tokenize([CARD])  # the probe works: the outage ends
            own_redis.kill()
            await async_client.aliases.tokenize([CARD])  # gone again: a second outage, from 1 s
            own_redis.start()
            link_clock.advance(1.5)  # 2.5 s
            await async_client.aliases.tokenize([CARD])  # the async probe works
    where = f"redis://127.0.0.1:{own_redis.port}/0"
    logged = [(record.levelname, record.getMessage().split(" (")[0]) for record in caplog.records]
    assert logged == [
        ("WARNING", f"fleet coordination through {where} is unavailable"),
        ("INFO", f"fleet coordination through {where} resumed after 1.0 s"),
        ("WARNING", f"fleet coordination through {where} is unavailable"),
        ("INFO", f"fleet coordination through {where} resumed after 1.5 s"),
    ]
    reasons = [record.getMessage().split(" (", 1)[1] for record in caplog.records if record.levelname == "WARNING"]
    assert [reason.split(":")[0] for reason in reasons] == ["ConnectionError", "ConnectionError"]
    assert fake.count() == 6
