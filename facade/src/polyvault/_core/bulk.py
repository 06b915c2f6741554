"""Bulk calls: split the inputs into chunks, run the chunks (concurrently for async clients), reassemble in order.

When a chunk fails, no further chunk is started and the call raises one error that accounts for
every input: either the chunk's own error (when nothing completed and nothing may have been
applied, so the whole call can simply be retried) or a `BulkOperationError` listing what completed,
what certainly failed and what has an unknown outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..errors import BulkOperationError, VaultError
from .failures import outcome_unknown
from .runtime import Gather, Outcome, Plan

I = TypeVar("I")  # noqa: E741 - an input item
R = TypeVar("R")


def chunks(items: Sequence[I], size: int) -> list[Sequence[I]]:
    """`items` in consecutive slices of at most `size`."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def run_chunked(
    items: Sequence[I],
    size: int,
    run_chunk: Callable[[Sequence[I]], Plan[list[R]]],
    *,
    vault: str,
    what: str,
    concurrency: int,
    idempotent: bool = False,
) -> Plan[list[R]]:
    """Run `run_chunk` over `items` in chunks of `size`; return one result per item, in input order."""
    parts = chunks(items, size)
    outcomes: list[Outcome[list[R]]] = yield Gather([run_chunk(part) for part in parts], limit=concurrency)
    results: list[R | None] = []
    failed: list[int] = []
    unknown: list[int] = []
    errors: list[Exception] = []
    start = 0
    for part, outcome in zip(parts, outcomes, strict=True):
        indices = range(start, start + len(part))
        start += len(part)
        if outcome.error is None and outcome.started:
            results.extend(outcome.value or [])
            continue
        results.extend([None] * len(part))
        if outcome.error is not None:
            errors.append(outcome.error)
            (unknown if not idempotent and outcome_unknown(outcome.error) else failed).extend(indices)
        else:
            failed.extend(indices)
    if not errors:
        return results  # type: ignore[return-value]
    first = errors[0]
    bug = next((error for error in errors if not isinstance(error, VaultError)), None)
    if bug is not None:
        raise bug
    if not unknown and all(result is None for result in results):
        raise first
    raise BulkOperationError(
        f"{what} failed part-way: {len(items) - len(failed) - len(unknown)} of {len(items)} completed, "
        f"{len(failed)} failed (safe to retry), {len(unknown)} unknown (may have been applied); first error: "
        f"{first.message if isinstance(first, VaultError) else type(first).__name__}",
        vault=vault,
        results=results,
        failed=failed,
        unknown=unknown,
        errors=errors,  # type: ignore[arg-type]
    ) from first
