"""50 threads × 200 calls and 50 tasks × 200 calls sharing one client per vault, with 5 % of requests faulted.

Each worker works on its own data (its alias, its Apideck consumer through a `with_consumer` copy,
its Vaultera key and session tokens) and checks every answer is its own, so any cross-talk between
workers sharing a client shows up as a wrong answer; the fakes' recorded requests and final state
are checked afterwards too. Faults are 429 and 503 with `Retry-After: 0` on the routes the workers
call (idempotent ones; Vaultera's session-token POST gets 429s only), so every fault is retried and
no call may fail. VaultPAM faults hit every route, the login included, while its sessions are
expired five times under load: each expiry must cost exactly one login.

The fakes run in-process with `validate=False`: spec validation costs 5-15 ms per request, which
would make 10,000 calls per test take minutes; the per-vault suites validate every kind of request
and answer. Every loop is bounded (200 calls per worker) and so is every test (`BUDGET`): threads are
joined with a timeout and task groups are cancelled at the deadline.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import anyio
import pytest
from polyvault import RetryPolicy
from polyvault.testing import FakeApideck, FakeVault, FakeVaultera, FakeVaultPAM, FakeVGS, Fault

WORKERS = 50
CALLS = 200
BUDGET = 50.0  # seconds per test, for everything
FAULT_SHARE = 0.05
POLICY = RetryPolicy(max_retries=6, backoff=0.0, max_backoff=0.0, max_wait=1.0)
EXPIRIES = 5


def _faults(fake: FakeVault, *routes: str | None) -> list[Fault]:
    """429 and 503 (Retry-After: 0) on each of `routes`, about FAULT_SHARE of their requests in all."""
    share = FAULT_SHARE / 2
    return [
        fake.inject(kind, route=route, times=None, probability=share / (1 - share * index), retry_after=0)  # type: ignore[arg-type]
        for route in routes
        for index, kind in enumerate(("429", "503"))
    ]


@dataclass
class Figures:
    vault: str
    mode: str
    calls: int
    fake: FakeVault
    faults: list[Fault]
    seconds: float
    extra: str = ""

    def show(self) -> None:
        hits = sum(fault.hits for fault in self.faults)
        print(
            f"\nconcurrency {self.vault} ({self.mode}): {WORKERS} workers × {CALLS} calls = {self.calls:,} calls, "
            f"{self.fake.count():,} requests, {hits:,} faulted (429/503, all retried), "
            f"up to {self.fake.max_in_flight} in flight, 0 errors, {self.seconds:.1f} s{self.extra}"
        )
        # The load was what it claims: faults fired (and were retried), and the workers really overlapped.
        assert hits >= self.calls * FAULT_SHARE / 4, f"only {hits} faults fired in {self.calls} calls"
        assert self.fake.max_in_flight > WORKERS // 4, f"at most {self.fake.max_in_flight} requests were ever in flight"


def run_threads(work: Callable[[int], None]) -> float:
    """`work(worker)` on WORKERS threads started together; every thread must finish without error within BUDGET."""
    errors: list[BaseException] = []
    start = threading.Barrier(WORKERS)

    def target(worker: int) -> None:
        try:
            start.wait(timeout=10)
            work(worker)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=target, args=(worker,), daemon=True, name=f"worker-{worker}") for worker in range(WORKERS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, began + BUDGET - time.monotonic()))
    stuck = [thread.name for thread in threads if thread.is_alive()]
    assert not stuck, f"{len(stuck)} threads still running after {BUDGET}s"
    assert not errors, f"{len(errors)} workers failed, first: {errors[0]!r}"
    return time.monotonic() - began


async def run_tasks(work: Callable[[int], Awaitable[None]]) -> float:
    """`await work(worker)` on WORKERS tasks; any error fails the test, and so does running past BUDGET."""
    began = time.monotonic()
    with anyio.fail_after(BUDGET):
        async with anyio.create_task_group() as group:
            for worker in range(WORKERS):
                group.start_soon(work, worker)
    return time.monotonic() - began


def _deadline() -> float:
    return time.monotonic() + BUDGET


def _in_time(deadline: float) -> None:
    assert time.monotonic() < deadline, "past the test's time budget"


# --- VGS: each worker reveals and re-classifies its own value ----------------------------------------


def _vgs_setup() -> tuple[FakeVGS, list[str], list[str]]:
    fake = FakeVGS(validate=False, rate_limit=None)
    values = [f"4{worker:03d}{'0' * 11}{worker % 10}" for worker in range(WORKERS)]
    with fake.client() as vgs:
        aliases = vgs.aliases.tokenize(values)
    return fake, values, aliases


def _vgs_check(fake: FakeVGS, aliases: list[str], values: list[str]) -> None:
    """Each value ends with its own worker's last classifiers."""
    with fake.client() as vgs:
        revealed = vgs.aliases.reveal_many(aliases)
    assert {alias: (record.value, record.classifiers) for alias, record in revealed.items()} == {
        alias: (values[worker], (f"w{worker}-{CALLS - 1}",)) for worker, alias in enumerate(aliases)
    }


