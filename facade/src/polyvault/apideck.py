"""Apideck Vault: consumers, their connections to third-party connectors, Hosted Vault sessions and request logs.

```
with Apideck(consumer_id="account:12345") as apideck:      # APIDECK_API_KEY, APIDECK_APP_ID
    session = apideck.sessions.create(redirect_uri="https://example.com/integrations")
    for connection in apideck.connections.list(unified_api="crm"):
        print(connection.id, connection.state)
    for log in apideck.logs.list(status_code=401, limit=200):   # follows cursors lazily
        print(log.timestamp, log.path)
    other = apideck.with_consumer("account:67890")          # same pool, another consumer
```
Credentials (`Authorization: Bearer <api key>` and `x-apideck-app-id`) are sent only to the
configured host. The consumer id is not a credential: it is sent as `x-apideck-consumer-id` on the
calls that act for a consumer (connections, custom mappings, sessions, logs) and never on consumer
calls, which name the consumer in the path. A call that needs it without one is refused before
sending.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, partial
from typing import Any, Literal, Self, TypeAlias, TypedDict, TypeVar, Unpack, get_args
from urllib.parse import quote, urlencode

from ._core import checks
from ._core.auth import HeaderAuth
from ._core.client import Async as _Async
from ._core.client import AsyncLifecycle, BaseClient, M, Resource, Sync, SyncLifecycle, VaultProfile, missing_extra
from ._core.config import ClientOptions, required, setting
from ._core.failures import ErrorBody
from ._core.ops import operation, paginated
from ._core.paging import follow_cursors
from ._core.runtime import Plan, Stream
from .errors import InvalidRequestError

__all__ = [
    "PAGE_LIMIT",
    "Apideck",
    "AsyncApideck",
    "Connection",
    "ConsentRecord",
    "ConsentState",
    "Consumer",
    "ConsumerMetadata",
    "CustomField",
    "CustomMapping",
    "DataScopes",
    "FieldPermission",
    "FormField",
    "FormFieldOption",
    "Log",
    "PathMatchMode",
    "RequestCounts",
    "ResourceConfiguration",
    "ResourceDefault",
    "Session",
    "SessionSettings",
    "SessionTheme",
    "ValidatedConnection",
    "WebhookSubscription",
]

_NAME = "apideck"
DEFAULT_URL = "https://unify.apideck.com"
APP_HEADER = "x-apideck-app-id"
CONSUMER_HEADER = "x-apideck-consumer-id"
PAGE_LIMIT = 200
"""The largest page (`limit`) Apideck serves."""
MAX_STATUS_CODES = 50
"""At most this many values in the logs `status_codes` filter."""

PathMatchMode = Literal["CONTAINS", "STARTS_WITH", "ENDS_WITH", "EXACT"]
PATH_MATCH_MODES: frozenset[PathMatchMode] = frozenset(get_args(PathMatchMode))
ConsentState = Literal["implicit", "pending", "granted", "denied", "revoked", "requires_reconsent"]
CONSENT_STATES: frozenset[ConsentState] = frozenset(get_args(ConsentState))
SessionAction = Literal["delete", "disconnect", "reauthorize", "disable"]
SESSION_ACTIONS: frozenset[SessionAction] = frozenset(get_args(SessionAction))

T = TypeVar("T")


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
try:
    from polyvault_apideck_client import Client as RawClient
    from polyvault_apideck_client.models import (
        ConfirmConnection,
        ConnectionImportData,
        ConnectionMigrateData,
        CreateCallbackState,
        CreateConnectionRequest,
        CreateConsumerRequest,
        EmptyRequest,
        UpdateConnectionRequest,
        UpdateConsentRequest,
        UpdateConsumerRequest,
    )
    from polyvault_apideck_client.models import Session as SessionRequest
    from polyvault_apideck_client.models.unified_api_id import UnifiedApiId
    from polyvault_apideck_client.types import UNSET, Unset
except ModuleNotFoundError as _missing:
    raise missing_extra(_PROFILE, _missing) from None

UNIFIED_APIS: frozenset[str] = frozenset(get_args(UnifiedApiId))


# --- records -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConsumerMetadata:
    """How a consumer is shown in the Vault sidebar."""

    account_name: str | None = None
    user_name: str | None = None
    email: str | None = None
    image: str | None = None


@dataclass(frozen=True, slots=True)
class RequestCounts:
    """A consumer's requests per product (Unify, Proxy, Vault) and in total; `start`/`end` bound a counted range."""

    total: float | None
    unify: float | None
    proxy: float | None
    vault: float | None
    consumer_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class FieldPermission:
    """Read and write permission on one field (Data Scopes)."""

    read: bool | None = None
    write: bool | None = None


ScopeResources = str | Mapping[str, Mapping[str, FieldPermission]]
"""Field permissions per resource (`{"hris.employees": {"first_name": FieldPermission(...)}}`), or `"*"` for everything."""


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One consent decision of the consumer (consent records are an append-only audit trail)."""

    id: str
    granted: bool | None
    created_at: datetime | None
    resources: ScopeResources | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class DataScopes:
    """The application's Data Scopes configuration as applied to a connection."""

    enabled: bool | None
    updated_at: datetime | None = None
    resources: ScopeResources | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class FormFieldOption:
    """A select option, or a group of options (`options` non-empty)."""

    label: str | None
    value: Any = None
    option_type: str | None = None
    id: str | None = None
    options: tuple[FormFieldOption, ...] = ()


