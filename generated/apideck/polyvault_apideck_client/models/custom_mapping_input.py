from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomMappingInput")


@_attrs_define
class CustomMappingInput:
    """The writable part of a custom mapping.

    Attributes:
        value (str | Unset): Mapping value (a JSONPath into the downstream payload). Example: $.root.training.first_aid.
    """

    value: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value", UNSET)

        custom_mapping_input = cls(
            value=value,
        )

        return custom_mapping_input
