"""Fleet-mode settings: `coordination="redis://host:port/db"` (or `POLYVAULT_COORDINATION_URL`) on any client."""

from __future__ import annotations

import importlib.util
import math
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ...errors import InvalidRequestError

ENV = "POLYVAULT_COORDINATION_URL"
SCHEMES = frozenset({"redis", "rediss", "unix"})
EXTRA = "fleet"
_NEEDS = ("redis", "cryptography")


@dataclass(frozen=True, slots=True)
class Coordination:
    """Fleet mode: every process that uses the same vault account shares its rate budget (and, for
    VaultPAM, one session) through Redis. Pass it, or just the URL, as `coordination=` to any client.

    Args:
        url: The Redis server: `redis://host:6379/0`, `rediss://` for TLS, `unix:///path/to/socket`.
            User and password go in the URL (`rediss://user:password@host:6380/0`); the URL is never
            shown in a repr, a log record or an error.
        requests: The budget the fleet shares: at most this many requests per `per` seconds. Default:
            the vault's documented limit (VGS 3,000 per minute per vault, VaultPAM 120 per minute per
            user), replaced by the limit the vault reports in its headers. Vaults that document none
            (Apideck, Vaultera) share only pauses: a 429 seen by one process pauses them all.
        per: The budget's window in seconds (default 60).
        timeout: Seconds one Redis command may take (default 0.25, at most 5): past it, or when Redis
            is unreachable, calls go on without coordination, as without fleet mode.
    """

    __module__ = "polyvault"  # its public home (repr, help, docs)

    url: str = field(repr=False)
    """The Redis server's URL (never shown: it may carry a password)."""
    requests: int | None = None
    """The budget the fleet shares per `per` seconds; None for the vault's documented limit."""
    per: float = 60.0
    """The budget's window, in seconds."""
    timeout: float = 0.25
    """Seconds one Redis command may take before the call goes on without coordination."""

    def __post_init__(self) -> None:
        if not isinstance(self.url, str) or urlsplit(self.url).scheme not in SCHEMES:
            raise ValueError("coordination must be a redis://, rediss:// or unix:// URL")
        if self.requests is not None and (not isinstance(self.requests, int) or isinstance(self.requests, bool) or self.requests < 1):
            raise ValueError("Coordination.requests must be a whole number >= 1")
        if not _positive(self.per):
            raise ValueError("Coordination.per must be a positive number of seconds")
        if not _positive(self.timeout) or self.timeout > 5:
            raise ValueError("Coordination.timeout must be a positive number of seconds, at most 5")

    @property
    def where(self) -> str:
        """The server without credentials (`host:port/db`), for messages."""
        parts = urlsplit(self.url)
        if parts.scheme == "unix":
            return f"unix:{parts.path}"
        try:
            port = parts.port or 6379
        except ValueError:
            port = 6379
        return f"{parts.scheme}://{parts.hostname or 'localhost'}:{port}{parts.path or '/0'}"

    def __repr__(self) -> str:
        return f"Coordination(url={self.where!r}, requests={self.requests!r}, per={self.per!r}, timeout={self.timeout!r})"


def _positive(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 and math.isfinite(value)


def resolve(value: object, vault: str) -> Coordination | None:
    """The client's fleet settings: `value` (a URL or a `Coordination`), else `POLYVAULT_COORDINATION_URL`, else None.

    Raises:
        InvalidRequestError: the value is neither, or not a Redis URL.
        ModuleNotFoundError: fleet mode is asked for but `polyvault[fleet]` is not installed.
    """
    if value is None:
        value = os.environ.get(ENV, "").strip() or None
        if value is None:
            return None
    if isinstance(value, str):
        try:
            value = Coordination(value.strip())
        except ValueError as exc:
            raise InvalidRequestError(str(exc), vault=vault) from None
    if not isinstance(value, Coordination):
        raise InvalidRequestError("coordination must be a redis://, rediss:// or unix:// URL, or a polyvault.Coordination", vault=vault)
    missing = [name for name in _NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        raise ModuleNotFoundError(f"fleet mode needs {' and '.join(missing)}: pip install 'polyvault[{EXTRA}]'", name=missing[0])
    return value