@dataclass(frozen=True, slots=True)
class FormField:
    """One setting of a connector's setup form (`id` is the key in `Connection.settings`)."""

    id: str | None
    label: str | None
    type: str | None
    required: bool | None = None
    sensitive: bool | None = None
    custom_field: bool | None = field(default=None, repr=False)
    placeholder: str | None = field(default=None, repr=False)
    description: str | None = field(default=None, repr=False)
    allow_custom_values: bool | None = field(default=None, repr=False)
    disabled: bool | None = field(default=None, repr=False)
    hidden: bool | None = field(default=None, repr=False)
    deprecated: bool | None = field(default=None, repr=False)
    prefix: str | None = field(default=None, repr=False)
    suffix: str | None = field(default=None, repr=False)
    options: tuple[FormFieldOption, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class ResourceDefault:
    """The default value of one field of a resource."""

    id: str | None
    value: Any = None
    target: str | None = None
    options: tuple[FormFieldOption, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class ResourceConfiguration:
    """Default values for one resource (for example `leads`)."""

    resource: str | None
    defaults: tuple[ResourceDefault, ...] = ()


@dataclass(frozen=True, slots=True)
class WebhookSubscription:
    """A webhook subscription the connection holds at the connector."""

    downstream_id: str | None
    unify_event_types: tuple[str, ...] = ()
    downstream_event_types: tuple[str, ...] = ()
    execute_url: str | None = field(default=None, repr=False)
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CustomMapping:
    """A mapping of a downstream field onto a Unified API field."""

    id: str | None
    key: str | None = None
    label: str | None = None
    value: str | None = None
    description: str | None = field(default=None, repr=False)
    required: bool | None = field(default=None, repr=False)
    custom_field: bool | None = field(default=None, repr=False)
    consumer_id: str | None = field(default=None, repr=False)
    example: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class CustomField:
    """A custom field of a resource and the JSONPath (`finder`) that finds it; `value` comes from a sampled record."""

    id: str | None
    name: str | None = None
    finder: str | None = None
    description: str | None = field(default=None, repr=False)
    value: Any = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Connection:
    """A consumer's connection to one connector (`service_id`) of one Unified API.

    `state` (available, added, authorized, callable, invalid) and `health` (ok, needs_auth,
    pending_refresh, ...) are plain strings: values Apideck adds later pass through unchanged.
    `settings` may hold credentials (API keys, passwords) and never appears in repr; nor do
    `metadata`, the authorize/revoke URLs (they carry a signed state) and fields Apideck added
    (`extra`).
    """

    id: str | None
    unified_api: str | None
    service_id: str | None
    name: str | None = None
    state: str | None = None
    health: str | None = None
    enabled: bool | None = None
    auth_type: str | None = None
    consent_state: str | None = None
    oauth_grant_type: str | None = field(default=None, repr=False)
    integration_state: str | None = field(default=None, repr=False)
    status: str | None = field(default=None, repr=False)
    consumer_id: str | None = field(default=None, repr=False)
    tag_line: str | None = field(default=None, repr=False)
    website: str | None = field(default=None, repr=False)
    icon: str | None = field(default=None, repr=False)
    logo: str | None = field(default=None, repr=False)
    authorize_url: str | None = field(default=None, repr=False)
    revoke_url: str | None = field(default=None, repr=False)
    settings: Mapping[str, Any] | None = field(default=None, repr=False)
    metadata: Mapping[str, Any] | None = field(default=None, repr=False)
    form_fields: tuple[FormField, ...] = field(default=(), repr=False)
    configuration: tuple[ResourceConfiguration, ...] = field(default=(), repr=False)
    configurable_resources: tuple[str, ...] = field(default=(), repr=False)
    resource_settings_support: tuple[str, ...] = field(default=(), repr=False)
    resource_schema_support: tuple[str, ...] = field(default=(), repr=False)
    settings_required_for_authorization: tuple[str, ...] = field(default=(), repr=False)
    validation_support: bool | None = field(default=None, repr=False)
    schema_support: bool | None = field(default=None, repr=False)
    has_guide: bool | None = field(default=None, repr=False)
    subscriptions: tuple[WebhookSubscription, ...] = field(default=(), repr=False)
    custom_mappings: tuple[CustomMapping, ...] = field(default=(), repr=False)
    consents: tuple[ConsentRecord, ...] = field(default=(), repr=False)
    latest_consent: ConsentRecord | None = field(default=None, repr=False)
    data_scopes: DataScopes | None = field(default=None, repr=False)
    credentials_expire_at: datetime | None = field(default=None, repr=False)
    last_refresh_failed_at: datetime | None = field(default=None, repr=False)
    last_downstream_error_at: datetime | None = field(default=None, repr=False)
    created_at: datetime | None = field(default=None, repr=False)
    updated_at: datetime | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def is_callable(self) -> bool:
        """Whether Unified API calls can be made through this connection now."""
        return self.state == "callable"


@dataclass(frozen=True, slots=True)
class Consumer:
    """A consumer (an account or user of your system) with its request counts and, from `get`, its connections."""

    consumer_id: str
    metadata: ConsumerMetadata = field(default_factory=ConsumerMetadata)
    services: tuple[str, ...] = ()
    request_counts: RequestCounts | None = field(default=None, repr=False)
    connections: tuple[Connection, ...] = field(default=(), repr=False)
    application_id: str | None = field(default=None, repr=False)
    created_at: datetime | None = field(default=None, repr=False)
    updated_at: datetime | None = field(default=None, repr=False)
    request_count_updated_at: datetime | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, slots=True)
class ValidatedConnection:
    """The state of a connection after `connections.validate`."""

    id: str | None
    state: str | None

    @property
    def is_callable(self) -> bool:
        """Whether the connection is callable after validation."""
        return self.state == "callable"


@dataclass(frozen=True, slots=True)
class Session:
    """A Hosted Vault session: send the consumer to `url`, or open Vault JS with `token`. Both are secrets."""

    consumer_id: str
    url: str = field(repr=False)
    token: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Log:
    """One request made on behalf of a consumer (Unified API, Proxy or Vault)."""

    id: str
    timestamp: datetime | None = None
    http_method: str | None = None
    path: str | None = None
    status_code: int | None = None
    success: bool | None = field(default=None, repr=False)
    unified_api: str | None = None
    service_id: str | None = None
    service_name: str | None = field(default=None, repr=False)
    operation_id: str | None = field(default=None, repr=False)
    operation_name: str | None = field(default=None, repr=False)
    consumer_id: str | None = field(default=None, repr=False)
    error_message: str | None = field(default=None, repr=False)
    duration: float | None = field(default=None, repr=False)
    execution: int | None = field(default=None, repr=False)
    latency: float | None = field(default=None, repr=False)
    api_style: str | None = field(default=None, repr=False)
    base_url: str | None = field(default=None, repr=False)
    child_request: bool | None = field(default=None, repr=False)
    has_children: bool | None = field(default=None, repr=False)
    parent_id: str | None = field(default=None, repr=False)
    sandbox: bool | None = field(default=None, repr=False)
    source_ip: str | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def connector_id(self) -> str | None:
        """`<unified_api>+<service_id>` (the logs filter's connector id), when both are known."""
        return f"{self.unified_api}+{self.service_id}" if self.unified_api and self.service_id else None


class SessionSettings(TypedDict, total=False):
    """How Hosted Vault is displayed for a session (every key optional; the server's defaults apply)."""

    unified_apis: Sequence[str]
    hide_resource_settings: bool
    sandbox_mode: bool
    isolation_mode: bool
    session_length: str
    show_logs: bool
    show_suggestions: bool
    show_sidebar: bool
    auto_redirect: bool
    hide_guides: bool
    allow_actions: Sequence[SessionAction]


class SessionTheme(TypedDict, total=False):
    """Look and feel of Hosted Vault (every key optional)."""

    favicon: str
    logo: str
    primary_color: str
    sidepanel_background_color: str
    sidepanel_text_color: str
    vault_name: str
    privacy_url: str
    terms_url: str


# --- reading generated models (type-checked: a wrong-typed field is an unexpected response) -----


def _absent(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def _str(value: Any, name: str) -> str | None:
    if type(value) is str:  # the common case first: records are read field by field, page by page
        return value
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} is {type(value).__name__}, not a string")
    return value


def _need_str(value: Any, name: str) -> str:
    text = _str(value, name)
    if text is None:
        raise TypeError(f"{name} is missing")
    return text


def _bool(value: Any, name: str) -> bool | None:
    if type(value) is bool:
        return value
    if _absent(value):
        return None
    if not isinstance(value, bool):
        raise TypeError(f"{name} is {type(value).__name__}, not a boolean")
    return value


def _int(value: Any, name: str) -> int | None:
    if _absent(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} is {type(value).__name__}, not an integer")
    return value


def _number(value: Any, name: str) -> float | None:
    """A JSON number; whole numbers come back as int."""
    if _absent(value):
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f"{name} is {type(value).__name__}, not a number")
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _when(value: Any, name: str) -> datetime | None:
    """An ISO 8601 string or Unix milliseconds (0 means "none") as an aware datetime."""
    if _absent(value):
        return None
    if isinstance(value, str):
        when = datetime.fromisoformat(value)
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    milliseconds = _number(value, name)
    return None if not milliseconds else datetime.fromtimestamp(milliseconds / 1000, UTC)


