"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing one endpoint does not import every model.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_key import ApiKey
    from .api_key_attributes import ApiKeyAttributes
    from .api_key_create_params import ApiKeyCreateParams
    from .api_key_create_request import ApiKeyCreateRequest
    from .api_key_envelope import ApiKeyEnvelope
    from .api_key_list import ApiKeyList
    from .card import Card
    from .card_attributes import CardAttributes
    from .card_envelope import CardEnvelope
    from .card_input import CardInput
    from .card_store_request import CardStoreRequest
    from .error import Error
    from .error_detail import ErrorDetail
    from .http_method import HttpMethod
    from .session_token import SessionToken
    from .session_token_attributes import SessionTokenAttributes
    from .session_token_create_params import SessionTokenCreateParams
    from .session_token_create_request import SessionTokenCreateRequest
    from .session_token_envelope import SessionTokenEnvelope
    from .session_token_scope import SessionTokenScope

_MODULES = {
    "ApiKey": ".api_key",
    "ApiKeyAttributes": ".api_key_attributes",
    "ApiKeyCreateParams": ".api_key_create_params",
    "ApiKeyCreateRequest": ".api_key_create_request",
    "ApiKeyEnvelope": ".api_key_envelope",
    "ApiKeyList": ".api_key_list",
    "Card": ".card",
    "CardAttributes": ".card_attributes",
    "CardEnvelope": ".card_envelope",
    "CardInput": ".card_input",
    "CardStoreRequest": ".card_store_request",
    "Error": ".error",
    "ErrorDetail": ".error_detail",
    "HttpMethod": ".http_method",
    "SessionToken": ".session_token",
    "SessionTokenAttributes": ".session_token_attributes",
    "SessionTokenCreateParams": ".session_token_create_params",
    "SessionTokenCreateRequest": ".session_token_create_request",
    "SessionTokenEnvelope": ".session_token_envelope",
    "SessionTokenScope": ".session_token_scope",
}

__all__ = (
    "ApiKey",
    "ApiKeyAttributes",
    "ApiKeyCreateParams",
    "ApiKeyCreateRequest",
    "ApiKeyEnvelope",
    "ApiKeyList",
    "Card",
    "CardAttributes",
    "CardEnvelope",
    "CardInput",
    "CardStoreRequest",
    "Error",
    "ErrorDetail",
    "HttpMethod",
    "SessionToken",
    "SessionTokenAttributes",
    "SessionTokenCreateParams",
    "SessionTokenCreateRequest",
    "SessionTokenEnvelope",
    "SessionTokenScope",
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
