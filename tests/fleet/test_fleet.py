"""Fleet mode in one process, through the public API: settings, the shared budget, the shared session, failing open.

Clients made separately share nothing in-process but Redis (each has its own connections, pacer and
auth), so two clients here stand for two processes; test_multiprocess.py runs real processes.
"""

from __future__ import annotations

import itertools
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from polyvault import VGS, AuthenticationError, Coordination, InvalidRequestError, RateLimited, RateLimitError, RetryPolicy
from polyvault.testing import FakeVaultPAM, FakeVGS, RedisServer

from .conftest import redis_contents

CARD = "4111111111111111"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _keys(url: str, purpose: str) -> list[bytes]:
    return [key for key in redis_contents(url) if key.endswith(b":" + purpose.encode())]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    records = caplog.records
    return [record.getMessage() for record in records if record.name == "polyvault.coordination" and record.levelno >= logging.WARNING]


# --- settings ------------------------------------------------------------------------------------------


def test_coordination_takes_a_redis_url_or_settings_and_refuses_anything_else() -> None:
    for bad in ("http://127.0.0.1:6379", "127.0.0.1:6379", 6379):
        with pytest.raises(InvalidRequestError, match="redis://") as caught:
            VGS("u", "p", coordination=bad)  # type: ignore[arg-type]
        assert caught.value.vault == "vgs"
    for bad_settings in ({"requests": 0}, {"per": 0}, {"timeout": 10}, {"timeout": float("nan")}):
        with pytest.raises(ValueError, match="Coordination"):
            Coordination("redis://127.0.0.1:6379/0", **bad_settings)
    settings = Coordination("rediss://fleet:s3cret-Redis-pw@cache.internal:6380/2", requests=600, per=6.0)
    assert repr(settings) == "Coordination(url='rediss://cache.internal:6380/2', requests=600, per=6.0, timeout=0.25)"
    client = VGS("u", "p", coordination=settings)
    assert "s3cret" not in repr(client) + repr(client._state.fleet)
    client.close()


def test_without_redis_py_fleet_mode_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None if name == "redis" else real(name, *args))
    with pytest.raises(ModuleNotFoundError, match=r"polyvault\[fleet\]"):
        VGS("u", "p", coordination="redis://127.0.0.1:6379/0")
    VGS("u", "p").close()  # without fleet mode nothing is needed


def test_the_environment_variable_turns_fleet_mode_on(redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeVGS()
    with fake.client() as plain:
        plain.aliases.tokenize([CARD])
    before = set(redis_contents(redis_server.url))
    monkeypatch.setenv("POLYVAULT_COORDINATION_URL", redis_server.url)
    with fake.client() as coordinated:
        coordinated.aliases.tokenize([CARD])
    added = set(redis_contents(redis_server.url)) - before
    assert len(added) == 1 and next(iter(added)).endswith(b":rate")


# --- the shared budget -------------------------------------------------------------------------------------


def test_a_429_seen_by_one_client_pauses_the_others_until_the_reset(redis_server: RedisServer) -> None:
    fake = FakeVGS()
    with fake.client() as setup:
        alias = setup.aliases.tokenize([CARD])[0]
    fake.inject("429", route="GET /aliases/{alias}", retry_after=2, times=1)
    first, second = fake.client(coordination=redis_server.url), fake.client(coordination=redis_server.url)
    with first, second:
        refused = threading.Thread(target=first.aliases.reveal, args=(alias,))
        refused.start()
        rate = first._state.fleet.keyring().key("rate").encode()
        deadline = time.monotonic() + 10
        while float(redis_contents(redis_server.url).get(rate, {}).get(b"pause", 0)) == 0 and time.monotonic() < deadline:
            time.sleep(0.01)  # until the refused client has told the fleet
        assert float(redis_contents(redis_server.url)[rate][b"pause"]) > 0, "the refused client never told the fleet"
        second.aliases.reveal(alias)  # another "process": it must wait for the vault's reset too
        refused.join(timeout=30)
    faulted = next(request for request in fake.requests if request.fault == "429")
    after = [request.at - faulted.at for request in fake.requests if request.at > faulted.at]
    assert len(after) == 2  # the refused call's retry and the other client's call
    assert min(after) >= 1.9, f"a request went {min(after):.2f} s after a 429 that asked for 2 s"
    assert max(after) < 6, f"a request waited {max(after):.2f} s after a 429 that asked for 2 s"


def test_a_429_that_names_no_time_pauses_the_fleet_for_a_second(redis_server: RedisServer) -> None:
    import httpx
    import redis

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"errors": [{"status": 429, "title": "Too many requests"}]})  # no Retry-After

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with VGS("u", "p", base_url="https://vgs.test", http_client=http, coordination=redis_server.url, max_retries=0) as vgs:
        with pytest.raises(RateLimitError):
            vgs.aliases.reveal("tok_sandbox_a")
        rate = vgs._state.fleet.keyring().key("rate").encode()
    seconds, micros = redis.Redis.from_url(redis_server.url).time()
    state = redis_contents(redis_server.url)[rate]
    pause_in = float(state[b"pause"]) - (seconds * 1000 + micros / 1000)
    assert 800 < pause_in <= 1000, f"paused for {pause_in:.0f} ms"
    assert b"limit" not in state  # a 429 reports no limit: the documented one stands


