"""Plans and the two drivers that run them: one sync, one async.

Every facade operation is written once, as a *plan*: a generator that yields effects (send this
request, sleep this long, run these sub-plans concurrently, emit these items) and receives their
results. `run_sync`/`iter_sync` perform the effects with an `httpx.Client`; `run_async`/`iter_async`
with an `httpx.AsyncClient` and anyio. So retries, chunking, paging and error mapping exist once,
whichever mode the caller uses.

A `VaultError` leaves a driver with a fresh traceback: the caller sees where they called polyvault,
not the dozen frames of plans and drivers it passed through (non-`VaultError`s, bugs, keep theirs).
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeAlias, TypeVar

import httpx

from ..errors import VaultError

T = TypeVar("T")
Plan: TypeAlias = Generator[Any, Any, T]
"""A generator of effects that finally returns a T."""


@dataclass(frozen=True, slots=True)
class Send:
    """Send one request; the plan receives the fully read `httpx.Response` (or the transport error is thrown in)."""

    request: httpx.Request
    auth: httpx.Auth | None


@dataclass(frozen=True, slots=True)
class Acquire:
    """Ask a shared rate budget (fleet mode) for a turn before a `Send`; the plan receives `(wait, booked)`:
    the seconds to wait first, and whether a turn was booked for then (else ask again after waiting).

    `mode` is "take" (book a turn), "check" (a booked turn came: is the fleet paused meanwhile?) or
    "report" (only tell the budget `report`: `(remaining, seconds to the vault's reset, limit)`).
    The budget never raises: when it cannot be reached the answer is `(0.0, False)`, go now.
    """

    budget: Budget
    mode: str = "take"
    report: tuple[int, float, int] | None = None
    max_wait: float = 60.0


class Budget(Protocol):
    """A rate budget shared by every process of one vault account (see `_core/coordination`)."""

    def acquire(self, ask: Acquire) -> tuple[float, bool]:
        """Perform `ask` (sync drivers)."""

    async def acquire_async(self, ask: Acquire) -> tuple[float, bool]:
        """Perform `ask` (async drivers)."""


@dataclass(frozen=True, slots=True)
class Sleep:
    """Wait before the next attempt."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Emit(Generic[T]):
    """Hand items to the caller of an iterator (paging)."""

    items: Sequence[T]


