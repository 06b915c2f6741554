"""polyvault: one way to configure, call, page, retry and fail across the VGS, Apideck, VaultPAM and Vaultera vaults.

```
from polyvault import VGS, VaultError

with VGS() as vgs:                      # VGS_USERNAME / VGS_PASSWORD from the environment
    tokens = vgs.aliases.tokenize(["4111111111111111"], format="FPE_SIX_T_FOUR")
```

Each vault client is imported on first use, together with its generated package
(`pip install 'polyvault[vgs]'` and so on); `import polyvault` itself stays cheap.

Logs go to the `polyvault.<vault>` loggers (`POLYVAULT_LOG=debug` prints them to stderr); with
`polyvault[otel]` and an OpenTelemetry SDK configured, every call is traced (see docs/observability.md).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ._core.lazy import lazy_exports

__version__ = "0.1.0"

from .errors import (
    Attempt,
    AuthenticationError,
    BadRequestError,
    BulkOperationError,
    ClientClosedError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultError,
    VaultStatusError,
    VaultTimeoutError,
)

if TYPE_CHECKING:
    from ._core.bulk import BulkProgress
    from ._core.coordination.settings import Coordination
    from ._core.ratelimit import RateLimit, RateLimited
    from ._core.retry import RetryPolicy
    from .apideck import Apideck, AsyncApideck
    from .vaultera import AsyncVaultera, Vaultera
    from .vaultpam import AsyncVaultPAM, VaultPAM
    from .vgs import VGS, AsyncVGS

_LAZY = {
    "VGS": "vgs",
    "AsyncVGS": "vgs",
    "Apideck": "apideck",
    "AsyncApideck": "apideck",
    "VaultPAM": "vaultpam",
    "AsyncVaultPAM": "vaultpam",
    "Vaultera": "vaultera",
    "AsyncVaultera": "vaultera",
    "BulkProgress": "_core.bulk",
    "RateLimit": "_core.ratelimit",
    "RateLimited": "_core.ratelimit",
    "Coordination": "_core.coordination.settings",
    "RetryPolicy": "_core.retry",
}

__all__ = [
    "VGS",
    "Apideck",
    "AsyncApideck",
    "AsyncVGS",
    "AsyncVaultPAM",
    "AsyncVaultera",
    "Attempt",
    "AuthenticationError",
    "BadRequestError",
    "BulkOperationError",
    "BulkProgress",
    "ClientClosedError",
    "ConflictError",
    "Coordination",
    "InvalidRequestError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "UnexpectedResponseError",
    "VaultConnectionError",
    "VaultError",
    "VaultPAM",
    "VaultStatusError",
    "VaultTimeoutError",
    "Vaultera",
    "__version__",
]


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)

if os.environ.get("POLYVAULT_LOG"):  # logging is only imported when asked for
    from ._core.observe import configure_from_env

    configure_from_env()
