from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.alias_format import AliasFormat, check_alias_format
from ..models.storage import Storage, check_storage
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAliasesRequestReference")


@_attrs_define
class CreateAliasesRequestReference:
    """An existing alias whose value gets an additional alias in `format`. (VGS's 2023 API
    file dropped this variant from the schema but still shows it in its request examples.)

        Attributes:
            alias (str): An existing alias of the value.
            format_ (AliasFormat): Format of the alias to generate. Shapes (sandbox prefixes shown; live uses `tok_live_`):

                - `UUID`: `tok_sandbox_` + 22 Base58 characters, e.g. `tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e`. Generic, any data.
                - `RAW_UUID`: a plain UUID, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
                - `NUM_LENGTH_PRESERVING`: random digits, as many as the value has.
                - `GENERIC_T_FOUR`: a `UUID`-style alias + `_` + the value's last four characters.
                - `FPE_ACC_NUM_T_FOUR`: account number; numeric, same length, last four kept.
                - `FPE_ALPHANUMERIC_ACC_NUM_T_FOUR`: account number; alphanumeric, same length, last four kept.
                - `FPE_SIX_T_FOUR`: payment card; same length, first six and last four kept, Luhn-valid
                  (`4111111111111111` → `4111114086991111`).
                - `FPE_T_FOUR`: payment card; same length, last four kept, Luhn-valid.
                - `PFPT`: payment card; 19 digits starting with `99`, last four kept, Luhn-valid.
                - `NON_LUHN_FPE_ALPHANUMERIC`: payment card; format-preserving, not Luhn-valid.
                - `FPE_SSN_T_FOUR`: SSN; `xxx-xx-` + the last four digits.
                - `ALPHANUMERIC_SIX_T_FOUR`: 19 characters: first six + 9 alphanumerics + last four.
                - `VGS_FIXED_LEN_GENERIC`: 29 characters starting with `vgs`.

                `CUSTOM` and `JS` are left out on purpose: they appear only when reading aliases (made
                outside this API) and cannot be requested here, so a request enum containing them would
                let callers send formats the API does not create.
            storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default): stored with no expiry.
                `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
                metadata is not kept there, so reads return `classifiers` empty and `created_at` as
                1970-01-01T00:00:00Z.
    """

    alias: str
    format_: AliasFormat
    storage: Storage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        format_: str = self.format_

        storage: str | Unset = UNSET
        if not isinstance(self.storage, Unset):
            storage = self.storage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "alias": alias,
                "format": format_,
            }
        )
        if storage is not UNSET:
            field_dict["storage"] = storage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alias = d.pop("alias")

        format_ = check_alias_format(d.pop("format"))

        _storage = d.pop("storage", UNSET)
        storage: Storage | Unset
        if isinstance(_storage, Unset):
            storage = UNSET
        else:
            storage = check_storage(_storage)

        create_aliases_request_reference = cls(
            alias=alias,
            format_=format_,
            storage=storage,
        )

        return create_aliases_request_reference
