from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumerMetadata")


@_attrs_define
class ConsumerMetadata:
    """How the consumer is shown in the Vault sidebar.

    Attributes:
        account_name (str | Unset): Account name shown in the sidebar. Example: SpaceX.
        user_name (str | Unset): User name shown in the sidebar. Example: Elon Musk.
        email (str | Unset): Email shown in the sidebar. Example: elon@musk.com.
        image (str | Unset): URL of the avatar shown in the sidebar. Example:
            https://www.spacex.com/static/images/share.jpg.
    """

    account_name: str | Unset = UNSET
    user_name: str | Unset = UNSET
    email: str | Unset = UNSET
    image: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_name = self.account_name

        user_name = self.user_name

        email = self.email

        image = self.image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        consumer_metadata = cls(
            account_name=account_name,
            user_name=user_name,
            email=email,
            image=image,
        )

        consumer_metadata.additional_properties = d
        return consumer_metadata

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
