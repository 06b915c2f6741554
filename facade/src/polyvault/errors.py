"""The one error type: every failure polyvault reports is a `VaultError`.

```
VaultError                         .vault, .message, .attempts
├── ClientClosedError              the client (or the copy it was made from) is closed; also a RuntimeError
├── VaultConnectionError           no usable response (DNS, refused, reset)
│   └── VaultTimeoutError
├── VaultStatusError               .status_code .code .detail .request_id .retry_after .response
│   ├── BadRequestError 400/422    AuthenticationError 401   PaymentRequiredError 402
│   ├── PermissionDeniedError 403  NotFoundError 404         ConflictError 409
│   ├── RateLimitError 429         ServerError 5xx
├── UnexpectedResponseError        a response the spec does not describe (HTML 502, bad JSON)
├── InvalidRequestError            refused before sending (bad argument); also a ValueError
└── BulkOperationError             a bulk call failed: what completed, failed, is unknown; also its cause's class
```

Messages never contain credentials, tokens, revealed values or card numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import httpx

__all__ = [
    "Attempt",
    "AuthenticationError",
    "BadRequestError",
    "BulkOperationError",
    "ClientClosedError",
    "ConflictError",
    "InvalidRequestError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "UnexpectedResponseError",
    "VaultConnectionError",
    "VaultError",
    "VaultStatusError",
    "VaultTimeoutError",
]


class Attempt(NamedTuple):
    """One HTTP attempt of a failed call, as `VaultError.attempts` lists them (first attempt first)."""

    status_code: int | None
    """The status the vault answered, or None when no response came."""
    error: str | None
    """The transport failure's type (`ConnectError`, `ReadTimeout`, ...) when no response came."""
    duration: float
    """Seconds from sending the request to its response (or failure)."""
    wait: float | None
    """Seconds waited before the next attempt; None for the last attempt."""
    request_id: str | None = None
    """The vault's request id for this attempt, where the vault sends one."""


class VaultError(Exception):
    """Base class of every polyvault error: catch this one to handle any failure of any vault.

    Its text never contains credentials, tokens, revealed values or card numbers.

    Attributes:
        vault: The vault the call went to: `"vgs"`, `"apideck"`, `"vaultpam"` or `"vaultera"`.
        message: What happened, in a sentence (also the exception's text, after `[vault]`).
        attempts: The history of the HTTP request that failed: one `Attempt` per try, retries
            included (empty when nothing was sent).
    """

    attempts: tuple[Attempt, ...] = ()

    def __init__(self, message: str, *, vault: str) -> None:
        super().__init__(message)
        self.vault = vault
        self.message = message

    def __str__(self) -> str:
        return f"[{self.vault}] {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(vault={self.vault!r}, message={self.message!r})"


class ClientClosedError(VaultError, RuntimeError):
    """The client was closed (`close()`, or the end of its `with` block) before this call; nothing was sent.

    Copies made with `with_options()` (or Apideck's `with_consumer()`) share their parent's connection
    pool, so closing either closes both. Also a `RuntimeError`, which httpx raises for a closed client.
    """


class VaultConnectionError(VaultError):
    """No usable response: the connection failed, was refused or was reset.

    Attributes:
        request_sent: False when the failure happened before the request left this process
            (connection refused, no pooled connection free): such a request was certainly not
            applied and is always safe to retry. True when it may have reached the vault.
    """

    def __init__(self, message: str, *, vault: str, request_sent: bool = True) -> None:
        super().__init__(message, vault=vault)
        self.request_sent = request_sent


class VaultTimeoutError(VaultConnectionError):
    """The vault did not answer within the configured timeout (see `timeout` on every client)."""


class VaultStatusError(VaultError):
    """The vault answered with an error status; its error body is parsed into `.code`/`.message`/`.detail`.

    Catch a subclass for one status (`NotFoundError`), or this class for any of them.

    Attributes:
        status_code: The HTTP status the vault answered.
        code: The vault's own error code, when its error body carries one (VGS `title`, Apideck
            `type_name`, VaultPAM `error`, Vaultera `code`).
        detail: The vault's structured error detail (for VGS the list of `errors`), or None.
        request_id: The vault's request id for this call, when the response carried one: quote it
            to the vendor's support.
        retry_after: Seconds the vault asked the caller to wait (`Retry-After` or
            `x-ratelimit-reset`), or None.
        response: The `httpx.Response` itself (its body is read; secrets in it are not masked).
    """

    def __init__(
        self,
        message: str,
        *,
        vault: str,
        status_code: int,
        code: str | None = None,
        detail: Any = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message, vault=vault)
        self.status_code = status_code
        self.code = code
        self.detail = detail
        self.request_id = request_id
        self.retry_after = retry_after
        self.response = response

    def __str__(self) -> str:
        extras = "".join(
            f", {name}={value}"
            for name, value in (("code", self.code), ("request_id", self.request_id), ("retry_after", self.retry_after))
            if value is not None
        )
        return f"[{self.vault}] {self.status_code}: {self.message}{extras}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(vault={self.vault!r}, status_code={self.status_code}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class BadRequestError(VaultStatusError):
    """400 or 422: the vault refused the request's content."""


class AuthenticationError(VaultStatusError):
    """401: missing, wrong, expired or revoked credentials."""


class PaymentRequiredError(VaultStatusError):
    """402: the account's plan does not allow this call."""


class PermissionDeniedError(VaultStatusError):
    """403: the credentials are valid but not allowed to do this."""


