"""A token taken from the fleet is used for exactly the time it has left in Redis (on the session's clock)."""

from __future__ import annotations

import redis
from polyvault.testing import FakeVaultPAM, ManualClock, RedisServer


def test_a_shared_token_is_used_until_its_time_left_in_redis_then_fetched_again(redis_server: RedisServer) -> None:
    clock = ManualClock()
    fake = FakeVaultPAM(user_limit=100_000, clock=clock)  # tokens live 900 s on the clock; shared for 870 s
    with fake.client(coordination=redis_server.url) as first, fake.client(coordination=redis_server.url) as second:
        first.safes.list()
        second.safes.list()  # takes the shared token, with ~870 s left
        assert fake.logins == 1
        session = second._state.fleet.keyring().key("session")
        with redis.Redis.from_url(redis_server.url) as store:
            store.delete(session)  # from now on nothing is shared: a token past its time means a login
        clock.advance(869.5)
        second.safes.list()  # still within the time it had left
        assert fake.logins == 1
        clock.advance(1.0)
        second.safes.list()  # past it (though the vault would still take it): logs in again
        assert fake.logins == 2
