from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.session_token_scope import SessionTokenScope, check_session_token_scope

T = TypeVar("T", bound="SessionTokenCreateParams")


@_attrs_define
class SessionTokenCreateParams:
    """
    Attributes:
        scope (SessionTokenScope): card: the card capture form; show_card: show a card without its service code;
            show_service_code: show only the service code.
    """

    scope: SessionTokenScope

    def to_dict(self) -> dict[str, Any]:
        scope: str = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = check_session_token_scope(d.pop("scope"))

        session_token_create_params = cls(
            scope=scope,
        )

        return session_token_create_params
