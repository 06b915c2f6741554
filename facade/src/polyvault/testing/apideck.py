"""FakeApideck: a stateful Apideck Vault (consumers, connections, sessions, logs) that behaves as Apideck documents it.

- Auth: `Authorization: Bearer <api key>` and `x-apideck-app-id` on every call (401 UnauthorizedError
  otherwise); `x-apideck-consumer-id` on connection, custom-mapping, session and log calls (the
  documented 400 RequestHeadersValidationError "Missing Header: x-apideck-consumer-id" when absent),
  optional on `GET /vault/connections`, ignored on consumer calls.
- Every answer carries `Request-Id` (and `x-apideck-request-id`); errors use Apideck's envelope
  `{status_code, error, type_name, message, detail, ref}`.
- A seeded catalog of connectors per Unified API (`CATALOG`: OAuth2 authorization-code and
  client-credentials connectors, API-key connectors, one that still needs configuration, a
  migration pair), so a test can add, authorize and call connections.
- Connections move through the documented states: `available` (listed, not added) → `added`
  (created, not yet authorized or missing required settings) → `authorized` (credentials stored,
  but settings missing or a CSRF confirmation pending) → `callable`; `invalid` after a failed
  token refresh. `health` follows (ok, needs_auth, missing_settings, pending_confirmation,
  needs_consent). The OAuth browser flow is simulated by `fake.authorize(...)` (with `nonce=` it
  returns the `confirm_token` the callback would put in the URL fragment); `fake.fail_refresh(...)`
  makes the next forced refresh (`validate`) fail. A migration retried after it finished answers
  with the migrated connection, as Apideck documents ("retries are idempotent").
- Consumers are created by `POST /vault/consumers` (an existing id is updated, not refused) and
  upserted by sessions, connection add and import (as Vault does); the client's own consumer
  (`fake.consumer_id`) exists from the start.
- Cursor pagination (consumers oldest first, logs newest first) with `limit` 1..200 (default 20) and
  opaque cursors that stay valid while entries are added; `meta.cursors.next` is null on the last
  page. `fake.add_logs(n)` appends log entries in bulk.
- `FakeApideck(request_limit=N)`: the plan's request limit; past N authenticated calls every call
  is refused with the documented 402 RequestLimitError.
- The logs `filter[connector_id]` is ignored, as Apideck documents ("currently not applied");
  `FakeApideck(apply_connector_filter=True)` applies it.
"""

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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from ..apideck import Apideck, AsyncApideck
from ._base import FakeVault, route

_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_TYPE_NAMES = {
    400: "RequestValidationError",
    401: "UnauthorizedError",
    402: "RequestLimitError",
    404: "EntityNotFoundError",
    409: "ConflictError",
    422: "InvalidStateError",
    429: "TooManyRequestsError",
    500: "InternalServerError",
    502: "BadGatewayError",
    503: "ServiceUnavailableError",
    504: "GatewayTimeoutError",
}
_CONSUMER_HEADER = "x-apideck-consumer-id"
_APP_HEADER = "x-apideck-app-id"
_DEFAULT_LIMIT = 20
_MAX_LIMIT = 200
_CONFIRM_TTL = 30 * 60.0
_SESSION_TTL = 3600.0
_MAX_SESSION = 7 * 24 * 3600.0
_LENGTH = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_NO_VALUE: Any = object()  # a resource default sent without a value (the spec's value is not nullable)
_CONSENT_NEEDED = frozenset({"pending", "denied", "revoked", "requires_reconsent"})


# --- the catalog -------------------------------------------------------------------------------


def _field(field_id: str, label: str, *, type: str = "text", required: bool = False, sensitive: bool = False) -> dict[str, Any]:
    return {
        "id": field_id,
        "label": label,
        "placeholder": "",
        "description": None,
        "type": type,
        "required": required,
        "custom_field": False,
        "allow_custom_values": False,
        "disabled": False,
        "hidden": False,
        "deprecated": False,
        "sensitive": sensitive,
        "prefix": None,
        "suffix": None,
    }


def _select(field_id: str, label: str, values: Sequence[str]) -> dict[str, Any]:
    return {
        **_field(field_id, label, type="select"),
        "custom_field": True,
        "allow_custom_values": True,
        "options": [{"label": value, "value": value, "option_type": "simple"} for value in values],
    }


@dataclass(frozen=True)
class ConnectorResource:
    """A resource of a connector: its configurable settings, custom fields and custom mapping targets."""

    settings: tuple[dict[str, Any], ...] = ()
    custom_fields: tuple[dict[str, Any], ...] = ()
    mappings: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Connector:
    """A connector (service) of a Unified API, as the fake's catalog offers it."""

    unified_api: str
    service_id: str
    name: str
    auth_type: str
    grant_type: str | None = None
    form_fields: tuple[dict[str, Any], ...] = ()
    required_for_authorization: tuple[str, ...] = ()
    resources: Mapping[str, ConnectorResource] = field(default_factory=dict)
    migration_targets: tuple[str, ...] = ()
    integration_state: str = "configured"

    @property
    def id(self) -> str:
        """`<unified_api>+<service_id>`."""
        return f"{self.unified_api}+{self.service_id}"

    @property
    def required_settings(self) -> list[str]:
        """Settings a connection needs before it is callable."""
        return [item["id"] for item in self.form_fields if item.get("required")]


