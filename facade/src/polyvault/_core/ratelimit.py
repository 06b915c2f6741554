"""Rate-limit and retry-after headers, read the same way for every vault."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# A reset or retry value above this is an absolute Unix time, below it a number of seconds.
_EPOCH_THRESHOLD = 1_000_000_000


@dataclass(frozen=True, slots=True)
class RateLimit:
    """The last limit, remaining allowance and reset time a vault reported (None where it did not say)."""

    __module__ = "polyvault"

    limit: int | None
    """Requests the vault allows per rate-limit window (`x-ratelimit-limit`); None when the vault did not say."""
    remaining: int | None
    """Requests left in the current window (`x-ratelimit-remaining`); None when the vault did not say."""
    reset_at: datetime | None
    """When the current window ends, an aware UTC datetime read from `x-ratelimit-reset` (seconds from now, a Unix time
    or an HTTP date); None when the vault did not say."""


@dataclass(frozen=True, slots=True)
class RateLimited:
    """What a client's `on_rate_limit` hook is told about a 429. Return False from the hook to stop retrying
    (the call raises `RateLimitError` at once); anything else lets the retry policy decide."""

    __module__ = "polyvault"  # its public home (repr, help, docs)

    vault: str
    """The vault that answered 429 (`"vgs"`, `"apideck"`, `"vaultpam"` or `"vaultera"`)."""
    attempt: int
    """The attempt the vault refused (1 for the first)."""
    retry_after: float | None
    """Seconds the vault asked to wait (`Retry-After`, else `x-ratelimit-reset`), if it said."""
    rate_limit: RateLimit | None
    """The limit, remaining allowance and reset the vault reported with the 429."""
    shared: bool
    """Fleet mode: every process of this account pauses until the vault's reset."""


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _seconds_until(value: str | None, now: float) -> float | None:
    """A header that is a delay in seconds, an absolute Unix time, or an HTTP date, as seconds from now."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - now)
        except (TypeError, ValueError, IndexError):
            return None
    if number != number or number < 0:  # NaN or negative
        return None
    return max(0.0, number - now) if number > _EPOCH_THRESHOLD else number


_PREFIX = b"x-ratelimit-"


def read_rate_limit(raw_headers: Iterable[tuple[bytes, bytes]]) -> RateLimit | None:
    """The `x-ratelimit-*` headers of a response (`httpx.Headers.raw`), or None if it carries none.

    One pass over the raw header list: this runs on every response, and a by-name lookup scans it each time.
    """
    found: dict[bytes, str] = {}
    for name, value in raw_headers:
        if name[: len(_PREFIX)].lower() == _PREFIX:
            found[name[len(_PREFIX) :].lower()] = value.decode("latin-1")
    if not found:
        return None
    limit, remaining, reset = found.get(b"limit"), found.get(b"remaining"), found.get(b"reset")
    return RateLimit(limit=_int(limit), remaining=_int(remaining), reset_at=_reset_at(reset))


def _reset_at(reset: str | None) -> datetime | None:
    """When the window resets: an absolute Unix time is that instant exactly; a delay counts from now."""
    if reset is None:
        return None
    try:
        number: float | None = float(reset)
    except ValueError:
        number = None  # an HTTP date, or junk
    try:
        if number is not None and number > _EPOCH_THRESHOLD:
            return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    now = time.time()
    delay = _seconds_until(reset, now)
    try:
        return datetime.fromtimestamp(now + delay, UTC) if delay is not None else None
    except (OverflowError, OSError):
        return None


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds the vault asked us to wait: `Retry-After` first, else `x-ratelimit-reset`."""
    now = time.time()
    waited = _seconds_until(headers.get("retry-after"), now)
    return waited if waited is not None else _seconds_until(headers.get("x-ratelimit-reset"), now)
