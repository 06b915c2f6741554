"""The records Apideck calls return, and the typed arguments some calls take."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TypedDict, get_args

from .._core.reading import no_raw

PAGE_LIMIT = 200
"""The largest page (`limit`) Apideck serves."""
MAX_STATUS_CODES = 50
"""At most this many values in the logs `status_codes` filter."""

PathMatchMode = Literal["CONTAINS", "STARTS_WITH", "ENDS_WITH", "EXACT"]
PATH_MATCH_MODES: frozenset[PathMatchMode] = frozenset(get_args(PathMatchMode))
ConsentState = Literal["implicit", "pending", "granted", "denied", "revoked", "requires_reconsent"]
CONSENT_STATES: frozenset[ConsentState] = frozenset(get_args(ConsentState))
SessionAction = Literal["delete", "disconnect", "reauthorize", "disable"]
"""What a Hosted Vault session lets the consumer do to a connection (`SessionSettings.allow_actions`)."""
SESSION_ACTIONS: frozenset[SessionAction] = frozenset(get_args(SessionAction))


@dataclass(frozen=True, slots=True)
class ConsumerMetadata:
    """How a consumer is shown in the Vault sidebar."""

    account_name: str | None = None
    user_name: str | None = None
    email: str | None = None
    image: str | None = None
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class DataScopes:
    """The application's Data Scopes configuration as applied to a connection."""

    enabled: bool | None
    updated_at: datetime | None = None
    resources: ScopeResources | None = field(default=None, repr=False)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class FormFieldOption:
    """A select option, or a group of options (`options` non-empty)."""

    label: str | None
    value: Any = None
    option_type: str | None = None
    id: str | None = None
    options: tuple[FormFieldOption, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class ResourceDefault:
    """The default value of one field of a resource."""

    id: str | None
    value: Any = None
    target: str | None = None
    options: tuple[FormFieldOption, ...] = field(default=(), repr=False)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class ResourceConfiguration:
    """Default values for one resource (for example `leads`)."""

    resource: str | None
    defaults: tuple[ResourceDefault, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class WebhookSubscription:
    """A webhook subscription the connection holds at the connector."""

    downstream_id: str | None
    unify_event_types: tuple[str, ...] = ()
    downstream_event_types: tuple[str, ...] = ()
    execute_url: str | None = field(default=None, repr=False)
    created_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class CustomField:
    """A custom field of a resource and the JSONPath (`finder`) that finds it; `value` comes from a sampled record."""

    id: str | None
    name: str | None = None
    finder: str | None = None
    description: str | None = field(default=None, repr=False)
    value: Any = field(default=None, repr=False)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""

    @property
    def is_callable(self) -> bool:
        """Whether Unified API calls can be made through this connection now."""
        return self.state == "callable"


@dataclass(frozen=True, slots=True)
class Consumer:
    """A consumer (an account or user of your system) with its request counts and, from `get`, its connections."""

    consumer_id: str | None
    metadata: ConsumerMetadata = field(default_factory=ConsumerMetadata)
    services: tuple[str, ...] = ()
    request_counts: RequestCounts | None = field(default=None, repr=False)
    connections: tuple[Connection, ...] = field(default=(), repr=False)
    application_id: str | None = field(default=None, repr=False)
    created_at: datetime | None = field(default=None, repr=False)
    updated_at: datetime | None = field(default=None, repr=False)
    request_count_updated_at: datetime | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class ValidatedConnection:
    """The state of a connection after `connections.validate`."""

    id: str | None
    state: str | None
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""

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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


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
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""

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
