"""Fleet mode across real processes: N worker processes (not threads) against one served fake and one real Redis.

The fakes enforce the vault's limits server-side (VGS's requests per window, VaultPAM's login limit
and per-user limit), so what the fleet shares is measured where the vault would see it. Every run
is bounded (a fixed number of calls, a deadline per phase) and every process is stopped.
"""

from __future__ import annotations

from typing import Any

import pytest
from polyvault.testing import FakeVaultPAM, FakeVGS, RedisServer

from ._fleet import Fleet
from .conftest import redis_contents

pytestmark = pytest.mark.slow
PROCESSES = 8


def _no_errors(results: list[dict[str, Any]]) -> None:
    errors = [error for result in results for phase in result.get("phases", [result]) for error in phase["errors"]]
    assert errors == [], errors[:5]


def test_eight_processes_of_four_threads_log_in_once_and_once_more_after_the_session_is_refused(redis_server: RedisServer) -> None:
    # The per-user limit is raised so the run is quick; the fleet adopts it from the vault's x-ratelimit-limit.
    fake = FakeVaultPAM(user_limit=100_000)
    with fake.serve() as base_url:
        settings = {
            "vault": "vaultpam",
            "base_url": base_url,
            "credentials": fake.credentials(),
            "coordination": redis_server.url,
            "threads": 4,
            "calls": 3,
            "phases": 2,
            "deadline": 60,
        }
        with Fleet(PROCESSES, settings) as fleet:
            first = fleet.read(timeout=120)
            assert sum(phase["calls"] for phase in first) == PROCESSES * 4 * 3
            assert fake.logins == 1  # one login for 8 processes x 4 threads
            fake.expire_sessions()  # the vault forgets the session: every process is refused (401)
            fleet.go()
            second = fleet.read(timeout=120)
            results = fleet.finish(timeout=60)
    _no_errors(first + second)
    _no_errors(results)
    assert fake.logins == 2  # exactly one process logged in again, for everyone
    assert fake.throttled == 0


def test_eight_processes_over_the_budget_stay_within_it(redis_server: RedisServer) -> None:
    # 120 per 10 s window: the vault's clock is scaled, not the physics. A window this short leaves the fleet's
    # spare (2.5 % of it) only ~260 ms of jitter to absorb at the window's edge, on a machine that may be loaded.
    limit, window = 120, 10.0
    fake = FakeVGS(rate_limit=limit, rate_window=window)
    alias = _seed_alias(fake)
    with fake.serve() as base_url:
        settings = {
            "vault": "vgs",
            "base_url": base_url,
            "credentials": fake.credentials(),
            "coordination": redis_server.url,
            "budget": [limit, window],
            "alias": alias,
            "threads": 3,
            "calls": 10,
            "deadline": 120,
        }
        with Fleet(PROCESSES, settings) as fleet:
            results = fleet.finish(timeout=180)
    _no_errors(results)
    sent = sum(result["phases"][0]["calls"] for result in results)
    assert sent == PROCESSES * 3 * 10 == 240  # twice the window's budget, in one burst
    print(f"\nfleet budget: {sent} requests from {PROCESSES} processes, {fake.throttled} answered 429 (budget {limit} per {window:g} s)")
    # Within the budget: at most 1 % of the requests were refused (the vault's window edges meet network jitter).
    assert fake.throttled <= sent // 100, f"{fake.throttled} of {sent} requests got a 429"


def test_redis_killed_mid_run_fails_no_call_and_coordination_resumes_after_a_restart(own_redis: RedisServer) -> None:
    fake = FakeVaultPAM(user_limit=100_000)
    with fake.serve() as base_url:
        settings = {
            "vault": "vaultpam",
            "base_url": base_url,
            "credentials": fake.credentials(),
            "coordination": own_redis.url,
            "threads": 2,
            "calls": 6,
            "pause": 0.01,
            "phases": 4,
            "until_warned": [1],
            "until_resumed": [2],
            "deadline": 30,
        }
        with Fleet(4, settings) as fleet:
            up = fleet.read(timeout=120)
            assert fake.logins == 1
            fake.expire_sessions()  # phase 2 must log in again, with Redis gone
            fleet.go()
            own_redis.kill()  # while the phase runs (each worker calls until Redis failed it): pooled connections die
            down = fleet.read(timeout=120)
            logins_without_redis = fake.logins - 1
            own_redis.start()  # empty, on the same port
            fleet.go()
            back = fleet.read(timeout=120)  # each worker calls until its coordination resumed
            logins_before = fake.logins
            fake.expire_sessions()
            fleet.go()
            shared_again = fleet.read(timeout=120)
            results = fleet.finish(timeout=60)
        after_restart = redis_contents(own_redis.url)
    _no_errors(up + down + back + shared_again)
    assert [phase["warnings"] for phase in up] == [0, 0, 0, 0]
    assert [phase["warnings"] for phase in down] == [1, 1, 1, 1]  # one WARNING per process for the outage
    assert [result["warnings"] for result in results] == [1, 1, 1, 1]  # and no more while it lasted or after
    assert 1 <= logins_without_redis <= 4  # each process on its own (at most once each), none failed
    assert [phase["resumed"] for phase in back] == [1, 1, 1, 1]  # every process came back to the fleet by itself
    assert fake.logins == logins_before + 1  # one login for the fleet again, through the restarted Redis
    assert {key.rsplit(b":", 1)[1] for key in after_restart} == {b"rate", b"session"}


def _seed_alias(fake: FakeVGS) -> str:
    with fake.client() as vgs:
        alias: str = vgs.aliases.tokenize(["4111111111111111"])[0]
    fake.throttled = 0
    return alias
