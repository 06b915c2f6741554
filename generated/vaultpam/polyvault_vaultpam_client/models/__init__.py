"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing one endpoint does not import every model.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .error import Error
    from .login_request import LoginRequest
    from .login_response import LoginResponse
    from .membership import Membership
    from .membership_list import MembershipList
    from .safe import Safe

_MODULES = {
    "Error": ".error",
    "LoginRequest": ".login_request",
    "LoginResponse": ".login_response",
    "Membership": ".membership",
    "MembershipList": ".membership_list",
    "Safe": ".safe",
}

__all__ = (
    "Error",
    "LoginRequest",
    "LoginResponse",
    "Membership",
    "MembershipList",
    "Safe",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