def test_vgs_threads() -> None:
    fake, values, aliases = _vgs_setup()
    faults = _faults(fake, "GET /aliases/{alias}", "PUT /aliases/{alias}")
    deadline = _deadline()
    with fake.client(retry_policy=POLICY) as vgs:

        def work(worker: int) -> None:
            for call in range(CALLS):
                _in_time(deadline)
                if call % 2:
                    vgs.aliases.update(aliases[worker], classifiers=[f"w{worker}-{call}"])
                else:
                    record = vgs.aliases.reveal(aliases[worker])
                    assert record.value == values[worker], "another worker's value"
                    assert call == 0 or record.classifiers == (f"w{worker}-{call - 1}",), "another worker's classifiers"

        seconds = run_threads(work)
    _vgs_check(fake, aliases, values)
    Figures("vgs", "threads", WORKERS * CALLS, fake, faults, seconds).show()


@pytest.mark.anyio
async def test_vgs_tasks() -> None:
    fake, values, aliases = _vgs_setup()
    faults = _faults(fake, "GET /aliases/{alias}", "PUT /aliases/{alias}")
    async with fake.async_client(retry_policy=POLICY) as vgs:

        async def work(worker: int) -> None:
            for call in range(CALLS):
                if call % 2:
                    await vgs.aliases.update(aliases[worker], classifiers=[f"w{worker}-{call}"])
                else:
                    record = await vgs.aliases.reveal(aliases[worker])
                    assert record.value == values[worker], "another worker's value"
                    assert call == 0 or record.classifiers == (f"w{worker}-{call - 1}",), "another worker's classifiers"

        seconds = await run_tasks(work)
    _vgs_check(fake, aliases, values)
    Figures("vgs", "tasks", WORKERS * CALLS, fake, faults, seconds).show()


# --- Apideck: each worker acts for its own consumer through a with_consumer copy ------------------------

LOGS = "GET /vault/logs"
MAPPINGS = "GET /vault/connections/{unified_api}/{service_id}/{resource}/custom-mappings"


def _apideck_setup() -> tuple[FakeApideck, list[str], dict[str, set[str]]]:
    fake = FakeApideck(validate=False)
    consumers = [f"consumer-{worker:02d}" for worker in range(WORKERS)]
    logs = {consumer: {entry["id"] for entry in fake.add_logs(3, consumer_id=consumer)} for consumer in consumers}
    with fake.client() as apideck:
        for consumer in consumers:
            apideck.with_consumer(consumer).connections.add("crm", "pipedrive", settings={"api_key": f"key-of-{consumer}"})
    return fake, consumers, logs


def _apideck_check(fake: FakeApideck, consumers: list[str]) -> str:
    """Every consumer's calls reached the vault under its own header: exactly CALLS unfaulted ones each."""
    answered = Counter(
        request.secret_header("x-apideck-consumer-id")
        for request in fake.requests
        if request.route in (LOGS, MAPPINGS) and request.fault is None
    )
    assert answered == Counter(dict.fromkeys(consumers, CALLS)), "requests under another consumer's header"
    return f", {len(consumers)} consumers × {CALLS} answered requests each under their own header"


