"""Fake vaults for tests: stateful, spec-validating, fault-injecting, in-process or on 127.0.0.1.

```
from polyvault.testing import FakeVGS

fake = FakeVGS()
with fake.client() as vgs:                     # in-process, no sockets
    alias = vgs.aliases.tokenize(["4111111111111111"])[0]

with fake.serve() as base_url:                 # a real server on 127.0.0.1
    ...
```
`RedisServer` runs a real `redis-server` on 127.0.0.1 for fleet-mode tests (`coordination=`).
With pytest, the fixtures `fake_vgs`, `fake_apideck`, `fake_vaultpam` and `fake_vaultera` give a
fresh fake per test. These fakes ship as the polyvault-testing distribution: install them with the
vaults you use, `pip install 'polyvault[vgs,testing]'`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._core.lazy import lazy_exports

if TYPE_CHECKING:
    from ._base import FakeVault, ManualClock, RecordedRequest, SpecViolationError
    from ._faults import Fault, FaultKind
    from ._redis import RedisServer
    from .apideck import FakeApideck
    from .vaultera import FakeVaultera
    from .vaultpam import FakeVaultPAM
    from .vgs import FakeVGS

_LAZY = {
    "FakeVault": "_base",
    "ManualClock": "_base",
    "RecordedRequest": "_base",
    "SpecViolationError": "_base",
    "Fault": "_faults",
    "FaultKind": "_faults",
    "RedisServer": "_redis",
    "FakeVGS": "vgs",
    "FakeApideck": "apideck",
    "FakeVaultPAM": "vaultpam",
    "FakeVaultera": "vaultera",
}
__all__ = [
    "FakeApideck",
    "FakeVGS",
    "FakeVault",
    "FakeVaultPAM",
    "FakeVaultera",
    "Fault",
    "FaultKind",
    "ManualClock",
    "RecordedRequest",
    "RedisServer",
    "SpecViolationError",
]


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)
