"""One client's fleet mode: its Redis link, its account's keyring, the shared budget and (VaultPAM) session ops."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .budget import SharedBudget
from .link import Link
from .session import SharedSession
from .settings import Coordination

if TYPE_CHECKING:
    from .keyring import Keyring

_log = logging.getLogger("polyvault.coordination")


class Fleet:
    """What a client in fleet mode shares with the other processes of its vault account."""

    def __init__(
        self, settings: Coordination, *, vault: str, base_url: str, account: str, secrets: Sequence[str], budget: tuple[int, float] | None
    ) -> None:
        self.settings = settings
        self.link = Link(settings)
        self._identity = (vault, base_url, account, tuple(secrets))
        self._keyring: Keyring | bool | None = None  # a Keyring once derived; False if it cannot be
        self._lock = threading.Lock()
        self.budget = SharedBudget(self, (settings.requests, settings.per) if settings.requests else budget)
        self.session = SharedSession(self)

    def keyring(self) -> Keyring | None:
        """The account's keyring (derived on first use, ~50 ms), or None if it cannot be (fleet mode then stays off)."""
        if self._keyring is None:
            with self._lock:
                if self._keyring is None:
                    try:
                        from .keyring import keyring

                        self._keyring = keyring(*self._identity)
                    except Exception as exc:  # noqa: BLE001 - fail open: without keys, no coordination, never a failed call
                        self._keyring = False
                        _log.warning("fleet coordination is off for this client: its keys cannot be derived (%s)", type(exc).__name__)
        return self._keyring if self._keyring else None  # type: ignore[return-value]

    async def akeyring(self) -> Keyring | None:
        """`keyring()` for async clients: the first derivation runs in a worker thread, off the event loop."""
        if self._keyring is None:
            import anyio.to_thread

            return await anyio.to_thread.run_sync(self.keyring)
        return self._keyring if self._keyring else None  # type: ignore[return-value]

    def close(self) -> None:
        """Close the Redis connections (sync clients)."""
        self.link.close()

    async def aclose(self) -> None:
        """Close the Redis connections (async clients)."""
        await self.link.aclose()

    def __repr__(self) -> str:
        return f"<Fleet through {self.settings.where}>"
