from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumerMetadataInput")


@_attrs_define
class ConsumerMetadataInput:
    """How the consumer is shown in the Vault sidebar (all optional).

    Attributes:
        account_name (str | Unset): Account name shown in the sidebar.
        user_name (str | Unset): User name shown in the sidebar.
        email (str | Unset): Email shown in the sidebar.
        image (str | Unset): URL of the avatar shown in the sidebar.
    """

    account_name: str | Unset = UNSET
    user_name: str | Unset = UNSET
    email: str | Unset = UNSET
    image: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_name = self.account_name

        user_name = self.user_name

        email = self.email

        image = self.image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if account_name is not UNSET:
            field_dict["account_name"] = account_name
        if user_name is not UNSET:
            field_dict["user_name"] = user_name
        if email is not UNSET:
            field_dict["email"] = email
        if image is not UNSET:
            field_dict["image"] = image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_name = d.pop("account_name", UNSET)

        user_name = d.pop("user_name", UNSET)

        email = d.pop("email", UNSET)

        image = d.pop("image", UNSET)

        consumer_metadata_input = cls(
            account_name=account_name,
            user_name=user_name,
            email=email,
            image=image,
        )

        return consumer_metadata_input
