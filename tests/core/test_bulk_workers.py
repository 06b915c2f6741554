"""A bulk call's worker threads: daemon threads named polyvault-gather-N, and a Ctrl-C met inside one reaches the
caller with the note that says what was done. Answers come from an in-memory httpx transport."""

from __future__ import annotations

import json
import threading

import httpx
import pytest
from polyvault import VGS

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

    vgs = VGS("u", "p", base_url="https://vgs.test", http_client=httpx.Client(transport=httpx.MockTransport(answer)), max_concurrency=2)
    assert len(vgs.aliases.tokenize([CARD] * 40)) == 40
    assert len(threads) == 2
    assert all(name in ("polyvault-gather-0", "polyvault-gather-1") and daemon for name, daemon in threads), threads


def test_a_ctrl_c_inside_a_chunk_reaches_the_caller_with_what_was_done() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    vgs = VGS("u", "p", base_url="https://vgs.test", http_client=httpx.Client(transport=httpx.MockTransport(answer)), max_retries=0)
    with pytest.raises(KeyboardInterrupt) as caught:
        vgs.aliases.tokenize([CARD] * 3)
    assert caught.value.__notes__ == [
        "polyvault: aliases.tokenize was interrupted: 0 of 3 completed, 3 in flight; pass progress=BulkProgress() to learn which."
    ]


def test_a_worker_thread_that_cannot_start_fails_the_call_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not an interruption: the error carries no note about what was done."""

    def refuse(thread: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    vgs = VGS("u", "p", base_url="https://vgs.test", http_client=httpx.Client(transport=httpx.MockTransport(_created)), max_concurrency=2)
    monkeypatch.setattr(threading.Thread, "start", refuse)  # as when the process is out of threads
    with pytest.raises(RuntimeError) as caught:
        vgs.aliases.tokenize([CARD] * 40)
    assert str(caught.value) == "can't start new thread"
    assert getattr(caught.value, "__notes__", None) is None
