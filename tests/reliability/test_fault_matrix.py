"""Every facade operation of every vault × every fault the fakes inject → the documented outcome.

The rule is written once (`expected`), as a function of the operation's idempotency (and whether it
answers without a body, or returns the vault's raw answer) and the fault:

- 429: the vault refused the request, so it is always retried, and the retry succeeds.
- 502/503/504, an HTML 502, resets and timeouts: retried (and succeed) only for idempotent
  operations. A non-idempotent request that may have been applied is never resent: the caller gets
  the matching `VaultError` (a bulk call: a `BulkOperationError` that is also that error, every input "unknown").
- 500: never retried; `ServerError`.
- A 2xx body that is truncated or empty: `UnexpectedResponseError`, not retried; a 204 has no body
  to damage, and a raw answer's body is the caller's data, so both succeed.
- A number where the answer's first string was (wrong_type): tolerant reading takes it as its text,
  so the call succeeds, unless the call needs that string in a form a number cannot take
  (`Op.wrong_type_fails`): then `UnexpectedResponseError`, not retried.
- An unknown enum value and a 10 MB body: data, so the call succeeds and the value passes through.

Each case runs against a fresh in-process fake (spec-validating) with the fault armed once on the
operation's route, and checks that the route saw exactly the requests the rule allows. Every
operation runs sync; one operation of each kind per vault also runs async (`ASYNC_OPS`). Over real
sockets, a vault that never answers costs each client one timeout, the VaultPAM login included.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import pytest
from polyvault import (
    BulkOperationError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultError,
    VaultStatusError,
    VaultTimeoutError,
)
from polyvault.testing import FakeVault
from polyvault.vaultera import CaptureResult

from ._support import NO_WAIT, OPERATIONS, Op, aresolve, facade_operations, make_fake, prepare, resolve, strings

FAULTS = (
    "429",
    "500",
    "502",
    "503",
    "504",
    "html",
    "reset_before",
    "reset_after",
    "timeout",
    "truncated_json",
    "empty_body",
    "wrong_type",
    "unknown_enum",
    "huge_body",
)
GATEWAY = frozenset({"502", "503", "504", "html"})
LOST = frozenset({"reset_before", "reset_after", "timeout"})
DAMAGED_BODY = frozenset({"truncated_json", "empty_body"})
# The values each fake's `unknown_enum` fault writes into an open enum field.
UNKNOWN_ENUMS = frozenset(
    {
        "SOME_STORAGE_ADDED_LATER",
        "suspended_by_vendor",
        "quarantined",
        "quantum-computing",
        "break_glass_approver",
        "suspended",
        "service_code",
    }
)
TIMEOUT = 0.02  # in-process, only the injected delay is subject to it


@dataclass(frozen=True)
class Outcome:
    """What a call must end in: success (`error is None`), or this error; and how many requests reach the route."""

    sends: int
    error: type[VaultError] | None = None
    status: int | None = None  # the error's status code, or the raw answer's
    unknown: bool = False  # a non-idempotent request that may have been applied


def expected(op: Op, fault: str) -> Outcome:
    """The documented outcome of `op` when `fault` hits its route once."""
    if fault == "429":
        return Outcome(sends=2)
    if fault in GATEWAY or fault in LOST:
        if op.idempotent:
            return Outcome(sends=2)
        if fault in LOST:
            return Outcome(sends=1, error=VaultTimeoutError if fault == "timeout" else VaultConnectionError, unknown=True)
        if op.raw:
            return Outcome(sends=1, status=502 if fault == "html" else int(fault))
        if fault == "html":
            return Outcome(sends=1, error=UnexpectedResponseError, status=502, unknown=True)
        return Outcome(sends=1, error=ServerError, status=int(fault), unknown=True)
    if fault == "500":
        if op.raw:
            return Outcome(sends=1, status=500)
        return Outcome(sends=1, error=ServerError, status=500, unknown=not op.idempotent)
    if fault in DAMAGED_BODY or (fault == "wrong_type" and op.wrong_type_fails):
        if op.raw or op.bodyless:
            return Outcome(sends=1)  # nothing of the answer is read
        return Outcome(sends=1, error=UnexpectedResponseError, unknown=not op.idempotent)
    if fault == "wrong_type":
        return Outcome(sends=1)  # tolerant reading: the number is read as its text, or the field as None
    if fault in ("unknown_enum", "huge_body"):
        return Outcome(sends=1)  # open enums pass through; a large answer is still an answer
    raise AssertionError(f"no documented outcome for the fault {fault!r}: add its rule here")


class Recording(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The fake's in-process transport, keeping every answer body the client received."""

    def __init__(self, fake: FakeVault) -> None:
        self.inner = fake.transport
        self.bodies: list[bytes] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        self.bodies.append(response.content)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        self.bodies.append(response.content)
        return response