def _apideck_verify(consumer: str, call: int, result: Any, logs: dict[str, set[str]]) -> None:
    if call % 2:
        assert [mapping.consumer_id for mapping in result] == [consumer], "another consumer's custom mappings"
    else:
        assert {log.id for log in result} == logs[consumer] and {log.consumer_id for log in result} == {consumer}, "another consumer's logs"


def test_apideck_threads() -> None:
    fake, consumers, logs = _apideck_setup()
    faults = _faults(fake, LOGS, MAPPINGS)
    deadline = _deadline()
    with fake.client(retry_policy=POLICY) as apideck:

        def work(worker: int) -> None:
            mine = apideck.with_consumer(consumers[worker])
            for call in range(CALLS):
                _in_time(deadline)
                result = mine.connections.custom_mappings("crm", "pipedrive", "leads") if call % 2 else list(mine.logs.list())
                _apideck_verify(consumers[worker], call, result, logs)

        seconds = run_threads(work)
    extra = _apideck_check(fake, consumers)
    Figures("apideck", "threads", WORKERS * CALLS, fake, faults, seconds, extra).show()


@pytest.mark.anyio
async def test_apideck_tasks() -> None:
    fake, consumers, logs = _apideck_setup()
    faults = _faults(fake, LOGS, MAPPINGS)
    async with fake.async_client(retry_policy=POLICY) as apideck:

        async def work(worker: int) -> None:
            mine = apideck.with_consumer(consumers[worker])
            for call in range(CALLS):
                if call % 2:
                    result: Any = await mine.connections.custom_mappings("crm", "pipedrive", "leads")
                else:
                    result = [log async for log in mine.logs.list()]
                _apideck_verify(consumers[worker], call, result, logs)

        seconds = await run_tasks(work)
    extra = _apideck_check(fake, consumers)
    Figures("apideck", "tasks", WORKERS * CALLS, fake, faults, seconds, extra).show()


# --- VaultPAM: one shared session, expired five times under load: one login per expiry ---------------------


class Expiries:
    """Expires every VaultPAM session EXPIRIES times while the workers run.

    Each expiry waits for the login it causes and then for every running worker to finish two more
    calls, so no call spans two expiries (the client logs in again once per refused request, by design).
    """

    def __init__(self, fake: FakeVaultPAM) -> None:
        self.fake = fake
        self.calls = [0] * WORKERS  # calls completed per worker
        self.done = [False] * WORKERS
        self.made = 0

    def steps(self) -> Iterator[None]:
        """The controller, as a generator that yields whenever it waits (driven by a thread or a task)."""
        while self.made < EXPIRIES and not all(self.done):
            logins = self.fake.logins
            self.fake.expire_sessions()
            self.made += 1
            while self.fake.logins == logins and not all(self.done):
                yield
            seen = list(self.calls)
            while not all(done or calls >= before + 2 for done, calls, before in zip(self.done, self.calls, seen, strict=True)):
                yield

    def check(self) -> str:
        assert self.made == EXPIRIES, "the workers finished before every expiry was made"
        assert self.fake.logins == 1 + EXPIRIES, f"{self.fake.logins} logins for {EXPIRIES} expiries"
        return f", {EXPIRIES} session expiries under load → exactly {self.fake.logins - 1} logins (+1 first)"


def _vaultpam_setup() -> tuple[FakeVaultPAM, list[Fault], Expiries]:
    fake = FakeVaultPAM(validate=False, user_limit=10**9, login_limit=10**6)
    return fake, _faults(fake, None), Expiries(fake)  # faults on every route, the login included


SAFES = ["safe_01", "safe_02"]


def test_vaultpam_threads() -> None:
    fake, faults, expiries = _vaultpam_setup()
    deadline = _deadline()
    with fake.client(retry_policy=POLICY) as pam:
        assert [safe.id for safe in pam.safes.list()] == SAFES  # the first session

        def work(worker: int) -> None:
            try:
                for _ in range(CALLS):
                    _in_time(deadline)
                    assert [safe.id for safe in pam.safes.list()] == SAFES
                    expiries.calls[worker] += 1
            finally:
                expiries.done[worker] = True

        def control() -> None:
            for _ in expiries.steps():
                time.sleep(0.001)
                if time.monotonic() > deadline:
                    return

        controller = threading.Thread(target=control, daemon=True)
        controller.start()
        seconds = run_threads(work)
        controller.join(timeout=5)
    assert not controller.is_alive()
    Figures("vaultpam", "threads", WORKERS * CALLS, fake, faults, seconds, expiries.check()).show()


