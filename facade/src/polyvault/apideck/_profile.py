"""What the shared machinery knows of Apideck: its name, headers, error format and generated package."""

from __future__ import annotations

from typing import Any

from .._core.client import VaultProfile
from .._core.failures import ErrorBody

_NAME = "apideck"
DEFAULT_URL = "https://unify.apideck.com"
APP_HEADER = "x-apideck-app-id"
CONSUMER_HEADER = "x-apideck-consumer-id"


def _parse_error(body: Any) -> ErrorBody | None:
    """Apideck errors: `{status_code, error, type_name, message, detail (string or object), ref, downstream_errors}`."""
    if not isinstance(body, dict) or not any(key in body for key in ("type_name", "message", "error")):
        return None
    type_name = body.get("type_name")
    message = body.get("message") or body.get("error")
    return ErrorBody(
        code=type_name if isinstance(type_name, str) and type_name else None,
        message=str(message) if message else None,
        detail=body.get("detail"),
    )


_PROFILE = VaultProfile(name=_NAME, package="polyvault_apideck_client", extra="apideck", parse_error=_parse_error)
_PROFILE.require()  # the generated package (and attrs) load on first use: importing and constructing Apideck loads neither
