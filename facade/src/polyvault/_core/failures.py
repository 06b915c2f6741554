"""The one error mapper: HTTP statuses, bodies and transport failures of every vault become `VaultError`s."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from ..errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultError,
    VaultStatusError,
    VaultTimeoutError,
)
from .observe import request_id
from .ratelimit import retry_after
from .reading import MissingFieldError
from .redact import redact
from .retry import is_pre_send

_MAX_MESSAGE = 300
_STATUS_ERRORS: dict[int, type[VaultStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: BadRequestError,
    429: RateLimitError,
}


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """A vault's error body, reduced to the three things every vault says in its own way."""

    code: str | None
    message: str | None
    detail: Any = None


ErrorParser = Callable[[Any], ErrorBody | None]
"""Reads a decoded JSON error body (or the body text when it is not JSON); None if it is not the vault's envelope."""


def _where(request: httpx.Request) -> str:
    return f"{request.method} {request.url.path}"


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[:_MAX_MESSAGE] + "…"


def _decoded(response: httpx.Response) -> Any:
    text = response.text
    try:
        return json.loads(text)
    except ValueError:
        return text


def _clean_detail(detail: Any, secrets: tuple[str, ...]) -> Any:
    """A structured detail is kept as it is unless it is too long or carries a secret; then it becomes clean text."""
    if detail is None:
        return None
    text = detail if isinstance(detail, str) else json.dumps(detail, default=str)
    cleaned = redact(_clip(text), secrets)
    return detail if cleaned == text and not isinstance(detail, str) else cleaned


def status_error(vault: str, response: httpx.Response, parse: ErrorParser, secrets: Iterable[str]) -> VaultError:
    """The error for a response with a status >= 300, filled from the vault's own error body and headers."""
    secrets = tuple(secrets)
    status = response.status_code
    where = _where(response.request)
    if status < 400:
        return UnexpectedResponseError(
            f"{where} answered {status} (a redirect, which polyvault does not follow)", vault=vault, status_code=status, response=response
        )
    try:
        body = parse(_decoded(response)) if response.content else ErrorBody(None, None)
    except Exception:  # noqa: BLE001 - a body the parser cannot read is not the vault's envelope
        body = None
    cls = _STATUS_ERRORS.get(status) or (ServerError if status >= 500 else VaultStatusError)
    if body is None and cls is not RateLimitError:
        kind = response.headers.get("content-type", "no content type").split(";")[0]
        return UnexpectedResponseError(
            f"{where} answered {status} {response.reason_phrase} with a body that is not {vault}'s error format ({kind})",
            vault=vault,
            status_code=status,
            response=response,
        )
    body = body or ErrorBody(None, None)
    message = redact(_clip(body.message or response.reason_phrase or "error"), secrets)
    return cls(
        f"{where} failed: {message}",
        vault=vault,
        status_code=status,
        code=body.code,
        detail=_clean_detail(body.detail, secrets),
        request_id=request_id(response),
        retry_after=retry_after(response.headers) if status in (429, 503) else None,
        response=response,
    )


def transport_error(vault: str, error: httpx.TransportError, request: httpx.Request, secrets: Iterable[str]) -> VaultConnectionError:
    """The error for a request that got no usable response."""
    reason = redact(f"{type(error).__name__}: {error}", secrets)
    sent = not is_pre_send(error)
    when = "after the request was sent, so it may have been applied" if sent else "before the request was sent"
    cls = VaultTimeoutError if isinstance(error, httpx.TimeoutException) else VaultConnectionError
    return cls(f"{_where(request)} got no response ({when}): {reason}", vault=vault, request_sent=sent)


def unreadable(vault: str, response: httpx.Response, error: Exception) -> UnexpectedResponseError:
    """The error for a success response whose body does not match our spec (a `MissingFieldError` names the field)."""
    reason = str(error) if isinstance(error, MissingFieldError) else type(error).__name__
    return UnexpectedResponseError(
        f"{_where(response.request)} answered {response.status_code} with a body that does not match the {vault} spec ({reason})",
        vault=vault,
        status_code=response.status_code,
        response=response,
    )


def outcome_unknown(error: BaseException) -> bool:
    """Whether a failed non-idempotent request may nevertheless have been applied by the vault."""
    if isinstance(error, VaultConnectionError):
        return error.request_sent
    if isinstance(error, (VaultStatusError, UnexpectedResponseError)):
        status = error.status_code
        return status is None or status >= 500 or status < 400
    return not isinstance(error, VaultError)
