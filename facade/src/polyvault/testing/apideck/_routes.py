"""FakeApideck: the HTTP routes of the fake Apideck Vault over its state (`_vault`)."""

from __future__ import annotations

import hmac
import secrets
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from .._base import route
from ._state import (
    _CONSUMER_HEADER,
    _LENGTH,
    _MAX_SESSION,
    _NO_VALUE,
    _SESSION_TTL,
    _UNITS,
    _Connection,
    _iso,
    _LogBook,
    _parse_time,
)
from ._vault import ApideckState


class FakeApideck(ApideckState):
    """A fake Apideck Vault. Credentials: `fake.api_key`, `fake.app_id`; the client's consumer: `fake.consumer_id`."""

    @route("POST", "/vault/consumers")
    def consumers_add(self, request: httpx.Request) -> httpx.Response:
        """`POST /vault/consumers`: create a consumer with the metadata sent; an existing id is updated, not refused."""
        body = self._body(request)
        consumer_id = body["consumer_id"]
        if not consumer_id:
            return self._fail(400, "Invalid Params", detail="consumer_id must not be empty")
        consumer = self._upsert_consumer(consumer_id, body.get("metadata"))  # an existing consumer is updated, as sessions do
        return self._ok(self._consumer_json(consumer, connections=True))

    @route("GET", "/vault/consumers")
    def consumers_all(self, request: httpx.Request) -> httpx.Response:
        """`GET /vault/consumers`: one page of consumers, oldest first, narrowed by `filter[consumer_id]` (a prefix) and `filter[search]`
        (id, email, account or user name contains it)."""
        prefix = request.url.params.get("filter[consumer_id]")
        search = (request.url.params.get("filter[search]") or "").lower()
        found = []
        for consumer in self._consumers.values():  # in creation order, so ascending seq
            if prefix and not consumer.consumer_id.startswith(prefix):
                continue
            if search:
                haystack = [consumer.consumer_id, *(consumer.metadata.get(key, "") for key in ("email", "account_name", "user_name"))]
                if not any(search in text.lower() for text in haystack):
                    continue
            found.append(consumer)
        return self._paginate(
            request,
            "consumers",
            [consumer.seq for consumer in found],
            found,
            render=lambda consumer: self._consumer_json(consumer, connections=False),
        )

    @route("GET", "/vault/consumers/{consumer_id}")
    def consumers_one(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
        """`GET /vault/consumers/{consumer_id}`: one consumer with its connections; 404 if unknown."""
        consumer = self._consumers.get(consumer_id)
        if consumer is None:
            return self._not_found("consumer", consumer_id)
        return self._ok(self._consumer_json(consumer, connections=True))

    @route("PATCH", "/vault/consumers/{consumer_id}")
    def consumers_update(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
        """`PATCH /vault/consumers/{consumer_id}`: merge the metadata sent into the consumer's; 404 if unknown."""
        consumer = self._consumers.get(consumer_id)
        if consumer is None:
            return self._not_found("consumer", consumer_id)
        consumer.metadata.update(self._body(request).get("metadata", {}))
        consumer.modified = self.clock()
        return self._ok(self._consumer_json(consumer, connections=False))

    @route("DELETE", "/vault/consumers/{consumer_id}")
    def consumers_delete(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
        """`DELETE /vault/consumers/{consumer_id}`: delete the consumer with its connections and logs; 404 if unknown."""
        if self._consumers.pop(consumer_id, None) is None:
            return self._not_found("consumer", consumer_id)
        self._logs.pop(consumer_id, None)
        return self._ok({"consumer_id": consumer_id})

    @route("GET", "/vault/consumers/{consumer_id}/stats")
    def consumer_request_counts_all(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
        """`GET /vault/consumers/{consumer_id}/stats`: the consumer's request counts per product between `start_datetime` and
        `end_datetime` (counted from its logs); 400 for a date that is not ISO 8601 or an end before the start."""
        if consumer_id not in self._consumers:
            return self._not_found("consumer", consumer_id)
        raw_start, raw_end = request.url.params["start_datetime"], request.url.params["end_datetime"]
        start, end = _parse_time(raw_start), _parse_time(raw_end)
        if start is None or end is None:
            return self._fail(400, "Invalid Params", detail="start_datetime and end_datetime must be ISO 8601 datetimes")
        if end < start:
            return self._fail(400, "Invalid Params", detail="end_datetime must not be before start_datetime")
        counts = self._counts(consumer_id, start, end)
        return self._ok(
            {
                "application_id": self.app_id,
                "consumer_id": consumer_id,
                "start_datetime": raw_start,
                "end_datetime": raw_end,
                "aggregated_request_count": sum(counts.values()),
                "request_counts": counts,
            }
        )

    # --- connections ---------------------------------------------------------------------------

    @route("GET", "/vault/connections")
    def connections_all(self, request: httpx.Request) -> httpx.Response:
        """`GET /vault/connections`: every connector of the catalog as the consumer's connection (`available` where not added, or without
        a consumer header), narrowed by `api` and `configured`."""
        api = request.url.params.get("api")
        configured = request.url.params.get("configured")
        consumer_id = request.headers.get(_CONSUMER_HEADER)
        origin = self._origin(request)
        data = []
        for (unified_api, service_id), connector in self.catalog.items():
            if api and unified_api != api:
                continue
            if configured is not None and (connector.integration_state == "configured") != (configured == "true"):
                continue
            conn = self._find_connection(consumer_id, unified_api, service_id) if consumer_id else None
            data.append(self._summary(connector, conn, consumer_id, origin))
        return self._ok(data)

    @route("GET", "/vault/connections/{unified_api}/{service_id}")
    def connections_one(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`GET /vault/connections/{unified_api}/{service_id}`: the consumer's connection in full; 404 if not added."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    @route("POST", "/vault/connections/{unified_api}/{service_id}")
    def connections_add(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}`: add a connection with the settings, metadata and configuration sent; 422
        if the consumer already has it, 400 for configuration the connector does not have."""
        connector, conn, refused = self._lookup(request, unified_api, service_id)
        if connector is None:
            return refused  # type: ignore[return-value]
        if conn is not None:
            return self._fail(422, "Invalid State", detail=f"The consumer already has a {connector.id} connection")
        conn = _Connection(connector, request.headers[_CONSUMER_HEADER], self.clock())
        problem = self._apply(conn, self._body(request))
        if problem is not None:
            return problem
        self._upsert_consumer(conn.consumer_id).connections[(unified_api, service_id)] = conn
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    @route("PATCH", "/vault/connections/{unified_api}/{service_id}")
    def connections_update(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`PATCH /vault/connections/{unified_api}/{service_id}`: change the writable fields sent (enabled, settings, metadata,
        configuration, custom mapping values, consent)."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        problem = self._apply(conn, self._body(request))
        if problem is not None:
            return problem
        conn.updated_at = self.clock()
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    def _apply(self, conn: _Connection, body: Mapping[str, Any], *, resource: str | None = None) -> httpx.Response | None:
        """Apply the writable fields of a create/update body; a 400 if a part does not fit the connector."""
        configuration: dict[str, dict[str, Any]] = {}
        for entry in body.get("configuration", []):
            name = entry.get("resource")
            spec = conn.connector.resources.get(name or "")
            if spec is None or not spec.settings:
                return self._fail(400, "Invalid Params", detail=f"Resource {name} has no configurable settings")
            if resource is not None and name != resource:
                return self._fail(400, "Invalid Params", detail=f"Configuration for {name} sent to the {resource} settings")
            known = {item["id"] for item in spec.settings}
            for default in entry.get("defaults", []):
                if "id" not in default:
                    continue  # nothing to set a default for
                if default["id"] not in known:
                    return self._fail(400, "Invalid Params", detail=f"Unknown field {default.get('id')} of resource {name}")
                configuration.setdefault(name, {})[default["id"]] = default.get("value", _NO_VALUE)
        if "enabled" in body:
            conn.enabled = body["enabled"]
        if "settings" in body:
            conn.settings.update(body["settings"])
        if "metadata" in body:
            conn.metadata = dict(body["metadata"])
        for name, values in configuration.items():
            conn.configuration.setdefault(name, {}).update(values)
        mapping_ids = [mapping["id"] for spec in conn.connector.resources.values() for mapping in spec.mappings]
        for mapping_id, mapping in zip(mapping_ids, body.get("custom_mappings", []), strict=False):
            if "value" in mapping:
                conn.mapping_values[mapping_id] = mapping["value"]
        if "consent_state" in body:
            conn.consent_state = body["consent_state"]
        if "latest_consent" in body:
            self._record_consent(conn, body["latest_consent"]["granted"], body["latest_consent"]["resources"])
        return None

    @route("DELETE", "/vault/connections/{unified_api}/{service_id}")
    def connections_delete(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`DELETE /vault/connections/{unified_api}/{service_id}`: remove the connection (204); 404 if not added."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        del self._consumers[conn.consumer_id].connections[(unified_api, service_id)]
        return httpx.Response(204)

    @route("POST", "/vault/connections/{unified_api}/{service_id}/import")
    def connections_import(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}/import`: store a connection from credentials obtained elsewhere; without
        `issued_at` and `expires_in` its token is due for refresh at once."""
        connector, conn, refused = self._lookup(request, unified_api, service_id)
        if connector is None:
            return refused  # type: ignore[return-value]
        body = self._body(request)
        conn = _Connection(connector, request.headers[_CONSUMER_HEADER], self.clock())
        credentials = body.get("credentials")
        if credentials:
            issued = _parse_time(credentials["issued_at"]) if credentials.get("issued_at") else None
            expires_in = credentials.get("expires_in")
            conn.credentials = {
                "access_token": credentials.get("access_token"),
                "refresh_token": credentials.get("refresh_token"),
                # without issued_at/expires_in the token is queued for refresh (expired now)
                "expires_at": issued + expires_in if issued is not None and expires_in is not None else self.clock(),
            }
        problem = self._apply(conn, {key: value for key, value in body.items() if key in ("settings", "metadata")})
        if problem is not None:
            return problem
        self._upsert_consumer(conn.consumer_id).connections[(unified_api, service_id)] = conn
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    @route("POST", "/vault/connections/{unified_api}/{service_id}/migrate")
    def connections_migrate(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}/migrate`: move the connection to `target_service_id`, one of the
        connector's migration targets; 409 if the consumer already has that connection. A retry of a finished migration answers with
        its result."""
        target_id = self._body(request)["target_service_id"]
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            # "Retries are idempotent": a retry of a migration that already finished answers with its result.
            consumer_id = request.headers[_CONSUMER_HEADER]
            finished = self._migrations.get((consumer_id, unified_api, service_id)) == target_id
            moved = self._find_connection(consumer_id, unified_api, target_id) if finished else None
            if moved is None:
                return refused  # type: ignore[return-value]
            return self._ok(self._connection_json(moved, self._origin(request), detail=True))
        if target_id not in conn.connector.migration_targets:
            return self._fail(400, "Invalid Params", detail=f"{target_id} is not a migration target of {service_id}")
        target = self.catalog.get((unified_api, target_id))
        if target is None:
            return self._not_found("connector", f"{unified_api}+{target_id}")
        consumer = self._consumers[conn.consumer_id]
        if (unified_api, target_id) in consumer.connections:
            return self._fail(409, "Conflict", detail="A connection already exists for the target connector")
        del consumer.connections[(unified_api, service_id)]
        conn.connector = target
        conn.configuration = {name: values for name, values in conn.configuration.items() if name in target.resources}
        conn.updated_at = self.clock()
        consumer.connections[(unified_api, target_id)] = conn
        self._migrations[(conn.consumer_id, unified_api, service_id)] = target_id
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    @route("POST", "/vault/connections/{unified_api}/{service_id}/token")
    def connections_token(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}/token`: store a fresh token for a client-credentials or password grant
        connector; 422 for other connectors or missing settings."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        if conn.connector.grant_type not in ("client_credentials", "password"):
            return self._fail(422, "Invalid State", detail="Only client_credentials and password grant connectors take a token this way")
        missing = [name for name in conn.connector.required_settings if not conn.settings.get(name)]
        if missing:
            return self._fail(422, "Invalid State", detail=f"Missing settings: {', '.join(missing)}")
        self._store_token(conn)
        conn.invalid = False
        conn.updated_at = self.clock()
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    @route("POST", "/vault/connections/{unified_api}/{service_id}/validate")
    def validate_connection_state(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}/validate`: the connection's id and state; an OAuth connection with
        credentials has its token refreshed first (after `fail_refresh`, the refresh fails and the connection turns invalid)."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        if conn.connector.auth_type == "oauth2" and conn.credentials is not None:
            if conn.refresh_fails:  # a forced refresh that the connector refuses
                conn.invalid = True
                conn.last_refresh_failed_at = self.clock()
            else:
                self._store_token(conn)
                conn.invalid = False
        state, _ = self._state(conn)
        return self._ok({"id": conn.connector.id, "state": state})

    @route("GET", "/vault/connections/{unified_api}/{service_id}/consent")
    def connection_consents_all(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`GET /vault/connections/{unified_api}/{service_id}/consent`: the connection's consent records, oldest first."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok([dict(record) for record in conn.consents])

    @route("PATCH", "/vault/connections/{unified_api}/{service_id}/consent")
    def connection_consent_update(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`PATCH /vault/connections/{unified_api}/{service_id}/consent`: record a consent decision for the resources sent; the consent
        state follows (granted, denied, or revoked after an earlier grant)."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        body = self._body(request)
        return self._ok(dict(self._record_consent(conn, body["granted"], body["resources"])))

    def _record_consent(self, conn: _Connection, granted: bool, resources: Any) -> dict[str, Any]:
        record = {
            "id": f"con_{self._random.randrange(10**10):010d}",
            "created_at": _iso(self.clock()),
            "granted": granted,
            "resources": resources,
        }
        conn.consents.append(record)
        was_granted = any(item["granted"] for item in conn.consents[:-1])
        conn.consent_state = "granted" if granted else "revoked" if was_granted else "denied"
        conn.updated_at = self.clock()
        return record

    @route("POST", "/vault/connections/{unified_api}/{service_id}/confirm")
    def connections_confirm(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}/confirm`: confirm a CSRF-protected OAuth connection with the
        `confirm_token` `authorize(nonce=...)` returned; 400 if the token is wrong or older than 30 minutes, 422 if nothing waits for
        confirmation."""
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        if conn.confirm_token is None:
            return self._fail(422, "Invalid State", detail="The connection is not waiting for confirmation")
        token = self._body(request)["confirm_token"]
        if not hmac.compare_digest(token.encode(), conn.confirm_token.encode()) or self.clock() > conn.confirm_expires:
            return self._fail(400, "Invalid Params", detail="Invalid or expired confirm token")
        conn.confirm_token = None
        conn.updated_at = self.clock()
        return self._ok({"confirmed": True})

    @route("POST", "/vault/connections/{unified_api}/{service_id}/callback-state")
    def create_callback_state(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`POST /vault/connections/{unified_api}/{service_id}/callback-state`: a fresh state value for an authorize URL you build
        yourself (kept with the `redirect_uri` sent)."""
        connector, _, refused = self._lookup(request, unified_api, service_id)
        if connector is None:
            return refused  # type: ignore[return-value]
        state = str(uuid.UUID(int=self._random.getrandbits(128), version=4))
        self._callback_states[state] = {
            "consumer_id": request.headers[_CONSUMER_HEADER],
            "connector": connector.id,
            "redirect_uri": self._body(request).get("redirect_uri"),
        }
        return self._ok({"state": state})

    def _resource(
        self, request: httpx.Request, unified_api: str, service_id: str, resource: str
    ) -> tuple[_Connection | None, httpx.Response | None]:
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return None, refused
        if resource not in conn.connector.resources:
            return None, self._not_found("resource", f"{unified_api}+{service_id}+{resource}")
        return conn, None

    @route("GET", "/vault/connections/{unified_api}/{service_id}/{resource}/config")
    def connection_settings_all(self, request: httpx.Request, unified_api: str, service_id: str, resource: str) -> httpx.Response:
        """`GET /vault/connections/{unified_api}/{service_id}/{resource}/config`: the connection with the resource's settings as
        `form_fields` and their defaults as `configuration`; 404 for a resource the connector does not have."""
        conn, refused = self._resource(request, unified_api, service_id, resource)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok(self._connection_json(conn, self._origin(request), detail=True, resource=resource))

    @route("PATCH", "/vault/connections/{unified_api}/{service_id}/{resource}/config")
    def connection_settings_update(self, request: httpx.Request, unified_api: str, service_id: str, resource: str) -> httpx.Response:
        """`PATCH /vault/connections/{unified_api}/{service_id}/{resource}/config`: set defaults of the resource's settings; 400 for a
        field the resource does not have."""
        conn, refused = self._resource(request, unified_api, service_id, resource)
        if conn is None:
            return refused  # type: ignore[return-value]
        problem = self._apply(conn, self._body(request), resource=resource)
        if problem is not None:
            return problem
        conn.updated_at = self.clock()
        return self._ok(self._connection_json(conn, self._origin(request), detail=True, resource=resource))

    @route("GET", "/vault/connections/{unified_api}/{service_id}/{resource}/custom-fields")
    def custom_fields_all(self, request: httpx.Request, unified_api: str, service_id: str, resource: str) -> httpx.Response:
        """`GET /vault/connections/{unified_api}/{service_id}/{resource}/custom-fields`: the resource's custom fields with sampled values
        (`resource_id` samples another record)."""
        conn, refused = self._resource(request, unified_api, service_id, resource)
        if conn is None:
            return refused  # type: ignore[return-value]
        sample = request.url.params.get("resource_id")
        fields = []
        for item in conn.connector.resources[resource].custom_fields:
            item = dict(item)
            if sample is not None and isinstance(item["value"], str):
                item["value"] = f"{item['value']}-{sample}"  # a different sampled record
            fields.append(item)
        return self._ok(fields)

    @route("GET", "/vault/connections/{unified_api}/{service_id}/{resource}/custom-mappings")
    def connection_custom_mappings_all(self, request: httpx.Request, unified_api: str, service_id: str, resource: str) -> httpx.Response:
        """`GET /vault/connections/{unified_api}/{service_id}/{resource}/custom-mappings`: the resource's custom mappings, with the
        connection's values."""
        conn, refused = self._resource(request, unified_api, service_id, resource)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok(self._mappings(conn, conn.connector, resource))

    @route("GET", "/vault/custom-mappings/{unified_api}/{service_id}")
    def custom_mappings_all(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        """`GET /vault/custom-mappings/{unified_api}/{service_id}`: the connector's custom mappings (service level, no connection's
        values); 404 for an unknown connector."""
        connector = self.catalog.get((unified_api, service_id))
        if connector is None:
            return self._not_found("connector", f"{unified_api}+{service_id}")
        return self._ok(self._mappings(None, connector))

    # --- sessions and logs ---------------------------------------------------------------------

    @route("POST", "/vault/sessions")
    def sessions_create(self, request: httpx.Request) -> httpx.Response:
        """`POST /vault/sessions`: a Hosted Vault session for the consumer (created or updated with the metadata sent): its URL and
        signed token, valid for `settings.session_length` (for example `30m`, at most a week; default an hour)."""
        body = self._body(request)
        settings = body.get("settings", {})
        length = _SESSION_TTL
        if "session_length" in settings:
            matched = _LENGTH.match(settings["session_length"].strip())
            if matched is None:
                return self._fail(400, "Invalid Params", detail="session_length must look like 30m, 1h or 2d")
            length = int(matched.group(1)) * _UNITS[matched.group(2)]
            if not 0 < length <= _MAX_SESSION:
                return self._fail(400, "Invalid Params", detail="session_length must be more than 0 and at most 1 week")
        consumer = self._upsert_consumer(request.headers[_CONSUMER_HEADER], body.get("consumer_metadata"))
        now = self.clock()
        token = self._sign(
            {
                "application_id": self.app_id,
                "consumer_id": consumer.consumer_id,
                "iat": int(now),
                "exp": int(now + length),
                "jti": secrets.token_hex(8),
            }
        )
        self._sessions[token] = {
            "consumer_id": consumer.consumer_id,
            "expires_at": now + length,
            "redirect_uri": body.get("redirect_uri"),
            "settings": settings,
            "theme": body.get("theme", {}),
            "custom_consumer_settings": body.get("custom_consumer_settings", {}),
        }
        return self._ok({"session_uri": f"https://vault.apideck.com/session/{token}", "session_token": token})

    @route("GET", "/vault/logs")
    def logs_all(self, request: httpx.Request) -> httpx.Response:
        """`GET /vault/logs`: one page of the consumer's logs, newest first, narrowed by the `filter[...]` parameters
        (`filter[connector_id]` only with `apply_connector_filter`)."""
        params = request.url.params
        book = self._logs.get(request.headers[_CONSUMER_HEADER], _LogBook())
        start = _parse_time(params["filter[start_date]"]) if "filter[start_date]" in params else None
        end = _parse_time(params["filter[end_date]"]) if "filter[end_date]" in params else None
        if start is not None and end is not None and end < start:
            return self._fail(400, "Invalid Params", detail="filter[end_date] must not be before filter[start_date]")
        keep = self._log_filter(params, start, end)
        seqs, entries = book.seqs, book.entries
        if keep is not None:
            kept = [index for index, log in enumerate(entries) if keep(log)]
            seqs, entries = [seqs[index] for index in kept], [entries[index] for index in kept]
        return self._paginate(request, "logs", seqs, entries, newest_first=True)

    def _log_filter(self, params: httpx.QueryParams, start: float | None, end: float | None) -> Callable[[dict[str, Any]], bool] | None:
        tests: list[Callable[[dict[str, Any]], bool]] = []
        connector_id = params.get("filter[connector_id]")
        if connector_id and self.apply_connector_filter:
            tests.append(lambda log: f"{log.get('unified_api')}+{(log.get('service') or {}).get('id')}" == connector_id)
        path = params.get("filter[path]")
        if path:
            mode = params.get("filter[path_match_mode]", "CONTAINS")
            match: Callable[[str], bool] = {
                "CONTAINS": lambda text: path in text,
                "STARTS_WITH": lambda text: text.startswith(path),
                "ENDS_WITH": lambda text: text.endswith(path),
                "EXACT": lambda text: text == path,
            }[mode]
            tests.append(lambda log: match(str(log.get("path", ""))))
        method = params.get("filter[http_method]")
        if method:
            tests.append(lambda log: str(log.get("http_method", "")).upper() == method.upper())
        methods = {value.upper() for value in params.get_list("filter[http_methods]")}
        if methods:
            tests.append(lambda log: str(log.get("http_method", "")).upper() in methods)
        if start is not None or end is not None:

            def in_range(log: dict[str, Any]) -> bool:
                when = _parse_time(str(log.get("timestamp", "")))
                return when is not None and (start is None or when >= start) and (end is None or when <= end)

            tests.append(in_range)
        code = params.get("filter[status_code]")
        if code:
            tests.append(lambda log: log.get("status_code") == int(code))
        codes = {int(value) for value in params.get_list("filter[status_codes]")}
        if codes:
            tests.append(lambda log: log.get("status_code") in codes)
        excluded = {name.strip() for name in (params.get("filter[exclude_unified_apis]") or "").split(",") if name.strip()}
        if excluded:
            tests.append(lambda log: log.get("unified_api") not in excluded)
        if not tests:
            return None
        return lambda log: all(test(log) for test in tests)
