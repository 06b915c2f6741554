"""polyvault: one way to configure, call, page, retry and fail across the VGS, Apideck, VaultPAM and Vaultera vaults.

```
from polyvault import VGS, VaultError

with VGS() as vgs:                      # VGS_USERNAME / VGS_PASSWORD from the environment
    tokens = vgs.aliases.tokenize(["4111111111111111"], format="FPE_SIX_T_FOUR")
```

Each vault client is imported on first use, together with its generated package
(`pip install 'polyvault[vgs]'` and so on); `import polyvault` itself stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._core.lazy import lazy_exports

__version__ = "0.1.0"

from .errors import (
    AuthenticationError,
    BadRequestError,
    BulkOperationError,
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
    from ._core.ratelimit import RateLimit
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
    "RetryPolicy": "_core.retry",
}

__all__ = [
    "VGS",
    "Apideck",
    "AsyncApideck",
    "AsyncVGS",
    "AsyncVaultPAM",
    "AsyncVaultera",
    "AuthenticationError",
    "BadRequestError",
    "BulkOperationError",
    "BulkProgress",
    "ConflictError",
    "InvalidRequestError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
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
