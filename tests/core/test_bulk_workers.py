"""A bulk call's worker threads: daemon threads named polyvault-gather-N, and a Ctrl-C met inside one reaches the
caller with the note that says what was done. Answers come from an in-memory httpx transport."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from collections.abc import Callable

import httpx
import pytest
from _mock import vgs_over

CARD = "4111111111111111"


def _created(request: httpx.Request) -> httpx.Response:
    values = [item["value"] for item in json.loads(request.content)["data"]]
    records = [
        {"value": value, "aliases": [{"alias": f"tok_sandbox_{index}", "format": "UUID"}], "classifiers": [], "storage": "PERSISTENT"}
        for index, value in enumerate(values)
    ]
    return httpx.Response(201, json={"data": records})


def test_bulk_chunks_are_sent_from_daemon_worker_threads() -> None:
    threads: list[tuple[str, bool]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        thread = threading.current_thread()
        threads.append((thread.name, thread.daemon))
        return _created(request)

    vgs = vgs_over(answer, max_concurrency=2)
    assert len(vgs.aliases.tokenize([CARD] * 40)) == 40
    assert len(threads) == 2
    assert all(name in ("polyvault-gather-0", "polyvault-gather-1") and daemon for name, daemon in threads), threads


def test_a_ctrl_c_inside_a_chunk_reaches_the_caller_with_what_was_done() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    vgs = vgs_over(answer, max_retries=0)
    with pytest.raises(KeyboardInterrupt) as caught:
        vgs.aliases.tokenize([CARD] * 3)
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 0 of 3 completed, 3 in flight; pass progress=BulkProgress() to learn which."
    ]


def test_a_worker_thread_that_cannot_start_fails_the_call_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not an interruption: the error carries no note about what was done."""

    def refuse(thread: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    vgs = vgs_over(_created, max_concurrency=2)
    monkeypatch.setattr(threading.Thread, "start", refuse)  # as when the process is out of threads
    with pytest.raises(RuntimeError) as caught:
        vgs.aliases.tokenize([CARD] * 40)
    assert str(caught.value) == "can't start new thread"
    assert getattr(caught.value, "__notes__", None) is None


def _until(condition: Callable[[], bool]) -> None:
    """Wait (at most 5 s, polling) for `condition`."""
    for _ in range(5000):
        if condition():
            return
        time.sleep(0.001)
    raise AssertionError("timed out waiting")


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals reach the main thread only")
def test_a_ctrl_c_while_chunks_are_in_flight_lets_them_finish_and_starts_no_more() -> None:
    """Two of three chunks in flight when Ctrl-C comes: both finish (their outcome is known), the third never starts."""
    main = threading.main_thread().ident
    assert main is not None
    sent: list[int] = []
    pressed, release = threading.Event(), threading.Event()

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(len(json.loads(request.content)["data"]))
        release.wait(timeout=5)
        return _created(request)

    def main_waits_again() -> bool:  # past the interruption, back in a threading wait: the call has taken it in
        frame = sys._current_frames()[main]
        return frame.f_code.co_name == "wait" and frame.f_code.co_filename == threading.__file__

    def press() -> None:
        _until(lambda: len(sent) == 2)
        signal.pthread_kill(main, signal.SIGINT)
        _until(pressed.is_set)
        _until(main_waits_again)
        release.set()

    def on_sigint(signum: int, frame: object) -> None:
        pressed.set()
        raise KeyboardInterrupt

    vgs = vgs_over(answer, max_concurrency=2)
    previous = signal.signal(signal.SIGINT, on_sigint)
    presser = threading.Thread(target=press)
    try:
        presser.start()
        with pytest.raises(KeyboardInterrupt) as caught:
            vgs.aliases.tokenize([CARD] * 60)
    finally:
        release.set()
        presser.join(timeout=10)
        signal.signal(signal.SIGINT, previous)
    assert sent == [20, 20]
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 40 of 60 completed, 20 not started; pass progress=BulkProgress() to learn which."
    ]
