"""The rate budget one vault account's processes share, kept in Redis and updated atomically by one Lua script.

The algorithm is GCRA (the generic cell rate algorithm, as in ATM networks and redis-cell), with
booked turns. The state is one Redis hash per account: `tat`, the theoretical arrival time of the
next request, and `pause`, a time before which nobody sends. Time is Redis's own clock (`TIME`),
so hosts whose clocks disagree still share one schedule.

- A budget of L requests per W seconds keeps `spare` = 2.5 % of L (at least 1) unused, for network
  jitter at the vault's window edges, and allows bursts of `burst` = 2.5 % of L (at least 1): one
  turn every `interval = W / n` with n = L - spare - burst + 1, so that any W seconds hold at
  most n + burst - 1 = L - spare turns, whatever the vault's window looks like (fixed or sliding).
  That is about 95 % of the limit (2,851 of VGS's 3,000 per minute; 19 of 20).
- Taking a turn books the next free slot and says how long to wait for it (one round trip per
  request, first come first served); a slot further away than the call may wait is not booked.
- What the vault reports corrects the schedule: `remaining` r before a reset T moves `tat` so that
  at most r more turns come before T; r = 0 (a 429, or a response saying so) pauses the whole
  fleet until T. A reported `x-ratelimit-limit` replaces the documented one for everybody.
- A vault with no documented limit (Apideck, Vaultera) gets no pacing: only pauses are shared.
- The hash expires one window after its last booked turn or pause: an idle account leaves nothing behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..runtime import Acquire
from .link import Op

if TYPE_CHECKING:
    from .fleet import Fleet

SHARE = 0.025  # of the limit: kept spare for jitter, and allowed as a burst
_GO = (0.0, False)

_SCRIPT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tat', 'pause', 'limit')
local tat = tonumber(state[1]) or 0
local pause = tonumber(state[2]) or 0
local limit = tonumber(state[3]) or tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local remaining, reset_in, reported = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if reported > 0 and reported ~= limit then
  limit = reported
  redis.call('HSET', KEYS[1], 'limit', limit)
end
local interval, tolerance = 0, 0
if limit > 0 then
  local share = tonumber(ARGV[8])
  local spare, burst = math.max(1, math.ceil(limit * share)), math.max(1, math.floor(limit * share))
  interval = window / math.max(1, limit - spare - burst + 1)
  tolerance = (burst - 1) * interval
end
if remaining >= 0 and reset_in >= 0 then
  local reset = now + reset_in
  if remaining == 0 then pause = math.max(pause, reset) end
  if interval > 0 then tat = math.max(tat, reset + tolerance - remaining * interval) end
end
local wait, booked = 0, 0
if pause > now then
  wait = pause - now
elseif interval > 0 and ARGV[1] == 'take' then
  tat = math.max(tat, now)
  wait = math.max(0, tat - tolerance - now)
  if wait <= tonumber(ARGV[7]) then
    tat = tat + interval
    booked = 1
  end
end
redis.call('HSET', KEYS[1], 'tat', tat, 'pause', pause)
redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(tat, pause, now) - now + window))
return {math.ceil(wait), booked}
"""


def _turn(raw: Any) -> tuple[float, bool]:
    wait, booked = raw
    return int(wait) / 1000, bool(int(booked))


class SharedBudget:
    """One account's rate budget in Redis: the `Budget` the drivers' `Acquire` effect asks (see runtime.py)."""

    def __init__(self, fleet: Fleet, budget: tuple[int, float] | None) -> None:
        self._fleet = fleet
        self.limit, self.window = budget if budget is not None else (0, 60.0)

    def _op(self, ask: Acquire, key: str) -> Op:
        remaining, reset_in, reported = ask.report or (-1, -1.0, 0)
        return Op(
            script=_SCRIPT,
            keys=(key,),
            args=(
                ask.mode,
                self.limit,
                round(self.window * 1000, 3),
                remaining,
                round(reset_in * 1000, 3) if reset_in >= 0 else -1,
                reported,
                round(max(0.0, ask.max_wait) * 1000, 3),  # finite: RetryPolicy refuses an infinite max_wait
                SHARE,
            ),
            parse=_turn,
            unavailable=_GO,
        )

    def acquire(self, ask: Acquire) -> tuple[float, bool]:
        """Perform `ask` with the sync Redis client: (seconds to wait, whether a turn was booked)."""
        keyring = self._fleet.keyring()
        if keyring is None:
            return _GO
        result: tuple[float, bool] = self._fleet.link.run(self._op(ask, keyring.key("rate")))
        return result

    async def acquire_async(self, ask: Acquire) -> tuple[float, bool]:
        """Perform `ask` with the asyncio Redis client."""
        keyring = await self._fleet.akeyring()
        if keyring is None:
            return _GO
        result: tuple[float, bool] = await self._fleet.link.arun(self._op(ask, keyring.key("rate")))
        return result
