from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.card_input import CardInput


T = TypeVar("T", bound="CardStoreRequest")


@_attrs_define
class CardStoreRequest:
    """
    Attributes:
        card (CardInput): The card to store (the docs show six fields and mark none of them required).
    """

    card: CardInput

    def to_dict(self) -> dict[str, Any]:
        card = self.card.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "card": card,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_input import CardInput  # noqa: PLC0415

        d = dict(src_dict)
        card = CardInput.from_dict(d.pop("card"))

        card_store_request = cls(
            card=card,
        )

        return card_store_request
