"""What FakeApideck stores (consumers, connections, log books), its limits and its time formats."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._catalog import Connector

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
