"""The one error mapper, through a VGS client whose answers come from httpx's MockTransport (answers no fake gives).

Pins what each error says and carries: the class per status, the message and its fallbacks, the
content type of a foreign body, the clip of a long message, `retry_after` (429 and 503 only), the
response itself, and what a transport failure says about whether the request left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import polyvault
import pytest
from polyvault import (
    VGS,
    InvalidRequestError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultStatusError,
)

ONCE = RetryPolicy(max_retries=0)


def client(handler: Callable[[httpx.Request], httpx.Response]) -> VGS:
    return VGS(
        "user", "password", base_url="https://vgs.test", retry_policy=ONCE, http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )


def error_of(response: httpx.Response) -> Any:
    with client(lambda request: response) as vgs, pytest.raises(polyvault.VaultError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    return caught.value


def test_retry_after_is_read_for_429_and_503_only() -> None:
    for status, expected in ((429, 7.0), (503, 7.0), (504, None), (500, None)):
        error = error_of(httpx.Response(status, json={"errors": [{"title": "t"}]}, headers={"Retry-After": "7"}))
        assert error.retry_after == expected, status


def test_an_error_keeps_the_response_and_falls_back_to_the_reason_phrase() -> None:
    error = error_of(httpx.Response(500))  # no body at all
    assert type(error) is ServerError and error.message == "GET /aliases/tok_sandbox_a failed: Internal Server Error"
    assert error.response is not None and error.response.status_code == 500 and error.code is None and error.detail is None
    nameless = error_of(httpx.Response(499, json={"errors": []}))  # no message, no reason phrase
    assert type(nameless) is VaultStatusError and nameless.message == "GET /aliases/tok_sandbox_a failed: error"
    assert nameless.status_code == 499


def test_a_long_message_is_clipped_at_300_characters() -> None:
    error = error_of(httpx.Response(400, json={"errors": [{"detail": "x" * 400}]}))
    assert error.message == "GET /aliases/tok_sandbox_a failed: " + "x" * 300 + "…"
    exact = error_of(httpx.Response(400, json={"errors": [{"detail": "y" * 300}]}))
    assert exact.message == "GET /aliases/tok_sandbox_a failed: " + "y" * 300


def test_a_foreign_body_names_its_content_type_and_keeps_the_response() -> None:
    page = httpx.Response(502, content=b"<html>bad gateway</html>", headers={"Content-Type": "text/html; charset=utf-8"})
    error = error_of(page)
    assert type(error) is UnexpectedResponseError and error.response is not None and error.status_code == 502
    assert error.message == "GET /aliases/tok_sandbox_a answered 502 Bad Gateway with a body that is not vgs's error format (text/html)"
    bare = error_of(httpx.Response(502, content=b"oops"))
    assert bare.message.endswith("with a body that is not vgs's error format (no content type)")


def test_a_transport_failure_says_whether_the_request_left() -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def reset(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset by peer", request=request)

    for handler, when, sent in (
        (refused, "before the request was sent): ConnectError: connection refused", False),
        (reset, "after the request was sent, so it may have been applied): ReadError: connection reset by peer", True),
    ):
        with client(handler) as vgs, pytest.raises(VaultConnectionError) as caught:
            vgs.aliases.reveal("tok_sandbox_a")
        assert caught.value.message == f"GET /aliases/tok_sandbox_a got no response ({when}"
        assert caught.value.request_sent is sent


def test_a_transport_failure_masks_the_credentials_it_quotes() -> None:
    def leaky(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused for user:password-1234", request=request)

    with (
        VGS(
            "user",
            "password-1234",
            base_url="https://vgs.test",
            retry_policy=ONCE,
            http_client=httpx.Client(transport=httpx.MockTransport(leaky)),
        ) as vgs,
        pytest.raises(VaultConnectionError) as caught,
    ):
        vgs.aliases.reveal("tok_sandbox_a")
    assert "password-1234" not in caught.value.message and "refused for " in caught.value.message


def test_with_options_changes_only_what_it_is_given() -> None:
    policy = RetryPolicy(max_retries=4, backoff=0.25, max_backoff=2.0, max_wait=9.0)
    with VGS("user", "password", base_url="https://vgs.test", retry_policy=policy, timeout=12.0) as vgs:
        assert vgs.with_options(timeout=3.0).retry_policy == policy
        assert vgs.with_options(timeout=3.0).timeout.read == 3.0
        fewer = vgs.with_options(max_retries=1).retry_policy
        assert fewer == RetryPolicy(max_retries=1, backoff=0.25, max_backoff=2.0, max_wait=9.0)  # the rest of the policy kept
        other = RetryPolicy(max_retries=0)
        assert vgs.with_options(retry_policy=other).retry_policy == other
        assert vgs.with_options(retry_policy=other).timeout.read == 12.0
        with pytest.raises(InvalidRequestError) as caught:
            vgs.with_options(timeout=-1)
    assert caught.value.vault == "vgs"
    with pytest.raises(InvalidRequestError) as retries:
        vgs.with_options(max_retries=-1)
    assert retries.value.vault == "vgs"


def test_the_package_exports_lazily_and_names_what_it_lacks() -> None:
    from polyvault._core.retry import RetryPolicy as Defined

    assert polyvault.RetryPolicy is Defined and vars(polyvault)["RetryPolicy"] is Defined  # imported once, then cached
    assert dir(polyvault) == sorted(polyvault.__all__)
    with pytest.raises(AttributeError) as caught:
        _ = polyvault.NoSuchName  # type: ignore[attr-defined]
    assert str(caught.value) == "module 'polyvault' has no attribute 'NoSuchName'"


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (lambda request: httpx.Response(302, headers={"Location": "https://elsewhere.test/"}), 302),
        (lambda request: httpx.Response(200, content=b"<html>maintenance</html>", headers={"content-type": "text/html"}), 200),
        (lambda request: httpx.Response(200, json={"data": "not a list"}), 200),
    ],
    ids=["redirect", "html", "unreadable"],
)
def test_an_unexpected_answer_names_its_vault_and_keeps_the_response(answer: Any, status: int) -> None:
    with client(answer) as vgs, pytest.raises(UnexpectedResponseError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    error = caught.value
    assert (type(error), error.vault, error.status_code) == (UnexpectedResponseError, "vgs", status)
    assert error.response is not None and (error.response.status_code, error.response.request.url.host) == (status, "vgs.test")


def test_an_error_without_an_answer_names_its_vault() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with client(refuse) as vgs, pytest.raises(VaultConnectionError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert (type(caught.value), caught.value.vault, caught.value.request_sent) == (VaultConnectionError, "vgs", False)
