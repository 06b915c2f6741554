from typing import Literal

SessionSettingsAllowActionsItem = Literal["delete", "disable", "disconnect", "reauthorize"]

SESSION_SETTINGS_ALLOW_ACTIONS_ITEM_VALUES: set[SessionSettingsAllowActionsItem] = {
    "delete",
    "disable",
    "disconnect",
    "reauthorize",
}


def check_session_settings_allow_actions_item(value: str) -> SessionSettingsAllowActionsItem:
    if value in SESSION_SETTINGS_ALLOW_ACTIONS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_SETTINGS_ALLOW_ACTIONS_ITEM_VALUES!r}")