@pytest.mark.anyio
async def test_vaultpam_tasks() -> None:
    fake, faults, expiries = _vaultpam_setup()
    async with fake.async_client(retry_policy=POLICY) as pam:
        assert [safe.id for safe in await pam.safes.list()] == SAFES

        async def work(worker: int) -> None:
            try:
                for _ in range(CALLS):
                    assert [safe.id for safe in await pam.safes.list()] == SAFES
                    expiries.calls[worker] += 1
            finally:
                expiries.done[worker] = True

        async def control() -> None:
            for _ in expiries.steps():
                await anyio.sleep(0.001)

        began = time.monotonic()
        with anyio.fail_after(BUDGET):
            async with anyio.create_task_group() as group:
                group.start_soon(control)
                for worker in range(WORKERS):
                    group.start_soon(work, worker)
        seconds = time.monotonic() - began
    Figures("vaultpam", "tasks", WORKERS * CALLS, fake, faults, seconds, expiries.check()).show()


# --- Vaultera: each worker reads its own API key and gets session tokens of its own -----------------------


def _vaultera_setup() -> tuple[FakeVaultera, list[Any], list[Fault]]:
    fake = FakeVaultera(validate=False)
    with fake.client() as vaultera:
        keys = [vaultera.api_keys.create(f"worker {worker}") for worker in range(WORKERS)]
    faults = _faults(fake, "GET /api_keys/{id}")
    faults.append(fake.inject("429", route="POST /session_tokens", times=None, probability=FAULT_SHARE / 2, retry_after=0))
    return fake, keys, faults


SCOPES = ("card", "show_card", "show_service_code")


def _vaultera_verify(worker: int, call: int, result: Any, keys: list[Any], tokens: set[str]) -> None:
    if call % 2:
        assert result.scope == SCOPES[worker % 3] and result.session_token not in tokens, "another worker's session token"
        tokens.add(result.session_token)
    else:
        assert (result.id, result.description, result.masked) == (keys[worker].id, f"worker {worker}", keys[worker].masked)


def _vaultera_check(fake: FakeVaultera, tokens: set[str]) -> str:
    assert len(tokens) == WORKERS * CALLS // 2
    assert Counter(fake.session_scopes()) == Counter(
        {scope: sum(1 for w in range(WORKERS) if w % 3 == index) * CALLS // 2 for index, scope in enumerate(SCOPES)}
    )
    return f", {len(tokens):,} distinct session tokens, each to the worker that asked"


def test_vaultera_threads() -> None:
    fake, keys, faults = _vaultera_setup()
    tokens: set[str] = set()
    deadline = _deadline()
    with fake.client(retry_policy=POLICY) as vaultera:

        def work(worker: int) -> None:
            for call in range(CALLS):
                _in_time(deadline)
                result = vaultera.session_tokens.create(SCOPES[worker % 3]) if call % 2 else vaultera.api_keys.get(keys[worker].id)
                _vaultera_verify(worker, call, result, keys, tokens)

        seconds = run_threads(work)
    Figures("vaultera", "threads", WORKERS * CALLS, fake, faults, seconds, _vaultera_check(fake, tokens)).show()


@pytest.mark.anyio
async def test_vaultera_tasks() -> None:
    fake, keys, faults = _vaultera_setup()
    tokens: set[str] = set()
    async with fake.async_client(retry_policy=POLICY) as vaultera:

        async def work(worker: int) -> None:
            for call in range(CALLS):
                pending = vaultera.session_tokens.create(SCOPES[worker % 3]) if call % 2 else vaultera.api_keys.get(keys[worker].id)
                _vaultera_verify(worker, call, await pending, keys, tokens)

        seconds = await run_tasks(work)
    Figures("vaultera", "tasks", WORKERS * CALLS, fake, faults, seconds, _vaultera_check(fake, tokens)).show()
