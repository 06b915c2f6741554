from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.update_alias_request_data import UpdateAliasRequestData


T = TypeVar("T", bound="UpdateAliasRequest")


@_attrs_define
class UpdateAliasRequest:
    """
    Attributes:
        data (UpdateAliasRequestData):
    """

    data: UpdateAliasRequestData

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_alias_request_data import UpdateAliasRequestData  # noqa: PLC0415

        d = dict(src_dict)
        data = UpdateAliasRequestData.from_dict(d.pop("data"))

        update_alias_request = cls(
            data=data,
        )

        return update_alias_request