def _json_strings(body: bytes) -> set[str]:
    try:
        return strings(json.loads(body))
    except ValueError:
        return set()


def _run(op: Op, fake: FakeVault, transport: Recording, ctx: dict[str, Any], mode: str) -> Any:
    options = {"retry_policy": NO_WAIT, "timeout": TIMEOUT}
    if mode == "sync":
        with fake.client(http_client=httpx.Client(transport=transport), **options) as client:
            return resolve(op.call(client, ctx))

    async def main() -> Any:
        async with fake.async_client(http_client=httpx.AsyncClient(transport=transport), **options) as client:
            return await aresolve(op.call(client, ctx))

    return anyio.run(main)


def _check_error(op: Op, outcome: Outcome, error: BaseException) -> None:
    assert isinstance(error, VaultError), f"{type(error).__name__} escaped: {error!r}"
    assert outcome.error is not None, f"expected success, got {error!r}"
    if op.bulk:  # a bulk call of any size fails with a BulkOperationError that is also its cause's class
        assert isinstance(error, BulkOperationError) and isinstance(error, outcome.error), repr(error)
        everything = tuple(range(op.inputs))
        accounts = (error.unknown, error.failed) if outcome.unknown else (error.failed, error.unknown)
        assert accounts == (everything, ()) and error.completed == (), repr(error)
        assert error.__cause__ is error.errors[0] and len(error.errors) == 1
        if outcome.status is not None:
            assert error.status_code == outcome.status  # the cause's attributes are the bulk error's too
        error = error.errors[0]
    assert isinstance(error, outcome.error) and not isinstance(error, BulkOperationError), repr(error)
    if outcome.status is not None:
        assert isinstance(error, (VaultStatusError, UnexpectedResponseError)) and error.status_code == outcome.status
    if isinstance(error, VaultConnectionError):
        assert error.request_sent  # it may have been applied: that is why it was not resent


def _check_success(op: Op, fault: str, outcome: Outcome, result: Any, transport: Recording) -> None:
    if outcome.status is not None:  # a raw answer: the vault's status is the caller's data
        response = result.response if isinstance(result, CaptureResult) else result
        assert isinstance(response, httpx.Response) and response.status_code == outcome.status
    if fault == "unknown_enum" and op.shows_enums:
        sent = set().union(*(_json_strings(body) for body in transport.bodies)) & UNKNOWN_ENUMS
        assert sent, f"{op.id}: the fault wrote no unknown enum value (an answer without open enums is shows_enums=False)"
        assert sent <= strings(result), f"{op.id}: the unknown enum value(s) {sent} did not pass through"
    if fault == "huge_body" and not op.bodyless:
        assert max(len(body) for body in transport.bodies) > 10 * 1024 * 1024


def _case(op: Op, fault: str, mode: str) -> Any:
    return pytest.param(op, fault, mode, id=f"{mode}-{op.id}-{fault}")


# Async clients share every line of the pipeline with sync ones (one plan, two drivers), so the async half of
# the matrix takes one operation of each kind per vault: bulk, raw, bodyless, paged, login, idempotent POST...
ASYNC_OPS = frozenset(
    {
        "vgs.aliases.create",
        "vgs.aliases.reveal_many",
        "vgs.aliases.reference",
        "vgs.aliases.delete",
        "apideck.consumers.list",
        "apideck.connections.add",
        "apideck.connections.migrate",
        "apideck.connections.update",
        "vaultpam.login",
        "vaultpam.safes.list",
        "vaultera.api_keys.revoke",
        "vaultera.session_tokens.create",
        "vaultera.cards.send",
        "vaultera.capture",
    }
)
CASES = [_case(op, fault, "sync") for op in OPERATIONS for fault in FAULTS] + [
    _case(op, fault, "async") for op in OPERATIONS if op.id in ASYNC_OPS for fault in FAULTS
]


@pytest.mark.parametrize(("op", "fault", "mode"), CASES)
def test_fault_gives_the_documented_outcome(op: Op, fault: str, mode: str) -> None:
    fake = make_fake(op.vault)
    ctx = prepare(op, fake)
    before = fake.count(op.route)
    armed = fake.inject(fault, route=op.route, times=1, retry_after=0 if fault == "429" else None)  # type: ignore[arg-type]
    transport = Recording(fake)
    outcome = expected(op, fault)
    error: BaseException | None = None
    result: Any = None
    try:
        result = _run(op, fake, transport, ctx, mode)
    except Exception as exc:
        error = exc
    assert armed.hits == 1, f"the {fault} fault never fired on {op.route}"
    if error is not None:
        _check_error(op, outcome, error)
    else:
        assert outcome.error is None, f"expected {outcome.error.__name__}, the call succeeded"
        _check_success(op, fault, outcome, result, transport)
    assert fake.count(op.route) - before == outcome.sends, "requests reaching the route"
    assert not fake.violations


