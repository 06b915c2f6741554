"""The records Apideck calls return (loaded with the resources, on first use: a constructed client does not need them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .._core.lazy import publish
from .._core.reading import no_raw


@dataclass(frozen=True, slots=True)
class ConsumerMetadata:
    """How a consumer is shown in the Vault sidebar."""

    account_name: str | None = None
    """The account's name, shown in Vault's sidebar; None when not set."""
    user_name: str | None = None
    """The user's name, shown in the sidebar; None when not set."""
    email: str | None = None
    """The user's email address, shown in the sidebar; None when not set."""
    image: str | None = None
    """URL of the user's avatar in the sidebar; None when not set."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class RequestCounts:
    """A consumer's requests per product (Unify, Proxy, Vault) and in total; `start`/`end` bound a counted range."""

    total: float | None
    """Requests counted across all products (Apideck's `aggregated_request_count`); None when Apideck did not say."""
    unify: float | None
    """Requests made through the Unified APIs; None when Apideck did not say."""
    proxy: float | None
    """Requests made through Apideck's Proxy API; None when Apideck did not say."""
    vault: float | None
    """Requests made to Vault itself; None when Apideck did not say."""
    consumer_id: str | None = None
    """The consumer counted, from `consumers.request_counts` (the id asked for when the answer does not repeat it); None for the counts
    embedded in a `Consumer`."""
    start: datetime | None = None
    """Start of the counted range (`start_datetime`), an aware datetime; None for the counts embedded in a `Consumer` or when Apideck did
    not say."""
    end: datetime | None = None
    """End of the counted range (`end_datetime`), an aware datetime; None for the counts embedded in a `Consumer` or when Apideck did not
    say."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class FieldPermission:
    """Read and write permission on one field (Data Scopes)."""

    read: bool | None = None
    """Whether the field may be read; None when Apideck did not say."""
    write: bool | None = None
    """Whether the field may be written; None when Apideck did not say."""


ScopeResources = str | Mapping[str, Mapping[str, FieldPermission]]
"""Field permissions per resource (`{"hris.employees": {"first_name": FieldPermission(...)}}`), or `"*"` for everything."""


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One consent decision of the consumer (consent records are an append-only audit trail)."""

    id: str
    """The consent record's unique id (for example `con_1234567890`)."""
    granted: bool | None
    """True when consent was granted, False when it was denied or revoked; None when Apideck did not say."""
    created_at: datetime | None
    """When the decision was recorded, an aware datetime; None when Apideck did not say."""
    resources: ScopeResources | None = field(default=None, repr=False)
    """The field permissions the decision covers, per resource, or `"*"` for all resources and fields; None when Apideck did not say. Not
    in repr."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class DataScopes:
    """The application's Data Scopes configuration as applied to a connection."""

    enabled: bool | None
    """Whether Data Scopes is enabled for the application; None when Apideck did not say."""
    updated_at: datetime | None = None
    """When the Data Scopes configuration last changed, an aware datetime; None when Apideck did not say."""
    resources: ScopeResources | None = field(default=None, repr=False)
    """The field permissions per resource, or `"*"` for all resources and fields; None when Apideck did not say. Not in repr."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class FormFieldOption:
    """A select option, or a group of options (`options` non-empty)."""

    label: str | None
    """The text shown for the option or group; None when Apideck did not say."""
    value: Any = None
    """The value the option stands for, as Apideck sent it (a string, number, boolean or list); None for a group or when Apideck did not
    say."""
    option_type: str | None = None
    """`simple` for a single option, `group` for a group of options (other values pass through unchanged); None when Apideck did not say."""
    id: str | None = None
    """The group's id (single options have none); None when Apideck did not say."""
    options: tuple[FormFieldOption, ...] = ()
    """The options of a group; empty for a single option."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class FormField:
    """One setting of a connector's setup form (`id` is the key in `Connection.settings`)."""

    id: str | None
    """The setting's id: its key in `Connection.settings` (for example `instance_url`); None when Apideck did not say."""
    label: str | None
    """The setting's label in the form; None when Apideck did not say."""
    type: str | None
    """The kind of input (for example `text`, `password`, `select`, `multi-select`, `checkbox`, `number`, `date`); values Apideck adds
    later pass through unchanged. None when Apideck did not say."""
    required: bool | None = None
    """Whether the setting must be filled in before the form can be submitted; None when Apideck did not say."""
    sensitive: bool | None = None
    """Whether the setting holds sensitive data, shown as a masked input; None when Apideck did not say."""
    custom_field: bool | None = field(default=None, repr=False)
    """Whether the setting is a custom field; None when Apideck did not say."""
    placeholder: str | None = field(default=None, repr=False)
    """The placeholder text of the input; None when it has none."""
    description: str | None = field(default=None, repr=False)
    """A description of the setting; None when it has none."""
    allow_custom_values: bool | None = field(default=None, repr=False)
    """For select fields: whether the user may enter a value that is not among `options`; None when Apideck did not say."""
    disabled: bool | None = field(default=None, repr=False)
    """Whether the setting is shown read-only; None when Apideck did not say."""
    hidden: bool | None = field(default=None, repr=False)
    """Whether the setting is kept on the connection without being shown; None when Apideck did not say."""
    deprecated: bool | None = field(default=None, repr=False)
    """Whether the setting is deprecated: to be hidden from users, though its value stays on the connection; None when Apideck did not
    say."""
    prefix: str | None = field(default=None, repr=False)
    """Text shown in front of the input (for example `https://`); None when it has none."""
    suffix: str | None = field(default=None, repr=False)
    """Text shown after the input (for example `.shopify.com`); None when it has none."""
    options: tuple[FormFieldOption, ...] = field(default=(), repr=False)
    """The choices of a select field (options or groups of options); empty for other fields."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class ResourceDefault:
    """The default value of one field of a resource."""

    id: str | None
    """The id of the field the default is for (for example `ProductInterest`); None when Apideck did not say."""
    value: Any = None
    """The default value, as Apideck sent it (a string, number, boolean or list); None when Apideck sent none."""
    target: str | None = None
    """Where the field lives: `custom_fields` or `resource` (other values pass through unchanged); None when Apideck did not say."""
    options: tuple[FormFieldOption, ...] = field(default=(), repr=False)
    """The choices for the value, when the field is a select; empty otherwise."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class ResourceConfiguration:
    """Default values for one resource (for example `leads`)."""

    resource: str | None
    """The resource the defaults apply to (for example `leads`); None when Apideck did not say."""
    defaults: tuple[ResourceDefault, ...] = ()
    """The default value of each configured field of the resource."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class WebhookSubscription:
    """A webhook subscription the connection holds at the connector."""

    downstream_id: str | None
    """The id of the subscription at the connector (downstream); None when Apideck did not say."""
    unify_event_types: tuple[str, ...] = ()
    """The Unify event types the connection is subscribed to (for example `crm.contact.created`)."""
    downstream_event_types: tuple[str, ...] = ()
    """The connector's own event types the connection is subscribed to (for example `contacts.CREATED`)."""
    execute_url: str | None = field(default=None, repr=False)
    """The URL the connector sends events to when they occur; None when Apideck did not say. Not in repr."""
    created_at: datetime | None = None
    """When the subscription was created at the connector, an aware datetime; None when Apideck did not say."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class CustomMapping:
    """A mapping of a downstream field onto a Unified API field."""

    id: str | None
    """The target field's id (for example `hris+employees+first_aid_training`); None when Apideck did not say."""
    key: str | None = None
    """The target field's key (for example `first_aid_training`); None when Apideck did not say."""
    label: str | None = None
    """The target field's name, for display; None when Apideck did not say."""
    value: str | None = None
    """The mapping: a JSONPath into the connector's data (for example `$.root.training.first_aid`); None when Apideck sent none."""
    description: str | None = field(default=None, repr=False)
    """A description of the target field; None when it has none."""
    required: bool | None = field(default=None, repr=False)
    """Whether the mapping is required; None when Apideck did not say."""
    custom_field: bool | None = field(default=None, repr=False)
    """Whether the mapping is a finder for a custom field; None when Apideck did not say."""
    consumer_id: str | None = field(default=None, repr=False)
    """The consumer the mapping belongs to; None when Apideck did not say."""
    example: str | None = field(default=None, repr=False)
    """An example value of the mapped field, taken from the connector's data; None when there is none."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class CustomField:
    """A custom field of a resource and the JSONPath (`finder`) that finds it; `value` comes from a sampled record."""

    id: str | None
    """The custom field's id at the connector; None when Apideck did not say."""
    name: str | None = None
    """The custom field's name, for use as a label; None when it has none."""
    finder: str | None = None
    """The JSONPath that reads this field's value from the connector's response (usable as a `CustomMapping.value`); None when Apideck
    did not say."""
    description: str | None = field(default=None, repr=False)
    """More information about the custom field; None when there is none."""
    value: Any = field(default=None, repr=False)
    """The field's value in a sampled record, as Apideck sent it (any JSON value); None when the record has none. Not in repr."""
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
    """The connection's id, `<unified_api>+<service_id>` (for example `crm+salesforce`); None when Apideck did not say."""
    unified_api: str | None
    """The Unified API the connection belongs to (for example `crm`); None when Apideck did not say."""
    service_id: str | None
    """The connector's id (for example `salesforce`); None when Apideck did not say."""
    name: str | None = None
    """The connector's name (for example `Salesforce`); None when Apideck did not say."""
    state: str | None = None
    """Where the connection is in its lifecycle: available, added, authorized, callable or invalid; None when Apideck did not say."""
    health: str | None = None
    """The connection's operational health: ok, pending_refresh, needs_auth, pending_confirmation, needs_consent, revoked,
    missing_settings or degraded; None when Apideck did not say."""
    enabled: bool | None = None
    """Whether the connection is enabled (`connections.update(enabled=...)` changes it); None when Apideck did not say."""
    auth_type: str | None = None
    """How the connector authorizes: oauth2, apiKey, basic, custom or none; None when Apideck did not say."""
    consent_state: str | None = None
    """The consumer's consent for the connection: implicit, pending, granted, denied, revoked or requires_reconsent; None when Apideck
    did not say."""
    oauth_grant_type: str | None = field(default=None, repr=False)
    """The OAuth grant type the connector uses: authorization_code, client_credentials or password; None for a connector without OAuth or
    when Apideck did not say."""
    integration_state: str | None = field(default=None, repr=False)
    """The state of the integration (the connector as configured for your application): disabled, needs_configuration or configured; None
    when Apideck did not say."""
    status: str | None = field(default=None, repr=False)
    """The connector's availability: live, upcoming or requested; None when Apideck did not say."""
    consumer_id: str | None = field(default=None, repr=False)
    """The consumer the connection belongs to; None when Apideck did not say."""
    tag_line: str | None = field(default=None, repr=False)
    """A one-line description of the connector; None when Apideck did not say."""
    website: str | None = field(default=None, repr=False)
    """The connector's website URL; None when Apideck did not say."""
    icon: str | None = field(default=None, repr=False)
    """URL of the connector's icon, as Vault shows it; None when Apideck did not say."""
    logo: str | None = field(default=None, repr=False)
    """URL of the connector's logo, as Vault shows it; None when Apideck did not say."""
    authorize_url: str | None = field(default=None, repr=False)
    """Where to send the user to authorize an OAuth connection: append `redirect_uri` (URL-encoded) as a query parameter first
    (`Apideck.authorize_url` builds such a URL); None when there is none. It carries a signed state: not in repr."""
    revoke_url: str | None = field(default=None, repr=False)
    """Where to send the user to revoke an OAuth connection (append `redirect_uri` first, as `Apideck.revoke_url` does); None when there
    is none. It carries a signed state: not in repr."""
    settings: Mapping[str, Any] | None = field(default=None, repr=False)
    """The connection's settings, keyed by `FormField.id` (for example `instance_url`); may hold credentials, never in repr. None when
    Apideck sent none."""
    metadata: Mapping[str, Any] | None = field(default=None, repr=False)
    """Your own consumer-specific data attached to the connection (free-form JSON); None when there is none. Not in repr."""
    form_fields: tuple[FormField, ...] = field(default=(), repr=False)
    """The settings a user fills in to set up the connection."""
    configuration: tuple[ResourceConfiguration, ...] = field(default=(), repr=False)
    """Default values per resource of the connector (for example for `leads`)."""
    configurable_resources: tuple[str, ...] = field(default=(), repr=False)
    """The connector's resources that can be configured (for example `leads`, `contacts`; Apideck leaves this field undescribed)."""
    resource_settings_support: tuple[str, ...] = field(default=(), repr=False)
    """The resources that have resource settings (`connections.settings` for that resource)."""
    resource_schema_support: tuple[str, ...] = field(default=(), repr=False)
    """The resources for which a resource schema is supported (Apideck leaves this field undescribed)."""
    settings_required_for_authorization: tuple[str, ...] = field(default=(), repr=False)
    """Settings that must be configured on the integration before authorization can happen (for example `client_id`, `client_secret`)."""
    validation_support: bool | None = field(default=None, repr=False)
    """Whether the connector supports validation (Apideck leaves this field undescribed); None when Apideck did not say."""
    schema_support: bool | None = field(default=None, repr=False)
    """Whether the connector supports schemas (Apideck leaves this field undescribed); None when Apideck did not say."""
    has_guide: bool | None = field(default=None, repr=False)
    """Whether Apideck's developer docs have a connection guide for this connector; None when Apideck did not say."""
    subscriptions: tuple[WebhookSubscription, ...] = field(default=(), repr=False)
    """The webhook subscriptions the connection holds at the connector."""
    custom_mappings: tuple[CustomMapping, ...] = field(default=(), repr=False)
    """The custom mappings configured for the connection."""
    consents: tuple[ConsentRecord, ...] = field(default=(), repr=False)
    """Every consent decision recorded for the connection, oldest first (an append-only audit trail)."""
    latest_consent: ConsentRecord | None = field(default=None, repr=False)
    """The most recent consent decision; None when there is none."""
    data_scopes: DataScopes | None = field(default=None, repr=False)
    """The application's Data Scopes as applied to the connection (Apideck's `application_data_scopes`); None when Apideck did not say."""
    credentials_expire_at: datetime | None = field(default=None, repr=False)
    """When the credentials will be deleted if token refresh keeps failing, an aware datetime; None when no such retention window is
    active (Apideck sends 0) or Apideck did not say."""
    last_refresh_failed_at: datetime | None = field(default=None, repr=False)
    """When a token refresh last failed, an aware datetime; None when none failed recently (Apideck sends 0) or Apideck did not say."""
    last_downstream_error_at: datetime | None = field(default=None, repr=False)
    """When the connector was last unreachable (a 502 or 504 downstream), an aware datetime; the connection stays callable and `health`
    is degraded meanwhile. None when there is no such error (Apideck sends 0) or Apideck did not say."""
    created_at: datetime | None = field(default=None, repr=False)
    """When the connection was created, an aware datetime (Apideck sends Unix milliseconds, or ISO 8601 within a consumer); None when
    Apideck did not say."""
    updated_at: datetime | None = field(default=None, repr=False)
    """When the connection last changed, an aware datetime (Unix milliseconds, or ISO 8601 within a consumer); None when it never changed
    or Apideck did not say."""
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)
    """Fields Apideck sent that no attribute holds (fields added after this release, for example), by JSON name; not in repr."""
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
    """Your id for the consumer: usually the id of a user or account in your system (for example `account:12345`); None only when a
    listed consumer came without one."""
    metadata: ConsumerMetadata = field(default_factory=ConsumerMetadata)
    """How the consumer is shown in Vault's sidebar (every field None when Apideck sent none)."""
    services: tuple[str, ...] = ()
    """The ids of the connectors (services) the consumer uses (for example `salesforce`)."""
    request_counts: RequestCounts | None = field(default=None, repr=False)
    """The consumer's request counts per product and in total; None when Apideck sent neither."""
    connections: tuple[Connection, ...] = field(default=(), repr=False)
    """The consumer's connections, when the answer includes them (`consumers.get` does, `consumers.list` does not); Apideck embeds fewer
    fields here than `connections.get` returns."""
    application_id: str | None = field(default=None, repr=False)
    """The id of your Apideck application; None when Apideck did not say."""
    created_at: datetime | None = field(default=None, repr=False)
    """When the consumer was created (Apideck's `created`), an aware datetime; None when Apideck did not say."""
    updated_at: datetime | None = field(default=None, repr=False)
    """When the consumer was last modified (Apideck's `modified`), an aware datetime; None when Apideck did not say."""
    request_count_updated_at: datetime | None = field(default=None, repr=False)
    """When the request counts were last updated (Apideck's `request_count_updated`), an aware datetime; None when Apideck did not say."""
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)
    """Fields Apideck sent that no attribute holds (fields added after this release, for example), by JSON name; not in repr."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class ValidatedConnection:
    """The state of a connection after `connections.validate`."""

    id: str | None
    """The connection's id, `<unified_api>+<service_id>`; None when Apideck did not say."""
    state: str | None
    """The connection's state after validation (available, added, authorized, callable or invalid); None when Apideck did not say."""
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
    """The consumer the session was created for."""
    url: str = field(repr=False)
    """The Hosted Vault URL to send the consumer to (it embeds the token: a secret, never in repr)."""
    token: str = field(repr=False)
    """The session token, for Vault JS (a secret, never in repr)."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""


@dataclass(frozen=True, slots=True)
class Log:
    """One request made on behalf of a consumer (Unified API, Proxy or Vault)."""

    id: str
    """The request's id (a UUID)."""
    timestamp: datetime | None = None
    """When the request was made, an aware datetime; None when Apideck did not say."""
    http_method: str | None = None
    """The request's HTTP method (for example `GET`); None when Apideck did not say."""
    path: str | None = None
    """The path of the URL the request went to (for example `/vault/connections`); None when Apideck did not say."""
    status_code: int | None = None
    """The HTTP status code the request was answered with; None when Apideck did not say."""
    success: bool | None = field(default=None, repr=False)
    """Whether the request succeeded; None when Apideck did not say."""
    unified_api: str | None = None
    """The Unified API the request was made to (for example `crm`, `proxy` or `vault`); None when Apideck did not say."""
    service_id: str | None = None
    """The id of the service (connector) that handled the request (`service.id`, for example `apideck-vault`); None when Apideck did not
    say."""
    service_name: str | None = field(default=None, repr=False)
    """The name of that service (`service.name`); None when Apideck did not say."""
    operation_id: str | None = field(default=None, repr=False)
    """The OpenAPI operation id of the request (`operation.id`, for example `connectionsAll`); None when Apideck did not say."""
    operation_name: str | None = field(default=None, repr=False)
    """The operation's name (`operation.name`, for example `Get All Connections`); None when Apideck did not say."""
    consumer_id: str | None = field(default=None, repr=False)
    """The consumer the request was made for; None when Apideck did not say."""
    error_message: str | None = field(default=None, repr=False)
    """A short explanation when the request failed; None when it did not or Apideck did not say."""
    duration: float | None = field(default=None, repr=False)
    """Milliseconds the call to the connector took, from start to end; None when Apideck did not say."""
    execution: int | None = field(default=None, repr=False)
    """Milliseconds the whole request took; None when Apideck did not say."""
    latency: float | None = field(default=None, repr=False)
    """The latency the Unified API added to the request (Apideck states no unit); None when Apideck did not say."""
    api_style: str | None = field(default=None, repr=False)
    """Whether the request went to a REST or a GraphQL endpoint (for example `REST`); None when Apideck did not say."""
    base_url: str | None = field(default=None, repr=False)
    """The Apideck host the request went to (for example `unify.apideck.com`); None when Apideck did not say."""
    child_request: bool | None = field(default=None, repr=False)
    """Whether the request is a child request (made for a parent request); None when Apideck did not say."""
    has_children: bool | None = field(default=None, repr=False)
    """For a parent request, whether child requests were made for it; None when Apideck did not say."""
    parent_id: str | None = field(default=None, repr=False)
    """For a child request, the id of its parent request; None otherwise."""
    sandbox: bool | None = field(default=None, repr=False)
    """Whether the request used Apideck's sandbox credentials; None when Apideck did not say."""
    source_ip: str | None = field(default=None, repr=False)
    """The IP address the request came from; None when Apideck did not say."""
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)
    """Fields Apideck sent that no attribute holds (fields added after this release, for example), by JSON name; not in repr."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (empty for a record made by hand)."""

    @property
    def connector_id(self) -> str | None:
        """`<unified_api>+<service_id>` (the logs filter's connector id), when both are known."""
        return f"{self.unified_api}+{self.service_id}" if self.unified_api and self.service_id else None


publish(globals())
