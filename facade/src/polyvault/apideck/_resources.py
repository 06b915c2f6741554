"""The Apideck resources: `consumers`, `connections`, `sessions` and `logs`, each written once for both modes."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from .._core import checks
from .._core.client import M, Resource
from .._core.lazy import publish
from .._core.ops import operation, paginated
from .._core.paging import follow_cursors
from .._core.runtime import Plan, Stream
from ..errors import InvalidRequestError
from ._arguments import CONSENT_STATES, MAX_STATUS_CODES, PATH_MATCH_MODES, ConsentState, PathMatchMode, SessionSettings, SessionTheme
from ._checks import (
    _connection_body,
    _consumer_metadata,
    _datetime,
    _defaults,
    _id,
    _iso,
    _limit,
    _metadata,
    _path,
    _scope_resources,
    _session_settings,
    _session_theme,
    _status_code,
    _unset,
)
from ._profile import _NAME, _PROFILE, CONSUMER_HEADER
from ._read import READ, connection, consent, consumer, counts, custom_field, custom_mapping, log, many, one, page, validated
from ._records import (
    Connection,
    ConsentRecord,
    Consumer,
    ConsumerMetadata,
    CustomField,
    CustomMapping,
    FieldPermission,
    Log,
    RequestCounts,
    Session,
    ValidatedConnection,
)

if TYPE_CHECKING:
    from ._client import _ApideckClient

T = TypeVar("T")


class _ApideckResource(Resource[M]):
    _client: _ApideckClient[M]

    def _consumer(self) -> dict[str, str]:
        return self._client._consumer_headers(required=True)

    def _json(self, endpoint: str, *, convert: Callable[[Any], T], **arguments: Any) -> Plan[T]:
        """Call an endpoint whose documented success is a 200 JSON body, and read that body with `convert`
        (from the decoded JSON: see `_read`)."""
        return (yield from self._client._call(endpoint, convert=convert, json_status=200, **arguments))

    def _consumer_json(self, endpoint: str, *, convert: Callable[[Any], T], **arguments: Any) -> Plan[T]:
        """`_json` for the consumer's own data: sent with the client's consumer id (refused before sending without one)."""
        return (yield from self._json(endpoint, headers=self._consumer(), convert=convert, **arguments))


def _ignore(parsed: Any) -> None:
    return None


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
            yield from self._json(
                "consumers.consumers_add",
                body=_PROFILE.models.CreateConsumerRequest.from_dict(body),
                convert=one(lambda data: consumer(data, body["consumer_id"])),
            )
        )

    @operation
    def get(self, consumer_id: str) -> Plan[Consumer]:
        """One consumer, with its request counts and connections."""
        consumer_id = _id(consumer_id, "consumer_id")
        return (
            yield from self._json("consumers.consumers_one", consumer_id=consumer_id, convert=one(lambda data: consumer(data, consumer_id)))
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
            yield from self._json(
                "consumers.consumers_update",
                consumer_id=consumer_id,
                body=_PROFILE.models.UpdateConsumerRequest.from_dict({"metadata": metadata}),
                idempotent=True,
                convert=one(lambda data: consumer(data, consumer_id)),
            )
        )

    @operation
    def delete(self, consumer_id: str) -> Plan[None]:
        """Delete the consumer and all of its connections, credentials included."""
        yield from self._json("consumers.consumers_delete", consumer_id=_id(consumer_id, "consumer_id"), convert=_ignore)

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
        convert = page(consumer)

        def fetch(cursor: str | None) -> Plan[tuple[builtins.list[Consumer], str | None]]:
            return (yield from self._json("consumers.consumers_all", cursor=_unset(cursor), convert=convert, **arguments))

        return follow_cursors(fetch, vault=_NAME, what="consumers.list")

    @operation
    def request_counts(self, consumer_id: str, *, start: datetime | str, end: datetime | str) -> Plan[RequestCounts]:
        """The consumer's request counts between `start` and `end` (aware datetimes or ISO 8601 strings)."""
        consumer_id = _id(consumer_id, "consumer_id")
        begin, finish = _datetime(start, "start"), _datetime(end, "end")
        if finish < begin:
            raise InvalidRequestError("end must not be before start", vault=_NAME)

        def convert(data: dict[str, Any]) -> RequestCounts:
            named = READ.text(data.get("consumer_id"), "request_counts.consumer_id") or consumer_id
            start_at = READ.when(data.get("start_datetime"), "request_counts.start_datetime")
            end_at = READ.when(data.get("end_datetime"), "request_counts.end_datetime")
            found = counts(data, "request_counts", consumer_id=named, start=start_at, end=end_at)
            return found or RequestCounts(None, None, None, None, consumer_id=named, start=start_at, end=end_at, raw=MappingProxyType(data))

        return (
            yield from self._json(
                "consumers.consumer_request_counts_all",
                consumer_id=consumer_id,
                start_datetime=_iso(begin),
                end_datetime=_iso(finish),
                convert=one(convert),
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
            yield from self._json(
                "connections.connections_all",
                api=_unset(checks.optional_text(unified_api, "unified_api", _NAME)),
                configured=_unset(checks.optional_flag(configured, "configured", _NAME)),
                headers=self._client._consumer_headers(required=False),
                convert=many(connection),
            )
        )

    @operation
    def get(self, unified_api: str, service_id: str) -> Plan[Connection]:
        """The consumer's connection to one connector."""
        path = _path(unified_api, service_id)
        return (yield from self._consumer_json("connections.connections_one", **path, convert=one(connection)))

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
            yield from self._consumer_json(
                "connections.connections_add",
                **path,
                body=_PROFILE.models.CreateConnectionRequest.from_dict(body),
                secrets=secrets,
                convert=one(connection),
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
            yield from self._consumer_json(
                "connections.connections_update",
                **path,
                body=_PROFILE.models.UpdateConnectionRequest.from_dict(body),
                secrets=secrets,
                idempotent=True,
                convert=one(connection),
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
            yield from self._consumer_json(
                "connections.connections_import",
                **path,
                body=_PROFILE.models.ConnectionImportData.from_dict(body),
                secrets=secrets,
                convert=one(connection),
            )
        )

    @operation
    def migrate(self, unified_api: str, service_id: str, *, target_service_id: str) -> Plan[Connection]:
        """Move the connection (credentials, settings, consents...) to another connector; returns the new connection.

        Safe to retry: Apideck resumes a partially completed migration. `ConflictError` when the
        consumer already has a connection to the target.
        """
        path = _path(unified_api, service_id)
        body = _PROFILE.models.ConnectionMigrateData(target_service_id=_id(target_service_id, "target_service_id"))
        return (
            yield from self._consumer_json("connections.connections_migrate", **path, body=body, idempotent=True, convert=one(connection))
        )

    @operation
    def token(self, unified_api: str, service_id: str) -> Plan[Connection]:
        """Exchange the stored credentials for an access token kept in Vault (client-credentials and password grants).

        The token itself is never returned.
        """
        path = _path(unified_api, service_id)
        return (
            yield from self._consumer_json(
                "connections.connections_token",
                **path,
                body=_PROFILE.models.EmptyRequest(),
                convert=one(connection),
            )
        )

    @operation
    def validate(self, unified_api: str, service_id: str) -> Plan[ValidatedConnection]:
        """Check the connection (required settings present; for OAuth, a forced token refresh) and return its state."""
        path = _path(unified_api, service_id)

        return (
            yield from self._consumer_json(
                "connections.validate_connection_state",
                **path,
                body=_PROFILE.models.EmptyRequest(),
                convert=one(validated),
            )
        )

    @operation
    def consents(self, unified_api: str, service_id: str) -> Plan[builtins.list[ConsentRecord]]:
        """The connection's consent records, oldest first."""
        path = _path(unified_api, service_id)
        return (yield from self._consumer_json("connections.connection_consents_all", **path, convert=many(consent)))

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
        body = _PROFILE.models.UpdateConsentRequest.from_dict(
            {"granted": checks.flag(granted, "granted", _NAME), "resources": _scope_resources(resources)}
        )
        return (yield from self._consumer_json("connections.connection_consent_update", **path, body=body, convert=one(consent)))

    @operation
    def confirm(self, unified_api: str, service_id: str, *, confirm_token: str) -> Plan[bool]:
        """Confirm a connection authorized with a `nonce` (CSRF-protected flow) with the callback's `confirm_token`."""
        path = _path(unified_api, service_id)
        token = checks.text(confirm_token, "confirm_token", _NAME)

        def convert(data: dict[str, Any]) -> bool:
            return READ.flag(data.get("confirmed"), "confirm.confirmed") is True

        return (
            yield from self._consumer_json(
                "connections.connections_confirm",
                **path,
                body=_PROFILE.models.ConfirmConnection(confirm_token=token),
                secrets=[token],
                convert=one(convert),
            )
        )

    @operation
    def callback_state(self, unified_api: str, service_id: str, *, redirect_uri: str | None = None) -> Plan[str]:
        """Create a state value for requests to Vault's OAuth callback endpoint."""
        path = _path(unified_api, service_id)
        body = _PROFILE.models.CreateCallbackState(redirect_uri=_unset(checks.optional_text(redirect_uri, "redirect_uri", _NAME)))

        def convert(data: dict[str, Any]) -> str:
            return READ.need_text(data.get("state"), "callback_state.state")

        return (yield from self._consumer_json("connections.create_callback_state", **path, body=body, convert=one(convert)))

    @operation
    def settings(self, unified_api: str, service_id: str, resource: str) -> Plan[Connection]:
        """The connection with one resource's custom settings (`form_fields`) and their defaults (`configuration`)."""
        path = _path(unified_api, service_id, resource)
        return (yield from self._consumer_json("connections.connection_settings_all", **path, convert=one(connection)))

    @operation
    def update_settings(self, unified_api: str, service_id: str, resource: str, *, defaults: Mapping[str, Any]) -> Plan[Connection]:
        """Set default values of one resource's settings: `defaults={"ProductInterest": "GC5000 series"}`."""
        path = _path(unified_api, service_id, resource)
        body = _PROFILE.models.UpdateConnectionRequest.from_dict({"configuration": [_defaults(path["resource"], defaults)]})
        return (
            yield from self._consumer_json(
                "connections.connection_settings_update",
                **path,
                body=body,
                idempotent=True,
                convert=one(connection),
            )
        )

    @operation
    def custom_fields(
        self, unified_api: str, service_id: str, resource: str, *, resource_id: str | None = None
    ) -> Plan[builtins.list[CustomField]]:
        """The custom fields of a resource; `resource_id` samples a specific downstream record."""
        path = _path(unified_api, service_id, resource)
        return (
            yield from self._consumer_json(
                "connections.custom_fields_all",
                **path,
                resource_id=_unset(checks.optional_text(resource_id, "resource_id", _NAME)),
                convert=many(custom_field),
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
            return (yield from self._consumer_json("custom_mappings.custom_mappings_all", **path, convert=many(custom_mapping)))
        path = _path(unified_api, service_id, resource)
        return (
            yield from self._consumer_json(
                "connections.connection_custom_mappings_all",
                **path,
                resource_id=_unset(checks.optional_text(resource_id, "resource_id", _NAME)),
                convert=many(custom_mapping),
            )
        )


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

        def convert(data: dict[str, Any]) -> Session:
            url = READ.need_text(data.get("session_uri"), "session.session_uri")
            return Session(consumer_id, url, READ.need_text(data.get("session_token"), "session.session_token"), raw=MappingProxyType(data))

        return (
            yield from self._json(
                "sessions.sessions_create", body=_PROFILE.models.Session.from_dict(body), headers=headers, convert=one(convert)
            )
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
        convert = page(log)

        def fetch(cursor: str | None) -> Plan[tuple[builtins.list[Log], str | None]]:
            return (yield from self._json("logs.logs_all", cursor=_unset(cursor), headers=headers, convert=convert, **arguments))

        return follow_cursors(fetch, vault=_NAME, what="logs.list")


publish(globals())
