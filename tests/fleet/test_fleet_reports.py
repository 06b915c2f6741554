"""What a fleet client tells the shared budget about the vault's rate-limit headers, and when.

A successful response's `x-ratelimit-*` ride along with the next turn as (remaining, seconds to the reset,
limit), -1/0 where unknown; an error response's are not told; a 429 is reported at once as a pause. The
budget is a recorder here (`SharedBudget.acquire` replaced): the asks are pinned by value.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from polyvault import VGS, RateLimitError, RetryPolicy, VaultError
from polyvault._core.coordination.budget import SharedBudget
from polyvault.testing import FakeVGS

CARD = "4111111111111111"
NOWHERE = "redis://127.0.0.1:1/0"  # never reached: the budget is scripted


def _client(monkeypatch: pytest.MonkeyPatch, headers: list[Any]) -> tuple[VGS, list[Any]]:
    """A VGS client over a FakeVGS whose next responses carry `headers` (dicts; or a full httpx.Response)."""
    asked: list[Any] = []
    monkeypatch.setattr(SharedBudget, "acquire", lambda self, ask: asked.append((ask.mode, ask.report, ask.max_wait)) or (0.0, False))
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    fake = FakeVGS()
    inner = fake.transport

    def handler(request: httpx.Request) -> httpx.Response:
        planned = headers.pop(0)
        if isinstance(planned, httpx.Response):
            return planned
        response = inner.handle_request(request)
        for name in [name for name in response.headers if name.startswith("x-ratelimit-")]:
            del response.headers[name]
        response.headers.update(planned)
        return response

    vgs = fake.client(coordination=NOWHERE, http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    return vgs, asked


def test_each_successful_response_is_reported_with_the_next_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    vgs, asked = _client(
        monkeypatch,
        [
            {"x-ratelimit-limit": "100", "x-ratelimit-remaining": "5", "x-ratelimit-reset": "30"},
            {"x-ratelimit-limit": "100"},
            {"x-ratelimit-limit": "90", "x-ratelimit-remaining": "7"},  # no reset: the remaining means nothing
            {"x-ratelimit-remaining": "3", "x-ratelimit-reset": "0"},
            {"x-ratelimit-remaining": "9"},  # neither reset nor limit: nothing to tell
            {},
        ],
    )
    with vgs:
        for _ in range(6):
            vgs.aliases.tokenize([CARD])
    reports = [report for _, report, _ in asked]
    assert [mode for mode, _, _ in asked] == ["take"] * 6
    assert reports[0] is None
    remaining, reset_in, limit = reports[1]
    assert (remaining, limit) == (5, 100) and 29 < reset_in <= 30
    assert reports[2:] == [(-1, -1.0, 100), (-1, -1.0, 90), (3, 0.0, 0), None]


def test_an_error_response_is_not_reported_and_a_429_pauses_the_fleet_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = {"x-ratelimit-limit": "100", "x-ratelimit-remaining": "2", "x-ratelimit-reset": "30"}
    refused = httpx.Response(400, json={"errors": [{"status": 400, "title": "Bad request"}]}, headers=limits)
    too_many = {"json": {"errors": [{"status": 429, "title": "Too many requests"}]}}
    vgs, asked = _client(
        monkeypatch,
        [refused, httpx.Response(429, headers={"retry-after": "2"}, **too_many), httpx.Response(429, **too_many)],
    )
    with vgs:
        with pytest.raises(VaultError):
            vgs.aliases.tokenize([CARD])
        once = vgs.with_options(retry_policy=RetryPolicy(max_retries=0))
        for _ in range(2):
            with pytest.raises(RateLimitError):
                once.aliases.tokenize([CARD])
    assert asked == [
        ("take", None, 60.0),
        ("take", None, 60.0),  # the 400's headers were not told
        ("report", (0, 2.0, 0), 60.0),
        ("take", None, 60.0),
        ("report", (0, 1.0, 0), 60.0),  # a 429 that names no time: a second
    ]