def _mapping(unified_api: str, resource: str, key: str, label: str, value: str | None, example: str | None) -> dict[str, Any]:
    return {
        "id": f"{unified_api}+{resource}+{key}",
        "label": label,
        "description": None,
        "value": value,
        "key": key,
        "required": False,
        "custom_field": True,
        "example": example,
    }


_LEADS = ConnectorResource(
    settings=(
        _select("ProductInterest", "Product interest", ["GC5000 series", "GC6000 series"]),
        _field("lead_score", "Lead score", type="number"),
    ),
    custom_fields=(
        {"id": "lead_score__c", "name": "Lead score", "description": None, "value": 87, "finder": "$.lead_score__c"},
        {"id": "region__c", "name": None, "description": "Sales region", "value": "EMEA", "finder": "$.region__c"},
    ),
    mappings=(_mapping("crm", "leads", "lead_score", "Lead score", "$.root.lead_score__c", "87"),),
)
_EMPLOYEES = ConnectorResource(
    custom_fields=(
        {"id": "123456", "name": "SSN", "description": None, "value": "495172776", "finder": "$.custom_fields[?(@.id=='123456')].value"},
        {"id": "level", "name": None, "description": "Employee Level", "value": 3, "finder": "$.custom_fields[?(@.id=='level')].value"},
    ),
    mappings=(
        _mapping("hris", "employees", "first_aid_training", "First Aid Training", "$.root.training.first_aid", "2021-03-12"),
        _mapping("hris", "employees", "badge_number", "Badge number", None, None),
    ),
)
_INVOICES = ConnectorResource(
    custom_fields=(
        {"id": "po_number", "name": "PO number", "description": None, "value": "PO-1001", "finder": "$.CustomField[0].StringValue"},
    ),
    mappings=(_mapping("accounting", "invoices", "po_number", "PO number", "$.CustomField[0].StringValue", "PO-1001"),),
)
_API_KEY_FIELD = _field("api_key", "API key", type="password", required=True, sensitive=True)
_CLIENT_FIELDS = (
    _field("client_id", "Client ID", required=True),
    _field("client_secret", "Client secret", type="password", required=True, sensitive=True),
)

CATALOG: tuple[Connector, ...] = (
    Connector(
        "crm",
        "salesforce",
        "Salesforce",
        "oauth2",
        "authorization_code",
        (_field("instance_url", "Instance url"),),
        (),
        {"leads": _LEADS, "contacts": ConnectorResource()},
    ),
    Connector("crm", "pipedrive", "Pipedrive", "apiKey", None, (_API_KEY_FIELD,), (), {"leads": _LEADS}),
    Connector(
        "crm",
        "hubspot",
        "HubSpot",
        "oauth2",
        "authorization_code",
        (),
        ("client_id", "client_secret"),
        integration_state="needs_configuration",
    ),
    Connector(
        "accounting",
        "quickbooks",
        "QuickBooks",
        "oauth2",
        "authorization_code",
        (),
        (),
        {"invoices": _INVOICES},
        ("intuit-enterprise-suite",),
    ),
    Connector(
        "accounting", "intuit-enterprise-suite", "Intuit Enterprise Suite", "oauth2", "authorization_code", (), (), {"invoices": _INVOICES}
    ),
    Connector("accounting", "xero", "Xero", "oauth2", "authorization_code"),
    Connector(
        "hris",
        "bamboohr",
        "BambooHR",
        "apiKey",
        None,
        (_field("subdomain", "Subdomain", required=True), _API_KEY_FIELD),
        (),
        {"employees": _EMPLOYEES},
    ),
    Connector(
        "hris",
        "workday",
        "Workday",
        "oauth2",
        "client_credentials",
        _CLIENT_FIELDS,
        ("client_id", "client_secret"),
        {"employees": _EMPLOYEES},
    ),
    Connector("file-storage", "box", "Box", "oauth2", "authorization_code"),
    Connector("file-storage", "google-drive", "Google Drive", "oauth2", "authorization_code"),
)
"""The connectors every FakeApideck offers (a few per Unified API)."""


# --- state -------------------------------------------------------------------------------------


