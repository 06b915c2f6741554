"""A client in fleet mode without a budget of its own shares its vault's documented rate limit (VaultPAM: 120 requests
a minute). Against a real redis-server on 127.0.0.1, started and stopped here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from polyvault.testing import FakeVaultPAM, RedisServer


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


def test_a_vaultpam_fleet_books_turns_of_the_documented_120_a_minute(redis_server: RedisServer) -> None:
    """120 per 60 s: 3 kept spare and a burst of 3 (2.5 % each, rounded up and down), so turns are 60 s / 115 apart."""
    import redis

    fake = FakeVaultPAM()
    store = redis.Redis.from_url(redis_server.url)
    schedule: list[float] = []
    with fake.client(org_id=fake.org_ids[0], coordination=redis_server.url) as pam:
        rate = pam._state.fleet.keyring().key("rate")  # the client's key: found from its link, as tests/fleet do
        for _ in range(2):
            pam.safes.list()  # far quicker than a turn: each books the next one
            schedule.append(float(store.hget(rate, "tat") or 0))
    store.close()
    assert schedule[1] - schedule[0] == pytest.approx(60_000 / 115, abs=0.002)
