"""What a bulk call reports when it cannot finish: the note on an interruption, a bug raised as itself,
and how many refused aliases its message names. VGS's bulk operations are the vehicle."""

from __future__ import annotations

import httpx
import pytest
from polyvault import VGS, BulkOperationError, BulkProgress
from polyvault.testing import FakeVGS

ALIASES = [f"tok_sandbox_{index}" for index in range(5)]


class InterruptingSecond(httpx.BaseTransport):
    """Passes requests to the fake, except the second one: Ctrl-C lands while it is being sent."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.requests == 2:
            raise KeyboardInterrupt
        return self.inner.handle_request(request)


def test_an_interrupted_bulk_call_points_to_the_progress_it_was_given() -> None:
    fake = FakeVGS()
    progress = BulkProgress()
    values = [f"41111111111111{index:02d}" for index in range(21)]
    http = httpx.Client(transport=InterruptingSecond(fake.transport))
    with fake.client(max_concurrency=1, http_client=http) as vgs, pytest.raises(KeyboardInterrupt) as caught:
        vgs.aliases.tokenize(values, progress=progress)
    assert (progress.completed, progress.in_flight) == (tuple(range(20)), (20,))
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 20 of 21 completed, 1 in flight; the BulkProgress passed as progress= says which."
    ]


def test_a_bug_under_a_bulk_call_is_raised_as_itself() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise LookupError("a bug under the transport")

    http = httpx.Client(transport=httpx.MockTransport(broken))
    with VGS("user", "password", base_url="https://vgs.test", http_client=http) as vgs, pytest.raises(LookupError) as caught:
        vgs.aliases.delete_many(ALIASES)
    assert (type(caught.value), str(caught.value)) == (LookupError, "a bug under the transport")


def test_five_refused_aliases_are_all_named_with_nothing_more() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"errors": [{"status": 400, "title": "Bad request", "detail": "no such alias"}]})

    http = httpx.Client(transport=httpx.MockTransport(refuse))
    with VGS("user", "password", base_url="https://vgs.test", http_client=http) as vgs, pytest.raises(BulkOperationError) as caught:
        vgs.aliases.delete_many(ALIASES)
    named = ", ".join(f"aliases[{index}] {alias!r}" for index, alias in enumerate(ALIASES))
    assert caught.value.message == (
        f"aliases.delete_many failed: 0 of 5 completed; 5 failed, not retryable as sent ({named}); "
        "first error: POST /aliases/delete failed: no such alias"
    )
