"""Two guards of the shared pipeline, through the public clients and httpx's MockTransport: a secret quoted in an
error is masked in its percent-encoded form too, and a listing that is handed a cursor again stops with an error
naming its vault."""

from __future__ import annotations

import httpx
import pytest
from polyvault import VGS, Apideck, RetryPolicy, UnexpectedResponseError, VaultConnectionError

PASSWORD = "pass word/1234"  # a space and a slash: its fully percent-encoded form differs from every other form


def test_a_password_quoted_percent_encoded_in_an_error_is_masked() -> None:
    def leaky(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused for pass%20word%2F1234 here", request=request)

    http = httpx.Client(transport=httpx.MockTransport(leaky))
    once = RetryPolicy(max_retries=0)
    with (
        VGS("user", PASSWORD, base_url="https://vgs.test", retry_policy=once, http_client=http) as vgs,
        pytest.raises(VaultConnectionError) as caught,
    ):
        vgs.aliases.reveal("tok_sandbox_a")
    assert caught.value.message == (
        "GET /aliases/tok_sandbox_a got no response (before the request was sent): ConnectError: refused for [REDACTED] here"
    )


def test_a_cursor_handed_back_again_stops_the_listing_naming_the_vault() -> None:
    def same_cursor(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"status_code": 200, "status": "OK", "data": [], "meta": {"cursors": {"next": "again"}}})

    http = httpx.Client(transport=httpx.MockTransport(same_cursor))
    apideck = Apideck(api_key="sk_test_1234567890", app_id="app-1", base_url="https://unify.test", http_client=http)
    with apideck, pytest.raises(UnexpectedResponseError) as caught:
        list(apideck.consumers.list())
    assert str(caught.value) == (
        "[apideck] consumers.list: the vault returned a page cursor it had returned before; stopped to avoid an endless listing"
    )
