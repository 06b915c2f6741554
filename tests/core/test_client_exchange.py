"""One request's way through a client (every vault's shared pipeline): what is raised when it cannot be sent, a
redirect, a DELETE that a retry finds already done, a pool closed under way, its timeout and the path it logs.
Every answer comes from an in-memory httpx transport; retries wait 0 s."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest
from _mock import vgs_over
from polyvault import VGS, ClientClosedError, InvalidRequestError, RetryPolicy, UnexpectedResponseError

NO_WAIT = RetryPolicy(max_retries=1, backoff=0.0, max_backoff=0.0)


def _vgs(answer: Callable[[httpx.Request], httpx.Response], **options: object) -> tuple[VGS, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(request)

    return vgs_over(handler, **options), seen


def test_a_request_too_long_to_send_names_its_method_and_the_first_80_characters_of_its_path() -> None:
    vgs, seen = _vgs(lambda request: httpx.Response(204))
    alias = "tok_" + "b" * 70_000
    with pytest.raises(InvalidRequestError) as caught:
        vgs.aliases.delete(alias)
    assert str(caught.value) == f"[vgs] DELETE {('/aliases/' + alias)[:80]}: the request cannot be sent (URL too long)"
    assert caught.value.vault == "vgs"
    assert seen == []


def test_a_300_answer_is_an_unexpected_response_not_a_success() -> None:
    vgs, _ = _vgs(lambda request: httpx.Response(300))
    with pytest.raises(UnexpectedResponseError) as caught:
        vgs.aliases.delete("tok_a")
    assert str(caught.value) == "[vgs] DELETE /aliases/tok_a answered 300 (a redirect, which polyvault does not follow)"
    assert caught.value.status_code == 300


def test_a_delete_whose_retry_finds_the_alias_gone_succeeds() -> None:
    """The first attempt may have deleted it (503 after the fact): the retry's 404 means done."""
    answers = iter([httpx.Response(503), httpx.Response(404, json={"errors": [{"detail": "gone"}]})])
    vgs, seen = _vgs(lambda request: next(answers), retry_policy=NO_WAIT)
    assert vgs.aliases.delete("tok_a") is None
    assert [request.method for request in seen] == ["DELETE", "DELETE"]


def test_a_callers_pool_closed_between_attempts_raises_client_closed_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        pool.close()  # the caller closes their http_client while the call is under way
        return httpx.Response(503)

    pool = httpx.Client(transport=httpx.MockTransport(answer))
    vgs = VGS("u", "p", base_url="https://vgs.test", http_client=pool, retry_policy=NO_WAIT)
    with pytest.raises(ClientClosedError) as caught:
        vgs.aliases.delete("tok_a")
    assert caught.value.vault == "vgs"


def test_each_request_carries_the_copys_timeout() -> None:
    vgs, seen = _vgs(lambda request: httpx.Response(204))
    vgs.with_options(timeout=3.0).aliases.delete("tok_a")
    assert seen[0].extensions["timeout"] == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}


def test_the_logged_path_keeps_the_base_urls_path(caplog: pytest.LogCaptureFixture) -> None:
    vgs, _ = _vgs(lambda request: httpx.Response(204), base_url="https://proxy.test/vaultX/")
    with caplog.at_level(logging.DEBUG, logger="polyvault.vgs"):
        vgs.aliases.delete("tok_a")
    [line] = [record.getMessage() for record in caplog.records if "->" in record.getMessage()]
    assert line.startswith("Aliases.delete: DELETE /vaultX/aliases/{alias} -> 204 in ")
