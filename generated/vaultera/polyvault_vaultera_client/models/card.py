from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.card_attributes import CardAttributes


T = TypeVar("T", bound="Card")


@_attrs_define
class Card:
    """
    Attributes:
        attributes (CardAttributes): The stored card with masked fields. Only `card_token` is always present; other
            masked fields the server sends are kept as additional properties.
        id (str | Unset):
        type_ (str | Unset): Resource type.
    """

    attributes: CardAttributes
    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        id = self.id

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attributes": attributes,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_attributes import CardAttributes  # noqa: PLC0415

        d = dict(src_dict)
        attributes = CardAttributes.from_dict(d.pop("attributes"))

        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        card = cls(
            attributes=attributes,
            id=id,
            type_=type_,
        )

        card.additional_properties = d
        return card

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
