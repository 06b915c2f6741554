"""One session per fleet (VaultPAM): the token sealed in Redis, and a login lock no crashed process can keep.

- `polyvault:{id}:session` is a hash: `fp`, a keyed fingerprint of the token, and `blob`, the token
  and its lifetime sealed with AES-256-GCM (see keyring.py). It expires when the token should stop
  being used (its `expires_in` less the refresh margin): never later than the vault's own expiry.
- `polyvault:{id}:login` is the login lock: `SET NX PX` with a random owner id and a time to live
  (about one login's timeout), released only by its owner (compare-and-delete). A process that
  dies holding it blocks nobody for longer than that.
- A token the vault refused (401) is discarded only if it is still the one stored (compare the
  fingerprints), so a late 401 never throws away the fresh token another process just stored.

These are `Op`s: the VaultPAM auth flow runs them through the client's `Link` (sync or async), and
each answers "unavailable" (None) when Redis cannot be used, so the flow logs in on its own.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .link import Op

if TYPE_CHECKING:
    from .fleet import Fleet
    from .keyring import Keyring

_FETCH = """
local found = redis.call('HMGET', KEYS[1], 'fp', 'blob')
if not found[2] then return false end
return {found[1], found[2], redis.call('PTTL', KEYS[1])}
"""
_STORE = """
redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'blob', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
"""
_DISCARD = """
if redis.call('HGET', KEYS[1], 'fp') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


@dataclass(frozen=True, slots=True)
class SharedToken:
    """A session token the fleet shares: `lifetime` it was issued for, `left` seconds the fleet may still use it."""

    token: str = field(repr=False)
    lifetime: float
    left: float


def _ok(raw: Any) -> bool:
    return raw is not None and raw is not False and raw != 0


class SharedSession:
    """The fleet's session ops for one account (built for the client's `Link`)."""

    def __init__(self, fleet: Fleet) -> None:
        self.fleet = fleet
        self._owner = secrets.token_hex(16)  # this client's name on the login lock

    def usable(self) -> bool:
        """Whether the account's keyring could be derived (else the auth flow logs in on its own)."""
        return self.fleet.keyring() is not None

    def _keys(self) -> Keyring:
        keyring = self.fleet.keyring()
        assert keyring is not None, "the auth flow checks usable() first"
        return keyring

    def fetch(self) -> Op:
        """The shared token (a `SharedToken`), or None when there is none (or Redis cannot be used)."""
        keyring = self._keys()
        where = keyring.key("session")

        def read(raw: Any) -> SharedToken | None:
            if not raw:
                return None
            _, blob, left_ms = raw
            opened = keyring.open(blob, where)
            if opened is None or int(left_ms) <= 0:
                return None  # sealed with other credentials, or altered: not ours to use
            data = json.loads(opened)
            return SharedToken(str(data["token"]), float(data["lifetime"]), int(left_ms) / 1000)

        return Op(script=_FETCH, keys=(where,), args=(), parse=read)

    def store(self, token: str, lifetime: float, keep: float) -> Op:
        """Share `token` (issued for `lifetime` seconds) for the next `keep` seconds."""
        keyring = self._keys()
        where = keyring.key("session")
        blob = keyring.seal(json.dumps({"token": token, "lifetime": lifetime}).encode(), where)
        return Op(
            script=_STORE, keys=(where,), args=(keyring.fingerprint(token), blob, max(1, int(keep * 1000))), parse=_ok, unavailable=False
        )

    def discard(self, token: str) -> Op:
        """Forget `token` for everyone, if it is still the shared one (the vault refused it)."""
        keyring = self._keys()
        return Op(script=_DISCARD, keys=(keyring.key("session"),), args=(keyring.fingerprint(token),), parse=_ok, unavailable=False)

    def lock(self, seconds: float) -> Op:
        """Try to take the login lock for `seconds`: True (ours), False (another process logs in), None (no Redis)."""
        keyring = self._keys()
        return Op(args=("SET", keyring.key("login"), self._owner, "NX", "PX", max(1, int(seconds * 1000))), parse=_ok)

    def unlock(self) -> Op:
        """Release the login lock if this client still holds it."""
        return Op(script=_UNLOCK, keys=(self._keys().key("login"),), args=(self._owner,), parse=_ok, unavailable=False)
