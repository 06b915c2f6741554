"""VGS bulk calls through the public API, against FakeVGS: chunking, order, concurrency, failure and interruption.

The same rules hold for `VGS` (chunks on worker threads) and `AsyncVGS` (chunks on tasks), so most
tests run in both modes through `bulk()`, which calls a bulk method either way.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import pytest
from polyvault import (
    BadRequestError,
    BulkOperationError,
    BulkProgress,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    VaultError,
)
from polyvault.testing import FakeVGS

PER_REQUEST = 20  # VGS's documented limit of items per request (our own constant: not the implementation's)
CREATE, REVEAL_MANY, DELETE_MANY = "POST /aliases", "GET /aliases", "POST /aliases/delete"
MODES = ["sync", "async"]


def bulk(fake: FakeVGS, mode: str, call: Callable[[Any], Any], **options: Any) -> Any:
    """`call(client)` with a sync client, or awaited with an async one; returns its result or raises its error."""
    if mode == "sync":
        with fake.client(**options) as vgs:
            return call(vgs)

    async def main() -> Any:
        async with fake.async_client(**options) as vgs:
            return await call(vgs)

    return anyio.run(main)


def values(count: int, tag: str = "v") -> list[str]:
    return [f"{tag}-secret-{index:03d}" for index in range(count)]


def aliases_of(fake: FakeVGS, count: int) -> tuple[list[str], list[str]]:
    """`count` stored values and their aliases (set up with a plain client, before anything is counted)."""
    stored = values(count, "seed")
    with fake.client() as vgs:
        aliases = vgs.aliases.tokenize(stored)
    fake.requests.clear()
    return stored, aliases


def sizes(fake: FakeVGS, route: str) -> list[int]:
    """Items per request on `route`, in arrival order."""
    found = []
    for request in fake.requests:
        if request.route != route:
            continue
        if route == REVEAL_MANY:
            found.append(len(request.query["aliases"].split(",")))
        else:
            found.append(len(request.body()["data"]))
    return found


def revealed_one_by_one(fake: FakeVGS, aliases: list[str]) -> list[str]:
    """The value behind each alias, asked alias by alias (no bulk call, so no bulk bug can cancel another out)."""
    with fake.client() as vgs:
        return [vgs.aliases.reveal(alias).value for alias in aliases]


# --- chunking and order ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_every_request_carries_twenty_items_and_the_last_the_rest(mode: str) -> None:
    fake = FakeVGS()
    stored, aliases = aliases_of(fake, 45)
    created = bulk(fake, mode, lambda vgs: vgs.aliases.create(values(45), format="RAW_UUID"), max_concurrency=1)
    found = bulk(fake, mode, lambda vgs: vgs.aliases.reveal_many(aliases), max_concurrency=1)
    bulk(fake, mode, lambda vgs: vgs.aliases.delete_many(aliases), max_concurrency=1)
    assert sizes(fake, CREATE) == [PER_REQUEST, PER_REQUEST, 5]
    assert sizes(fake, REVEAL_MANY) == [PER_REQUEST, PER_REQUEST, 5]
    assert sizes(fake, DELETE_MANY) == [PER_REQUEST, PER_REQUEST, 5]
    assert [request.body()["data"][0]["value"] for request in fake.requests if request.route == CREATE] == [
        "v-secret-000",
        "v-secret-020",
        "v-secret-040",
    ]
    assert [record.value for record in created] == values(45)
    assert [found[alias].value for alias in aliases] == stored


def test_reveal_many_matches_records_by_alias_not_by_position(fake_vgs: FakeVGS) -> None:
    stored, aliases = aliases_of(fake_vgs, 5)
    with fake_vgs.client() as vgs:
        answer = vgs.raw.get_httpx_client().get("/aliases", params={"aliases": ",".join(aliases)}).json()["data"]
        assert list(answer) == aliases[::-1]  # the fake answers out of request order, as a JSON object may
        found = vgs.aliases.reveal_many(aliases)
    assert list(found) == aliases
    assert [found[alias].value for alias in aliases] == stored


@pytest.mark.parametrize("mode", MODES)
def test_results_keep_input_order_when_chunks_finish_out_of_order(mode: str) -> None:
    fake = FakeVGS()
    fake.inject("latency", route=CREATE, seconds=0.3, times=1)  # the first chunk to arrive finishes last
    sent = values(100)
    aliases = bulk(fake, mode, lambda vgs: vgs.aliases.tokenize(sent), max_concurrency=4)
    assert fake.count(CREATE) == 5
    assert revealed_one_by_one(fake, aliases) == sent


@pytest.mark.parametrize("mode", MODES)
def test_chunks_run_concurrently_within_the_bound(mode: str) -> None:
    fake = FakeVGS()
    fake.inject("latency", seconds=0.02, times=None)
    before = threading.active_count()
    aliases = bulk(fake, mode, lambda vgs: vgs.aliases.tokenize(values(200), format="RAW_UUID"), max_concurrency=3)
    assert fake.max_in_flight == 3 and fake.count(CREATE) == 10
    assert threading.active_count() == before  # the sync call's worker threads ended with it
    assert revealed_one_by_one(fake, aliases[::37]) == values(200)[::37]


def test_one_chunk_runs_in_the_callers_thread_more_on_worker_threads(fake_vgs: FakeVGS) -> None:
    threads: list[str] = []
    both_in_flight = threading.Barrier(2, timeout=10)  # the two chunks of 40 values wait for each other: no timing
    original = fake_vgs.handle
    meet = False

    def handle(request: Any) -> Any:
        threads.append(threading.current_thread().name)
        if meet:
            both_in_flight.wait()
        return original(request)

    fake_vgs.handle = handle  # type: ignore[method-assign]
    with fake_vgs.client() as vgs:
        vgs.aliases.tokenize(values(20))
        assert threads == [threading.current_thread().name]
        threads.clear()
        meet = True
        vgs.aliases.tokenize(values(40))
    assert sorted(threads) == ["polyvault-gather-0", "polyvault-gather-1"]


# --- failure: no chunk after a failed one, one error type at any size ---------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_no_chunk_is_started_after_one_failed(mode: str) -> None:
    fake = FakeVGS()
    fake.inject("latency", route=CREATE, seconds=1.0, times=1)  # the first request to arrive is slow ...
    fake.inject("500", route=CREATE, times=1)  # ... the second fails at once
    sent = values(100)
    with pytest.raises(BulkOperationError) as caught:
        bulk(fake, mode, lambda vgs: vgs.aliases.create(sent), max_concurrency=2)
    error = caught.value
    assert fake.count(CREATE) == 2  # the two chunks in flight; none of the other three was started
    assert len(error.completed) == 20 and len(error.unknown) == 20 and len(error.not_started) == 60
    assert error.failed == error.retryable == error.not_started
    assert sorted(fake.stored_values()) == sorted(sent[index] for index in error.completed)
    assert isinstance(error, ServerError) and error.status_code == 500


@pytest.mark.parametrize("mode", MODES)
def test_sequential_bulk_stops_at_the_first_failure(mode: str) -> None:
    fake = FakeVGS()
    fake.inject("429", route=CREATE, times=None, retry_after=0)
    with pytest.raises(RateLimitError) as caught:
        bulk(fake, mode, lambda vgs: vgs.aliases.tokenize(values(60)), max_concurrency=1, max_retries=0)
    assert fake.count(CREATE) == 1
    error = caught.value
    assert isinstance(error, BulkOperationError)
    assert error.failed == error.retryable == tuple(range(60)) and error.not_started == tuple(range(20, 60))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("known", [5, 25])
def test_an_unknown_alias_is_a_not_found_error_at_any_size_naming_exactly_that_alias(mode: str, known: int) -> None:
    fake = FakeVGS()
    stored, aliases = aliases_of(fake, known)
    unknown = "tok_sandbox_noSuchAliasNoSuchAliasXY"
    progress = BulkProgress()
    with pytest.raises(NotFoundError) as caught:
        bulk(fake, mode, lambda vgs: vgs.aliases.reveal_many([*aliases, unknown], progress=progress))
    error = caught.value
    assert str(error) == (
        f"[vgs] aliases.reveal_many failed: {known} of {known + 1} completed; 1 failed, not retryable as sent "
        f"(aliases[{known}] {unknown!r}); first error: GET /aliases failed: 1 alias(es) not found"
    )
    assert error.vault == "vgs" and progress.failed == (known,) and progress.completed == tuple(range(known))
    assert isinstance(error, BulkOperationError)
    assert (error.status_code, error.code) == (404, "Not found")
    assert error.detail == [{"status": 404, "title": "Not found", "detail": "1 alias(es) not found"}]
    assert error.failed == (known,) and error.retryable == () and error.unknown == ()
    assert error.completed == tuple(range(known)) and [record.value for record in error.results[:known]] == stored
    assert f"aliases[{known}] {unknown!r}" in str(error) and "not retryable" in str(error)
    assert "safe to retry" not in str(error)
    assert isinstance(error.failures[known], NotFoundError) and not isinstance(error.failures[known], BulkOperationError)


@pytest.mark.parametrize("mode", MODES)
def test_one_value_into_a_503_is_a_server_error_with_an_unknown_outcome(mode: str) -> None:
    fake = FakeVGS()
    fake.inject("503", route=CREATE)
    with pytest.raises(ServerError) as caught:
        bulk(fake, mode, lambda vgs: vgs.aliases.tokenize(["4111111111111111"]))
    error = caught.value
    assert isinstance(error, BulkOperationError) and error.status_code == 503
    assert error.unknown == (0,) and error.failed == () and error.retryable == ()
    assert type(error).__qualname__ == "BulkOperationError[ServerError]"
    assert error.__cause__ is error.errors[0] and type(error.errors[0]) is ServerError
    assert "values[0]" in str(error) and "4111111111111111" not in str(error) + repr(error)


def test_values_are_named_by_index_only_and_the_cause_keeps_its_detail(fake_vgs: FakeVGS) -> None:
    sent = [*values(22), "x9z", *values(3, "w")]  # too short for GENERIC_T_FOUR
    with fake_vgs.client() as vgs, pytest.raises(BadRequestError) as caught:
        vgs.aliases.create(sent, format="GENERIC_T_FOUR")
    error = caught.value
    assert error.completed == tuple(range(20)) and error.failed == tuple(range(20, 26)) and error.retryable == ()
    assert error.code == "Bad request" and error.detail[0]["detail"] == "Item 2: value is too short for GENERIC_T_FOUR"
    assert "values[20-25]" in str(error)
    assert not any(value in str(error) + repr(error) for value in sent)


def test_delete_many_names_the_aliases_of_the_refused_request(fake_vgs: FakeVGS) -> None:
    _, aliases = aliases_of(fake_vgs, 21)
    with fake_vgs.client() as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.delete_many([*aliases, "tok_sandbox_gone"])
    error = caught.value
    assert error.completed == tuple(range(20)) and error.failed == (20, 21) and error.retryable == ()
    assert f"aliases[20] {aliases[20]!r}, aliases[21] 'tok_sandbox_gone'" in str(error)


@pytest.mark.parametrize("status", ["500", "503"])
def test_reveal_many_of_unreachable_reads_is_safe_to_retry(fake_vgs: FakeVGS, status: str) -> None:
    _, aliases = aliases_of(fake_vgs, 3)
    fake_vgs.inject(status, route=REVEAL_MANY, times=None)  # type: ignore[arg-type]
    with fake_vgs.client(max_retries=0) as vgs, pytest.raises(ServerError) as caught:
        vgs.aliases.reveal_many(aliases)
    assert caught.value.failed == caught.value.retryable == (0, 1, 2)
    named = ", ".join(f"aliases[{index}] {alias!r}" for index, alias in enumerate(aliases))
    assert f"3 failed, safe to retry ({named}); first error: GET /aliases failed: " in str(caught.value)


def test_a_damaged_answer_to_a_read_is_not_called_retryable(fake_vgs: FakeVGS) -> None:
    _, aliases = aliases_of(fake_vgs, 2)
    fake_vgs.inject("truncated_json", route=REVEAL_MANY)
    with fake_vgs.client() as vgs, pytest.raises(UnexpectedResponseError) as caught:
        vgs.aliases.reveal_many(aliases)
    assert caught.value.failed == (0, 1) and caught.value.retryable == () and caught.value.status_code == 200


def test_more_than_five_aliases_at_fault_are_counted_not_all_listed(fake_vgs: FakeVGS) -> None:
    _, aliases = aliases_of(fake_vgs, 1)
    gone = [f"tok_sandbox_gone{index}" for index in range(7)]
    with fake_vgs.client() as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.reveal_many([*aliases, *gone])
    shown = ", ".join(f"aliases[{index + 1}] {alias!r}" for index, alias in enumerate(gone[:5]))
    assert f"7 failed, not retryable as sent ({shown} and 2 more)" in str(caught.value)
    assert caught.value.failed == tuple(range(1, 8))


def test_exactly_five_aliases_at_fault_are_all_listed(fake_vgs: FakeVGS) -> None:
    gone = [f"tok_sandbox_gone{index}" for index in range(5)]
    with fake_vgs.client() as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.reveal_many(gone)
    shown = ", ".join(f"aliases[{index}] {alias!r}" for index, alias in enumerate(gone))
    assert f"5 failed, not retryable as sent ({shown}); first error:" in str(caught.value)


def test_a_delete_whose_answer_was_lost_names_its_aliases_as_unknown(fake_vgs: FakeVGS) -> None:
    _, aliases = aliases_of(fake_vgs, 2)
    fake_vgs.inject("503", route=DELETE_MANY)
    with fake_vgs.client() as vgs, pytest.raises(ServerError) as caught:
        vgs.aliases.delete_many(aliases)
    assert caught.value.unknown == (0, 1) and caught.value.failed == ()
    assert f"2 unknown, may have been applied (aliases[0] {aliases[0]!r}, aliases[1] {aliases[1]!r})" in str(caught.value)


@pytest.mark.anyio
async def test_two_different_failures_are_both_kept_and_the_first_decides_the_class() -> None:
    fake = FakeVGS()
    fake.inject("429", route=CREATE, times=1)  # the first request to arrive (chunk 0: tasks start in order) ...
    fake.inject("503", route=CREATE, times=1)  # ... and the second (chunk 1)
    async with fake.async_client(max_concurrency=2, max_retries=0) as vgs:
        with pytest.raises(RateLimitError) as caught:
            await vgs.aliases.tokenize(values(60))
    error = caught.value
    assert [type(cause) for cause in error.errors] == [RateLimitError, ServerError] and error.__cause__ is error.errors[0]
    assert error.failed == error.retryable == (*range(20), *range(40, 60)) and error.unknown == tuple(range(20, 40))
    assert error.not_started == tuple(range(40, 60)) and error.vault == "vgs" and not isinstance(error, ServerError)
    assert str(error) == (
        "[vgs] aliases.tokenize failed: 0 of 60 completed; 40 failed, safe to retry (values[0-19, 40-59]); "
        "20 unknown, may have been applied (values[20-39]); first error: POST /aliases failed: Too many requests"
    )
    assert error.failures[0] is error.errors[0] and error.failures[20] is error.errors[1] and 40 not in error.failures


def test_bulk_error_classes_are_made_once_per_cause() -> None:
    fake = FakeVGS()
    fake.inject("503", route=CREATE, times=2)
    errors = []
    with fake.client() as vgs:
        for _ in range(2):
            with pytest.raises(ServerError) as caught:
                vgs.aliases.tokenize(["a1234"])
            errors.append(caught.value)
    assert type(errors[0]) is type(errors[1])
    assert issubclass(type(errors[0]), BulkOperationError) and issubclass(type(errors[0]), ServerError)


# --- cancellation and interruption: the caller learns what completed and what may be stored -------


def _wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never held")
        time.sleep(0.001)


@pytest.mark.anyio
async def test_a_cancelled_async_call_tells_what_completed_and_what_may_be_stored() -> None:
    fake = FakeVGS()
    fake.inject("latency", route=CREATE, seconds=0.5, times=None)  # stored on arrival, answered 0.5 s later
    sent = values(100)
    progress = BulkProgress()
    async with fake.async_client(max_concurrency=2) as vgs:
        task = asyncio.ensure_future(vgs.aliases.tokenize(sent, progress=progress))
        deadline = time.monotonic() + 10
        while fake.count(CREATE) < 4:  # chunks 0 and 1 answered, chunks 2 and 3 sent
            assert time.monotonic() < deadline
            await asyncio.sleep(0.001)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as caught:
            await task
    assert progress.completed == tuple(range(40))
    assert progress.in_flight == tuple(range(40, 80))
    assert progress.not_started == tuple(range(80, 100)) and not progress.done
    assert sorted(fake.stored_values()) == sorted(sent[:80])  # in flight and stored: "may have been stored" is real
    assert revealed_one_by_one(fake, progress.results[:40]) == sent[:40]
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 40 of 100 completed, 40 in flight, 20 not started; "
        "the BulkProgress passed as progress= says which."
    ]


@pytest.mark.anyio
async def test_a_cancelled_call_without_a_progress_says_how_to_learn_more() -> None:
    fake = FakeVGS()
    fake.inject("latency", route=CREATE, seconds=0.5, times=None)
    async with fake.async_client() as vgs:
        task = asyncio.ensure_future(vgs.aliases.create(values(30)))
        deadline = time.monotonic() + 10
        while fake.count(CREATE) < 2:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.001)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as caught:
            await task
    assert caught.value.__notes__ == [
        "polyvault: aliases.create was interrupted: 0 of 30 completed, 30 in flight; pass progress=BulkProgress() to learn which."
    ]


def _press_ctrl_c_when(condition: Callable[[], bool], call: Callable[[], Any]) -> pytest.ExceptionInfo[KeyboardInterrupt]:
    """Run `call` in this (the main) thread; once `condition` holds, deliver a real SIGINT to this thread."""
    main = threading.main_thread().ident
    assert main is not None

    def press() -> None:
        _wait_for(condition)
        signal.pthread_kill(main, signal.SIGINT)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    presser = threading.Thread(target=press)
    try:
        presser.start()
        with pytest.raises(KeyboardInterrupt) as caught:
            call()
    finally:
        presser.join(timeout=15)
        signal.signal(signal.SIGINT, previous)
    return caught


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals reach the main thread only")
def test_an_interrupted_sync_call_finishes_what_it_sent_and_tells_what_never_started() -> None:
    fake = FakeVGS()
    fake.inject("latency", route=CREATE, seconds=0.5, times=None)
    sent = values(100)
    progress = BulkProgress()
    with fake.client(max_concurrency=2) as vgs:
        caught = _press_ctrl_c_when(lambda: fake.count(CREATE) >= 4, lambda: vgs.aliases.tokenize(sent, progress=progress))
    assert fake.count(CREATE) == 4
    assert progress.completed == tuple(range(80)) and progress.in_flight == ()  # the requests in flight were let finish
    assert progress.not_started == tuple(range(80, 100))
    assert sorted(fake.stored_values()) == sorted(sent[:80])
    assert revealed_one_by_one(fake, progress.results[:80]) == sent[:80]
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 80 of 100 completed, 20 not started; the BulkProgress passed as progress= says which."
    ]


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals reach the main thread only")
def test_a_sequential_sync_call_interrupted_mid_request_reports_that_request_in_flight() -> None:
    fake = FakeVGS()
    fake.inject("latency", route=CREATE, seconds=0.5, times=None)  # the vault stores, then answers half a second later
    sent = values(100)
    progress = BulkProgress()
    with fake.client(max_concurrency=1) as vgs:  # one request at a time, in this thread: Ctrl-C lands inside the request
        caught = _press_ctrl_c_when(lambda: fake.count(CREATE) >= 2, lambda: vgs.aliases.tokenize(sent, progress=progress))
    assert fake.count(CREATE) == 2
    assert progress.completed == tuple(range(20)) and progress.in_flight == tuple(range(20, 40))
    assert progress.not_started == tuple(range(40, 100))
    assert sorted(fake.stored_values()) == sorted(sent[:40])  # the one in flight was stored: "may have been" is real
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 20 of 100 completed, 20 in flight, 60 not started; "
        "the BulkProgress passed as progress= says which."
    ]


def test_a_progress_records_one_call(fake_vgs: FakeVGS) -> None:
    progress = BulkProgress()
    assert (progress.total, progress.results, progress.done, repr(progress)) == (0, [], False, "BulkProgress(not started: no inputs)")
    with fake_vgs.client() as vgs:
        aliases = vgs.aliases.tokenize(values(3), progress=progress)
        assert progress.done and progress.completed == (0, 1, 2) and progress.total == 3 and progress.results == aliases
        with pytest.raises(InvalidRequestError) as caught:
            vgs.aliases.tokenize(values(3), progress=progress)
    assert str(caught.value) == "[vgs] a BulkProgress records one call: pass a new one to each call"
    assert fake_vgs.count(CREATE) == 1
    assert repr(progress) == "BulkProgress(aliases.tokenize: 3 of 3 completed)"


def test_a_failed_call_leaves_its_progress_consistent_with_its_error(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("reset_after", route=CREATE, times=1)
    progress = BulkProgress()
    with fake_vgs.client(max_concurrency=1) as vgs, pytest.raises(VaultError) as caught:
        vgs.aliases.create(values(50), progress=progress)
    error = caught.value
    assert isinstance(error, BulkOperationError)
    assert progress.failed == error.unknown == tuple(range(20)) and progress.not_started == error.not_started == tuple(range(20, 50))
    assert progress.completed == () and progress.in_flight == ()
