from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CardAttributes")


@_attrs_define
class CardAttributes:
    """The stored card with masked fields. Only `card_token` is always present; other masked fields the server sends are
    kept as additional properties.

        Attributes:
            card_token (str): The card's token (32 hex characters).
            card_number (str | Unset): Masked card number.
            card_type (str | Unset):
            cardholder_name (str | Unset):
            expiration_month (str | Unset):
            expiration_year (str | Unset):
    """

    card_token: str
    card_number: str | Unset = UNSET
    card_type: str | Unset = UNSET
    cardholder_name: str | Unset = UNSET
    expiration_month: str | Unset = UNSET
    expiration_year: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_token = self.card_token

        card_number = self.card_number

        card_type = self.card_type

        cardholder_name = self.cardholder_name

        expiration_month = self.expiration_month

        expiration_year = self.expiration_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card_token": card_token,
            }
        )
        if card_number is not UNSET:
            field_dict["card_number"] = card_number
        if card_type is not UNSET:
            field_dict["card_type"] = card_type
        if cardholder_name is not UNSET:
            field_dict["cardholder_name"] = cardholder_name
        if expiration_month is not UNSET:
            field_dict["expiration_month"] = expiration_month
        if expiration_year is not UNSET:
            field_dict["expiration_year"] = expiration_year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        card_token = d.pop("card_token")

        card_number = d.pop("card_number", UNSET)

        card_type = d.pop("card_type", UNSET)

        cardholder_name = d.pop("cardholder_name", UNSET)

        expiration_month = d.pop("expiration_month", UNSET)

        expiration_year = d.pop("expiration_year", UNSET)

        card_attributes = cls(
            card_token=card_token,
            card_number=card_number,
            card_type=card_type,
            cardholder_name=cardholder_name,
            expiration_month=expiration_month,
            expiration_year=expiration_year,
        )

        card_attributes.additional_properties = d
        return card_attributes

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
