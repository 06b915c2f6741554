"""A vault without a documented limit (Vaultera) shares only pauses: one call leaves no schedule, for one window."""

from __future__ import annotations

import redis
from polyvault.testing import FakeVaultera, RedisServer

from .conftest import redis_contents

CARD = "4111111111111111"


def test_a_vault_without_a_documented_limit_keeps_no_schedule_for_one_window(redis_server: RedisServer) -> None:
    fake = FakeVaultera()
    with fake.client(coordination=redis_server.url) as vaultera:
        vaultera.cards.store(card_number=CARD, expiration_month="12", expiration_year="2030")
        rate = vaultera._state.fleet.keyring().key("rate").encode()
    assert redis_contents(redis_server.url)[rate] == {b"tat": b"0", b"pause": b"0"}  # turns are not paced: nothing booked
    with redis.Redis.from_url(redis_server.url) as client:
        ttl = client.pttl(rate)
    assert 59_000 < ttl <= 60_000  # gone one window (the default 60 s) after the call
