"""A client's side of its account's shared budget, as plan steps the retry loop runs (both modes, written once).

Before each attempt the retry loop takes a turn (`Pacer.turn`): an `Acquire` effect books one, the
plan sleeps until it comes, then checks that no 429 paused the fleet meanwhile. After a 429 it
reports the pause at once (`Pacer.rate_limited`), so every process stops until the vault's reset.
What successful responses report (remaining, reset, limit) rides along with the next turn instead of
costing a Redis round trip of its own. Nothing here can fail a call: a budget that cannot be
reached answers "go now", and a turn further away than the call may still wait is not waited for
(the vault decides, as without fleet mode).
"""

from __future__ import annotations

import time

import httpx

from ..ratelimit import RateLimit, retry_after
from ..runtime import Acquire, Budget, Plan, Sleep

_MAX_ASKS = 16  # turns asked for one attempt (a booked turn, then pauses): bounded, whatever Redis answers
_PAUSE_WITHOUT_DATE = 1.0  # seconds the fleet pauses after a 429 that says nothing of when to come back


class Pacer:
    """Turns for one client's attempts, and the reports of what the vault said."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self._pending: tuple[int, float, int] | None = None  # (remaining, reset as a Unix time, limit), -1/0 when unknown

    def note(self, limit: RateLimit, status: int) -> None:
        """Keep what a successful response reported, for the next turn to tell the fleet (no Redis call here).

        Error responses are skipped: a failed VaultPAM login reports the login limit, not the account's.
        """
        if status >= 400:
            return
        reset = limit.reset_at.timestamp() if limit.reset_at is not None and limit.remaining is not None else -1.0
        if reset >= 0 or limit.limit:
            self._pending = (limit.remaining if reset >= 0 and limit.remaining is not None else -1, reset, limit.limit or 0)

    def _report(self) -> tuple[int, float, int] | None:
        pending, self._pending = self._pending, None
        if pending is None:
            return None
        remaining, reset, limit = pending
        return (remaining, max(0.0, reset - time.time()) if reset >= 0 else -1.0, limit)

    def turn(self, allowed: float) -> Plan[float]:
        """Wait for this attempt's turn, at most `allowed` seconds in all; returns the seconds waited."""
        waited = 0.0
        mode = "take"
        for _ in range(_MAX_ASKS):
            left = allowed - waited
            wait, booked = yield Acquire(self.budget, mode, self._report(), max_wait=left)
            if wait <= 0 or wait > left:  # our turn, or further away than this call may wait: the vault decides
                return waited
            yield Sleep(wait)
            waited += wait
            mode = "check" if booked else "take"  # a booked turn came; after a pause, book one
        return waited

    def rate_limited(self, response: httpx.Response) -> Plan[None]:
        """A 429: pause every process of the account until the vault's reset (`Retry-After`, else `x-ratelimit-reset`)."""
        seconds = retry_after(response.headers)
        yield Acquire(self.budget, "report", (0, _PAUSE_WITHOUT_DATE if seconds is None else seconds, 0))
