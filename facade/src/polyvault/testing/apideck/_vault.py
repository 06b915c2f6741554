"""FakeApideck's state, test hooks, error format, authentication, JSON renderings and paging (its routes: `_routes`)."""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
import itertools
import json
import random
import re
import secrets
import string
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx

from ...apideck import Apideck, AsyncApideck
from .._base import FakeVault
from ._catalog import CATALOG, Connector, ConnectorResource
from ._state import (
    _APP_HEADER,
    _CONFIRM_TTL,
    _CONSENT_NEEDED,
    _CONSUMER_HEADER,
    _DEFAULT_LIMIT,
    _MAX_LIMIT,
    _NO_VALUE,
    _REASONS,
    _TYPE_NAMES,
    _b64,
    _Connection,
    _Consumer,
    _iso,
    _LogBook,
    _ms,
    _parse_time,
)


class ApideckState(FakeVault[Apideck, AsyncApideck]):
    """The state and helpers of FakeApideck, whose routes (`_routes`) serve them over HTTP."""

    name = "apideck"
    facade = ("polyvault.apideck", "Apideck")

    def __init__(
        self,
        *,
        api_key: str | None = None,
        app_id: str | None = None,
        consumer_id: str = "test-consumer",
        rate_limit: int | None = None,
        apply_connector_filter: bool = False,
        request_limit: int | None = None,
        seed: int = 0,
        **options: Any,
    ) -> None:
        super().__init__(rate_limit=rate_limit, seed=seed, **options)
        self.api_key = api_key or "sk_live_" + secrets.token_urlsafe(24)
        """The API key clients must send as `Authorization: Bearer <api key>` (a fresh random one unless given)."""
        self.app_id = app_id or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(39))
        """The application id clients must send in `x-apideck-app-id` (a fresh random one unless given)."""
        self.consumer_id = consumer_id
        """The consumer the fake's clients act for (`x-apideck-consumer-id`); it exists from the start, and test hooks default to it."""
        self.apply_connector_filter = apply_connector_filter
        """Whether the logs `filter[connector_id]` is applied; False by default, since Apideck documents that it is not applied yet."""
        self.request_limit = request_limit
        """The plan's request limit: past this many authenticated calls, every call is refused with 402 RequestLimitError; None for no
        limit."""
        self._requests_served = 0
        self.catalog: dict[tuple[str, str], Connector] = {(item.unified_api, item.service_id): item for item in CATALOG}
        """The connectors this fake offers, by `(unified_api, service_id)` (those of `CATALOG`)."""
        self._random = random.Random(seed)  # noqa: S311 - reproducible fake data, not cryptography
        self._signing_key = secrets.token_bytes(32)
        self._seq = itertools.count(1)
        self._consumers: dict[str, _Consumer] = {}
        self._logs: dict[str, _LogBook] = {}
        self._sessions: dict[str, dict[str, Any]] = {}
        self._callback_states: dict[str, dict[str, Any]] = {}
        self._migrations: dict[tuple[str, str, str], str] = {}  # (consumer, unified api, source) -> target
        self._upsert_consumer(consumer_id)

    # --- credentials and test hooks --------------------------------------------------------------

    def credentials(self) -> dict[str, str]:
        return {"api_key": self.api_key, "app_id": self.app_id, "consumer_id": self.consumer_id}

    def consumer_ids(self) -> list[str]:
        """Every consumer's id, oldest first."""
        with self._lock:
            return list(self._consumers)

    def connection(self, consumer_id: str, unified_api: str, service_id: str) -> dict[str, Any] | None:
        """A consumer's connection as the API would show it (None if not added)."""
        with self._lock:
            conn = self._find_connection(consumer_id, unified_api, service_id)
            return None if conn is None else self._connection_json(conn, "https://unify.apideck.com", detail=True)

    def stored_credentials(self, consumer_id: str, unified_api: str, service_id: str) -> dict[str, Any] | None:
        """The OAuth credentials stored on a connection (explicit accessor: they are secrets)."""
        with self._lock:
            conn = self._find_connection(consumer_id, unified_api, service_id)
            return None if conn is None or conn.credentials is None else dict(conn.credentials)

    def authorize(self, unified_api: str, service_id: str, *, consumer_id: str | None = None, nonce: str | None = None) -> str | None:
        """Complete the OAuth browser flow for a consumer (default: `fake.consumer_id`) as Vault's callback would.

        Creates the connection if needed and stores fresh credentials. With `nonce` (CSRF-protected
        flow) the connection waits for `connections.confirm` and the returned `confirm_token` (valid
        30 minutes); without it the connection is authorized at once and None is returned.
        """
        with self._lock:
            connector = self.catalog[(unified_api, service_id)]
            consumer = self._upsert_consumer(consumer_id or self.consumer_id)
            conn = consumer.connections.get((unified_api, service_id))
            if conn is None:
                conn = consumer.connections[(unified_api, service_id)] = _Connection(connector, consumer.consumer_id, self.clock())
            self._store_token(conn)
            conn.invalid = False
            conn.updated_at = self.clock()
            conn.confirm_token = None
            if nonce is None:
                return None
            conn.confirm_token = str(uuid.UUID(int=self._random.getrandbits(128), version=4))
            conn.confirm_expires = self.clock() + _CONFIRM_TTL
            return conn.confirm_token

    def fail_refresh(self, unified_api: str, service_id: str, *, consumer_id: str | None = None, failing: bool = True) -> None:
        """Make the connection's next forced token refresh (`validate`) fail (or succeed again)."""
        with self._lock:
            conn = self._find_connection(consumer_id or self.consumer_id, unified_api, service_id)
            if conn is None:
                raise KeyError(f"no connection {unified_api}+{service_id}")
            conn.refresh_fails = failing

    def session(self, token: str) -> dict[str, Any] | None:
        """What Vault stored for a session token (consumer, expiry, settings), or None."""
        with self._lock:
            found = self._sessions.get(token)
            return None if found is None else dict(found)

    def add_logs(self, count: int, *, consumer_id: str | None = None, **fields: Any) -> list[dict[str, Any]]:
        """Append `count` log entries for a consumer (default `fake.consumer_id`), newest last; returns them.

        Entries cycle through connectors, methods, paths and status codes (seeded, reproducible);
        `fields` (for example `status_code=500` or `unified_api="vault"`) override every entry.
        Timestamps start at the fake's clock and advance 1 ms per entry.
        """
        if count < 0:
            raise ValueError("count must be >= 0")
        methods = ("GET", "GET", "GET", "POST", "PATCH", "DELETE")
        codes = (200, 200, 200, 201, 204, 400, 401, 404, 429, 500)
        with self._lock:
            owner = consumer_id or self.consumer_id
            self._upsert_consumer(owner)
            book = self._logs.setdefault(owner, _LogBook())
            last = max(book.last_time + 0.001, self.clock())
            added = []
            for index in range(count):
                seq = next(self._seq)
                pick = self._random.random
                if pick() < 0.25:
                    unified_api, service_id, service_name, path = "vault", "apideck-vault", "Apideck Vault", "/vault/connections"
                    operation = ("connectionsAll", "Get All Connections")
                else:
                    connector = CATALOG[int(pick() * len(CATALOG))]
                    unified_api, service_id, service_name = connector.unified_api, connector.service_id, connector.name
                    resource = next(iter(connector.resources), "records")
                    path = f"/{unified_api}/{resource}"
                    operation = (f"{resource}All", f"List {resource}")
                status = codes[int(pick() * len(codes))]
                duration = round(50 + pick() * 2000, 3)
                log = {
                    "id": str(uuid.UUID(int=self._random.getrandbits(128), version=4)),
                    "parent_id": None,
                    "api_style": "REST",
                    "base_url": "unify.apideck.com",
                    "child_request": False,
                    "consumer_id": owner,
                    "duration": duration,
                    "error_message": None if status < 400 else "Request failed",
                    "execution": int(duration + 20),
                    "has_children": False,
                    "http_method": methods[int(pick() * len(methods))],
                    "latency": 20.0,
                    "operation": {"id": operation[0], "name": operation[1]},
                    "path": path,
                    "sandbox": False,
                    "service": {"id": service_id, "name": service_name},
                    "source_ip": "203.0.113.7",
                    "status_code": status,
                    "success": status < 400,
                    "timestamp": _iso(last + index * 0.001),
                    "unified_api": unified_api,
                }
                log.update(fields)
                book.seqs.append(seq)
                book.entries.append(log)
                added.append(dict(log))
            book.last_time = last + max(0, count - 1) * 0.001
            return added

    # --- the vault's conventions -----------------------------------------------------------------

    def error(self, status: int, message: str, *, code: str | None = None) -> httpx.Response:
        type_name = code or _TYPE_NAMES.get(status, "InternalServerError" if status >= 500 else "Error")
        return self._fail(status, message, type_name=type_name)

    def _fail(self, status: int, message: str, *, type_name: str | None = None, detail: Any = None) -> httpx.Response:
        type_name = type_name or _TYPE_NAMES.get(status, "Error")
        body: dict[str, Any] = {
            "status_code": status,
            "error": _REASONS.get(status, "Error"),
            "type_name": type_name,
            "message": message,
        }
        if detail is not None:
            body["detail"] = detail
        body["ref"] = f"https://developers.apideck.com/errors#{type_name.lower()}"
        return self.json_response(status, body)

    def _not_found(self, entity: str, entity_id: str) -> httpx.Response:
        return self._fail(404, f"Unknown {entity.replace('_', ' ').title()}", detail={"not_found": {"entity": entity, "id": entity_id}})

    def authenticate(self, request: httpx.Request, route_key: str) -> httpx.Response | None:
        given = request.headers.get("authorization", "")
        if not given:
            return self._fail(401, "Unauthorized Request", detail="Missing authentication")
        if not hmac.compare_digest(given.encode(), f"Bearer {self.api_key}".encode()):
            return self._fail(401, "Unauthorized Request", detail="Invalid API key")
        app_id = request.headers.get(_APP_HEADER)
        if not app_id:
            return self._missing_header(_APP_HEADER)
        if not hmac.compare_digest(app_id.encode(), self.app_id.encode()):
            return self._fail(401, "Unauthorized Request", detail="The API key does not belong to this application")
        if self.request_limit is not None:
            self._requests_served += 1
            if self._requests_served > self.request_limit:
                return self._fail(402, "Request Limit Reached", detail=f"You have reached your limit of {self.request_limit}")
        needs_consumer = not route_key.startswith(
            ("GET /vault/consumers", "POST /vault/consumers", "PATCH /vault/consumers", "DELETE /vault/consumers")
        )
        if needs_consumer and route_key != "GET /vault/connections" and not request.headers.get(_CONSUMER_HEADER):
            return self._missing_header(_CONSUMER_HEADER)
        return None

    def _missing_header(self, header: str) -> httpx.Response:
        return self._fail(400, "Invalid Params", type_name="RequestHeadersValidationError", detail=f"Missing Header: {header}")

    def refuse_invalid(self, request: httpx.Request, route_key: str, problems: list[str]) -> httpx.Response:
        return self._fail(400, "Invalid Params", type_name="RequestValidationError", detail=problems[0][:300])

    def decorate(self, request: httpx.Request, response: httpx.Response) -> None:
        request_id = self.new_id()
        response.headers["Request-Id"] = request_id
        response.headers["x-apideck-request-id"] = request_id

    def unknown_enum(self, payload: Any) -> Any:
        text = json.dumps(payload)
        for name, value in (("state", "suspended_by_vendor"), ("health", "quarantined"), ("unified_api", "quantum-computing")):
            changed = re.sub(rf'"{name}": "[^"]*"', f'"{name}": "{value}"', text, count=1)
            if changed != text:
                return json.loads(changed)
        return payload

    # --- helpers -----------------------------------------------------------------------------------

    def _ok(self, data: Any, **extra: Any) -> httpx.Response:
        return self.json_response(200, {"status_code": 200, "status": "OK", "data": data, **extra})

    @staticmethod
    def _body(request: httpx.Request) -> dict[str, Any]:
        body = json.loads(request.content) if request.content else {}
        return body if isinstance(body, dict) else {}

    @staticmethod
    def _origin(request: httpx.Request) -> str:
        return f"{request.url.scheme}://{request.url.netloc.decode()}"

    def _upsert_consumer(self, consumer_id: str, metadata: Mapping[str, str] | None = None) -> _Consumer:
        consumer = self._consumers.get(consumer_id)
        if consumer is None:
            now = self.clock()
            consumer = self._consumers[consumer_id] = _Consumer(consumer_id, next(self._seq), now, modified=now)
        if metadata:
            consumer.metadata.update(metadata)
            consumer.modified = self.clock()
        return consumer

    def _find_connection(self, consumer_id: str, unified_api: str, service_id: str) -> _Connection | None:
        consumer = self._consumers.get(consumer_id)
        return None if consumer is None else consumer.connections.get((unified_api, service_id))

    def _lookup(
        self, request: httpx.Request, unified_api: str, service_id: str
    ) -> tuple[Connector | None, _Connection | None, httpx.Response | None]:
        """The connector and the consumer's connection to it, or the 404 to answer."""
        connector = self.catalog.get((unified_api, service_id))
        if connector is None:
            return None, None, self._not_found("connector", f"{unified_api}+{service_id}")
        conn = self._find_connection(request.headers[_CONSUMER_HEADER], unified_api, service_id)
        return connector, conn, None

    def _existing(self, request: httpx.Request, unified_api: str, service_id: str) -> tuple[_Connection | None, httpx.Response | None]:
        """The consumer's connection (it must have been added), or the 404 to answer."""
        _, conn, refused = self._lookup(request, unified_api, service_id)
        if refused is not None:
            return None, refused
        if conn is None:
            return None, self._not_found("connection", f"{unified_api}+{service_id}")
        return conn, None

    def _store_token(self, conn: _Connection, *, expires_in: int = 3600) -> None:
        conn.credentials = {
            "access_token": "at_" + secrets.token_urlsafe(24),
            "refresh_token": "rt_" + secrets.token_urlsafe(24),
            "expires_at": self.clock() + expires_in,
        }

    def _sign(self, payload: Mapping[str, Any]) -> str:
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        body = _b64(json.dumps(payload, sort_keys=True).encode())
        signature = _b64(hmac.new(self._signing_key, f"{header}.{body}".encode(), hashlib.sha256).digest())
        return f"{header}.{body}.{signature}"

    # --- connection state and its JSON ---------------------------------------------------------

    def _state(self, conn: _Connection) -> tuple[str, str]:
        connector = conn.connector
        missing = any(not conn.settings.get(name) for name in connector.required_settings)
        if conn.invalid:
            return "invalid", "needs_auth"
        if connector.auth_type == "oauth2":
            if conn.credentials is None:
                return "added", "missing_settings" if missing else "needs_auth"
            if conn.confirm_token is not None:
                return "authorized", "pending_confirmation"
            if missing:
                return "authorized", "missing_settings"
        elif missing:
            return "added", "missing_settings"
        return "callable", "needs_consent" if conn.consent_state in _CONSENT_NEEDED else "ok"

    def _urls(self, connector: Connector, consumer_id: str | None, origin: str) -> tuple[str, str]:
        state = self._sign({"consumer_id": consumer_id, "service_id": connector.service_id, "unified_api": connector.unified_api})
        where = f"{quote(connector.service_id, safe='')}/{quote(self.app_id, safe='')}?state={state}"
        return f"{origin}/vault/authorize/{where}", f"{origin}/vault/revoke/{where}"

    def _summary(self, connector: Connector, conn: _Connection | None, consumer_id: str | None, origin: str) -> dict[str, Any]:
        """What `GET /vault/connections` lists for one connector (state `available` when not added)."""
        authorize, revoke = self._urls(connector, consumer_id, origin)
        state, health = (
            self._state(conn) if conn else ("available", "needs_auth" if connector.auth_type == "oauth2" else "missing_settings")
        )
        data: dict[str, Any] = {
            "id": connector.id,
            "service_id": connector.service_id,
            "name": connector.name,
            "tag_line": f"{connector.name} through the Apideck {connector.unified_api} Unified API.",
            "unified_api": connector.unified_api,
            "state": state,
            "integration_state": connector.integration_state,
            "auth_type": connector.auth_type,
            "status": "live",
            "enabled": conn.enabled if conn else False,
            "website": f"https://www.{connector.service_id}.example",
            "icon": f"https://res.cloudinary.com/apideck/image/upload/catalog/{connector.service_id}/icon128x128.png",
            "logo": f"https://res.cloudinary.com/apideck/image/upload/catalog/{connector.service_id}/logo.png",
            "authorize_url": authorize if connector.auth_type == "oauth2" else None,
            "revoke_url": revoke if conn is not None and conn.credentials is not None else None,
            "settings": dict(conn.settings) if conn and conn.settings else None,
            "metadata": dict(conn.metadata) if conn and conn.metadata else None,
            "has_guide": True,
            "health": health,
            "created_at": _ms(conn.created_at) if conn else None,
            "updated_at": _ms(conn.updated_at) if conn and conn.updated_at else None,
        }
        if connector.grant_type:
            data["oauth_grant_type"] = connector.grant_type
        if data["created_at"] is None:
            del data["created_at"]  # a number when present; not nullable
        return data

    def _mappings(self, conn: _Connection | None, connector: Connector, resource: str | None = None) -> list[dict[str, Any]]:
        out = []
        for name, spec in connector.resources.items():
            if resource is not None and name != resource:
                continue
            for mapping in spec.mappings:
                item = dict(mapping)
                if conn is not None and mapping["id"] in conn.mapping_values:
                    item["value"] = conn.mapping_values[mapping["id"]]
                if item["value"] is None:
                    del item["value"]  # unmapped: no value (a string when present)
                item["consumer_id"] = conn.consumer_id if conn is not None else None
                out.append(item)
        return out

    def _configuration(self, conn: _Connection, resource: str | None = None) -> list[dict[str, Any]]:
        out = []
        for name, values in conn.configuration.items():
            if resource is not None and name != resource:
                continue
            spec = conn.connector.resources.get(name, ConnectorResource())
            custom = {item["id"] for item in spec.settings if item.get("custom_field")}
            out.append(
                {
                    "resource": name,
                    "defaults": [
                        {"target": "custom_fields" if field_id in custom else "resource", "id": field_id}
                        | ({} if value is _NO_VALUE else {"value": value})
                        for field_id, value in values.items()
                    ],
                }
            )
        return out

    def _connection_json(self, conn: _Connection, origin: str, *, detail: bool, resource: str | None = None) -> dict[str, Any]:
        connector = conn.connector
        data = self._summary(connector, conn, conn.consumer_id, origin)
        if not detail:
            return data
        settings_resources = [name for name, spec in connector.resources.items() if spec.settings]
        data.update(
            {
                "form_fields": [dict(item) for item in (connector.resources[resource].settings if resource else connector.form_fields)],
                "configuration": self._configuration(conn, resource),
                "configurable_resources": list(connector.resources),
                "resource_schema_support": [],
                "resource_settings_support": settings_resources,
                "validation_support": True,
                "schema_support": False,
                "settings_required_for_authorization": list(connector.required_for_authorization),
                "subscriptions": [],
                "custom_mappings": self._mappings(conn, connector),
                "consent_state": conn.consent_state,
                "consents": [dict(record) for record in conn.consents],
                "application_data_scopes": {"enabled": False, "resources": "*"},
                "credentials_expire_at": 0,
                "last_refresh_failed_at": _ms(conn.last_refresh_failed_at),
                "last_downstream_error_at": 0,
            }
        )
        if conn.consents:
            data["latest_consent"] = dict(conn.consents[-1])
        return data

    def _consumer_connection(self, conn: _Connection) -> dict[str, Any]:
        """A connection as embedded in a consumer (timestamps are ISO strings there)."""
        state, health = self._state(conn)
        connector = conn.connector
        return {
            "id": connector.id,
            "name": connector.name,
            "service_id": connector.service_id,
            "unified_api": connector.unified_api,
            "consumer_id": conn.consumer_id,
            "auth_type": connector.auth_type,
            "enabled": conn.enabled,
            "settings": dict(conn.settings) or None,
            "metadata": conn.metadata,
            "created_at": _iso(conn.created_at),
            "updated_at": _iso(conn.updated_at) if conn.updated_at else None,
            "state": state,
            "health": health,
        }

    def _counts(self, consumer_id: str, start: float | None = None, end: float | None = None) -> dict[str, int]:
        counts = {"unify": 0, "proxy": 0, "vault": 0}
        for log in self._logs[consumer_id].entries if consumer_id in self._logs else ():
            if start is not None or end is not None:
                when = _parse_time(str(log.get("timestamp", ""))) or 0.0
                if (start is not None and when < start) or (end is not None and when > end):
                    continue
            api = log.get("unified_api")
            counts["vault" if api == "vault" else "proxy" if api == "proxy" else "unify"] += 1
        return counts

    def _consumer_json(self, consumer: _Consumer, *, connections: bool) -> dict[str, Any]:
        counts = self._counts(consumer.consumer_id)
        data: dict[str, Any] = {
            "consumer_id": consumer.consumer_id,
            "application_id": self.app_id,
            "metadata": dict(consumer.metadata),
            "services": sorted({service for _, service in consumer.connections}),
            "aggregated_request_count": sum(counts.values()),
            "request_counts": counts,
            "created": _iso(consumer.created),
            "modified": _iso(consumer.modified),
            "request_count_updated": _iso(self.clock()),
        }
        if connections:
            data["connections"] = [self._consumer_connection(conn) for conn in consumer.connections.values()]
        return data

    # --- paging ------------------------------------------------------------------------------------

    def _cursor(self, kind: str, key: int | None) -> str:
        return base64.urlsafe_b64encode(f"{kind}:{'start' if key is None else key}".encode()).decode()

    def _decode_cursor(self, kind: str, cursor: str) -> tuple[bool, int | None]:
        """(valid, key after which the page starts; None = from the start)."""
        try:
            prefix, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
            if prefix != kind:
                return False, None
            return True, None if value == "start" else int(value)
        except (ValueError, UnicodeDecodeError):
            return False, None

    def _paginate(
        self,
        request: httpx.Request,
        kind: str,
        keys: Sequence[int],
        items: Sequence[Any],
        *,
        newest_first: bool = False,
        render: Callable[[Any], Any] = lambda item: item,
    ) -> httpx.Response:
        """One page per `cursor` and `limit`, in Apideck's envelope.

        `keys` ascend (sequence numbers) and `items` run parallel to them; the listing is in key
        order, or reversed with `newest_first`. A cursor names the last key of the page before it,
        so cursors stay valid while entries are added. Only the page's items are rendered.
        """
        params = request.url.params
        try:
            limit = int(params.get("limit", _DEFAULT_LIMIT))
        except ValueError:
            limit = 0
        if not 1 <= limit <= _MAX_LIMIT:
            return self._fail(400, "Invalid Params", detail=f"limit must be from 1 to {_MAX_LIMIT}")
        total = len(keys)

        def at(index: int) -> int:  # storage index of listing position `index`
            return total - 1 - index if newest_first else index

        cursor = params.get("cursor")
        start = 0
        if cursor:
            valid, after = self._decode_cursor(kind, cursor)
            if not valid:
                return self._fail(400, "Invalid Params", detail="Invalid cursor")
            if after is not None:
                start = total - bisect.bisect_left(keys, after) if newest_first else bisect.bisect_right(keys, after)
        stop = min(total, start + limit)
        page = [render(items[at(index)]) for index in range(start, stop)]
        next_cursor = self._cursor(kind, keys[at(stop - 1)]) if stop < total and stop > start else None
        previous = None
        if start > 0:
            back = max(0, start - limit)
            previous = self._cursor(kind, keys[at(back - 1)] if back > 0 else None)
        base = f"{self._origin(request)}{request.url.path}"

        def link(value: str | None) -> str:
            query: list[tuple[str, str | int | float | bool | None]] = [(key, val) for key, val in params.multi_items() if key != "cursor"]
            if value:
                query.append(("cursor", value))
            return base + ("?" + str(httpx.QueryParams(query)) if query else "")

        return self._ok(
            page,
            meta={"items_on_page": len(page), "cursors": {"previous": previous, "current": cursor or None, "next": next_cursor}},
            links={
                "previous": link(previous) if previous else None,
                "current": link(cursor),
                "next": link(next_cursor) if next_cursor else None,
            },
        )