class NotFoundError(VaultStatusError):
    """404: the alias, consumer, connection, key or card does not exist."""


class ConflictError(VaultStatusError):
    """409: the request conflicts with the resource's current state."""


class RateLimitError(VaultStatusError):
    """429 after the retry budget was spent; `.retry_after` says when to try again."""


class ServerError(VaultStatusError):
    """5xx from the vault."""


class UnexpectedResponseError(VaultError):
    """A response our spec does not describe: an HTML error page, truncated JSON, a wrong-typed field, a redirect.

    Attributes:
        status_code: The HTTP status of the response, or None.
        response: The `httpx.Response` itself, or None.
    """

    def __init__(self, message: str, *, vault: str, status_code: int | None = None, response: httpx.Response | None = None) -> None:
        super().__init__(message, vault=vault)
        self.status_code = status_code
        self.response = response


class InvalidRequestError(VaultError, ValueError):
    """Refused before anything was sent: a bad argument or a missing setting.

    Also a `ValueError`, so code that validates its own input the usual way catches it too.
    Nothing reached the vault: fix the argument and call again.
    """


class BulkOperationError(VaultError):
    """A bulk call (`create`, `tokenize`, `reveal_many`, `delete_many`) failed for some or all of its inputs.

    Raised whatever the number of inputs, and always also an instance of the class of its first
    error (`errors[0]`, also its `__cause__`), whose attributes (`.status_code`, `.code`, `.detail`,
    `.request_id`, `.retry_after`, `.request_sent`, ...) it carries: `except NotFoundError` catches
    a `reveal_many` with an unknown alias among 6 aliases or among 26, and `except ServerError` a
    `tokenize` of one value that met a 503. Every input is in exactly one of `completed`, `failed`
    and `unknown`:

    - `results`: one entry per input, in input order; `None` where the input did not complete.
    - `completed`: indices of the inputs that completed (their results are in `results`).
    - `failed`: indices certainly not applied: the vault refused them, or they were never sent.
    - `retryable`: the part of `failed` a retry can cure (never started, a 429, a 5xx or lost
      connection on a read, a connection refused before sending). The rest of `failed` would
      fail again as it is (a 400, 401, 403 or 404).
    - `not_started`: the part of `failed` never sent, because an earlier chunk failed.
    - `unknown`: indices whose outcome is unknown (a create sent, its answer lost or a 5xx): it may
      have been applied. Check before retrying, or a value may be stored twice.
    - `errors`: the distinct underlying errors in input order; `failures` maps each failed or unknown
      (but started) input's index to its error.

    The message names the inputs at fault: aliases by value, values by index only (values are secrets).
    """

    def __init__(
        self,
        message: str,
        *,
        vault: str,
        results: Sequence[Any],
        failed: Sequence[int],
        unknown: Sequence[int],
        errors: Sequence[VaultError],
        retryable: Sequence[int] = (),
        not_started: Sequence[int] = (),
        failures: Mapping[int, VaultError] | None = None,
    ) -> None:
        VaultError.__init__(self, message, vault=vault)  # not super(): the next class may be the cause's, with other arguments
        self.results = list(results)
        """One entry per input, in input order: its result once completed, else None."""
        self.failed = tuple(failed)
        """Indices of the inputs certainly not applied (refused by the vault, or never sent)."""
        self.unknown = tuple(unknown)
        """Indices whose outcome is unknown (sent, answer lost or a 5xx): check before resending them."""
        self.retryable = tuple(retryable)
        """The part of `failed` a retry can cure; the rest would fail again as sent (400, 401, 403, 404)."""
        self.not_started = tuple(not_started)
        """The part of `failed` never sent, because an earlier request failed."""
        self.errors = tuple(errors)
        """The distinct underlying errors, in input order (the first is also `__cause__`)."""
        self.failures: Mapping[int, VaultError] = dict(failures or {})
        """The error of each failed or unknown input that was sent, by input index."""

    @classmethod
    def of(cls, cause: VaultError | None, message: str, **fields: Any) -> BulkOperationError:
        """A BulkOperationError that is also an instance of `cause`'s class and carries its attributes."""
        error = _bulk_class(type(cause)) if cause is not None else cls
        made = error(message, **fields)
        if cause is not None:
            for name, value in vars(cause).items():
                made.__dict__.setdefault(name, value)
        return made

    @property
    def completed(self) -> tuple[int, ...]:
        """Indices of the inputs that completed."""
        return tuple(index for index, result in enumerate(self.results) if result is not None)

    def __str__(self) -> str:
        return VaultError.__str__(self)

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(vault={self.vault!r}, completed={len(self.completed)}, "
            f"failed={len(self.failed)}, unknown={len(self.unknown)}, message={self.message!r})"
        )


_BULK_CLASSES: dict[type[VaultError], type[BulkOperationError]] = {}


def _bulk_class(cause: type[VaultError]) -> type[BulkOperationError]:
    """`BulkOperationError[<cause>]`: a subclass of both, made once per cause class."""
    if issubclass(cause, BulkOperationError) or cause is VaultError:
        return BulkOperationError
    made = _BULK_CLASSES.get(cause)
    if made is None:
        made = type("BulkOperationError", (BulkOperationError, cause), {"__module__": __name__, "__doc__": BulkOperationError.__doc__})
        made.__qualname__ = f"BulkOperationError[{cause.__qualname__}]"
        made = _BULK_CLASSES.setdefault(cause, made)
    return made