def test_what_the_vault_reports_moves_the_fleet_past_its_reset_instead_of_into_a_429(redis_server: RedisServer) -> None:
    fake = FakeVaultPAM(user_limit=4, rate_window=6)
    org = fake.org_ids[0]
    time.sleep(max(0.0, (fake.window_index() + 1) * fake.rate_window - time.time()) + 0.05)  # at a window's start
    with fake.client(org_id=org) as outsider:  # traffic of the same user from outside the fleet
        outsider.safes.list()
        outsider.safes.list()
        outsider.safes.list()
    with fake.client(org_id=org, coordination=Coordination(redis_server.url, requests=4, per=6)) as pam:
        pam.safes.list()  # the window's 4th request: the vault says 0 remaining until its reset
        pam.safes.list()  # so this one waits for the reset instead of being refused
    windows = [int(request.at // fake.rate_window) for request in fake.requests if request.route == "GET /api/v1/safes"]
    assert windows[:4] == [windows[0]] * 4, "the machine was too slow to use the budget in one window"
    assert windows[4:] == [windows[0] + 1]  # the fifth request came after the reset, and only once
    assert fake.throttled == 0


def test_a_turn_further_away_than_the_call_may_wait_is_not_waited_for(redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)  # the sync driver's Sleep: recorded, not slept
    fake = FakeVGS()
    budget = Coordination(redis_server.url, requests=1, per=600)  # one request per ten minutes
    with fake.client(coordination=budget, retry_policy=RetryPolicy(max_wait=2)) as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]  # the budget's one turn
        assert vgs.aliases.reveal(alias).value == CARD  # the next is ten minutes away: sent now, the vault decides
    assert fake.count() == 2 and slept == []


@pytest.mark.anyio
async def test_async_clients_share_the_budget_too(redis_server: RedisServer) -> None:
    fake = FakeVGS(rate_limit=20, rate_window=2)
    with fake.client() as setup:
        alias = setup.aliases.tokenize([CARD])[0]
    fake.throttled = 0
    coordination = Coordination(redis_server.url, requests=20, per=2)
    async with fake.async_client(coordination=coordination) as vgs, anyio.create_task_group() as group:
        for _ in range(40):  # twice the window's budget at once
            group.start_soon(vgs.aliases.reveal, alias)
    assert fake.count("GET /aliases/{alias}") == 40
    assert fake.throttled == 0


@pytest.mark.anyio
async def test_sync_and_async_clients_book_their_turns_in_one_budget(redis_server: RedisServer) -> None:
    fake = FakeVGS()
    with fake.client() as setup:
        alias = setup.aliases.tokenize([CARD])[0]
    coordination = Coordination(redis_server.url, requests=1000, per=60)
    with fake.client(coordination=coordination) as sync_client:
        sync_client.aliases.reveal(alias)
        rate = sync_client._state.fleet.keyring().key("rate").encode()
    booked = float(redis_contents(redis_server.url)[rate][b"tat"])
    async with fake.async_client(coordination=coordination) as async_client:
        await async_client.aliases.reveal(alias)
        assert async_client._state.fleet.keyring().key("rate").encode() == rate
    assert float(redis_contents(redis_server.url)[rate][b"tat"]) > booked  # the async client's turn moved the same schedule


def test_each_turn_moves_the_shared_schedule_by_the_window_over_the_usable_budget(redis_server: RedisServer) -> None:
    """100 per 10 s: 3 kept spare and a burst of 2 (2.5 % each, rounded), so turns are 10 s / 96 apart."""
    fake = FakeVGS()
    with fake.client() as setup:
        alias = setup.aliases.tokenize([CARD])[0]
    with fake.client(coordination=Coordination(redis_server.url, requests=100, per=10)) as vgs:
        rate = vgs._state.fleet.keyring().key("rate").encode()
        schedule = []
        for _ in range(3):
            vgs.aliases.reveal(alias)  # far quicker than a turn: each books the next one
            schedule.append(float(redis_contents(redis_server.url)[rate][b"tat"]))
    assert [later - earlier for earlier, later in itertools.pairwise(schedule)] == pytest.approx([10_000 / 96] * 2, abs=0.002)


def test_the_fleets_keys_are_the_same_in_every_release() -> None:
    """Processes of two releases (a rolling deploy) must meet at the same keys and open each other's session."""
    import httpx

    vgs = VGS("user", "password", base_url="https://vgs.test", coordination="redis://127.0.0.1:1/0", http_client=httpx.Client())
    keyring = vgs._state.fleet.keyring()
    assert keyring.key("rate") == "polyvault:{c0fdb56d377ca84d5fe2c6b5a24ef276}:rate"
    assert keyring.fingerprint("tok") == "ac08e85f21960b627fbb8e0109471f9a"
    sealed_by_0_1_0 = bytes.fromhex(
        "eeb4af9c188a21d5b4d8caee4d87e521d4e43d2d6c38e43e8726b9f335f86d1f9067335fc66a7aabcd0937c703122ba343ea302f8d683f1b4af103d7"
    )
    assert keyring.open(sealed_by_0_1_0, keyring.key("session")) == b'{"token": "t", "lifetime": 60.0}'
    assert keyring.open(sealed_by_0_1_0, keyring.key("rate")) is None  # sealed for another key: refused
    other = VGS("user", "passw0rd", base_url="https://vgs.test", coordination="redis://127.0.0.1:1/0", http_client=httpx.Client())
    assert other._state.fleet.keyring().key("rate") != keyring.key("rate")


def test_on_rate_limit_decides_whether_a_429_is_retried() -> None:
    fake = FakeVGS()
    with fake.client() as setup:
        alias = setup.aliases.tokenize([CARD])[0]
    told: list[RateLimited] = []
    policy = RetryPolicy(max_retries=2, max_wait=5)
    with fake.client(on_rate_limit=lambda event: told.append(event) or False, retry_policy=policy) as giving_up:
        fake.inject("429", route="GET /aliases/{alias}", retry_after=1, times=1)
        with pytest.raises(RateLimitError):
            giving_up.aliases.reveal(alias)
    assert fake.count("GET /aliases/{alias}") == 1  # not retried
    assert told == [RateLimited(vault="vgs", attempt=1, retry_after=1.0, rate_limit=told[0].rate_limit, shared=False)]
    assert told[0].rate_limit is not None and told[0].rate_limit.remaining is not None
    with fake.client(on_rate_limit=lambda event: told.append(event) or True, retry_policy=policy) as retrying:
        fake.inject("429", route="GET /aliases/{alias}", retry_after=1, times=1)
        assert retrying.aliases.reveal(alias).value == CARD
    assert fake.count("GET /aliases/{alias}") == 3
    with pytest.raises(InvalidRequestError, match="on_rate_limit"):
        fake.client(on_rate_limit="retry")


# --- the shared session (VaultPAM) ---------------------------------------------------------------------------


def test_clients_of_one_account_share_one_login_and_one_relogin(redis_server: RedisServer) -> None:
    fake = FakeVaultPAM()
    with fake.client(coordination=redis_server.url) as first, fake.client(coordination=redis_server.url) as second:
        first.safes.list()
        second.safes.list()
        assert fake.logins == 1
        fake.expire_sessions()
        second.safes.list()  # refused: logs in again and shares the new token
        first.safes.list()  # refused too: takes the shared one
        assert fake.logins == 2
    with fake.client(password="not-the-password", coordination=redis_server.url) as stranger, pytest.raises(AuthenticationError):
        stranger.safes.list()  # other credentials cannot use (or even find) the account's session
    assert fake.logins == 2


def test_a_refused_session_is_forgotten_by_the_fleet_even_when_the_new_login_fails(redis_server: RedisServer) -> None:
    fake = FakeVaultPAM()
    with fake.client(coordination=redis_server.url) as pam:
        pam.safes.list()
        shared = [key for key in _keys(redis_server.url, "session") if pam._state.fleet.keyring().id.encode() in key]
        assert len(shared) == 1
        fake.expire_sessions()
        fake.set_password("rotated")  # the relogin fails
        with pytest.raises(AuthenticationError):
            pam.safes.list()
        assert shared[0] not in redis_contents(redis_server.url)  # no other process picks up the refused token


@pytest.mark.anyio
async def test_sync_and_async_clients_share_one_login(redis_server: RedisServer) -> None:
    fake = FakeVaultPAM()
    with fake.client(coordination=redis_server.url) as sync_client:
        sync_client.safes.list()
        async with fake.async_client(coordination=redis_server.url) as async_client:
            await async_client.safes.list()
            fake.expire_sessions()
            await async_client.safes.list()
            sync_client.safes.list()
    assert fake.logins == 2


def test_a_login_lock_left_by_a_crashed_process_blocks_nobody_past_its_time(redis_server: RedisServer) -> None:
    import redis

    fake = FakeVaultPAM()
    with fake.client(coordination=redis_server.url) as pam:
        keyring = pam._state.fleet.keyring()
        store = redis.Redis.from_url(redis_server.url)
        assert store.set(keyring.key("login"), "crashed-process", nx=True, px=1500)
        store.close()
        locked_at = time.time()
        assert len(pam.safes.list()) == 2  # waits for the lock to expire, then logs in itself
    login = next(request for request in fake.requests if request.route == "POST /api/v1/auth/login")
    assert fake.logins == 1
    assert login.at - locked_at >= 1.4  # it did respect the lock while it lived


def test_redis_holds_nothing_readable_without_the_credentials(redis_server: RedisServer) -> None:
    pam_fake, vgs_fake = FakeVaultPAM(email="ops@secret-corp.example"), FakeVGS(username="USsecretuser1")
    with pam_fake.serve() as pam_url, vgs_fake.serve() as vgs_url:
        with pam_fake.client(base_url=pam_url, coordination=redis_server.url) as pam:
            pam.safes.list()
        with vgs_fake.client(base_url=vgs_url, coordination=redis_server.url) as vgs:
            vgs.aliases.tokenize([CARD])
        tokens = [
            header[len("Bearer ") :]
            for request in pam_fake.requests
            if (header := request.secret_header("authorization") or "").startswith("Bearer vps_")
        ]
        stored = redis_contents(redis_server.url)
        mine = {key: value for key, value in stored.items() if any(name in key for name in _keys_of(pam, vgs))}
    assert {key.rsplit(b":", 1)[1] for key in mine} == {b"rate", b"session"}
    dump = repr(mine).encode() + b"".join(part for value in mine.values() if isinstance(value, dict) for part in value.values())
    for secret in {pam_fake.password, pam_fake.email, vgs_fake.password, vgs_fake.username, pam_url, vgs_url, *tokens, "secret-corp"}:
        assert secret.encode() not in dump, f"{secret!r} readable in Redis"
    session = next(value for key, value in mine.items() if key.endswith(b":session"))
    assert set(session) == {b"fp", b"blob"} and len(session[b"blob"]) > 12 + 16  # nonce + sealed token + tag


def _keys_of(*clients: Any) -> Iterator[bytes]:
    for client in clients:
        yield client._state.fleet.keyring().id.encode()


# --- failing open ----------------------------------------------------------------------------------------------


def test_an_unreachable_redis_fails_no_call_and_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    url = f"redis://fleet:hunter2-redis-pw@127.0.0.1:{_free_port()}/0"
    fake, pam_fake = FakeVGS(), FakeVaultPAM()
    with fake.client(coordination=url) as vgs, pam_fake.client(coordination=url) as pam:
        aliases = vgs.aliases.tokenize([CARD] * 45)  # three requests
        pam.safes.list()
        pam_fake.expire_sessions()
        pam.safes.list()
        started, reveals = time.monotonic(), 0
        while time.monotonic() - started < 1.6 and reveals < 400:  # long enough for Redis to be tried again twice
            vgs.aliases.reveal(aliases[reveals % 45])
            reveals += 1
            time.sleep(0.005)
        assert vgs._state.fleet.link.outages == 1
    assert fake.count() == 3 + reveals and pam_fake.logins == 2
    warnings = _warnings(caplog)
    assert len(warnings) == 1, warnings  # one outage, one warning, however many calls, clients and retries of Redis
    assert "127.0.0.1" in warnings[0] and "hunter2" not in caplog.text


def test_a_redis_that_never_answers_delays_calls_by_its_timeout_only(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # accepts connections (the kernel does), never answers a byte
    fake = FakeVGS()
    try:
        url = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        with fake.client(coordination=Coordination(url, timeout=0.2)) as vgs:
            alias = vgs.aliases.tokenize([CARD])[0]
            assert [vgs.aliases.reveal(alias).value for _ in range(5)] == [CARD] * 5
            pool = vgs._state.fleet.link._sync.connection_pool.connection_kwargs
            assert (pool["socket_timeout"], pool["socket_connect_timeout"]) == (0.2, 0.2)  # every Redis command is bounded
    finally:
        silent.close()
    assert len(_warnings(caplog)) == 1 and "TimeoutError" in _warnings(caplog)[0]


@pytest.mark.anyio
async def test_async_clients_fail_open_too(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    url = f"redis://127.0.0.1:{_free_port()}/0"
    fake, pam_fake = FakeVGS(), FakeVaultPAM()
    async with fake.async_client(coordination=Coordination(url, timeout=0.3)) as vgs, pam_fake.async_client(coordination=url) as pam:
        assert len(await vgs.aliases.tokenize([CARD] * 30)) == 30
        await pam.safes.list()
        pool = vgs._state.fleet.link._async[1].connection_pool.connection_kwargs
        assert (pool["socket_timeout"], pool["socket_connect_timeout"]) == (0.3, 0.3)
    assert pam_fake.logins == 1 and len(_warnings(caplog)) == 1


def test_after_a_restart_coordination_resumes_by_itself(own_redis: RedisServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    fake = FakeVGS()
    with fake.client(coordination=own_redis.url) as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        own_redis.kill()
        started = time.monotonic()
        while time.monotonic() - started < 1.2:  # calls while Redis is away: it is tried again, and fails, twice
            vgs.aliases.reveal(alias)
            time.sleep(0.02)
        own_redis.start()  # empty, on the same port
        deadline = time.monotonic() + 20
        while not _keys(own_redis.url, "rate") and time.monotonic() < deadline:
            vgs.aliases.reveal(alias)
            time.sleep(0.05)
    resumed = [record.getMessage() for record in caplog.records if "resumed" in record.getMessage()]
    assert len(_warnings(caplog)) == 1 and len(resumed) == 1
    assert len(_keys(own_redis.url, "rate")) == 1


def test_commands_already_under_way_neither_end_nor_start_an_outage(caplog: pytest.LogCaptureFixture) -> None:
    """Threads overlap: a command that began before another one failed (or before Redis came back) says nothing
    about the server now. Only a command begun after the outage (a probe) ends it; one outage, one WARNING."""
    from polyvault._core.coordination.link import _Health

    health = _Health("redis://127.0.0.1:1/0", ())
    with caplog.at_level(logging.INFO, logger="polyvault.coordination"):
        before = time.monotonic()
        health.failed(ConnectionError("refused"), time.monotonic())  # thread A: Redis is gone
        health.succeeded(before)  # thread B's command, sent before A's failure, answers late
        assert not health.allow()  # still an outage: no second probe before the pause
        health.failed(ConnectionError("refused"), before)  # thread C's, also from before: the same outage
        probe = time.monotonic()
        health.succeeded(probe)  # a command begun during the outage worked: Redis is back
        health.failed(ConnectionError("refused"), probe)  # one that began before the recovery fails late
        assert health.allow()
    levels = [(record.levelname, record.getMessage().split(" (")[0].split(" resumed")[0]) for record in caplog.records]
    assert levels == [
        ("WARNING", "fleet coordination through redis://127.0.0.1:1/0 is unavailable"),
        ("INFO", "fleet coordination through redis://127.0.0.1:1/0"),
    ]
    assert health.outages == 1
