"""The circuit around an unavailable Redis, on a fake clock: when Redis is probed again, when an outage starts and
ends, and what is logged. `_Health` is driven directly (as in test_fleet.py): no public API exposes the probe
schedule, and a fake clock (replacing the link module's `time`) makes it exact."""

from __future__ import annotations

import logging

import pytest
from polyvault._core.coordination.link import _Health
from polyvault.testing import ManualClock

WHERE = "redis://127.0.0.1:1/0"


@pytest.fixture
def clock(link_clock: ManualClock) -> ManualClock:
    link_clock.advance(0.5)
    return link_clock


def test_redis_is_probed_half_a_second_after_a_failure_then_after_pauses_doubling_up_to_five(clock: ManualClock) -> None:
    health = _Health(WHERE, ())
    assert health.allow()
    health.failed(ConnectionError("refused"), 0.5)  # began at 0.5 s, after the circuit was last closed (never)
    assert health.outages == 1
    probes = []
    for _ in range(79):  # 0.75 s to 20.25 s, every quarter second
        clock.advance(0.25)
        if health.allow():
            probes.append(clock())
    assert probes == [1.0, 2.0, 4.0, 8.0, 13.0, 18.0]  # 0.5 s, then 1, 2, 4 and at most 5 s between probes


def test_outages_start_and_end_with_commands_begun_at_their_very_edges(clock: ManualClock, caplog: pytest.LogCaptureFixture) -> None:
    health = _Health(WHERE, ("s3cret-pw",))
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    health.failed(ConnectionError("auth with s3cret-pw refused " + "x" * 300), 0.5)
    health.succeeded(0.5)  # a probe begun the instant the outage began: Redis is back
    clock.advance(2.0)  # 2.5 s
    assert health.allow()  # closed: no pause
    health.failed(ConnectionError("refused"), 0.4)  # begun before the recovery: proves nothing
    assert health.outages == 1
    health.failed(ConnectionError("refused"), 0.5)  # begun the instant of the recovery: a new outage
    clock.advance(2.0)  # 4.5 s
    health.succeeded(4.5)
    assert health.outages == 2
    messages = [record.getMessage() for record in caplog.records]
    reason = "ConnectionError: auth with [REDACTED] refused " + "x" * 300
    rest = "; calls go on without it, per process, until it is back"
    assert messages == [
        f"fleet coordination through {WHERE} is unavailable ({reason[:200]}){rest}",
        f"fleet coordination through {WHERE} resumed after 0.0 s",
        f"fleet coordination through {WHERE} is unavailable (ConnectionError: refused){rest}",
        f"fleet coordination through {WHERE} resumed after 2.0 s",
    ]
