"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing one endpoint does not import every model.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .alias_dto import AliasDto
    from .alias_format import AliasFormat
    from .api_error import ApiError
    from .api_errors import ApiErrors
    from .create_aliases_request import CreateAliasesRequest
    from .create_aliases_request_new import CreateAliasesRequestNew
    from .create_aliases_request_reference import CreateAliasesRequestReference
    from .create_aliases_response import CreateAliasesResponse
    from .delete_aliases_request import DeleteAliasesRequest
    from .reveal_alias_response import RevealAliasResponse
    from .reveal_multiple_aliases_response import RevealMultipleAliasesResponse
    from .revealed_data import RevealedData
    from .revealed_data_map import RevealedDataMap
    from .storage import Storage
    from .update_alias_request import UpdateAliasRequest
    from .update_alias_request_data import UpdateAliasRequestData

_MODULES = {
    "AliasDto": ".alias_dto",
    "AliasFormat": ".alias_format",
    "ApiError": ".api_error",
    "ApiErrors": ".api_errors",
    "CreateAliasesRequest": ".create_aliases_request",
    "CreateAliasesRequestNew": ".create_aliases_request_new",
    "CreateAliasesRequestReference": ".create_aliases_request_reference",
    "CreateAliasesResponse": ".create_aliases_response",
    "DeleteAliasesRequest": ".delete_aliases_request",
    "RevealAliasResponse": ".reveal_alias_response",
    "RevealMultipleAliasesResponse": ".reveal_multiple_aliases_response",
    "RevealedData": ".revealed_data",
    "RevealedDataMap": ".revealed_data_map",
    "Storage": ".storage",
    "UpdateAliasRequest": ".update_alias_request",
    "UpdateAliasRequestData": ".update_alias_request_data",
}

__all__ = (
    "AliasDto",
    "AliasFormat",
    "ApiError",
    "ApiErrors",
    "CreateAliasesRequest",
    "CreateAliasesRequestNew",
    "CreateAliasesRequestReference",
    "CreateAliasesResponse",
    "DeleteAliasesRequest",
    "RevealAliasResponse",
    "RevealedData",
    "RevealedDataMap",
    "RevealMultipleAliasesResponse",
    "Storage",
    "UpdateAliasRequest",
    "UpdateAliasRequestData",
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
