from typing import Literal

SessionTokenScope = Literal["card", "show_card", "show_service_code"]

SESSION_TOKEN_SCOPE_VALUES: set[SessionTokenScope] = {
    "card",
    "show_card",
    "show_service_code",
}


def check_session_token_scope(value: str) -> SessionTokenScope:
    if value in SESSION_TOKEN_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_TOKEN_SCOPE_VALUES!r}")