@dataclass
class _Connection:
    connector: Connector
    consumer_id: str
    created_at: float
    enabled: bool = True
    settings: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] | None = None
    credentials: dict[str, Any] | None = None
    configuration: dict[str, dict[str, Any]] = field(default_factory=dict)  # resource -> field id -> value
    mapping_values: dict[str, str] = field(default_factory=dict)  # mapping id -> value
    consent_state: str = "implicit"
    consents: list[dict[str, Any]] = field(default_factory=list)
    confirm_token: str | None = None
    confirm_expires: float = 0.0
    invalid: bool = False
    refresh_fails: bool = False
    last_refresh_failed_at: float = 0.0
    updated_at: float | None = None


@dataclass
class _LogBook:
    """A consumer's log entries, oldest first, with their sequence numbers (ascending)."""

    seqs: list[int] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    last_time: float = 0.0


@dataclass
class _Consumer:
    consumer_id: str
    seq: int
    created: float
    metadata: dict[str, str] = field(default_factory=dict)
    modified: float = 0.0
    connections: dict[tuple[str, str], _Connection] = field(default_factory=dict)


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _ms(seconds: float) -> int:
    return int(seconds * 1000)


def _parse_time(value: str) -> float | None:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class FakeApideck(FakeVault[Apideck, AsyncApideck]):
    """A fake Apideck Vault. Credentials: `fake.api_key`, `fake.app_id`; the client's consumer: `fake.consumer_id`."""

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
        self.app_id = app_id or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(39))
        self.consumer_id = consumer_id
        self.apply_connector_filter = apply_connector_filter
        self.request_limit = request_limit
        self._requests_served = 0
        self.catalog: dict[tuple[str, str], Connector] = {(item.unified_api, item.service_id): item for item in CATALOG}
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

    # --- consumers ---------------------------------------------------------------------------------

    @route("POST", "/vault/consumers")
    def consumers_add(self, request: httpx.Request) -> httpx.Response:
        body = self._body(request)
        consumer_id = body["consumer_id"]
        if not consumer_id:
            return self._fail(400, "Invalid Params", detail="consumer_id must not be empty")
        consumer = self._upsert_consumer(consumer_id, body.get("metadata"))  # an existing consumer is updated, as sessions do
        return self._ok(self._consumer_json(consumer, connections=True))

    @route("GET", "/vault/consumers")
    def consumers_all(self, request: httpx.Request) -> httpx.Response:
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
        consumer = self._consumers.get(consumer_id)
        if consumer is None:
            return self._not_found("consumer", consumer_id)
        return self._ok(self._consumer_json(consumer, connections=True))

    @route("PATCH", "/vault/consumers/{consumer_id}")
    def consumers_update(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
        consumer = self._consumers.get(consumer_id)
        if consumer is None:
            return self._not_found("consumer", consumer_id)
        consumer.metadata.update(self._body(request).get("metadata", {}))
        consumer.modified = self.clock()
        return self._ok(self._consumer_json(consumer, connections=False))

    @route("DELETE", "/vault/consumers/{consumer_id}")
    def consumers_delete(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
        if self._consumers.pop(consumer_id, None) is None:
            return self._not_found("consumer", consumer_id)
        self._logs.pop(consumer_id, None)
        return self._ok({"consumer_id": consumer_id})

    @route("GET", "/vault/consumers/{consumer_id}/stats")
    def consumer_request_counts_all(self, request: httpx.Request, consumer_id: str) -> httpx.Response:
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
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok(self._connection_json(conn, self._origin(request), detail=True))

    @route("POST", "/vault/connections/{unified_api}/{service_id}")
    def connections_add(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
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
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        del self._consumers[conn.consumer_id].connections[(unified_api, service_id)]
        return httpx.Response(204)

    @route("POST", "/vault/connections/{unified_api}/{service_id}/import")
    def connections_import(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
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
        conn, refused = self._existing(request, unified_api, service_id)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok([dict(record) for record in conn.consents])

    @route("PATCH", "/vault/connections/{unified_api}/{service_id}/consent")
    def connection_consent_update(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
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
        conn, refused = self._resource(request, unified_api, service_id, resource)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok(self._connection_json(conn, self._origin(request), detail=True, resource=resource))

    @route("PATCH", "/vault/connections/{unified_api}/{service_id}/{resource}/config")
    def connection_settings_update(self, request: httpx.Request, unified_api: str, service_id: str, resource: str) -> httpx.Response:
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
        conn, refused = self._resource(request, unified_api, service_id, resource)
        if conn is None:
            return refused  # type: ignore[return-value]
        return self._ok(self._mappings(conn, conn.connector, resource))

    @route("GET", "/vault/custom-mappings/{unified_api}/{service_id}")
    def custom_mappings_all(self, request: httpx.Request, unified_api: str, service_id: str) -> httpx.Response:
        connector = self.catalog.get((unified_api, service_id))
        if connector is None:
            return self._not_found("connector", f"{unified_api}+{service_id}")
        return self._ok(self._mappings(None, connector))

    # --- sessions and logs ---------------------------------------------------------------------

    @route("POST", "/vault/sessions")
    def sessions_create(self, request: httpx.Request) -> httpx.Response:
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
