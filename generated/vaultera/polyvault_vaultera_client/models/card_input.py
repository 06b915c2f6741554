from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CardInput")


@_attrs_define
class CardInput:
    """The card to store (the docs show six fields and mark none of them required).

    Attributes:
        card_number (str | Unset): Full card number (PAN), digits only.
        expiration_month (str | Unset): Two-digit month, e.g. "12".
        expiration_year (str | Unset): Four-digit year, e.g. "2021".
        card_type (str | Unset): Card brand, e.g. visa.
        cardholder_name (str | Unset):
        service_code (str | Unset): The card's security code (CVV/CVC).
    """

    card_number: str | Unset = UNSET
    expiration_month: str | Unset = UNSET
    expiration_year: str | Unset = UNSET
    card_type: str | Unset = UNSET
    cardholder_name: str | Unset = UNSET
    service_code: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        card_number = self.card_number

        expiration_month = self.expiration_month

        expiration_year = self.expiration_year

        card_type = self.card_type

        cardholder_name = self.cardholder_name

        service_code = self.service_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if card_number is not UNSET:
            field_dict["card_number"] = card_number
        if expiration_month is not UNSET:
            field_dict["expiration_month"] = expiration_month
        if expiration_year is not UNSET:
            field_dict["expiration_year"] = expiration_year
        if card_type is not UNSET:
            field_dict["card_type"] = card_type
        if cardholder_name is not UNSET:
            field_dict["cardholder_name"] = cardholder_name
        if service_code is not UNSET:
            field_dict["service_code"] = service_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        card_number = d.pop("card_number", UNSET)

        expiration_month = d.pop("expiration_month", UNSET)

        expiration_year = d.pop("expiration_year", UNSET)

        card_type = d.pop("card_type", UNSET)

        cardholder_name = d.pop("cardholder_name", UNSET)

        service_code = d.pop("service_code", UNSET)

        card_input = cls(
            card_number=card_number,
            expiration_month=expiration_month,
            expiration_year=expiration_year,
            card_type=card_type,
            cardholder_name=cardholder_name,
            service_code=service_code,
        )

        return card_input
