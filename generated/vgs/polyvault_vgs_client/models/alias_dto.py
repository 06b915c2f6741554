from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AliasDto")


@_attrs_define
class AliasDto:
    """One alias of a value. Real responses (and VGS's own clients and tests) put it under `alias`; the vendor's reveal
    examples show it under `value`. Nothing is required, as in the vendor schema, so both shapes parse.

        Attributes:
            alias (str | Unset): The opaque alias that stands in for the value.
            format_ (None | str | Unset): The alias's format. Known values: UUID, RAW_UUID, NUM_LENGTH_PRESERVING,
                GENERIC_T_FOUR, FPE_ACC_NUM_T_FOUR, FPE_ALPHANUMERIC_ACC_NUM_T_FOUR, FPE_SIX_T_FOUR,
                FPE_T_FOUR, PFPT, NON_LUHN_FPE_ALPHANUMERIC, FPE_SSN_T_FOUR, ALPHANUMERIC_SIX_T_FOUR,
                VGS_FIXED_LEN_GENERIC, and, on read only, CUSTOM and JS. Other values may appear.
    """

    alias: str | Unset = UNSET
    format_: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        else:
            format_ = self.format_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if alias is not UNSET:
            field_dict["alias"] = alias
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alias = d.pop("alias", UNSET)

        def _parse_format_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

        alias_dto = cls(
            alias=alias,
            format_=format_,
        )

        alias_dto.additional_properties = d
        return alias_dto

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
