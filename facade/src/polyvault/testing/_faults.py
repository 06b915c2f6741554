"""Scriptable, bounded fault injection for the fake vaults.

```
fake.inject("429", route="POST /aliases", times=2, retry_after=1)   # the next two creates are refused
fake.inject("reset_after", probability=0.2, times=None)              # 20% of every request, until cleared
fake.inject("latency", seconds=0.05)                                 # the next request is slow
```
`route` is `"<METHOD> <spec path template>"` (e.g. `"GET /aliases/{alias}"`), or None for every route.
A fault fires at most `times` times (None: no limit, until `clear_faults()`), each matching request
with `probability` (drawn from the fake's seeded random generator, so runs are reproducible).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from typing import Literal, get_args

FaultKind = Literal[
    "429",
    "500",
    "502",
    "503",
    "504",
    "html",
    "reset_before",
    "reset_after",
    "latency",
    "timeout",
    "truncated_json",
    "empty_body",
    "wrong_type",
    "unknown_enum",
    "huge_body",
]
"""What an injected fault does to a request.

Before the vault processes the request (nothing changes in the vault):

- `429`: a rate-limit refusal with `Retry-After: retry_after` (1 second unless given).
- `500`, `502`, `503`, `504`: that status in the vault's own error format (with `Retry-After`
  when `retry_after` is given).
- `html`: a 502 with an HTML page, as a proxy in front of the vault would answer.
- `reset_before`: the connection is reset before the request is read (a real TCP reset when served).
- `latency`: the answer comes `seconds` late.

After the vault processed it (the vault's state has changed, but the answer is lost, late or mangled):

- `reset_after`: the connection is reset instead of the answer.
- `timeout`: the answer comes `seconds` late (an hour unless given): past any read timeout.
- `truncated_json`, `empty_body`: the answer's body is cut in half, or empty.
- `wrong_type`: the body's first string field becomes a number.
- `unknown_enum`: one open-enum field gets a value the spec does not list.
- `huge_body`: the body is padded to 10 MB.
"""
FAULT_KINDS: frozenset[str] = frozenset(get_args(FaultKind))
# Faults decided before the request is processed (nothing changes in the vault) ...
BEFORE = frozenset({"429", "500", "502", "503", "504", "html", "reset_before", "latency"})
# ... and after it (the vault's state has changed, but the answer is lost, late or mangled).
AFTER = frozenset({"reset_after", "timeout", "truncated_json", "empty_body", "wrong_type", "unknown_enum", "huge_body"})


@dataclass
class Fault:
    """One injected fault (what `inject` returns); `hits` counts how often it fired.

    Attributes:
        kind: What the fault does (see `FaultKind`).
        route: `"<METHOD> <spec path template>"` it applies to, or None for every route.
        times: How many times it fires at most; None for no limit (until `clear_faults()`).
        probability: The chance it fires for each matching request (seeded: runs are reproducible).
        retry_after: The `Retry-After` seconds a `429` (default 1) or a 5xx (default none) sends.
        seconds: How late the answer comes, for `latency` and `timeout`.
        hits: How many times it has fired.
    """

    __module__ = "polyvault.testing"  # its public home (repr, help, docs)

    kind: FaultKind
    route: str | None = None
    times: int | None = 1
    probability: float = 1.0
    retry_after: int | None = None
    seconds: float = 0.0
    hits: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; known: {', '.join(sorted(FAULT_KINDS))}")
        if self.times is not None and self.times < 0:
            raise ValueError("times must be >= 0 or None")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        if self.seconds < 0:
            raise ValueError("seconds must be >= 0")

    @property
    def exhausted(self) -> bool:
        """True once the fault has fired `times` times."""
        return self.times is not None and self.hits >= self.times


class FaultPlan:
    """The faults injected into one fake; thread-safe."""

    def __init__(self, seed: int) -> None:
        self._faults: list[Fault] = []
        self._random = random.Random(seed)  # noqa: S311 - reproducible test faults, not cryptography
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        """Arm `fault`."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Disarm every fault."""
        with self._lock:
            self._faults.clear()

    def draw(self, route: str, phase: frozenset[str]) -> Fault | None:
        """The first armed fault of `phase` that fires for a request to `route`, if any (counted as a hit)."""
        with self._lock:
            for fault in self._faults:
                if fault.kind not in phase or fault.exhausted or fault.route not in (None, route):
                    continue
                if fault.probability < 1.0 and self._random.random() >= fault.probability:
                    continue
                fault.hits += 1
                return fault
        return None