@dataclass(frozen=True, slots=True)
class Stream(Generic[T]):
    """A plan that emits items of type T (a paged listing); nothing runs until it is iterated."""

    plan: Plan[None]


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What became of one sub-plan of a `Gather`."""

    value: T | None = None
    error: BaseException | None = None
    started: bool = True


@dataclass(frozen=True, slots=True)
class Gather:
    """Run sub-plans with at most `limit` at once; once one fails, start no more (they come back not started).

    Both drivers keep the same rules: at most `limit` sub-plans run at once (sync: worker threads,
    async: tasks); a sub-plan is started only while none has failed, so none starts after a failure
    is known; every sub-plan that started runs to its end before the outcomes are returned, in the
    order of `plans`. A cancellation or interruption (`KeyboardInterrupt`, `CancelledError`) is
    never swallowed: `on_interrupt` is told of it first. Then async sub-plans in flight are
    cancelled with the caller; sync ones (threads cannot be cancelled) are waited for, so their
    outcome is known, unless a second interruption comes while waiting.
    """

    plans: Sequence[Plan[Any]]
    limit: int
    on_interrupt: Callable[[BaseException], None] | None = None


_NOT_STARTED: Outcome[Any] = Outcome(started=False)


def _capture(plan: Plan[T], box: list[T]) -> Plan[None]:
    box.append((yield from plan))


def _perform_sync(effect: Any, http: httpx.Client) -> Any:
    if isinstance(effect, Send):
        return http.send(effect.request, auth=effect.auth, follow_redirects=False)
    if isinstance(effect, Sleep):
        time.sleep(effect.seconds)
        return None
    if isinstance(effect, Acquire):
        return effect.budget.acquire(effect)
    if isinstance(effect, Gather):
        return _gather_sync(effect, http)
    raise TypeError(f"unknown effect {effect!r}")


async def _perform_async(effect: Any, http: httpx.AsyncClient) -> Any:
    import anyio  # only async clients need it: sync users never pay for importing it

    if isinstance(effect, Send):
        return await http.send(effect.request, auth=effect.auth, follow_redirects=False)
    if isinstance(effect, Sleep):
        await anyio.sleep(effect.seconds)
        return None
    if isinstance(effect, Acquire):
        return await effect.budget.acquire_async(effect)
    if isinstance(effect, Gather):
        return await _gather_async(effect, http)
    raise TypeError(f"unknown effect {effect!r}")


def _interrupted(effect: Gather, error: BaseException) -> None:
    if effect.on_interrupt is not None and not isinstance(error, Exception):
        effect.on_interrupt(error)


def _gather_sync(effect: Gather, http: httpx.Client) -> list[Outcome[Any]]:
    """`Gather` on worker threads (one sub-plan each at a time), or in this thread when only one may run."""
    plans = effect.plans
    outcomes: list[Outcome[Any]] = [_NOT_STARTED] * len(plans)
    queue = iter(enumerate(plans))
    lock = threading.Lock()
    stop = False  # set, under `lock`, by the first failure (or an interruption): no sub-plan is taken after it

    def work() -> None:
        nonlocal stop
        while True:
            with lock:
                taken = None if stop else next(queue, None)
            if taken is None:
                return
            index, plan = taken
            try:
                outcomes[index] = Outcome(value=run_sync(plan, http))
            except BaseException as exc:  # noqa: BLE001 - every failure is the sub-plan's outcome (an interruption: re-raised below)
                outcomes[index] = Outcome(error=exc)
                with lock:
                    stop = True

    workers = max(1, min(effect.limit, len(plans)))
    try:
        if workers == 1:
            work()
        else:
            # Each worker sets its event when done. Waited for with Event.wait, not Thread.join: on Python 3.11 a
            # join interrupted by Ctrl-C can mark a thread that is still running as finished.
            finished: list[threading.Event] = []
            threads: list[threading.Thread] = []

            def worker(done: threading.Event) -> None:
                try:
                    work()
                finally:
                    done.set()

            try:
                for n in range(workers):
                    done = threading.Event()
                    # Each thread runs in a copy of the caller's context: the call's operation name (log lines) and
                    # span (OpenTelemetry parent) are context variables, which a new thread would not see.
                    context = contextvars.copy_context()
                    thread = threading.Thread(target=context.run, args=(worker, done), name=f"polyvault-gather-{n}", daemon=True)
                    thread.start()
                    finished.append(done)
                    threads.append(thread)
                for done in finished:
                    done.wait()
                for thread in threads:  # each has set its event: this only lets it exit, so none outlives the call
                    thread.join()
            except BaseException:
                with lock:
                    stop = True
                for done in finished:  # requests already sent finish, so their outcome is known; a second Ctrl-C ends the wait
                    done.wait()
                raise
        interruption = next(
            (
                outcome.error
                for outcome in outcomes
                if isinstance(outcome.error, BaseException) and not isinstance(outcome.error, Exception)
            ),
            None,
        )
        if interruption is not None:
            raise interruption
    except BaseException as exc:
        _interrupted(effect, exc)
        raise
    finally:
        with lock:
            stop = True
            rest = list(queue)
        for _, plan in rest:
            plan.close()
    return outcomes


async def _gather_async(effect: Gather, http: httpx.AsyncClient) -> list[Outcome[Any]]:
    """`Gather` on at most `limit` tasks of one task group (tasks of one event loop take turns: no lock needed)."""
    import anyio

    outcomes: list[Outcome[Any]] = [_NOT_STARTED] * len(effect.plans)
    queue = iter(enumerate(effect.plans))
    failed = False

    async def worker() -> None:
        nonlocal failed
        for index, plan in queue:
            if failed:
                plan.close()
                continue
            try:
                outcomes[index] = Outcome(value=await run_async(plan, http))
            except Exception as exc:  # noqa: BLE001 - every failure is the sub-plan's outcome
                outcomes[index] = Outcome(error=exc)
                failed = True

    try:
        async with anyio.create_task_group() as group:
            for _ in range(max(1, min(effect.limit, len(effect.plans)))):
                group.start_soon(worker)
    except BaseException as exc:
        _interrupted(effect, exc)
        for _, plan in queue:
            plan.close()
        raise
    return outcomes


def _abandon(plan: Plan[Any], interruption: BaseException) -> None:
    """An interruption (Ctrl-C, a cancellation) met `plan` waiting on an effect: throw it in, so the plan ends at
    once what it began (an attempt's span, a listing's call), instead of whenever its generator is collected.
    The driver then re-raises the interruption itself, whatever the plan made of it."""
    try:
        plan.throw(interruption)
    except BaseException:  # noqa: BLE001 - the interruption coming back out, as expected
        return
    plan.close()  # the plan went on regardless: stop it here


def iter_sync(plan: Plan[Any], http: httpx.Client) -> Iterator[Any]:
    """Drive `plan` with a sync client, yielding the items it emits."""
    value: Any = None
    error: Exception | None = None
    while True:
        try:
            effect = plan.send(value) if error is None else plan.throw(error)
        except StopIteration:
            return
        except VaultError as failure:
            raise failure.with_traceback(None)  # noqa: B904 - the same error, with the caller's traceback, not the plan machinery's
        value, error = None, None
        if isinstance(effect, Emit):
            yield from effect.items
            continue
        try:
            value = _perform_sync(effect, http)
        except Exception as exc:  # noqa: BLE001 - thrown back into the plan, which decides
            error = exc
        except BaseException as exc:
            _abandon(plan, exc)
            raise


async def iter_async(plan: Plan[Any], http: httpx.AsyncClient) -> AsyncIterator[Any]:
    """Drive `plan` with an async client, yielding the items it emits."""
    value: Any = None
    error: Exception | None = None
    while True:
        try:
            effect = plan.send(value) if error is None else plan.throw(error)
        except StopIteration:
            return
        except VaultError as failure:
            raise failure.with_traceback(None)  # noqa: B904 - the same error, with the caller's traceback, not the plan machinery's
        value, error = None, None
        if isinstance(effect, Emit):
            for item in effect.items:
                yield item
            continue
        try:
            value = await _perform_async(effect, http)
        except Exception as exc:  # noqa: BLE001 - thrown back into the plan, which decides
            error = exc
        except BaseException as exc:
            _abandon(plan, exc)
            raise


def run_sync(plan: Plan[T], http: httpx.Client) -> T:
    """Drive `plan` to completion with a sync client and return its result."""
    box: list[T] = []
    for _ in iter_sync(_capture(plan, box), http):
        raise TypeError("an operation plan emitted items")
    return box[0]


async def run_async(plan: Plan[T], http: httpx.AsyncClient) -> T:
    """Drive `plan` to completion with an async client and return its result."""
    box: list[T] = []
    async for _ in iter_async(_capture(plan, box), http):
        raise TypeError("an operation plan emitted items")
    return box[0]
