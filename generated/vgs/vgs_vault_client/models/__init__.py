"""Contains all the data models used in inputs/outputs"""

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
