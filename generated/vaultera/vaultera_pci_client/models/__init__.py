"""Contains all the data models used in inputs/outputs"""

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
