"""Argument checks of the Apideck calls: what is refused before sending, and how arguments become request parts."""

from __future__ import annotations

import builtins
import functools
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, get_args

from .._core import checks
from ..errors import InvalidRequestError
from ._arguments import PAGE_LIMIT, SESSION_ACTIONS, SessionSettings, SessionTheme
from ._profile import _NAME, _PROFILE


@functools.cache
def _unified_apis() -> frozenset[str]:
    """The Unified API ids the spec lists (the generated `UnifiedApiId`), read on first use."""
    return frozenset(get_args(_PROFILE.models.UnifiedApiId))


def _id(value: object, name: str) -> str:
    """An id sent in a path or header: non-empty, no surrounding whitespace, no control characters, not a path step."""
    text = checks.text(value, name, _NAME)
    if text.strip() != text or any(ord(char) < 32 or ord(char) == 127 for char in text):
        raise InvalidRequestError(f"{name} must not have surrounding whitespace or control characters", vault=_NAME)
    return checks.path_segment(text, name, _NAME)


def _opt_id(value: object, name: str) -> str | None:
    return None if value is None else _id(value, name)


def _metadata(values: Mapping[str, object]) -> dict[str, str]:
    """Consumer metadata from keyword arguments (None = leave out)."""
    return {key: checks.text(value, key, _NAME) for key, value in values.items() if value is not None}


def _consumer_metadata(value: object) -> dict[str, str] | None:
    from ._records import ConsumerMetadata  # the records load with the resources: the client's own checks do without them

    if value is None:
        return None
    if isinstance(value, ConsumerMetadata):
        return _metadata({"account_name": value.account_name, "user_name": value.user_name, "email": value.email, "image": value.image})
    if not isinstance(value, Mapping):
        raise InvalidRequestError("consumer_metadata must be a ConsumerMetadata or a mapping", vault=_NAME)
    unknown = sorted(str(key) for key in value if key not in ConsumerMetadata.__dataclass_fields__)
    if unknown:
        raise InvalidRequestError(f"consumer_metadata has unknown key(s) {', '.join(unknown)}", vault=_NAME)
    return _metadata(value)


def _datetime(value: object, name: str) -> datetime:
    """An aware datetime, or an ISO 8601 string with a timezone."""
    when = value
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidRequestError(f"{name} must be an ISO 8601 date-time", vault=_NAME) from None
    if not isinstance(when, datetime):
        raise InvalidRequestError(f"{name} must be a datetime or an ISO 8601 string", vault=_NAME)
    if when.tzinfo is None:
        raise InvalidRequestError(f"{name} must carry a timezone (for example datetime.now(UTC))", vault=_NAME)
    return when


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _scalar(value: object, name: str) -> None:
    if isinstance(value, float) and value != value:  # NaN
        raise InvalidRequestError(f"{name} contains NaN", vault=_NAME)
    if not isinstance(value, (str, int, float)):
        raise InvalidRequestError(f"{name} must be a string, number or boolean (or a list of strings and numbers)", vault=_NAME)


def _default_value(value: object, name: str) -> Any:
    """A resource default: string, number, boolean, or a list of strings and numbers."""
    if isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, bool):
                raise InvalidRequestError(f"{name} lists may hold strings and numbers only", vault=_NAME)
            _scalar(item, name)
        return list(value)
    _scalar(value, name)
    return value


def _defaults(resource: str, defaults: object) -> dict[str, Any]:
    """`{field_id: value}` as one `configuration` entry for `resource`."""
    if not isinstance(defaults, Mapping) or not defaults:
        raise InvalidRequestError("defaults must be a non-empty mapping of field id to default value", vault=_NAME)
    entries = []
    for field_id, value in defaults.items():
        field_id = checks.text(field_id, "defaults key", _NAME)
        entries.append({"id": field_id, "value": _default_value(value, f"defaults[{field_id!r}]")})
    return {"resource": resource, "defaults": entries}


def _configuration_arg(value: object) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not value:
        raise InvalidRequestError("configuration must be a non-empty mapping of resource to {field id: default value}", vault=_NAME)
    return [_defaults(checks.text(resource, "configuration key", _NAME), defaults) for resource, defaults in value.items()]


