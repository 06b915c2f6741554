"""Error bodies polyvault cannot read: a 429 stays a rate limit, other statuses become an `UnexpectedResponseError`,
and a success body its reader refuses is named by the kind of refusal. Answers come from httpx's MockTransport."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from _mock import vgs_over
from polyvault import RateLimitError, RetryPolicy, UnexpectedResponseError, VaultError


def error_of(answer: httpx.Response) -> Any:
    with (
        vgs_over(lambda request: answer, retry_policy=RetryPolicy(max_retries=0)) as vgs,
        pytest.raises(VaultError) as caught,
    ):
        vgs.aliases.reveal("tok_sandbox_a")
    return caught.value


def test_a_429_with_a_foreign_body_is_a_rate_limit_told_by_its_reason_phrase() -> None:
    error = error_of(httpx.Response(429, content=b"<html>slow down</html>", headers={"Content-Type": "text/html"}))
    assert type(error) is RateLimitError
    assert (error.vault, error.message, error.code, error.detail) == (
        "vgs",
        "GET /aliases/tok_sandbox_a failed: Too Many Requests",
        None,
        None,
    )


def test_an_error_body_nested_too_deep_to_decode_is_a_foreign_body() -> None:
    error = error_of(httpx.Response(500, content=b"[" * 100_000))  # json.loads gives up with a RecursionError
    assert type(error) is UnexpectedResponseError
    foreign = "with a body that is not vgs's error format (no content type)"
    assert str(error) == f"[vgs] GET /aliases/tok_sandbox_a answered 500 Internal Server Error {foreign}"


def test_a_success_body_its_reader_refuses_is_named_by_the_refusal_type() -> None:
    answer = httpx.Response(200, content=b"{data", headers={"Content-Type": "application/json"})  # not JSON at all
    assert type(error := error_of(answer)) is UnexpectedResponseError
    spec = "with a body that does not match the vgs spec"
    assert str(error) == f"[vgs] GET /aliases/tok_sandbox_a answered 200 {spec} (JSONDecodeError)"
