from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.create_aliases_request_new import CreateAliasesRequestNew
    from ..models.create_aliases_request_reference import CreateAliasesRequestReference


T = TypeVar("T", bound="CreateAliasesRequest")


@_attrs_define
class CreateAliasesRequest:
    """
    Attributes:
        data (list[CreateAliasesRequestNew | CreateAliasesRequestReference]): 1 to 20 items; the response answers them
            in this order.
    """

    data: list[CreateAliasesRequestNew | CreateAliasesRequestReference]

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_aliases_request_new import CreateAliasesRequestNew  # noqa: PLC0415

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, CreateAliasesRequestNew):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_aliases_request_new import CreateAliasesRequestNew  # noqa: PLC0415
        from ..models.create_aliases_request_reference import CreateAliasesRequestReference  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(data: object) -> CreateAliasesRequestNew | CreateAliasesRequestReference:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_0 = CreateAliasesRequestNew.from_dict(data)

                    return data_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                data_item_type_1 = CreateAliasesRequestReference.from_dict(data)

                return data_item_type_1

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        create_aliases_request = cls(
            data=data,
        )

        return create_aliases_request
