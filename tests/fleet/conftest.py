"""Fleet-mode fixtures: a real redis-server on 127.0.0.1, started and stopped by the tests.

`redis_server` is shared by the tests of one pytest process (each xdist worker starts its own);
tests isolate themselves by account (every fake makes fresh credentials, and Redis keys derive
from them). `own_redis` is a server of the test's own, for tests that stop or kill it. `link_clock` is the
coordination link's clock (its `time.monotonic`), moved by hand, so the circuit's times are exact.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any

import pytest
from polyvault._core.coordination import link
from polyvault.testing import ManualClock, RedisServer


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One redis-server for the session (a free port, its own temp dir, no persistence)."""
    with RedisServer() as server:
        yield server


@pytest.fixture
def link_clock(monkeypatch: pytest.MonkeyPatch) -> ManualClock:
    """The link module's monotonic clock, at 0 s and moved only by `advance` (no public API sets it)."""
    clock = ManualClock(0.0)
    monkeypatch.setattr(link, "time", types.SimpleNamespace(monotonic=clock))
    return clock


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A redis-server for one test, which may kill and restart it."""
    with RedisServer() as server:
        yield server


def redis_contents(url: str) -> dict[bytes, Any]:
    """Every key in the server and its value (hashes as dicts, strings as bytes)."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        found: dict[bytes, Any] = {}
        for key in client.scan_iter(count=1000):
            kind = client.type(key)
            found[key] = client.hgetall(key) if kind == b"hash" else client.get(key) if kind == b"string" else kind
        return found
    finally:
        client.close()