def _scope_resources(value: object) -> Any:
    """`"*"`, or `{resource: {field: FieldPermission | {"read": bool, "write": bool}}}`."""
    from ._records import FieldPermission  # the records load with the resources: the client's own checks do without them

    if value == "*":
        return "*"
    if not isinstance(value, Mapping) or not value:
        raise InvalidRequestError('resources must be "*" or a non-empty mapping of resource to field permissions', vault=_NAME)
    out: dict[str, dict[str, dict[str, bool]]] = {}
    for resource, fields in value.items():
        resource = checks.text(resource, "resources key", _NAME)
        if not isinstance(fields, Mapping):
            raise InvalidRequestError(f"resources[{resource!r}] must be a mapping of field to permission", vault=_NAME)
        out[resource] = {}
        for path, permission in fields.items():
            path = checks.text(path, f"resources[{resource!r}] key", _NAME)
            where = f"resources[{resource!r}][{path!r}]"
            if isinstance(permission, FieldPermission):
                permission = {"read": permission.read, "write": permission.write}
            if not isinstance(permission, Mapping) or set(permission) - {"read", "write"}:
                raise InvalidRequestError(f"{where} must be a FieldPermission or a mapping with read/write", vault=_NAME)
            out[resource][path] = {key: checks.flag(flag, f"{where}.{key}", _NAME) for key, flag in permission.items() if flag is not None}
    return out


_SESSION_FLAGS = frozenset(
    {
        "hide_resource_settings",
        "sandbox_mode",
        "isolation_mode",
        "show_logs",
        "show_suggestions",
        "show_sidebar",
        "auto_redirect",
        "hide_guides",
    }
)


def _known_keys(value: object, known: frozenset[str], name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidRequestError(f"{name} must be a mapping", vault=_NAME)
    unknown = sorted(str(key) for key in value if key not in known)
    if unknown:
        raise InvalidRequestError(f"{name} has unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}", vault=_NAME)
    return value


def _session_settings(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    settings = _known_keys(value, frozenset(SessionSettings.__annotations__), "settings")
    out: dict[str, Any] = {}
    for key, item in settings.items():
        if key in _SESSION_FLAGS:
            out[key] = checks.flag(item, f"settings.{key}", _NAME)
        elif key == "session_length":
            out[key] = checks.text(item, "settings.session_length", _NAME)
        elif key == "unified_apis":
            apis = checks.texts(item, "settings.unified_apis", _NAME, allow_empty_list=True)
            out[key] = [checks.choice(api, _unified_apis(), "settings.unified_apis item", _NAME) for api in apis]
        else:  # allow_actions
            actions = checks.texts(item, "settings.allow_actions", _NAME, allow_empty_list=True)
            out[key] = [checks.choice(action, SESSION_ACTIONS, "settings.allow_actions item", _NAME) for action in actions]
    return out


def _session_theme(value: object) -> dict[str, str] | None:
    if value is None:
        return None
    theme = _known_keys(value, frozenset(SessionTheme.__annotations__), "theme")
    return {key: checks.text(item, f"theme.{key}", _NAME) for key, item in theme.items()}


def _status_code(value: object, name: str) -> int:
    return checks.integer(value, name, _NAME, low=100, high=599)


def _limit(value: object) -> int:
    """The page size: as asked, capped at the 200 Apideck serves; by default the largest, so a full
    listing takes the fewest round trips (the entries listed are the same whatever the page size)."""
    return PAGE_LIMIT if value is None else min(checks.integer(value, "limit", _NAME, low=1, high=None), PAGE_LIMIT)


def _unset(value: Any) -> Any:
    return _PROFILE.unset if value is None else value


_NO_RESOURCE: Any = object()


def _path(unified_api: object, service_id: object, resource: object = _NO_RESOURCE) -> dict[str, Any]:
    """The path ids of a connection call; `resource` (when the route has one) is checked like the others, None included."""
    path = {"unified_api": _id(unified_api, "unified_api"), "service_id": _id(service_id, "service_id")}
    if resource is not _NO_RESOURCE:
        path["resource"] = _id(resource, "resource")
    return path


def _connection_body(
    *, settings: object = None, metadata: object = None, enabled: object = None, configuration: object = None
) -> tuple[dict[str, Any], builtins.list[str]]:
    """The writable connection fields given, and the setting values to mask in errors."""
    body: dict[str, Any] = {}
    secrets: builtins.list[str] = []
    if settings is not None:
        body["settings"] = checks.json_object(settings, "settings", _NAME)
        secrets += [value for value in body["settings"].values() if isinstance(value, str)]
    if metadata is not None:
        body["metadata"] = checks.json_object(metadata, "metadata", _NAME)
    if enabled is not None:
        body["enabled"] = checks.flag(enabled, "enabled", _NAME)
    config = _configuration_arg(configuration)
    if config is not None:
        body["configuration"] = config
    return body, secrets


def _scope(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return checks.text(value, "scope", _NAME)
    return " ".join(checks.texts(value, "scope", _NAME))
