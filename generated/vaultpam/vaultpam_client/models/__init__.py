"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .login_request import LoginRequest
from .login_response import LoginResponse
from .membership import Membership
from .membership_list import MembershipList
from .safe import Safe

__all__ = (
    "Error",
    "LoginRequest",
    "LoginResponse",
    "Membership",
    "MembershipList",
    "Safe",
)
