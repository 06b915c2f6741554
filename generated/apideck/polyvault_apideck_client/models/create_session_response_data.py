from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CreateSessionResponseData")


@_attrs_define
class CreateSessionResponseData:
    """
    Attributes:
        session_uri (str): Hosted Vault URL to send the consumer to.
        session_token (str): The session token (a short-lived JWT); treat as a secret.
    """

    session_uri: str
    session_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_uri = self.session_uri

        session_token = self.session_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_uri": session_uri,
                "session_token": session_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_uri = d.pop("session_uri")

        session_token = d.pop("session_token")

        create_session_response_data = cls(
            session_uri=session_uri,
            session_token=session_token,
        )

        create_session_response_data.additional_properties = d
        return create_session_response_data

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
