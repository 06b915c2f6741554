"""What a bulk call reports when it cannot finish: the note on an interruption, a bug raised as itself,
and how many refused aliases its message names. VGS's bulk operations are the vehicle, answered by httpx's MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from _mock import vgs_over
from polyvault import VGS, BulkOperationError, BulkProgress

ALIASES = [f"tok_sandbox_{index}" for index in range(5)]


def client(handler: Callable[[httpx.Request], httpx.Response]) -> VGS:
    return vgs_over(handler, max_concurrency=1)


def test_an_interrupted_bulk_call_points_to_the_progress_it_was_given() -> None:
    requests: list[int] = []

    def store_once_then_interrupt(request: httpx.Request) -> httpx.Response:
        requests.append(1)
        if len(requests) == 2:
            raise KeyboardInterrupt  # Ctrl-C lands while the second chunk is being sent
        values = [item["value"] for item in json.loads(request.content)["data"]]
        data = [
            {
                "value": value,
                "classifiers": [],
                "aliases": [{"alias": f"tok_sandbox_{index}", "format": "UUID"}],
                "created_at": "2026-01-01T00:00:00Z",
                "storage": "PERSISTENT",
            }
            for index, value in enumerate(values)
        ]
        return httpx.Response(201, json={"data": data})

    progress = BulkProgress()
    values = [f"41111111111111{index:02d}" for index in range(21)]  # two chunks: 20 and 1
    with client(store_once_then_interrupt) as vgs, pytest.raises(KeyboardInterrupt) as caught:
        vgs.aliases.tokenize(values, progress=progress)
    assert (progress.completed, progress.in_flight) == (tuple(range(20)), (20,))
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 20 of 21 completed, 1 in flight; the BulkProgress passed as progress= says which."
    ]


def test_a_bug_under_a_bulk_call_is_raised_as_itself() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise LookupError("a bug under the transport")

    with client(broken) as vgs, pytest.raises(LookupError) as caught:
        vgs.aliases.delete_many(ALIASES)
    assert (type(caught.value), str(caught.value)) == (LookupError, "a bug under the transport")


def test_five_refused_aliases_are_all_named_with_nothing_more() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"errors": [{"status": 400, "title": "Bad request", "detail": "no such alias"}]})

    with client(refuse) as vgs, pytest.raises(BulkOperationError) as caught:
        vgs.aliases.delete_many(ALIASES)
    named = ", ".join(f"aliases[{index}] {alias!r}" for index, alias in enumerate(ALIASES))
    assert caught.value.message == (
        f"aliases.delete_many failed: 0 of 5 completed; 5 failed, not retryable as sent ({named}); "
        "first error: POST /aliases/delete failed: no such alias"
    )
