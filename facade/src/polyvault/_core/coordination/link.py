"""One client's connection to the fleet's Redis (redis-py, sync and asyncio), failing open.

Every Redis command fleet mode sends is an `Op` run by `Link.run` (sync) or `Link.arun` (async).
Neither ever raises: when Redis is unreachable, slow (each command is bounded by
`Coordination.timeout`), restarted or answers nonsense, the op's `unavailable` value comes back
and the caller goes on as a process on its own would. The first failure logs ONE WARNING for the
process and opens a circuit: for a while (0.5 s, doubling to 5 s) no command is tried at all, then
one probe is; the first success logs at INFO that coordination resumed. Nothing secret is logged:
the server is named without its credentials, the error by its class and redacted message.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..redact import redact
from .settings import Coordination

_log = logging.getLogger("polyvault.coordination")
_FIRST_PAUSE = 0.5  # seconds without trying Redis after a failure; doubled per failed probe
_MAX_PAUSE = 5.0


@dataclass(frozen=True, slots=True)
class Op:
    """One Redis command (or Lua script) and how to read its answer.

    `parse` turns the raw reply into the result; `unavailable` is the result when Redis cannot be used.
    """

    args: Sequence[Any]
    parse: Callable[[Any], Any]
    unavailable: Any = None
    script: str | None = None
    keys: Sequence[str] = field(default=())


class _Health:
    """Whether one Redis server is usable from this process: a circuit that logs one WARNING per outage."""

    def __init__(self, where: str, secrets: Sequence[str]) -> None:
        self._where = where
        self._secrets = tuple(secrets)
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._up_since = 0.0  # when the circuit last closed (monotonic)
        self._retry_at = 0.0
        self._pause = _FIRST_PAUSE
        self.outages = 0

    def allow(self) -> bool:
        """Whether to try Redis now: always while it works; during an outage, one probe per pause."""
        if self._down_since is None:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            self._pause = min(_MAX_PAUSE, self._pause * 2)  # if this probe fails too, the next waits twice as long
            self._retry_at = now + self._pause  # this caller probes; the others keep going without Redis
            return True

    def failed(self, error: BaseException, started: float) -> None:
        """A command that began at `started` failed: open the circuit; the first failure of an outage logs a WARNING.

        A command that began before the circuit last closed says nothing about the server now (threads
        and tasks overlap): it neither opens a second outage nor logs a second warning.
        """
        with self._lock:
            if self._down_since is not None or started < self._up_since:
                return
            self._down_since = time.monotonic()
            self._pause = _FIRST_PAUSE
            self._retry_at = self._down_since + self._pause
            self.outages += 1
        reason = redact(f"{type(error).__name__}: {error}", self._secrets)[:200]
        _log.warning(
            "fleet coordination through %s is unavailable (%s); calls go on without it, per process, until it is back",
            self._where,
            reason,
        )

    def succeeded(self, started: float) -> None:
        """A command that began at `started` worked: close the circuit (logging at INFO if it was open).

        Only a command that began after the outage did (a probe) closes it: one that was already under
        way when another failed proves nothing. `_retry_at` stays in the past.
        """
        if self._down_since is None:
            return
        with self._lock:
            since = self._down_since
            if since is None or started < since:
                return
            self._down_since, self._up_since = None, time.monotonic()
        if since is not None:
            _log.info("fleet coordination through %s resumed after %.1f s", self._where, time.monotonic() - since)


_HEALTH: dict[str, _Health] = {}
_HEALTH_LOCK = threading.Lock()


def _health(settings: Coordination, secrets: Sequence[str]) -> _Health:
    """The process-wide health of one server (every client using it shares the outage and its one warning)."""
    with _HEALTH_LOCK:
        found = _HEALTH.get(settings.url)
        if found is None:
            found = _HEALTH[settings.url] = _Health(settings.where, secrets)
        return found


def _password(url: str) -> str | None:
    from urllib.parse import unquote, urlsplit

    password = urlsplit(url).password
    return unquote(password) if password else None


class Link:
    """A client's Redis connections: a sync pool made on first use, an asyncio pool per event loop."""

    def __init__(self, settings: Coordination) -> None:
        self.settings = settings
        self._health = _health(settings, [secret for secret in (_password(settings.url),) if secret])
        self._lock = threading.Lock()
        self._sync: Any = None
        self._sync_scripts: dict[str, Any] = {}
        self._async: tuple[Any, Any, dict[str, Any]] | None = None  # (event loop, client, scripts)

    @property
    def outages(self) -> int:
        """How many outages this process has seen of this server (for tests and diagnostics)."""
        return self._health.outages

    def _options(self, retry: Any) -> dict[str, Any]:
        timeout = self.settings.timeout
        return {"socket_timeout": timeout, "socket_connect_timeout": timeout, "retry": retry, "client_name": "polyvault"}

    def _sync_client(self) -> Any:
        if self._sync is None:
            with self._lock:
                if self._sync is None:
                    import redis
                    from redis.backoff import NoBackoff
                    from redis.retry import Retry

                    # One quick retry on a fresh connection: a restarted server leaves dead ones in the pool.
                    self._sync = redis.Redis.from_url(self.settings.url, **self._options(Retry(NoBackoff(), 1)))
        return self._sync

    def _async_client(self) -> tuple[Any, dict[str, Any]]:
        import asyncio

        loop = asyncio.get_running_loop()
        current = self._async
        if current is None or current[0] is not loop:  # asyncio connections belong to the loop that made them
            import redis.asyncio
            from redis.asyncio.retry import Retry
            from redis.backoff import NoBackoff

            current = self._async = (loop, redis.asyncio.Redis.from_url(self.settings.url, **self._options(Retry(NoBackoff(), 1))), {})
        return current[1], current[2]

    def run(self, op: Op) -> Any:
        """Run `op` with the sync client; its result, or `op.unavailable` when Redis cannot be used."""
        started = time.monotonic()
        if not self._health.allow():
            return op.unavailable
        try:
            client = self._sync_client()
            if op.script is None:
                raw = client.execute_command(*op.args)
            else:
                script = self._sync_scripts.get(op.script)
                if script is None:
                    script = self._sync_scripts[op.script] = client.register_script(op.script)
                raw = script(keys=op.keys, args=op.args)
            result = op.parse(raw)
        except Exception as exc:  # noqa: BLE001 - fail open: the coordinator is never a new way for a call to fail
            self._health.failed(exc, started)
            return op.unavailable
        self._health.succeeded(started)
        return result

    async def arun(self, op: Op) -> Any:
        """Run `op` with the asyncio client (under trio: the sync client in a worker thread)."""
        import sniffio

        if sniffio.current_async_library() != "asyncio":
            import anyio.to_thread

            return await anyio.to_thread.run_sync(self.run, op)
        started = time.monotonic()
        if not self._health.allow():
            return op.unavailable
        try:
            client, scripts = self._async_client()
            if op.script is None:
                raw = await client.execute_command(*op.args)
            else:
                script = scripts.get(op.script)
                if script is None:
                    script = scripts[op.script] = client.register_script(op.script)
                raw = await script(keys=op.keys, args=op.args)
            result = op.parse(raw)
        except Exception as exc:  # noqa: BLE001 - fail open, as in `run`
            self._health.failed(exc, started)
            return op.unavailable
        self._health.succeeded(started)
        return result

    def close(self) -> None:
        """Close the sync pool (asyncio pools are closed by `aclose`)."""
        client, self._sync = self._sync, None
        if client is not None:
            with contextlib.suppress(Exception):  # closing a pool to a dead server must not fail the caller's close()
                client.close()

    async def aclose(self) -> None:
        """Close both pools; the asyncio one only from the loop that made it (others cannot await it)."""
        self.close()
        current, self._async = self._async, None
        if current is None:
            return
        import asyncio

        with contextlib.suppress(Exception):  # as in close()
            if current[0] is asyncio.get_running_loop():
                await current[1].aclose()