def test_the_matrix_covers_every_operation_and_fault() -> None:
    covered = {(op.vault, op.name.split("(")[0]) for op in OPERATIONS}
    public = {(vault, name) for vault, names in facade_operations().items() for name in names}
    assert public <= covered, f"operations missing from the matrix: {sorted(public - covered)}"
    routes = {(op.vault, op.route) for op in OPERATIONS}
    for vault in ("vgs", "apideck", "vaultpam", "vaultera"):
        assert {(vault, route) for route in make_fake(vault).routes()} <= routes, f"a {vault} route no operation calls"
    from polyvault.testing._faults import FAULT_KINDS

    assert set(FAULT_KINDS) - set(FAULTS) == {"latency"}  # latency alone is no fault: the soak uses it past a timeout
    per_vault = {vault: sum(op.vault == vault for op in OPERATIONS) for vault in ("vgs", "apideck", "vaultpam", "vaultera")}
    assert {op.id for op in OPERATIONS} >= ASYNC_OPS
    print(
        f"\nfault matrix: {len(OPERATIONS)} operations {per_vault} × {len(FAULTS)} faults sync "
        f"+ {len(ASYNC_OPS)} operations × {len(FAULTS)} faults async = {len(CASES)} cases"
    )


def test_the_rule_reads_as_documented() -> None:
    """The rule itself, spelled out for three kinds of operation (so a change to it is a visible change)."""
    read, create, delete_many = (
        next(op for op in OPERATIONS if op.id == name) for name in ("vgs.aliases.reveal", "vgs.aliases.create", "vgs.aliases.delete_many")
    )
    table: Callable[[Op], dict[str, tuple[int, str]]] = lambda op: {  # noqa: E731
        fault: (outcome.sends, outcome.error.__name__ if outcome.error else "ok") for fault in FAULTS for outcome in [expected(op, fault)]
    }
    assert table(read) == dict.fromkeys(("429", *GATEWAY, *LOST), (2, "ok")) | {
        "500": (1, "ServerError"),
        **dict.fromkeys(DAMAGED_BODY, (1, "UnexpectedResponseError")),
        "wrong_type": (1, "ok"),
        "unknown_enum": (1, "ok"),
        "huge_body": (1, "ok"),
    }
    assert table(create) == {
        "429": (2, "ok"),
        "500": (1, "ServerError"),
        "502": (1, "ServerError"),
        "503": (1, "ServerError"),
        "504": (1, "ServerError"),
        "html": (1, "UnexpectedResponseError"),
        "reset_before": (1, "VaultConnectionError"),
        "reset_after": (1, "VaultConnectionError"),
        "timeout": (1, "VaultTimeoutError"),
        **dict.fromkeys(DAMAGED_BODY, (1, "UnexpectedResponseError")),
        "wrong_type": (1, "ok"),
        "unknown_enum": (1, "ok"),
        "huge_body": (1, "ok"),
    }
    assert table(delete_many)["truncated_json"] == (1, "ok")  # a 204 has no body to damage


# --- over real sockets: every request is bounded by the client's timeout ---------------------------

WIRE_ROUTES = {
    "vgs": ("GET /aliases/{alias}", lambda c: c.aliases.reveal("tok_sandbox_none")),
    "apideck": ("GET /vault/consumers/{consumer_id}", lambda c: c.consumers.get("test-consumer")),
    "vaultpam": ("POST /api/v1/auth/login", lambda c: c.memberships()),  # the login a session client makes first
    "vaultera": ("GET /api_keys", lambda c: c.api_keys.list()),
}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("vault", sorted(WIRE_ROUTES))
def test_a_vault_that_never_answers_costs_one_timeout_over_loopback(vault: str, mode: str) -> None:
    route, call = WIRE_ROUTES[vault]
    fake = make_fake(vault)
    fake.inject("timeout", route=route, seconds=5.0, times=None)
    options = {"timeout": 0.3, "retry_policy": RetryPolicy(max_retries=0)}

    def attempt(base_url: str) -> None:
        if mode == "sync":
            with fake.client(base_url=base_url, **options) as client:
                call(client)
            return

        async def main() -> None:
            async with fake.async_client(base_url=base_url, **options) as client:
                await call(client)

        anyio.run(main)

    # The fake answers normally once its 5 s are up: only the client's 0.3 s timeout makes this a timeout error.
    with fake.serve() as base_url, pytest.raises(VaultTimeoutError) as caught:
        attempt(base_url)
    assert fake.count(route) == 1
    assert [(attempt.status_code, attempt.error) for attempt in caught.value.attempts] == [(None, "ReadTimeout")]
