from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCallbackState")


@_attrs_define
class CreateCallbackState:
    """
    Attributes:
        redirect_uri (str | Unset): Where to redirect after the connection is created. Example:
            https://example.com/callback.
    """

    redirect_uri: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        redirect_uri = d.pop("redirect_uri", UNSET)

        create_callback_state = cls(
            redirect_uri=redirect_uri,
        )

        return create_callback_state
