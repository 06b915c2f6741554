from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="UpdateAliasRequestData")


@_attrs_define
class UpdateAliasRequestData:
    """
    Attributes:
        classifiers (list[str]): The value's new classifiers (replacing the old ones).
    """

    classifiers: list[str]

    def to_dict(self) -> dict[str, Any]:
        classifiers = self.classifiers

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "classifiers": classifiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        classifiers = cast(list[str], d.pop("classifiers"))

        update_alias_request_data = cls(
            classifiers=classifiers,
        )

        return update_alias_request_data
