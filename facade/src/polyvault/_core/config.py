"""Client settings from explicit arguments, else environment variables, checked before anything is sent."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

import httpx

from ..errors import InvalidRequestError
from .coordination.settings import Coordination
from .ratelimit import RateLimited
from .retry import RetryPolicy

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_LOOPBACK_NAMES = frozenset({"localhost"})


def _text(value: object, name: str, vault: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRequestError(f"{name} must be a string, not {type(value).__name__}", vault=vault)
    return value.strip() or None


def setting(value: object, env: str, *, name: str, vault: str) -> str | None:
    """The explicit `value`, else the environment variable `env`, else None."""
    return _text(value, name, vault) or _text(os.environ.get(env), env, vault)


def required(value: object, env: str, *, name: str, vault: str) -> str:
    """Like `setting`, but a missing value is refused with a message naming the argument and the variable."""
    found = setting(value, env, name=name, vault=vault)
    if found is None:
        raise InvalidRequestError(f"missing {name}: pass {name}=... or set the environment variable {env}", vault=vault)
    return found


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def base_url(value: object, env: str, default: str, *, vault: str, allow_http: bool) -> str:
    """The vault's base URL without a trailing slash; refuses anything credentials should not be sent to.

    https is required, except for loopback hosts (local fakes) or when `allow_http=True`. User-info,
    query strings and fragments are refused: they would leak or be silently dropped.
    """
    raw = setting(value, env, name="base_url", vault=vault) or default
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InvalidRequestError(f"base_url {raw!r} is not a valid URL", vault=vault) from None
    if url.scheme not in ("https", "http") or not url.host:
        raise InvalidRequestError("base_url must be an absolute http(s) URL with a host", vault=vault)
    if url.scheme == "http" and not (allow_http or _is_loopback(url.host)):
        raise InvalidRequestError(
            f"base_url uses plain http to {url.host}; credentials would travel unencrypted. "
            "Use https, or pass allow_http=True if this is deliberate",
            vault=vault,
        )
    if url.userinfo or url.query or url.fragment:
        raise InvalidRequestError("base_url must not carry user-info, a query string or a fragment", vault=vault)
    return str(url).rstrip("/")


def timeout(value: object, vault: str) -> httpx.Timeout:
    """A bounded timeout: seconds, or an httpx.Timeout with every phase bounded."""
    if isinstance(value, httpx.Timeout):
        phases = (value.connect, value.read, value.write, value.pool)
        if any(phase is None for phase in phases):
            raise InvalidRequestError("every phase of the timeout must be bounded; polyvault never waits forever", vault=vault)
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < float("inf"):
        return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_TIMEOUT.connect or 5.0))
    raise InvalidRequestError("timeout must be a positive number of seconds (polyvault never waits forever)", vault=vault)


def retry_policy(max_retries: object, policy: object, vault: str) -> RetryPolicy:
    """The retry policy from `max_retries` and/or a full `RetryPolicy`."""
    if policy is not None and not isinstance(policy, RetryPolicy):
        raise InvalidRequestError("retry_policy must be a polyvault.RetryPolicy", vault=vault)
    base = policy or RetryPolicy()
    if max_retries is None:
        return base
    try:
        return RetryPolicy(max_retries=max_retries, backoff=base.backoff, max_backoff=base.max_backoff, max_wait=base.max_wait)  # type: ignore[arg-type]
    except ValueError as exc:
        raise InvalidRequestError(str(exc), vault=vault) from None


_APPLICATION_ID = re.compile(r"[!-~]{1,24}")  # printable ASCII, no spaces


def application_id(value: object, vault: str) -> str | None:
    """The caller's short application id for the User-Agent (at most 24 printable characters, no spaces), or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not _APPLICATION_ID.fullmatch(value):
        raise InvalidRequestError("application_id must be 1 to 24 printable ASCII characters without spaces", vault=vault)
    return value


@dataclass(frozen=True, slots=True)
class Options:
    """Per-call settings a client copy can change with `with_options`."""

    timeout: httpx.Timeout
    retry: RetryPolicy
    on_rate_limit: Callable[[RateLimited], bool | None] | None = None


def rate_limit_hook(value: object, vault: str) -> Callable[[RateLimited], bool | None] | None:
    """The `on_rate_limit` hook: a callable, or None."""
    if value is not None and not callable(value):
        raise InvalidRequestError("on_rate_limit must be a callable taking a polyvault.RateLimited", vault=vault)
    return value


class ClientOptions(TypedDict, total=False):
    """Keywords every vault client accepts."""

    base_url: str
    """The vault's base URL (default: the vendor's; else `<VAULT>_BASE_URL`)."""
    timeout: float | httpx.Timeout
    """Per-request timeout in seconds (default 30 s, 5 s to connect); never unbounded."""
    max_retries: int
    """Retries after the first attempt (default 2); see `RetryPolicy` for what is retried."""
    retry_policy: RetryPolicy
    """Full control over backoff and the total wait budget."""
    http_client: httpx.Client | httpx.AsyncClient
    """Your own httpx client (sync clients take an `httpx.Client`, async ones an `httpx.AsyncClient`); you close it."""
    allow_http: bool
    """Allow a plain-http base URL to a non-loopback host (default False)."""
    max_concurrency: int
    """Requests a bulk call keeps in flight at once (default 8): worker threads for sync clients, tasks for async ones."""
    application_id: str
    """Your application's short id, sent first in the User-Agent (`myapp polyvault/0.1.0 (vgs) ...`)."""
    coordination: str | Coordination
    """Fleet mode: a Redis URL (or a `polyvault.Coordination`) through which every process using the same vault
    account shares the rate budget and VaultPAM's session (default: `POLYVAULT_COORDINATION_URL`, else off)."""
    on_rate_limit: Callable[[RateLimited], bool | None]
    """Called on every 429 with a `polyvault.RateLimited`; return False to stop retrying that call."""


OPTION_NAMES = frozenset(ClientOptions.__annotations__)
DEFAULT_CONCURRENCY = 8
