"""A DELETE retried after an attempt that may have reached the vault: a later 404 means the earlier one deleted it.

Only an earlier attempt that may have been applied (a gateway error, or a failure after the request
left) makes the 404 a success; after a connection refused before sending, the 404 is the caller's.
VGS's `aliases.delete` is the vehicle; answers come from httpx's MockTransport, retries wait 1 ms.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from _mock import vgs_over
from polyvault import VGS, NotFoundError, RetryPolicy

QUICK = RetryPolicy(max_retries=3, backoff=0.001, max_backoff=0.001)
Answer = httpx.Response | type[httpx.TransportError]


def scripted(answers: list[Answer], sent: list[str]) -> VGS:
    """A VGS client whose attempts get `answers` in turn (a transport error class is raised); `sent` records each attempt."""
    queue: Iterator[Answer] = iter(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url.path}")
        answer = next(queue)
        if isinstance(answer, httpx.Response):
            return answer
        raise answer("no answer", request=request)

    return vgs_over(handler, retry_policy=QUICK)


def test_a_404_after_a_retried_gateway_error_is_a_done_delete(caplog: pytest.LogCaptureFixture) -> None:
    sent: list[str] = []
    caplog.set_level(logging.DEBUG, logger="polyvault")
    with scripted([httpx.Response(503), httpx.Response(404)], sent) as vgs:
        assert vgs.aliases.delete("tok_sandbox_a") is None
    assert sent == ["DELETE /aliases/tok_sandbox_a"] * 2
    outcomes = [record.getMessage().split(" -> ")[1].split(" in ")[0] for record in caplog.records if " -> " in record.getMessage()]
    assert outcomes == ["503", "404"]  # the last attempt is logged with the 404 it got


def test_a_404_after_a_timeout_on_a_sent_delete_is_a_done_delete() -> None:
    sent: list[str] = []
    with scripted([httpx.ReadTimeout, httpx.Response(404)], sent) as vgs:
        assert vgs.aliases.delete("tok_sandbox_a") is None
    assert len(sent) == 2


def test_a_404_after_a_delete_refused_before_sending_is_not_found() -> None:
    sent: list[str] = []
    with scripted([httpx.ConnectError, httpx.Response(404)], sent) as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.delete("tok_sandbox_a")
    assert [(attempt.status_code, attempt.error) for attempt in caught.value.attempts] == [(None, "ConnectError"), (404, None)]


def test_a_second_gateway_error_on_a_delete_is_retried_like_the_first() -> None:
    sent: list[str] = []
    with scripted([httpx.Response(503), httpx.Response(502), httpx.Response(404)], sent) as vgs:
        assert vgs.aliases.delete("tok_sandbox_a") is None
    assert len(sent) == 3  # not stopped at the 502: only a 404 means the earlier attempt deleted it
