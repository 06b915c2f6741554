from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.session_settings_allow_actions_item import (
    SessionSettingsAllowActionsItem,
    check_session_settings_allow_actions_item,
)
from ..models.unified_api_id import UnifiedApiId, check_unified_api_id
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionSettings")


@_attrs_define
class SessionSettings:
    """How Vault is displayed. Omitted options take the server default given in each description.

    Attributes:
        unified_apis (list[UnifiedApiId] | Unset): Unified APIs to show; empty or omitted shows all.
        hide_resource_settings (bool | Unset): Hide the configurable resources of an integration. Server default false.
        sandbox_mode (bool | Unset): Show a banner saying the user is in a test environment. Server default false.
        isolation_mode (bool | Unset): Show only the connection settings, without navigation. Server default false.
        session_length (str | Unset): How long the session is valid, at most 1 week (for example `30m`). Server default
            1h. Example: 30m.
        show_logs (bool | Unset): Show the logs page. Server default true.
        show_suggestions (bool | Unset): Show the suggestions page. Server default false.
        show_sidebar (bool | Unset): Show the sidebar. Server default true.
        auto_redirect (bool | Unset): Redirect to `redirect_uri` once the connection is callable. Server default false.
        hide_guides (bool | Unset): Hide Apideck's connection guides. Server default false.
        allow_actions (list[SessionSettingsAllowActionsItem] | Unset): Actions shown on a connection; empty hides all;
            omitted shows all.
    """

    unified_apis: list[UnifiedApiId] | Unset = UNSET
    hide_resource_settings: bool | Unset = UNSET
    sandbox_mode: bool | Unset = UNSET
    isolation_mode: bool | Unset = UNSET
    session_length: str | Unset = UNSET
    show_logs: bool | Unset = UNSET
    show_suggestions: bool | Unset = UNSET
    show_sidebar: bool | Unset = UNSET
    auto_redirect: bool | Unset = UNSET
    hide_guides: bool | Unset = UNSET
    allow_actions: list[SessionSettingsAllowActionsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unified_apis: list[str] | Unset = UNSET
        if not isinstance(self.unified_apis, Unset):
            unified_apis = []
            for unified_apis_item_data in self.unified_apis:
                unified_apis_item: str = unified_apis_item_data
                unified_apis.append(unified_apis_item)

        hide_resource_settings = self.hide_resource_settings

        sandbox_mode = self.sandbox_mode

        isolation_mode = self.isolation_mode

        session_length = self.session_length

        show_logs = self.show_logs

        show_suggestions = self.show_suggestions

        show_sidebar = self.show_sidebar

        auto_redirect = self.auto_redirect

        hide_guides = self.hide_guides

        allow_actions: list[str] | Unset = UNSET
        if not isinstance(self.allow_actions, Unset):
            allow_actions = []
            for allow_actions_item_data in self.allow_actions:
                allow_actions_item: str = allow_actions_item_data
                allow_actions.append(allow_actions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unified_apis is not UNSET:
            field_dict["unified_apis"] = unified_apis
        if hide_resource_settings is not UNSET:
            field_dict["hide_resource_settings"] = hide_resource_settings
        if sandbox_mode is not UNSET:
            field_dict["sandbox_mode"] = sandbox_mode
        if isolation_mode is not UNSET:
            field_dict["isolation_mode"] = isolation_mode
        if session_length is not UNSET:
            field_dict["session_length"] = session_length
        if show_logs is not UNSET:
            field_dict["show_logs"] = show_logs
        if show_suggestions is not UNSET:
            field_dict["show_suggestions"] = show_suggestions
        if show_sidebar is not UNSET:
            field_dict["show_sidebar"] = show_sidebar
        if auto_redirect is not UNSET:
            field_dict["auto_redirect"] = auto_redirect
        if hide_guides is not UNSET:
            field_dict["hide_guides"] = hide_guides
        if allow_actions is not UNSET:
            field_dict["allow_actions"] = allow_actions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _unified_apis = d.pop("unified_apis", UNSET)
        unified_apis: list[UnifiedApiId] | Unset = UNSET
        if _unified_apis is not UNSET:
            unified_apis = []
            for unified_apis_item_data in _unified_apis:
                unified_apis_item = check_unified_api_id(unified_apis_item_data)

                unified_apis.append(unified_apis_item)

        hide_resource_settings = d.pop("hide_resource_settings", UNSET)

        sandbox_mode = d.pop("sandbox_mode", UNSET)

        isolation_mode = d.pop("isolation_mode", UNSET)

        session_length = d.pop("session_length", UNSET)

        show_logs = d.pop("show_logs", UNSET)

        show_suggestions = d.pop("show_suggestions", UNSET)

        show_sidebar = d.pop("show_sidebar", UNSET)

        auto_redirect = d.pop("auto_redirect", UNSET)

        hide_guides = d.pop("hide_guides", UNSET)

        _allow_actions = d.pop("allow_actions", UNSET)
        allow_actions: list[SessionSettingsAllowActionsItem] | Unset = UNSET
        if _allow_actions is not UNSET:
            allow_actions = []
            for allow_actions_item_data in _allow_actions:
                allow_actions_item = check_session_settings_allow_actions_item(allow_actions_item_data)

                allow_actions.append(allow_actions_item)

        session_settings = cls(
            unified_apis=unified_apis,
            hide_resource_settings=hide_resource_settings,
            sandbox_mode=sandbox_mode,
            isolation_mode=isolation_mode,
            session_length=session_length,
            show_logs=show_logs,
            show_suggestions=show_suggestions,
            show_sidebar=show_sidebar,
            auto_redirect=auto_redirect,
            hide_guides=hide_guides,
            allow_actions=allow_actions,
        )

        return session_settings
