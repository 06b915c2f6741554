from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConfirmConnection")


@_attrs_define
class ConfirmConnection:
    """
    Attributes:
        confirm_token (str): The `confirm_token` from the OAuth callback redirect's hash fragment. Example:
            550e8400-e29b-41d4-a716-446655440000.
    """

    confirm_token: str

    def to_dict(self) -> dict[str, Any]:
        confirm_token = self.confirm_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confirm_token": confirm_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirm_token = d.pop("confirm_token")

        confirm_connection = cls(
            confirm_token=confirm_token,
        )

        return confirm_connection
