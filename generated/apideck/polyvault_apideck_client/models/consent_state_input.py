from typing import Literal

ConsentStateInput = Literal["denied", "granted", "implicit", "pending", "requires_reconsent", "revoked"]

CONSENT_STATE_INPUT_VALUES: set[ConsentStateInput] = {
    "denied",
    "granted",
    "implicit",
    "pending",
    "requires_reconsent",
    "revoked",
}


def check_consent_state_input(value: str) -> ConsentStateInput:
    if value in CONSENT_STATE_INPUT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONSENT_STATE_INPUT_VALUES!r}")
