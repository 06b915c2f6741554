from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionTheme")


@_attrs_define
class SessionTheme:
    """Look and feel of Vault.

    Attributes:
        favicon (str | Unset): Favicon URL.
        logo (str | Unset): Logo URL.
        primary_color (str | Unset):  Example: #286efa.
        sidepanel_background_color (str | Unset):  Example: #286efa.
        sidepanel_text_color (str | Unset):  Example: #FFFFFF.
        vault_name (str | Unset): Name shown in the sidebar. Example: Intercom.
        privacy_url (str | Unset): Privacy policy URL shown in the sidebar.
        terms_url (str | Unset): Terms and conditions URL shown in the sidebar.
    """

    favicon: str | Unset = UNSET
    logo: str | Unset = UNSET
    primary_color: str | Unset = UNSET
    sidepanel_background_color: str | Unset = UNSET
    sidepanel_text_color: str | Unset = UNSET
    vault_name: str | Unset = UNSET
    privacy_url: str | Unset = UNSET
    terms_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        favicon = self.favicon

        logo = self.logo

        primary_color = self.primary_color

        sidepanel_background_color = self.sidepanel_background_color

        sidepanel_text_color = self.sidepanel_text_color

        vault_name = self.vault_name

        privacy_url = self.privacy_url

        terms_url = self.terms_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if favicon is not UNSET:
            field_dict["favicon"] = favicon
        if logo is not UNSET:
            field_dict["logo"] = logo
        if primary_color is not UNSET:
            field_dict["primary_color"] = primary_color
        if sidepanel_background_color is not UNSET:
            field_dict["sidepanel_background_color"] = sidepanel_background_color
        if sidepanel_text_color is not UNSET:
            field_dict["sidepanel_text_color"] = sidepanel_text_color
        if vault_name is not UNSET:
            field_dict["vault_name"] = vault_name
        if privacy_url is not UNSET:
            field_dict["privacy_url"] = privacy_url
        if terms_url is not UNSET:
            field_dict["terms_url"] = terms_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        favicon = d.pop("favicon", UNSET)

        logo = d.pop("logo", UNSET)

        primary_color = d.pop("primary_color", UNSET)

        sidepanel_background_color = d.pop("sidepanel_background_color", UNSET)

        sidepanel_text_color = d.pop("sidepanel_text_color", UNSET)

        vault_name = d.pop("vault_name", UNSET)

        privacy_url = d.pop("privacy_url", UNSET)

        terms_url = d.pop("terms_url", UNSET)

        session_theme = cls(
            favicon=favicon,
            logo=logo,
            primary_color=primary_color,
            sidepanel_background_color=sidepanel_background_color,
            sidepanel_text_color=sidepanel_text_color,
            vault_name=vault_name,
            privacy_url=privacy_url,
            terms_url=terms_url,
        )

        return session_theme
