"""The retry policy and the one retry loop every request of every vault goes through.

- 429: always retried (the vault refused the request, so nothing was applied), after
  `Retry-After` / `x-ratelimit-reset` when the vault says, else after a backoff.
- Connection failures before the request left (refused, no pooled connection): always retried.
- 502/503/504, timeouts and failures after the request left: retried only for idempotent
  requests, because a repeated VGS create stores a value twice.
- Exponential backoff with jitter, at most `max_retries` retries and `max_wait` seconds of waiting.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from .ratelimit import retry_after
from .runtime import Plan, Send, Sleep

if TYPE_CHECKING:
    from .coordination.pacing import Pacer
    from .observe import Exchange

_PRE_SEND_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_IDEMPOTENT_RETRY_STATUSES = frozenset({502, 503, 504})
GONE_AFTER_RETRY = "polyvault.gone_after_retry"
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry. `max_retries` counts retries after the first attempt."""

    __module__ = "polyvault"

    max_retries: int = 2
    """How many times one request may be retried after its first attempt (0: never retried)."""
    backoff: float = 0.5
    """Seconds of the first backoff step, doubled for each later retry; used when the vault does not say how long to wait."""
    max_backoff: float = 8.0
    """The longest backoff step in seconds; jitter then waits a random half to all of the step."""
    max_wait: float = 60.0
    """Seconds one request may spend waiting between attempts in all (backoffs, `Retry-After` and, in fleet mode, turns
    of the shared rate budget); a wait that would go past it is not made, and the last answer or error stands."""

    def __post_init__(self) -> None:
        if not isinstance(self.max_retries, int) or isinstance(self.max_retries, bool) or self.max_retries < 0:
            raise ValueError("max_retries must be a whole number >= 0")
        for name in ("backoff", "max_backoff", "max_wait"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value < float("inf"):
                raise ValueError(f"{name} must be a finite number of seconds >= 0")

    def backoff_delay(self, retry: int) -> float:
        """The jittered wait before retry number `retry` (0-based): between half and all of the exponential step."""
        step = min(self.max_backoff, self.backoff * (2.0**retry))
        return step * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not cryptography


def is_pre_send(error: Exception) -> bool:
    """True when a transport error happened before the request left this process."""
    return isinstance(error, _PRE_SEND_ERRORS)


def _wanted_delay(
    policy: RetryPolicy, retry: int, response: httpx.Response | None, error: Exception | None, idempotent: bool
) -> float | None:
    """Seconds to wait before retrying, or None when this outcome must not be retried."""
    if error is not None:
        return policy.backoff_delay(retry) if is_pre_send(error) or idempotent else None
    assert response is not None
    status = response.status_code
    if status == 429 or (status in _IDEMPOTENT_RETRY_STATUSES and idempotent):
        asked = retry_after(response.headers) if status == 429 or "retry-after" in response.headers else None
        return asked if asked is not None else policy.backoff_delay(retry)
    return None


def send_with_retries(
    request: httpx.Request,
    auth: httpx.Auth | None,
    *,
    policy: RetryPolicy,
    idempotent: bool,
    on_response: Callable[[httpx.Response], None],
    watch: Exchange,
    pacer: Pacer | None = None,
    on_rate_limit: Callable[[httpx.Response, int], bool] | None = None,
) -> Plan[httpx.Response]:
    """Send `request` under `policy`; return the last response, or raise the last transport error.

    `watch` sees every attempt: when it starts, how it ended and how long until the next one. In
    fleet mode `pacer` takes a turn of the account's shared budget before each attempt (the wait
    counts against `max_wait`) and reports every 429 to the fleet. `on_rate_limit(response, attempt)`
    returning False stops retrying a 429.
    """
    waited = 0.0
    retry = 0
    maybe_applied = False  # an earlier attempt may have reached the vault
    while True:
        if pacer is not None:
            waited += yield from pacer.turn(policy.max_wait - waited)
        response: httpx.Response | None = None
        error: Exception | None = None
        watch.begin()
        try:
            response = yield Send(request, auth)
        except httpx.TransportError as exc:
            error = exc
        except BaseException as exc:  # cancelled, interrupted, or the client was closed meanwhile
            watch.abandon(exc)
            raise
        if response is not None:
            on_response(response)
            if response.status_code < 400:
                watch.end(response, None, None)
                return response
            if response.status_code == 404 and maybe_applied and request.method == "DELETE":
                watch.end(response, None, None)
                response.extensions[GONE_AFTER_RETRY] = True  # the earlier attempt deleted it
                return response
            if response.status_code == 429:
                if pacer is not None:
                    yield from pacer.rate_limited(response)
                if on_rate_limit is not None and not on_rate_limit(response, retry + 1):
                    watch.end(response, None, None)
                    return response
        delay = _wanted_delay(policy, retry, response, error, idempotent) if retry < policy.max_retries else None
        if delay is not None and waited + delay > policy.max_wait:
            delay = None
        watch.end(response, error, delay)
        if delay is None:
            if error is not None:
                raise error
            assert response is not None
            return response
        waited += delay
        retry += 1
        maybe_applied = (
            maybe_applied or (error is not None and not is_pre_send(error)) or (response is not None and response.status_code >= 500)
        )
        yield Sleep(delay)
