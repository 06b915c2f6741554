"""Bulk calls: split the inputs into chunks, run the chunks concurrently, reassemble in order.

Chunks run with at most `max_concurrency` in flight (sync clients: worker threads; async clients:
tasks). When a chunk fails, no further chunk is started, every chunk already started is let finish
(async: unless the call is cancelled), and the call raises one `BulkOperationError` that accounts
for every input and is also an instance of the first error's class, whatever the number of inputs.
A chunk may also complete with some items failed (an `Exception` in place of an item's result):
those items fail alone, and the other chunks go on.

A `BulkProgress` passed by the caller is kept up to date chunk by chunk, so a caller that cancels
or interrupts the call learns what completed, what was in flight and what never started.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from ..errors import (
    BulkOperationError,
    InvalidRequestError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultError,
)
from .failures import outcome_unknown
from .runtime import Gather, Outcome, Plan

I = TypeVar("I")  # noqa: E741 - an input item
R = TypeVar("R")

_NOT_STARTED, _IN_FLIGHT, _COMPLETED, _FAILED = "not started", "in flight", "completed", "failed"
_SHOWN = 5  # inputs named in a message, per group


class BulkProgress:
    """What one bulk call has done so far: pass one as `progress=` to learn it even if the call never returns.

    ```
    progress = BulkProgress()
    try:
        aliases = vgs.aliases.tokenize(cards, progress=progress)
    except KeyboardInterrupt:                       # or asyncio.CancelledError for AsyncVGS
        stored = {cards[i]: progress.results[i] for i in progress.completed}
        maybe_stored = [cards[i] for i in progress.in_flight]
        raise
    ```
    Updated as each chunk starts and ends (thread-safe). After an interruption, `in_flight` holds
    the inputs whose request had started but whose outcome is unknown: they may have been applied.
    A sync call waits for its requests in flight to end before the interruption propagates (so
    `in_flight` is usually empty); an async call is cancelled with them. One object per call.
    """

    __module__ = "polyvault"  # its public home (repr, help, docs)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: list[str] = []
        self._results: list[Any] = []
        self._what: str | None = None

    def _begin(self, total: int, what: str, vault: str) -> None:
        with self._lock:
            if self._what is not None:
                raise InvalidRequestError("a BulkProgress records one call: pass a new one to each call", vault=vault)
            self._what = what
            self._states = [_NOT_STARTED] * total
            self._results = [None] * total

    def _mark(self, indices: range, state: str, results: Sequence[Any] | None = None) -> None:
        with self._lock:
            for offset, index in enumerate(indices):
                item = results[offset] if results is not None else None
                if isinstance(item, Exception):
                    self._states[index] = _FAILED
                else:
                    self._states[index] = state
                    if item is not None:
                        self._results[index] = item

    def _with(self, state: str) -> tuple[int, ...]:
        with self._lock:
            return tuple(index for index, current in enumerate(self._states) if current == state)

    @property
    def total(self) -> int:
        """Number of inputs of the call (0 before it starts)."""
        return len(self._states)

    @property
    def results(self) -> list[Any]:
        """One entry per input, in input order: its result once completed, else None (a copy)."""
        with self._lock:
            return list(self._results)

    @property
    def completed(self) -> tuple[int, ...]:
        """Indices of the inputs that completed (their results are in `results`)."""
        return self._with(_COMPLETED)

    @property
    def in_flight(self) -> tuple[int, ...]:
        """Indices whose request started and has not ended: after an interruption, they may have been applied."""
        return self._with(_IN_FLIGHT)

    @property
    def failed(self) -> tuple[int, ...]:
        """Indices whose request ended in an error (the call's `BulkOperationError` says whether it may have been applied)."""
        return self._with(_FAILED)

    @property
    def not_started(self) -> tuple[int, ...]:
        """Indices never sent: certainly not applied."""
        return self._with(_NOT_STARTED)

    @property
    def done(self) -> bool:
        """Whether every input has an outcome (completed or failed): the call ran to its end."""
        with self._lock:
            return bool(self._states) and all(state in (_COMPLETED, _FAILED) for state in self._states)

    def summary(self) -> str:
        """Counts only (no values): e.g. `40 of 100 completed, 20 in flight, 40 not started`."""
        with self._lock:
            counts = {state: self._states.count(state) for state in (_COMPLETED, _FAILED, _IN_FLIGHT, _NOT_STARTED)}
        parts = [f"{counts[_COMPLETED]} of {len(self._states)} completed"]
        parts += [f"{count} {state}" for state, count in counts.items() if state != _COMPLETED and count]
        return ", ".join(parts)

    def __repr__(self) -> str:
        return f"BulkProgress({self._what or 'not started'}: {self.summary() if self._states else 'no inputs'})"


def chunks(items: Sequence[I], size: int) -> list[Sequence[I]]:
    """`items` in consecutive slices of at most `size`."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def _tracked(plan: Plan[list[R]], progress: BulkProgress, indices: range) -> Plan[list[R]]:
    """`plan`, reporting to `progress` when it starts and how it ends."""
    progress._mark(indices, _IN_FLIGHT)
    try:
        value = yield from plan
    except Exception:
        progress._mark(indices, _FAILED)
        raise
    progress._mark(indices, _COMPLETED, value)
    return value


def _retryable(error: BaseException, idempotent: bool) -> bool:
    """Whether an input whose request certainly failed with `error` may succeed when simply sent again."""
    if isinstance(error, (RateLimitError, VaultConnectionError)):
        return idempotent or isinstance(error, RateLimitError) or not error.request_sent
    if isinstance(error, (ServerError, UnexpectedResponseError)):
        status = error.status_code
        return idempotent and (status is None or status >= 500)
    return False


def _named(indices: Sequence[int], label: str, shown: Sequence[str] | None) -> str:
    """`aliases[3] 'tok_...'`, ... for aliases (not secret); `values[3, 5-9]` for values (secret: by index only)."""
    if shown is not None:
        names = ", ".join(f"{label}[{index}] {shown[index]!r}" for index in indices[:_SHOWN])
        return names + (f" and {len(indices) - _SHOWN} more" if len(indices) > _SHOWN else "")
    spans: list[str] = []
    start = previous = indices[0]
    for index in [*indices[1:], None]:
        if index is not None and index == previous + 1:
            previous = index
            continue
        spans.append(str(start) if start == previous else f"{start}-{previous}")
        if index is not None:
            start = previous = index
    return f"{label}[{', '.join(spans)}]"


def run_chunked(
    items: Sequence[I],
    size: int,
    run_chunk: Callable[[Sequence[I]], Plan[list[R]]],
    *,
    vault: str,
    what: str,
    concurrency: int,
    idempotent: bool = False,
    progress: BulkProgress | None = None,
    label: str = "values",
    show_items: bool = False,
) -> Plan[list[R]]:
    """Run `run_chunk` over `items` in chunks of `size`; return one result per item, in input order.

    `run_chunk(part)` returns one result per item of `part`, or an `Exception` in an item's place when
    that item alone failed. `label` names the inputs in messages; `show_items` lets the message quote
    them (aliases: yes; values: never, they are secrets).
    """
    parts = chunks(items, size)
    tracker = progress if progress is not None else BulkProgress()
    tracker._begin(len(items), what, vault)
    spans, start = [], 0
    for part in parts:
        spans.append(range(start, start + len(part)))
        start += len(part)

    def note(interruption: BaseException) -> None:
        interruption.add_note(
            f"polyvault: {what} was interrupted: {tracker.summary()}; "
            + (
                "the BulkProgress passed as progress= says which."
                if progress is not None
                else "pass progress=BulkProgress() to learn which."
            )
        )

    plans = [_tracked(run_chunk(part), tracker, span) for part, span in zip(parts, spans, strict=True)]
    outcomes: list[Outcome[list[R]]] = yield Gather(plans, limit=concurrency, on_interrupt=note)
    results: list[Any] = [None] * len(items)
    failures: dict[int, BaseException] = {}
    not_started: list[int] = []
    for span, outcome in zip(spans, outcomes, strict=True):
        if not outcome.started:
            not_started.extend(span)
        elif outcome.error is not None:
            failures.update(dict.fromkeys(span, outcome.error))
        else:
            for index, item in zip(span, outcome.value or (), strict=True):
                if isinstance(item, Exception):
                    failures[index] = item
                else:
                    results[index] = item
    if not failures and not not_started:
        return results
    bug = next((error for error in failures.values() if not isinstance(error, VaultError)), None)
    if bug is not None:
        raise bug
    errors = [cast(VaultError, error) for error in {id(error): error for error in failures.values()}.values()]
    unknown = [index for index, error in failures.items() if not idempotent and outcome_unknown(error)]
    refused = sorted(set(failures) - set(unknown))
    failed = sorted([*refused, *not_started])
    retryable = sorted([*not_started, *(index for index in refused if _retryable(failures[index], idempotent))])
    again = [index for index in refused if index not in set(retryable)]
    shown = [str(item) for item in items] if show_items else None
    completed = len(items) - len(failed) - len(unknown)
    parts_of_message = [f"{what} failed: {completed} of {len(items)} completed"]
    if again:
        parts_of_message.append(f"{len(again)} failed, not retryable as sent ({_named(again, label, shown)})")
    if retryable:
        parts_of_message.append(f"{len(retryable)} failed, safe to retry ({_named(retryable, label, shown)})")
    if unknown:
        parts_of_message.append(f"{len(unknown)} unknown, may have been applied ({_named(sorted(unknown), label, shown)})")
    first = errors[0]
    raise BulkOperationError.of(
        first,
        "; ".join(parts_of_message) + f"; first error: {first.message}",
        vault=vault,
        results=results,
        failed=failed,
        unknown=sorted(unknown),
        errors=errors,
        retryable=retryable,
        not_started=not_started,
        failures=cast(dict[int, VaultError], failures),
    ) from first