def _strs(value: Any, name: str) -> tuple[str, ...]:
    if _absent(value):
        return ()
    return tuple(_need_str(item, name) for item in value)


def _items(value: Any) -> list[Any]:
    return [] if _absent(value) else list(value)


def _json_object(value: Any, name: str) -> dict[str, Any] | None:
    if _absent(value):
        return None
    if not isinstance(value, dict):
        raise TypeError(f"{name} is {type(value).__name__}, not an object")
    return value


_NO_ATTRIBUTE = object()


def _get(data: Any, name: str, absent: Any = UNSET) -> Any:
    """Field `name` of a generated model (`next` is its attribute `next_`) or of a JSON object decoded
    straight from the body (hot paths skip the generated model); `absent` when it has none."""
    if isinstance(data, dict):
        return data.get(name, absent)
    value = getattr(data, name, _NO_ATTRIBUTE)
    return getattr(data, name + "_", absent) if value is _NO_ATTRIBUTE else value


def _extra(data: Any, known: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Fields the vault sent beyond our spec: a model's additional properties, or a JSON object's keys not `known`."""
    if isinstance(data, dict):
        return {key: value for key, value in data.items() if key not in known}
    return dict(getattr(data, "additional_properties", None) or {})


def _envelope(parsed: Any) -> Any:
    """The `data` of a success envelope, after checking the envelope's own fields."""
    _int(_get(parsed, "status_code"), "status_code")
    _str(_get(parsed, "status"), "status")
    data = _get(parsed, "data")
    if _absent(data):
        raise TypeError("data is missing")
    return data


def _next_cursor(parsed: Any) -> str | None:
    meta = _get(parsed, "meta")
    cursors = UNSET if _absent(meta) else _get(meta, "cursors")
    return None if _absent(cursors) else _str(_get(cursors, "next"), "meta.cursors.next")


def _permissions(value: Any, name: str) -> ScopeResources | None:
    if _absent(value):
        return None
    if isinstance(value, str):
        return value
    return {
        resource: {
            path: FieldPermission(_bool(permission.read, name), _bool(permission.write, name))
            for path, permission in fields.additional_properties.items()
        }
        for resource, fields in value.additional_properties.items()
    }


_PLAIN: dict[str, Callable[[Any, str], Any]] = {
    "str": _need_str,
    "str | None": _str,
    "bool | None": _bool,
    "int | None": _int,
    "float | None": _number,
    "datetime | None": _when,
    "tuple[str, ...]": _strs,
}
"""How a record field is read, by its annotation: the plain JSON shapes."""

_R = TypeVar("_R")
_Fields: TypeAlias = tuple[tuple[tuple[str, Callable[[Any, str], Any], str], ...], frozenset[str]]
_FIELDS: dict[tuple[type, str], _Fields] = {}


def _fields(record: type, prefix: str) -> _Fields:
    """A record's plain fields (name, reader, label for errors), and the names of the others (which callers must give)."""
    known = _FIELDS.get((record, prefix))
    if known is None:
        fields_ = dataclasses.fields(record)
        plain = tuple(
            (each.name, _PLAIN[each.type], f"{prefix}.{each.name}")
            for each in fields_
            if isinstance(each.type, str) and each.type in _PLAIN
        )
        known = _FIELDS[record, prefix] = (plain, frozenset(each.name for each in fields_) - {name for name, _, _ in plain})
    return known


def _plain_names(record: type) -> frozenset[str]:
    """The names of a record's plain fields."""
    return frozenset(name for name, _, _ in _fields(record, "")[0])


def _read(record: type[_R], data: Any, prefix: str, **given: Any) -> _R:
    """The `record` for a generated model or a decoded JSON object: each plain field not `given` is the
    field of the same name (see `_get`), type-checked by the field's annotation; every other field must
    be given, so nothing the vault sent is silently left out."""
    plain, others = _fields(record, prefix)
    if not others <= given.keys():
        raise TypeError(f"{record.__name__} needs {sorted(others - given.keys())}")  # a bug here, not in the response
    field_of = data.get if isinstance(data, dict) else partial(_get, data)
    for name, read, label in plain:
        if name not in given:
            given[name] = read(field_of(name, UNSET), label)
    return record(**given)


def _value(data: Any) -> Any:
    """A free-form `value` field (any JSON), or None."""
    value = _get(data, "value")
    return None if _absent(value) else value


def _consent(data: Any) -> ConsentRecord:
    return _read(ConsentRecord, data, "consent", resources=_permissions(data.resources, "consent.resources"))


def _options(data: Any) -> tuple[FormFieldOption, ...]:
    return tuple(
        _read(FormFieldOption, item, "option", value=_value(item), options=_options(item)) for item in _items(_get(data, "options"))
    )


def _form_field(data: Any) -> FormField:
    return _read(FormField, data, "form_field", options=_options(data))


def _configuration(data: Any) -> ResourceConfiguration:
    defaults = tuple(
        _read(ResourceDefault, item, "configuration.defaults", value=_value(item), options=_options(item)) for item in _items(data.defaults)
    )
    return _read(ResourceConfiguration, data, "configuration", defaults=defaults)


def _data_scopes(data: Any) -> DataScopes | None:
    if _absent(data):
        return None
    return _read(DataScopes, data, "data_scopes", resources=_permissions(data.resources, "data_scopes.resources"))


def _connection(data: Any) -> Connection:
    """A generated `Connection` (or a `ConsumerConnection`, which has fewer fields) as a `Connection`."""

    def many(name: str, convert: Callable[[Any], T]) -> tuple[T, ...]:
        return tuple(convert(item) for item in _items(_get(data, name)))

    latest = _get(data, "latest_consent")
    return _read(
        Connection,
        data,
        "connection",
        settings=_json_object(data.settings, "connection.settings"),
        metadata=_json_object(data.metadata, "connection.metadata"),
        form_fields=many("form_fields", _form_field),
        configuration=many("configuration", _configuration),
        subscriptions=many("subscriptions", lambda item: _read(WebhookSubscription, item, "subscription")),
        custom_mappings=many("custom_mappings", _custom_mapping),
        consents=many("consents", _consent),
        latest_consent=None if _absent(latest) else _consent(latest),
        data_scopes=_data_scopes(_get(data, "application_data_scopes")),
        extra=_extra(data),
    )


def _custom_mapping(data: Any) -> CustomMapping:
    return _read(CustomMapping, data, "custom_mapping")


def _custom_field(data: Any) -> CustomField:
    return _read(CustomField, data, "custom_field", value=_value(data))


def _counts(data: Any, total: Any, **range_fields: Any) -> RequestCounts | None:
    if _absent(data) and _absent(total):
        return None
    return _read(RequestCounts, data, "request_counts", total=_number(total, "aggregated_request_count"), **range_fields)


def _consumer(data: Any) -> Consumer:
    """A generated `Consumer` or `ConsumerSummary` (listed consumers carry no connections)."""
    metadata = data.metadata
    return _read(
        Consumer,
        data,
        "consumer",
        metadata=ConsumerMetadata() if _absent(metadata) else _read(ConsumerMetadata, metadata, "metadata"),
        request_counts=_counts(data.request_counts, data.aggregated_request_count),
        connections=tuple(_connection(item) for item in _items(_get(data, "connections"))),
        created_at=_when(data.created, "created"),
        updated_at=_when(data.modified, "modified"),
        request_count_updated_at=_when(data.request_count_updated, "request_count_updated"),
        extra=_extra(data),
    )


def _log(data: Any) -> Log:
    """A log entry, decoded straight from the JSON body (logs are paged in bulk: no generated model)."""
    entry = _json_object(data, "log")
    if entry is None:
        raise TypeError("log is missing")
    service = _json_object(entry.get("service"), "log.service") or {}
    operation_ = _json_object(entry.get("operation"), "log.operation") or {}
    return _read(
        Log,
        entry,
        "log",
        service_id=_str(service.get("id"), "log.service.id"),
        service_name=_str(service.get("name"), "log.service.name"),
        operation_id=_str(operation_.get("id"), "log.operation.id"),
        operation_name=_str(operation_.get("name"), "log.operation.name"),
        extra=_extra(entry, _LOG_FIELDS),
    )


_LOG_FIELDS = _plain_names(Log) | {"service", "operation"}
"""The fields our spec gives a log entry: the rest are Apideck's additions (`Log.extra`)."""


def _one(convert: Callable[[Any], T]) -> Callable[[Any], T]:
    """Converter for an envelope whose `data` is one object."""
    return lambda parsed: convert(_envelope(parsed))


def _many(convert: Callable[[Any], T]) -> Callable[[Any], builtins.list[T]]:
    """Converter for an envelope whose `data` is a list."""
    return lambda parsed: [convert(item) for item in _listed(parsed)]


def _page(convert: Callable[[Any], T]) -> Callable[[Any], tuple[builtins.list[T], str | None]]:
    """Converter for one page: its items and the next cursor."""
    return lambda parsed: ([convert(item) for item in _listed(parsed)], _next_cursor(parsed))


def _listed(parsed: Any) -> builtins.list[Any]:
    """The `data` list of a success envelope."""
    items = _envelope(parsed)
    if not isinstance(items, builtins.list):
        raise TypeError(f"data is {type(items).__name__}, not a list")
    return items


# --- argument checks ---------------------------------------------------------------------------


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
            out[key] = [checks.choice(api, UNIFIED_APIS, "settings.unified_apis item", _NAME) for api in apis]
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
    return UNSET if value is None else value


# --- resources ---------------------------------------------------------------------------------


class _ApideckResource(Resource[M]):
    _client: _ApideckClient[M]

    def _consumer(self) -> dict[str, str]:
        return self._client._consumer_headers(required=True)


class Consumers(_ApideckResource[M]):
    """Consumers: the accounts or users of your system that own connections (`apideck.consumers`).

    Consumer calls name the consumer in the path; they never send the consumer header.
    """

    @operation
    def create(
        self,
        consumer_id: str,
        *,
        account_name: str | None = None,
        user_name: str | None = None,
        email: str | None = None,
        image: str | None = None,
    ) -> Plan[Consumer]:
        """Create a consumer with the id you choose (for example `account:12345`) and optional sidebar metadata."""
        body: dict[str, Any] = {"consumer_id": _id(consumer_id, "consumer_id")}
        metadata = _metadata({"account_name": account_name, "user_name": user_name, "email": email, "image": image})
        if metadata:
            body["metadata"] = metadata
        return (
            yield from self._client._call("consumers.consumers_add", body=CreateConsumerRequest.from_dict(body), convert=_one(_consumer))
        )

    @operation
    def get(self, consumer_id: str) -> Plan[Consumer]:
        """One consumer, with its request counts and connections."""
        return (
            yield from self._client._call("consumers.consumers_one", consumer_id=_id(consumer_id, "consumer_id"), convert=_one(_consumer))
        )

    @operation
    def update(
        self,
        consumer_id: str,
        *,
        account_name: str | None = None,
        user_name: str | None = None,
        email: str | None = None,
        image: str | None = None,
    ) -> Plan[Consumer]:
        """Change the consumer's sidebar metadata (only the fields given)."""
        consumer_id = _id(consumer_id, "consumer_id")
        metadata = _metadata({"account_name": account_name, "user_name": user_name, "email": email, "image": image})
        if not metadata:
            raise InvalidRequestError("nothing to update: pass account_name, user_name, email or image", vault=_NAME)
        return (
            yield from self._client._call(
                "consumers.consumers_update",
                consumer_id=consumer_id,
                body=UpdateConsumerRequest.from_dict({"metadata": metadata}),
                idempotent=True,
                convert=_one(_consumer),
            )
        )

    @operation
    def delete(self, consumer_id: str) -> Plan[None]:
        """Delete the consumer and all of its connections, credentials included."""
        yield from self._client._call("consumers.consumers_delete", consumer_id=_id(consumer_id, "consumer_id"), convert=_envelope)

    @paginated
    def list(self, *, consumer_id_prefix: str | None = None, search: str | None = None, limit: int | None = None) -> Stream[Consumer]:
        """Every consumer (without connections), following cursors lazily.

        `consumer_id_prefix`: only ids starting with it; `search`: id, email, account or user name
        contains it; `limit`: page size, at least 1, capped at 200 (the default).
        """
        arguments = {
            "filterconsumer_id": _unset(checks.optional_text(consumer_id_prefix, "consumer_id_prefix", _NAME)),
            "filtersearch": _unset(checks.optional_text(search, "search", _NAME)),
            "limit": _limit(limit),
        }
        convert = _page(_consumer)

        def fetch(cursor: str | None) -> Plan[tuple[builtins.list[Consumer], str | None]]:
            return (yield from self._client._call("consumers.consumers_all", cursor=_unset(cursor), convert=convert, **arguments))

        return follow_cursors(fetch, vault=_NAME, what="consumers.list")

    @operation
    def request_counts(self, consumer_id: str, *, start: datetime | str, end: datetime | str) -> Plan[RequestCounts]:
        """The consumer's request counts between `start` and `end` (aware datetimes or ISO 8601 strings)."""
        consumer_id = _id(consumer_id, "consumer_id")
        begin, finish = _datetime(start, "start"), _datetime(end, "end")
        if finish < begin:
            raise InvalidRequestError("end must not be before start", vault=_NAME)

        def convert(parsed: Any) -> RequestCounts:
            data = _envelope(parsed)
            counts = _counts(
                data.request_counts,
                data.aggregated_request_count,
                consumer_id=_str(data.consumer_id, "consumer_id"),
                start=_when(data.start_datetime, "start_datetime"),
                end=_when(data.end_datetime, "end_datetime"),
            )
            return counts or RequestCounts(None, None, None, None, consumer_id=consumer_id)

        return (
            yield from self._client._call(
                "consumers.consumer_request_counts_all",
                consumer_id=consumer_id,
                start_datetime=_iso(begin),
                end_datetime=_iso(finish),
                convert=convert,
            )
        )


class Connections(_ApideckResource[M]):
    """The consumer's connections to connectors (`apideck.connections`); every call sends the consumer header.

    A connection is named by its Unified API and connector: `connections.get("crm", "salesforce")`.
    """

    @operation
    def list(self, *, unified_api: str | None = None, configured: bool | None = None) -> Plan[builtins.list[Connection]]:
        """Every integration of the application with this consumer's connection state (not paginated).

        The consumer header is optional here: without a consumer the states are the application's.
        """
        return (
            yield from self._client._call(
                "connections.connections_all",
                api=_unset(checks.optional_text(unified_api, "unified_api", _NAME)),
                configured=_unset(checks.optional_flag(configured, "configured", _NAME)),
                headers=self._client._consumer_headers(required=False),
                convert=_many(_connection),
            )
        )

    @operation
    def get(self, unified_api: str, service_id: str) -> Plan[Connection]:
        """The consumer's connection to one connector."""
        path = _path(unified_api, service_id)
        return (yield from self._client._call("connections.connections_one", **path, headers=self._consumer(), convert=_one(_connection)))

    @operation
    def add(
        self,
        unified_api: str,
        service_id: str,
        *,
        settings: Mapping[str, Any] | None = None,
        metadata: Mapping[str, Any] | None = None,
        enabled: bool | None = None,
        configuration: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Plan[Connection]:
        """Create the consumer's connection to a connector from its settings (an API key connector becomes callable)."""
        path = _path(unified_api, service_id)
        body, secrets = _connection_body(settings=settings, metadata=metadata, enabled=enabled, configuration=configuration)
        return (
            yield from self._client._call(
                "connections.connections_add",
                **path,
                body=CreateConnectionRequest.from_dict(body),
                headers=self._consumer(),
                secrets=secrets,
                convert=_one(_connection),
            )
        )

    @operation
    def update(
        self,
        unified_api: str,
        service_id: str,
        *,
        enabled: bool | None = None,
        settings: Mapping[str, Any] | None = None,
        metadata: Mapping[str, Any] | None = None,
        configuration: Mapping[str, Mapping[str, Any]] | None = None,
        consent_state: ConsentState | None = None,
    ) -> Plan[Connection]:
        """Change the writable parts of a connection: enabled flag, settings, metadata, resource defaults, consent state.

        `configuration` is `{resource: {field_id: default value}}`.
        """
        path = _path(unified_api, service_id)
        body, secrets = _connection_body(settings=settings, metadata=metadata, enabled=enabled, configuration=configuration)
        if consent_state is not None:
            body["consent_state"] = checks.choice(consent_state, CONSENT_STATES, "consent_state", _NAME)
        if not body:
            raise InvalidRequestError("nothing to update: pass enabled, settings, metadata, configuration or consent_state", vault=_NAME)
        return (
            yield from self._client._call(
                "connections.connections_update",
                **path,
                body=UpdateConnectionRequest.from_dict(body),
                headers=self._consumer(),
                secrets=secrets,
                idempotent=True,
                convert=_one(_connection),
            )
        )

    @operation
    def delete(self, unified_api: str, service_id: str) -> Plan[None]:
        """Delete the connection and its stored credentials."""
        yield from self._client._call("connections.connections_delete", **_path(unified_api, service_id), headers=self._consumer())

    @operation
    def import_(
        self,
        unified_api: str,
        service_id: str,
        *,
        access_token: str | None = None,
        refresh_token: str | None = None,
        issued_at: datetime | str | None = None,
        expires_in: int | None = None,
        settings: Mapping[str, Any] | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Plan[Connection]:
        """Import a connection authorized outside Vault (its OAuth tokens and/or settings).

        Without `issued_at` and `expires_in` Vault queues the token for a refresh.
        """
        path = _path(unified_api, service_id)
        body, secrets = _connection_body(settings=settings, metadata=metadata)
        credentials: dict[str, Any] = {}
        for name, token in (("access_token", access_token), ("refresh_token", refresh_token)):
            if token is not None:
                credentials[name] = checks.text(token, name, _NAME)
                secrets.append(credentials[name])
        if issued_at is not None:
            credentials["issued_at"] = _iso(_datetime(issued_at, "issued_at"))
        if expires_in is not None:
            credentials["expires_in"] = checks.integer(expires_in, "expires_in", _NAME, low=0, high=10 * 365 * 24 * 3600)
        if credentials:
            body["credentials"] = credentials
        if not body:
            raise InvalidRequestError("nothing to import: pass access_token (and refresh_token, ...) and/or settings", vault=_NAME)
        return (
            yield from self._client._call(
                "connections.connections_import",
                **path,
                body=ConnectionImportData.from_dict(body),
                headers=self._consumer(),
                secrets=secrets,
                convert=_one(_connection),
            )
        )

    @operation
    def migrate(self, unified_api: str, service_id: str, *, target_service_id: str) -> Plan[Connection]:
        """Move the connection (credentials, settings, consents...) to another connector; returns the new connection.

        Safe to retry: Apideck resumes a partially completed migration. `ConflictError` when the
        consumer already has a connection to the target.
        """
        path = _path(unified_api, service_id)
        body = ConnectionMigrateData(target_service_id=_id(target_service_id, "target_service_id"))
        return (
            yield from self._client._call(
                "connections.connections_migrate", **path, body=body, headers=self._consumer(), idempotent=True, convert=_one(_connection)
            )
        )

    @operation
    def token(self, unified_api: str, service_id: str) -> Plan[Connection]:
        """Exchange the stored credentials for an access token kept in Vault (client-credentials and password grants).

        The token itself is never returned.
        """
        path = _path(unified_api, service_id)
        return (
            yield from self._client._call(
                "connections.connections_token", **path, body=EmptyRequest(), headers=self._consumer(), convert=_one(_connection)
            )
        )

    @operation
    def validate(self, unified_api: str, service_id: str) -> Plan[ValidatedConnection]:
        """Check the connection (required settings present; for OAuth, a forced token refresh) and return its state."""
        path = _path(unified_api, service_id)

        def convert(parsed: Any) -> ValidatedConnection:
            data = _envelope(parsed)
            return ValidatedConnection(_str(data.id, "id"), _str(data.state, "state"))

        return (
            yield from self._client._call(
                "connections.validate_connection_state", **path, body=EmptyRequest(), headers=self._consumer(), convert=convert
            )
        )

    @operation
    def consents(self, unified_api: str, service_id: str) -> Plan[builtins.list[ConsentRecord]]:
        """The connection's consent records, oldest first."""
        path = _path(unified_api, service_id)
        return (
            yield from self._client._call("connections.connection_consents_all", **path, headers=self._consumer(), convert=_many(_consent))
        )

    @operation
    def update_consent(
        self,
        unified_api: str,
        service_id: str,
        *,
        granted: bool,
        resources: str | Mapping[str, Mapping[str, FieldPermission | Mapping[str, bool]]] = "*",
    ) -> Plan[ConsentRecord]:
        """Record the consumer granting (or, with `granted=False`, denying or revoking) consent.

        `resources` is `"*"` (everything, when Data Scopes is off) or
        `{"hris.employees": {"first_name": FieldPermission(read=True, write=False)}}`.
        """
        path = _path(unified_api, service_id)
        body = UpdateConsentRequest.from_dict({"granted": checks.flag(granted, "granted", _NAME), "resources": _scope_resources(resources)})
        return (
            yield from self._client._call(
                "connections.connection_consent_update", **path, body=body, headers=self._consumer(), convert=_one(_consent)
            )
        )

    @operation
    def confirm(self, unified_api: str, service_id: str, *, confirm_token: str) -> Plan[bool]:
        """Confirm a connection authorized with a `nonce` (CSRF-protected flow) with the callback's `confirm_token`."""
        path = _path(unified_api, service_id)
        token = checks.text(confirm_token, "confirm_token", _NAME)

        def convert(parsed: Any) -> bool:
            return _bool(_envelope(parsed).confirmed, "confirmed") is True

        return (
            yield from self._client._call(
                "connections.connections_confirm",
                **path,
                body=ConfirmConnection(confirm_token=token),
                headers=self._consumer(),
                secrets=[token],
                convert=convert,
            )
        )

    @operation
    def callback_state(self, unified_api: str, service_id: str, *, redirect_uri: str | None = None) -> Plan[str]:
        """Create a state value for requests to Vault's OAuth callback endpoint."""
        path = _path(unified_api, service_id)
        body = CreateCallbackState(redirect_uri=_unset(checks.optional_text(redirect_uri, "redirect_uri", _NAME)))

        def convert(parsed: Any) -> str:
            return _need_str(_envelope(parsed).state, "state")

        return (
            yield from self._client._call("connections.create_callback_state", **path, body=body, headers=self._consumer(), convert=convert)
        )

    @operation
    def settings(self, unified_api: str, service_id: str, resource: str) -> Plan[Connection]:
        """The connection with one resource's custom settings (`form_fields`) and their defaults (`configuration`)."""
        path = _path(unified_api, service_id, resource)
        return (
            yield from self._client._call(
                "connections.connection_settings_all", **path, headers=self._consumer(), convert=_one(_connection)
            )
        )

    @operation
    def update_settings(self, unified_api: str, service_id: str, resource: str, *, defaults: Mapping[str, Any]) -> Plan[Connection]:
        """Set default values of one resource's settings: `defaults={"ProductInterest": "GC5000 series"}`."""
        path = _path(unified_api, service_id, resource)
        body = UpdateConnectionRequest.from_dict({"configuration": [_defaults(path["resource"], defaults)]})
        return (
            yield from self._client._call(
                "connections.connection_settings_update",
                **path,
                body=body,
                headers=self._consumer(),
                idempotent=True,
                convert=_one(_connection),
            )
        )

    @operation
    def custom_fields(
        self, unified_api: str, service_id: str, resource: str, *, resource_id: str | None = None
    ) -> Plan[builtins.list[CustomField]]:
        """The custom fields of a resource; `resource_id` samples a specific downstream record."""
        path = _path(unified_api, service_id, resource)
        return (
            yield from self._client._call(
                "connections.custom_fields_all",
                **path,
                resource_id=_unset(checks.optional_text(resource_id, "resource_id", _NAME)),
                headers=self._consumer(),
                convert=_many(_custom_field),
            )
        )

    @operation
    def custom_mappings(
        self, unified_api: str, service_id: str, resource: str | None = None, *, resource_id: str | None = None
    ) -> Plan[builtins.list[CustomMapping]]:
        """Custom mappings: of one resource of the consumer's connection when `resource` is given, else of the connector.

        With `resource`, the connection-level mappings (`resource_id` samples a downstream record);
        without, the connector's mappings for the Unified API (service level).
        """
        if resource is None:
            if resource_id is not None:
                raise InvalidRequestError("resource_id needs a resource (connection-level custom mappings)", vault=_NAME)
            path = _path(unified_api, service_id)
            return (
                yield from self._client._call(
                    "custom_mappings.custom_mappings_all", **path, headers=self._consumer(), convert=_many(_custom_mapping)
                )
            )
        path = _path(unified_api, service_id, resource)
        return (
            yield from self._client._call(
                "connections.connection_custom_mappings_all",
                **path,
                resource_id=_unset(checks.optional_text(resource_id, "resource_id", _NAME)),
                headers=self._consumer(),
                convert=_many(_custom_mapping),
            )
        )


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


class Sessions(_ApideckResource[M]):
    """Hosted Vault sessions (`apideck.sessions`); Vault creates the consumer if it does not exist yet."""

    @operation
    def create(
        self,
        *,
        redirect_uri: str | None = None,
        consumer_metadata: ConsumerMetadata | Mapping[str, str] | None = None,
        settings: SessionSettings | None = None,
        theme: SessionTheme | None = None,
        custom_consumer_settings: Mapping[str, Any] | None = None,
    ) -> Plan[Session]:
        """Start a session for the client's consumer; redirect the consumer to `Session.url` (valid 1 h by default)."""
        headers = self._consumer()
        body: dict[str, Any] = {}
        if redirect_uri is not None:
            body["redirect_uri"] = checks.text(redirect_uri, "redirect_uri", _NAME)
        parts = {
            "consumer_metadata": _consumer_metadata(consumer_metadata),
            "settings": _session_settings(settings),
            "theme": _session_theme(theme),
            "custom_consumer_settings": checks.optional_json_object(custom_consumer_settings, "custom_consumer_settings", _NAME),
        }
        body.update({key: value for key, value in parts.items() if value is not None})
        consumer_id = headers[CONSUMER_HEADER]

        def convert(parsed: Any) -> Session:
            data = _envelope(parsed)
            return Session(consumer_id, _need_str(data.session_uri, "session_uri"), _need_str(data.session_token, "session_token"))

        return (
            yield from self._client._call("sessions.sessions_create", body=SessionRequest.from_dict(body), headers=headers, convert=convert)
        )


class Logs(_ApideckResource[M]):
    """The consumer's request logs (`apideck.logs`), newest first."""

    @paginated
    def list(
        self,
        *,
        connector_id: str | None = None,
        path: str | None = None,
        path_match_mode: PathMatchMode | None = None,
        http_method: str | None = None,
        http_methods: Sequence[str] | None = None,
        start_date: datetime | str | None = None,
        end_date: datetime | str | None = None,
        status_code: int | None = None,
        status_codes: Sequence[int] | None = None,
        exclude_unified_apis: str | Sequence[str] | None = None,
        limit: int | None = None,
    ) -> Stream[Log]:
        """Every log entry matching the filters, following cursors lazily.

        `limit` is the page size (at least 1, capped at 200, the default). `connector_id` is
        `<unified_api>+<service_id>` (Apideck documents that it is currently not applied); `path`
        matches per `path_match_mode` (server default CONTAINS); dates are inclusive;
        `exclude_unified_apis` leaves out whole Unified APIs (for example `["vault"]`).
        """
        headers = self._consumer()
        start = None if start_date is None else _datetime(start_date, "start_date")
        end = None if end_date is None else _datetime(end_date, "end_date")
        if start is not None and end is not None and end < start:
            raise InvalidRequestError("end_date must not be before start_date", vault=_NAME)
        methods = None
        if http_methods is not None:
            methods = [method.upper() for method in checks.texts(http_methods, "http_methods", _NAME)]
        codes = None
        if status_codes is not None:
            if isinstance(status_codes, (str, bytes)) or not isinstance(status_codes, Sequence) or not status_codes:
                raise InvalidRequestError("status_codes must be a non-empty list of status codes", vault=_NAME)
            if len(status_codes) > MAX_STATUS_CODES:
                raise InvalidRequestError(f"status_codes takes at most {MAX_STATUS_CODES} values", vault=_NAME)
            codes = [_status_code(code, f"status_codes[{index}]") for index, code in enumerate(status_codes)]
        excluded = None
        if exclude_unified_apis is not None:
            names = (
                [exclude_unified_apis]
                if isinstance(exclude_unified_apis, str)
                else checks.texts(exclude_unified_apis, "exclude_unified_apis", _NAME)
            )
            excluded = ",".join(checks.text(name, "exclude_unified_apis", _NAME) for name in names)
        method = checks.optional_text(http_method, "http_method", _NAME)
        arguments = {
            "filterconnector_id": _unset(checks.optional_text(connector_id, "connector_id", _NAME)),
            "filterpath": _unset(checks.optional_text(path, "path", _NAME)),
            "filterpath_match_mode": _unset(checks.optional_choice(path_match_mode, PATH_MATCH_MODES, "path_match_mode", _NAME)),
            "filterhttp_method": _unset(method.upper() if method else None),
            "filterhttp_methods": _unset(methods),
            "filterstart_date": _unset(start),
            "filterend_date": _unset(end),
            "filterstatus_code": _unset(None if status_code is None else _status_code(status_code, "status_code")),
            "filterstatus_codes": _unset(codes),
            "filterexclude_unified_apis": _unset(excluded),
            "limit": _limit(limit),
        }
        convert = _page(_log)

        def fetch(cursor: str | None) -> Plan[tuple[builtins.list[Log], str | None]]:
            return (
                yield from self._client._call(
                    "logs.logs_all", cursor=_unset(cursor), headers=headers, convert=convert, json_status=200, **arguments
                )
            )

        return follow_cursors(fetch, vault=_NAME, what="logs.list")


# --- the clients -------------------------------------------------------------------------------


class _ApideckClient(BaseClient[M]):
    """Shared constructor, resources and URL builders of `Apideck` and `AsyncApideck`."""

    _profile = _PROFILE
    raw: RawClient  # the generated client (`BaseClient.raw`), typed for this vault
    _consumer_id: str | None
    _app_id: str

    def __init__(
        self,
        api_key: str | None = None,
        app_id: str | None = None,
        *,
        consumer_id: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """Connect to Apideck Vault with an API key and application id (else `APIDECK_API_KEY` / `APIDECK_APP_ID`).

        `consumer_id` (else `APIDECK_CONSUMER_ID`) is the consumer that connection, session and log
        calls act for; it may be left out and given later with `with_consumer()`. `base_url` (else
        `APIDECK_BASE_URL`) defaults to https://unify.apideck.com.
        """
        api_key = checks.header_value(required(api_key, "APIDECK_API_KEY", name="api_key", vault=_NAME), "api_key", _NAME)
        app_id = required(app_id, "APIDECK_APP_ID", name="app_id", vault=_NAME)
        self._app_id = checks.header_value(_id(app_id, "app_id"), "app_id", _NAME)
        consumer = _opt_id(setting(consumer_id, "APIDECK_CONSUMER_ID", name="consumer_id", vault=_NAME), "consumer_id")
        self._consumer_id = None if consumer is None else checks.header_value(consumer, "consumer_id", _NAME)
        self._setup(
            options,
            default_url=DEFAULT_URL,
            url_env="APIDECK_BASE_URL",
            make_auth=lambda url: HeaderAuth(url, {"Authorization": f"Bearer {api_key}", APP_HEADER: app_id}),
            secrets=(api_key,),
        )

    @property
    def consumer_id(self) -> str | None:
        """The consumer this client acts for (None if not set)."""
        return self._consumer_id

    @property
    def app_id(self) -> str:
        """The Apideck application id."""
        return self._app_id

    def with_consumer(self, consumer_id: str) -> Self:
        """A copy of this client acting for another consumer, sharing the connection pool and options."""
        return self._copy(_consumer_id=checks.header_value(_id(consumer_id, "consumer_id"), "consumer_id", _NAME))

    def _consumer_headers(self, *, required: bool) -> dict[str, str]:
        if self._consumer_id is None:
            if required:
                raise InvalidRequestError(
                    "this call acts for a consumer and no consumer id is set: pass consumer_id=... to the client, "
                    "set APIDECK_CONSUMER_ID, or use apideck.with_consumer(consumer_id)",
                    vault=_NAME,
                )
            return {}
        return {CONSUMER_HEADER: self._consumer_id}

    def authorize_url(
        self,
        service_id: str,
        *,
        redirect_uri: str,
        state: str | None = None,
        scope: str | Sequence[str] | None = None,
        nonce: str | None = None,
    ) -> str:
        """The URL that starts a connector's OAuth flow in the user's browser (no request is made).

        `state` is the signed value Vault issues (see `Connection.authorize_url`); `scope` (one
        string or a list) is sent space-delimited; with `nonce`, the connection needs `confirm()`
        after the callback. Every value is URL-encoded.
        """
        service_id = _id(service_id, "service_id")
        params = [
            ("state", checks.optional_text(state, "state", _NAME)),
            ("redirect_uri", checks.text(redirect_uri, "redirect_uri", _NAME)),
            ("scope", _scope(scope)),
            ("nonce", checks.optional_text(nonce, "nonce", _NAME)),
        ]
        return self._browser_url("authorize", service_id, params)

    def revoke_url(self, service_id: str, *, redirect_uri: str, state: str | None = None) -> str:
        """The URL that revokes a connector's OAuth access in the user's browser (no request is made)."""
        service_id = _id(service_id, "service_id")
        params = [
            ("state", checks.optional_text(state, "state", _NAME)),
            ("redirect_uri", checks.text(redirect_uri, "redirect_uri", _NAME)),
        ]
        return self._browser_url("revoke", service_id, params)

    def _browser_url(self, action: str, service_id: str, params: builtins.list[tuple[str, str | None]]) -> str:
        query = urlencode([(key, value) for key, value in params if value is not None], quote_via=quote)
        return f"{self._base_url}/vault/{action}/{quote(service_id, safe='')}/{quote(self._app_id, safe='')}?{query}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r}, consumer_id={self._consumer_id!r})"

    def _raw_headers(self) -> dict[str, str]:
        """`.raw` sends this copy's consumer header (if any) on every call."""
        return self._consumer_headers(required=False)

    @cached_property
    def consumers(self) -> Consumers[M]:
        """Consumers: create, get, update, delete, list, request_counts."""
        return Consumers(self)

    @cached_property
    def connections(self) -> Connections[M]:
        """Connections: list, get, add, update, delete, import_, migrate, token, validate, consents, update_consent,
        confirm, callback_state, settings, update_settings, custom_fields, custom_mappings."""
        return Connections(self)

    @cached_property
    def sessions(self) -> Sessions[M]:
        """Hosted Vault sessions: create."""
        return Sessions(self)

    @cached_property
    def logs(self) -> Logs[M]:
        """Request logs: list."""
        return Logs(self)


def _scope(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return checks.text(value, "scope", _NAME)
    return " ".join(checks.texts(value, "scope", _NAME))


class Apideck(SyncLifecycle, _ApideckClient[Sync]):
    """Apideck Vault, synchronous. Thread-safe; use as a context manager or call `close()`."""


class AsyncApideck(AsyncLifecycle, _ApideckClient[_Async]):
    """Apideck Vault for asyncio/trio: the same methods as `Apideck`, awaited; listings are async iterators."""
