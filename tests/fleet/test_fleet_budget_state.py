"""What calls leave in the account's Redis hash: a short pause after a 429; async turns under the same `rate` key."""

from __future__ import annotations

import httpx
import pytest
import redis
from polyvault import VGS, Coordination, RateLimitError
from polyvault.testing import FakeVGS, RedisServer

from .conftest import redis_contents

CARD = "4111111111111111"


def _redis_now_ms(url: str) -> float:
    with redis.Redis.from_url(url) as client:
        seconds, micros = client.time()
    return seconds * 1000 + micros / 1000


def test_a_429_asking_for_half_a_second_pauses_the_fleet_for_half_a_second(redis_server: RedisServer) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"retry-after": "0.5"}, json={"errors": [{"status": 429, "title": "Too many requests"}]})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with VGS("u", "p", base_url="https://vgs.test", http_client=http, coordination=redis_server.url, max_retries=0) as vgs:
        with pytest.raises(RateLimitError):
            vgs.aliases.reveal("tok_sandbox_a")
        rate = vgs._state.fleet.keyring().key("rate").encode()
    pause_in = float(redis_contents(redis_server.url)[rate][b"pause"]) - _redis_now_ms(redis_server.url)
    assert 300 < pause_in <= 500, f"paused for {pause_in:.0f} ms"


@pytest.mark.anyio
async def test_each_async_turn_moves_the_schedule_under_the_accounts_rate_key(redis_server: RedisServer) -> None:
    """100 per 100 s: turns 100 s / 96 apart (see budget.py), the second one still within the burst."""
    fake = FakeVGS()
    async with fake.async_client(coordination=Coordination(redis_server.url, requests=100, per=100)) as vgs:
        keyring = vgs._state.fleet.keyring()
        rate = keyring.key("rate").encode()
        schedule = []
        for _ in range(2):
            await vgs.aliases.tokenize([CARD])
            schedule.append(float(redis_contents(redis_server.url)[rate][b"tat"]))
    assert schedule[1] - schedule[0] == pytest.approx(100_000 / 96, abs=0.002)
    assert [key for key in redis_contents(redis_server.url) if keyring.id.encode() in key] == [rate]
