from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.session_token_create_params import SessionTokenCreateParams


T = TypeVar("T", bound="SessionTokenCreateRequest")


@_attrs_define
class SessionTokenCreateRequest:
    """
    Attributes:
        session_token (SessionTokenCreateParams):
    """

    session_token: SessionTokenCreateParams

    def to_dict(self) -> dict[str, Any]:
        session_token = self.session_token.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "session_token": session_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_token_create_params import SessionTokenCreateParams  # noqa: PLC0415

        d = dict(src_dict)
        session_token = SessionTokenCreateParams.from_dict(d.pop("session_token"))

        session_token_create_request = cls(
            session_token=session_token,
        )

        return session_token_create_request
