from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.alias_format import AliasFormat, check_alias_format
from ..models.storage import Storage, check_storage
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAliasesRequestNew")


@_attrs_define
class CreateAliasesRequestNew:
    """A new value to store under a new alias.

    Attributes:
        value (str): The sensitive value to encrypt and store.
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
        classifiers (list[str] | Unset): Tags to classify the value with.
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default): stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.
    """

    value: str
    format_: AliasFormat
    classifiers: list[str] | Unset = UNSET
    storage: Storage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        format_: str = self.format_

        classifiers: list[str] | Unset = UNSET
        if not isinstance(self.classifiers, Unset):
            classifiers = self.classifiers

        storage: str | Unset = UNSET
        if not isinstance(self.storage, Unset):
            storage = self.storage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "format": format_,
            }
        )
        if classifiers is not UNSET:
            field_dict["classifiers"] = classifiers
        if storage is not UNSET:
            field_dict["storage"] = storage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        format_ = check_alias_format(d.pop("format"))

        classifiers = cast(list[str], d.pop("classifiers", UNSET))

        _storage = d.pop("storage", UNSET)
        storage: Storage | Unset
        if isinstance(_storage, Unset):
            storage = UNSET
        else:
            storage = check_storage(_storage)

        create_aliases_request_new = cls(
            value=value,
            format_=format_,
            classifiers=classifiers,
            storage=storage,
        )

        return create_aliases_request_new
