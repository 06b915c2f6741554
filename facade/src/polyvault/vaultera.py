"""Vaultera PCI (v1): payment cards exchanged for card tokens, sent to third parties, captured from their answers.

```
with Vaultera() as vaultera:                                   # VAULTERA_API_KEY
    card = vaultera.cards.store(card_number="4111111111111111", expiration_month="12", expiration_year="2030")
    answer = vaultera.cards.send(card.card_token, method="post", url="https://gateway.example/charges",
                                 json={"number": "%CARD_NUMBER%", "exp": "%EXPIRATION_MM%/%EXPIRATION_YY%"})
    token = vaultera.session_tokens.create("show_card")
    iframe_src = vaultera.show_card_url(card.card_token, token)  # for the browser, never logged
```
The API key travels as the `api_key` query parameter, and only to the configured host. `send` and
`capture` return the third party's answer as a raw `httpx.Response`: its status is data, never an
error (Vaultera's own refusals arrive the same way). Transport failures and 429s still go through
the shared retry loop; a POST that may have reached Vaultera is never resent.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, get_args
from urllib.parse import quote, urlencode

import httpx

from ._core import checks
from ._core.auth import QueryAuth
from ._core.client import Async as _Async
from ._core.client import AsyncLifecycle, BaseClient, M, Resource, Sync, SyncLifecycle, VaultProfile
from ._core.config import ClientOptions, required
from ._core.failures import ErrorBody, unreadable
from ._core.ops import operation
from ._core.reading import MissingFieldError, Reader, no_raw
from ._core.runtime import Plan
from .errors import InvalidRequestError

if TYPE_CHECKING:
    from polyvault_vaultera_client import Client as RawClient

__all__ = [
    "DROP_INS",
    "TOKENS_HEADER",
    "ApiKey",
    "AsyncVaultera",
    "CaptureResult",
    "Card",
    "ProxyMethod",
    "SessionScope",
    "SessionToken",
    "Vaultera",
]

SessionScope = Literal["card", "show_card", "show_service_code"]
"""What a session token authorizes: the capture form, showing a card, or showing only its service code."""
SESSION_SCOPES: frozenset[SessionScope] = frozenset(get_args(SessionScope))
ProxyMethod = Literal["get", "post", "put", "delete", "patch", "head", "options"]
"""The HTTP method Vaultera uses to call the third party."""
PROXY_METHODS: frozenset[ProxyMethod] = frozenset(get_args(ProxyMethod))
DROP_INS = (
    "%CARD_NUMBER%",
    "%CARDHOLDER_NAME%",
    "%SERVICE_CODE%",
    "%EXPIRATION_MM%",
    "%EXPIRATION_YYYY%",
    "%EXPIRATION_YY%",
    "%CARD_TYPE%",
)
"""Placeholders `cards.send` bodies may carry; Vaultera replaces them with the stored card's data."""
TOKENS_HEADER = "X-PCI-VAULTERA-TOKENS"
"""The response header in which Vaultera lists the card tokens of a `capture`, one per booking."""
DEFAULT_BASE_URL = "https://pci.vaultera.co/api/v1"
_NAME = "vaultera"
T = TypeVar("T")
_MAX_TEXT_ERROR = 200
_CARD_TOKEN = re.compile(r"^[0-9a-f]{32}$")
_BODY_TOKEN_KEYS = frozenset({"token", "card_token"})


def _parse_error(body: Any) -> ErrorBody | None:
    """Vaultera's error format is not published: read it leniently.

    JSON in the Channex core style `{"errors": {"code", "title", "details"}}` (also a list of such
    objects, or `{"error": ...}`), or plain text (the message, clipped). HTML is not Vaultera's format.
    """
    if isinstance(body, str):
        text = body.strip()
        if text.startswith("<"):
            return None
        clipped = text if len(text) <= _MAX_TEXT_ERROR else text[:_MAX_TEXT_ERROR] + "…"
        return ErrorBody(code=None, message=clipped or None)
    if not isinstance(body, dict):
        return None
    for key in ("errors", "error"):
        if key in body:
            return _error_entry(body[key])
    message = body.get("message")
    return ErrorBody(code=None, message=message) if isinstance(message, str) else None


def _error_entry(entry: Any) -> ErrorBody | None:
    if isinstance(entry, str):
        return ErrorBody(code=None, message=entry or None)
    if isinstance(entry, list):
        parts = [part for part in (_error_entry(item) for item in entry) if part is not None]
        if not parts:
            return ErrorBody(code=None, message=None, detail=entry or None)
        messages = [part.message for part in parts if part.message]
        return ErrorBody(code=parts[0].code, message="; ".join(messages) or None, detail=entry)
    if not isinstance(entry, dict):
        return None
    code = entry.get("code")
    title = entry.get("title") or entry.get("message") or entry.get("detail")
    return ErrorBody(
        code=str(code) if code not in (None, "") else None,
        message=str(title) if title not in (None, "") else None,
        detail=entry.get("details"),
    )


_PROFILE = VaultProfile(name=_NAME, package="polyvault_vaultera_client", extra="vaultera", parse_error=_parse_error)
_PROFILE.require()  # the generated package (and attrs) load on first use: importing and constructing Vaultera loads neither


# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A secondary API key. `api_key` is the full key only in the record `api_keys.create` returns
    (the one time Vaultera shows it), masked (`...4a39b3`) everywhere else; repr shows only `masked`.

    Attributes:
        id: The key's id (pass it to `api_keys.get` and `api_keys.revoke`).
        api_key: The full key in the record `create` returns, else the masked form Vaultera sends.
        masked: The key's last six characters (`...4a39b3`): safe to show and log.
        description: The description given at creation, or None.
        status: `active` or `revoked` (or a status added later: kept as sent).
        created_at: When the key was created.
        revoked_at: When it was revoked, or None.
    """

    id: uuid.UUID
    api_key: str = field(repr=False)
    masked: str
    description: str | None
    status: str | None
    created_at: datetime | None
    revoked_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this key was read from (its `attributes` hold the key)."""

    @property
    def active(self) -> bool:
        """Whether the key can still sign requests (status `active`)."""
        return self.status == "active"


@dataclass(frozen=True, slots=True)
class SessionToken:
    """A one-off token for an embedded (iframe) operation. The token itself never appears in repr.

    Attributes:
        id: The session token's id.
        scope: What it authorizes: `card`, `show_card` or `show_service_code`.
        session_token: The token itself (a secret until used): pass the record or this string to
            `capture_form_url`/`show_card_url`.
    """

    id: str
    scope: str
    session_token: str = field(repr=False)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this token was read from (it holds the token)."""


@dataclass(frozen=True, slots=True)
class Card:
    """A stored card as Vaultera returns it: its `card_token` and masked fields (never the full number).

    Attributes:
        card_token: The token that stands for the card (32 hex digits): store this, not the card.
        card_number: The masked number (`411111******1111`), or None.
        card_type: The card's brand as Vaultera names it (for example `visa`), or None.
        expiration_month: Two digits, or None.
        expiration_year: Four digits, or None.
        cardholder_name: The name on the card, or None (never in repr).
        extra: Fields this client does not know (e.g. a masked service code), as sent.
    """

    card_token: str
    card_number: str | None = None
    card_type: str | None = None
    expiration_month: str | None = None
    expiration_year: str | None = None
    cardholder_name: str | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this card was read from."""


@dataclass(frozen=True, slots=True)
class CaptureResult:
    """What `capture` returns: the third party's answer (card data masked by Vaultera) and the card tokens.

    `tokens` has one entry per booking, in the answer's order, None where a booking had no card. They
    come from the `X-PCI-VAULTERA-TOKENS` header when Vaultera sent it (`source="header"`); otherwise
    from the body (`source="body"`): every `token`/`card_token` field holding a 32-hex card token, in
    document order (bookings without a card are then simply absent).

    Attributes:
        response: The third party's answer as Vaultera relayed it, card data masked.
        tokens: One card token per booking, None for a booking without a card.
        source: Where the tokens came from: `header`, `body`, or `none` when there were none.
    """

    response: httpx.Response
    tokens: tuple[str | None, ...]
    source: Literal["header", "body", "none"]

    @property
    def status_code(self) -> int:
        """The third party's status code."""
        return self.response.status_code

    @property
    def card_tokens(self) -> list[str]:
        """The tokens of the bookings that had a card."""
        return [token for token in self.tokens if token]

    def json(self) -> Any:
        """The third party's (masked) answer, decoded from JSON."""
        return self.response.json()


# --- reading responses (tolerant: see polyvault._core.reading) ---------------------------------------
# Needed: an API key's id and key, a session token's id and token, a card's token. Anything else that
# cannot be read is None, with a DEBUG line on `polyvault.vaultera`.

_READ = Reader(_NAME)
_CARD_FIELDS = frozenset({"card_token", "card_number", "card_type", "cardholder_name", "expiration_month", "expiration_year"})


def _mask_key(key: str) -> str:
    if key.startswith("..."):
        return key
    return "..." + key[-6:] if len(key) >= 12 else "..."


def _data(body: Any) -> dict[str, Any]:
    """The `data` object of an envelope `{"data": {...}}`."""
    return _READ.need_mapping(_READ.need_mapping(body, "body").get("data"), "data")


def _attributes(data: dict[str, Any], label: str) -> dict[str, Any]:
    return _READ.need_mapping(data.get("attributes"), f"{label}.attributes")


def _api_key(data: Any) -> ApiKey:
    data = _READ.need_mapping(data, "api_key")
    attributes = _attributes(data, "api_key")
    text_id = _READ.need_text(data.get("id"), "api_key.id")
    try:
        key_id = uuid.UUID(text_id)
    except ValueError:
        raise MissingFieldError("api_key.id", "a UUID", text_id) from None
    key = _READ.need_text(attributes.get("api_key"), "api_key.attributes.api_key")
    return ApiKey(
        id=key_id,
        api_key=key,
        masked=_mask_key(key),
        description=_READ.text(attributes.get("description"), "api_key.attributes.description"),
        status=_READ.text(attributes.get("status"), "api_key.attributes.status"),
        created_at=_READ.when(attributes.get("created_at"), "api_key.attributes.created_at"),
        revoked_at=_READ.when(attributes.get("revoked_at"), "api_key.attributes.revoked_at"),
        raw=MappingProxyType(data),
    )


def _api_key_list(body: Any) -> list[ApiKey]:
    return [_api_key(item) for item in _READ.need_array(_READ.need_mapping(body, "body").get("data"), "data")]


def _api_key_single(body: Any) -> ApiKey:
    return _api_key(_data(body))


def _session_token(scope: str) -> Callable[[Any], SessionToken]:
    """Converter for a session token answer; its scope is the one asked for when the answer does not say."""

    def convert(body: Any) -> SessionToken:
        data = _data(body)
        attributes = _attributes(data, "session_token")
        return SessionToken(
            id=_READ.need_text(data.get("id"), "session_token.id"),
            scope=_READ.text(attributes.get("scope"), "session_token.attributes.scope") or scope,
            session_token=_READ.need_text(attributes.get("session_token"), "session_token.attributes.session_token"),
            raw=MappingProxyType(data),
        )

    return convert


def _masked_number(value: str | None) -> str | None:
    """The card number as returned, masked here too should the server ever send it in full."""
    if value is None:
        return None
    digits = value.replace(" ", "").replace("-", "")
    if digits.isdigit() and len(digits) >= 12:
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    return value


def _card(body: Any) -> Card:
    data = _data(body)
    attributes = _attributes(data, "card")
    return Card(
        card_token=_READ.need_text(attributes.get("card_token"), "card.attributes.card_token"),
        card_number=_masked_number(_READ.text(attributes.get("card_number"), "card.attributes.card_number")),
        card_type=_READ.text(attributes.get("card_type"), "card.attributes.card_type"),
        expiration_month=_READ.text(attributes.get("expiration_month"), "card.attributes.expiration_month"),
        expiration_year=_READ.text(attributes.get("expiration_year"), "card.attributes.expiration_year"),
        cardholder_name=_READ.text(attributes.get("cardholder_name"), "card.attributes.cardholder_name"),
        extra=MappingProxyType({key: value for key, value in attributes.items() if key not in _CARD_FIELDS}),
        raw=MappingProxyType(data),
    )


def _ignore(parsed: Any) -> None:
    return None


# --- argument checks -----------------------------------------------------------------------------


def _key_id(value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    text = checks.text(value, "key_id", _NAME)
    try:
        return uuid.UUID(text)
    except ValueError:
        raise InvalidRequestError("key_id must be an API key id (a UUID)", vault=_NAME) from None


def _token(value: object, name: str) -> str:
    """A token argument: a non-empty string without whitespace. Never echoed in messages."""
    text = checks.text(value, name, _NAME)
    if any(char.isspace() or not char.isprintable() for char in text):
        raise InvalidRequestError(f"{name} must not contain whitespace or control characters", vault=_NAME)
    return checks.path_segment(text, name, _NAME)


def _session_token_arg(value: object, name: str, scope: SessionScope) -> str:
    """A session token string, or a `SessionToken` record (whose scope must fit)."""
    if isinstance(value, SessionToken):
        if value.scope != scope:
            raise InvalidRequestError(f"{name} needs a session token with scope {scope!r}, not {value.scope!r}", vault=_NAME)
        value = value.session_token
    return _token(value, name)


def _card_number(value: object) -> str:
    """Digits only (spaces and dashes are removed), 12 to 19 of them.

    The Luhn check is deliberately not enforced: some valid cards (e.g. certain UnionPay and
    private-label cards) do not follow it, so only a clearly wrong number is refused.
    """
    if not isinstance(value, str):
        raise InvalidRequestError(f"card_number must be a string, not {type(value).__name__}", vault=_NAME)
    digits = value.replace(" ", "").replace("-", "")
    if not digits.isascii() or not digits.isdigit() or not 12 <= len(digits) <= 19:
        raise InvalidRequestError("card_number must be 12 to 19 digits (spaces and dashes allowed)", vault=_NAME)
    return digits


def _month(value: object) -> str:
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and value.isascii() and value.isdigit() and 1 <= len(value) <= 2:
        number = int(value)
    if number is None or not 1 <= number <= 12:
        raise InvalidRequestError("expiration_month must be a month from 1 to 12 (e.g. '07')", vault=_NAME)
    return f"{number:02d}"


def _year(value: object) -> str:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not text.isascii() or not text.isdigit() or len(text) != 4:
        raise InvalidRequestError("expiration_year must be a four-digit year (e.g. '2030')", vault=_NAME)
    return text


def _service_code(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or not 3 <= len(value) <= 4:
        raise InvalidRequestError("service_code must be 3 or 4 digits", vault=_NAME)
    return value


def _proxy_method(value: object) -> ProxyMethod:
    lowered = value.lower() if isinstance(value, str) else value
    return checks.choice(lowered, PROXY_METHODS, "method", _NAME)


def _https_url(value: object) -> str:
    """The third party's URL, as given (httpx encodes it as a query value). Never echoed: it may carry secrets."""
    text = checks.text(value, "url", _NAME)
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InvalidRequestError("url is not a valid URL", vault=_NAME) from None
    if not text.startswith("https://") or not parsed.host:
        raise InvalidRequestError("url must be an absolute https:// URL (Vaultera calls third parties over https only)", vault=_NAME)
    return text


def _proxy_headers(value: object) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidRequestError("headers must be a mapping of header names to values", vault=_NAME)
    headers: dict[str, str] = {}
    for name, item in value.items():
        if not isinstance(name, str) or not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
            raise InvalidRequestError("headers has a name that is not a valid HTTP header name", vault=_NAME)
        if not isinstance(item, str):
            raise InvalidRequestError(f"header {name} must be a string", vault=_NAME)
        headers[name] = checks.header_value(item, f"header {name}", _NAME)
    return headers


def _proxy_kwargs(endpoint: Any, json: object, content: object, headers: dict[str, str], **arguments: Any) -> dict[str, Any]:
    """The generated request for a proxy call, with the caller's body (JSON, or raw bytes) and content type."""
    if json is not None and content is not None:
        raise InvalidRequestError("pass either json= or content=, not both", vault=_NAME)
    if content is not None and not isinstance(content, (bytes, str)):
        raise InvalidRequestError(f"content must be bytes or str, not {type(content).__name__}", vault=_NAME)
    body = _PROFILE.unset if json is None else checks.json_object({"json": json}, "json", _NAME)["json"]
    kwargs: dict[str, Any] = endpoint._get_kwargs(body=body, **arguments)
    caller_sets_type = any(name.lower() == "content-type" for name in headers)
    if content is not None:
        kwargs["content"] = content.encode() if isinstance(content, str) else content
    if caller_sets_type or (json is None and content is None):
        kwargs["headers"] = {name: value for name, value in kwargs.get("headers", {}).items() if name.lower() != "content-type"}
    return kwargs


def _without_key(response: httpx.Response) -> httpx.Response:
    """The response, its `.request` replaced by one whose URL no longer carries the API key."""
    sent = response.request
    response.request = httpx.Request(sent.method, sent.url.copy_remove_param("api_key"), headers=sent.headers)
    return response


def _header_tokens(value: str) -> tuple[str | None, ...]:
    return tuple(entry.strip() or None for entry in value.split(","))


def _body_tokens(response: httpx.Response) -> tuple[str, ...]:
    try:
        payload = response.json()
    except ValueError:
        return ()
    found: list[str] = []
    _collect_tokens(payload, found, depth=0)
    return tuple(found)


def _collect_tokens(node: Any, found: list[str], depth: int) -> None:
    """Card tokens under `token`/`card_token` keys, in document order (nesting bounded)."""
    if depth > 64:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _BODY_TOKEN_KEYS and isinstance(value, str) and _CARD_TOKEN.match(value):
                found.append(value)
            else:
                _collect_tokens(value, found, depth + 1)
    elif isinstance(node, list):
        for item in node:
            _collect_tokens(item, found, depth + 1)


# --- resources -----------------------------------------------------------------------------------


class ApiKeys(Resource[M]):
    """The account's secondary API keys (`vaultera.api_keys`): list, create, get, revoke."""

    @operation
    def list(self) -> Plan[list[ApiKey]]:
        """Every secondary key of the account, keys masked. Not paginated.

        Returns:
            The keys, active and revoked.

        Raises:
            AuthenticationError: The client's API key was refused (or revoked).
        """
        return (yield from self._client._call("api_keys.list_api_keys", convert=_api_key_list, json_status=200))

    @operation
    def create(self, description: str | None = None) -> Plan[ApiKey]:
        """Create a key. The returned record holds the full key: Vaultera shows it only this once.

        Not retried once the request may have reached Vaultera (a second key would be created).

        Args:
            description: A note to recognise the key by later.

        Returns:
            The new key, `api_key` in full: store it now (its repr shows only `masked`).
        """
        params = _PROFILE.models.ApiKeyCreateParams(description=_unset(checks.optional_text(description, "description", _NAME)))
        return (
            yield from self._client._call(
                "api_keys.create_api_key",
                body=_PROFILE.models.ApiKeyCreateRequest(api_key=params),
                convert=_api_key_single,
                json_status=200,
            )
        )

    @operation
    def get(self, key_id: str | uuid.UUID) -> Plan[ApiKey]:
        """One key, masked.

        Args:
            key_id: The key's id (a UUID, or its string form).

        Returns:
            The key, `api_key` masked.

        Raises:
            InvalidRequestError: `key_id` is not a UUID (nothing is sent).
            NotFoundError: No such key.
        """
        return (yield from self._client._call("api_keys.get_api_key", id=_key_id(key_id), convert=_api_key_single, json_status=200))

    @operation
    def revoke(self, key_id: str | uuid.UUID) -> Plan[None]:
        """Revoke a key: every later request signed with it is refused.

        Args:
            key_id: The key's id (a UUID, or its string form).

        Raises:
            InvalidRequestError: `key_id` is not a UUID (nothing is sent).
            NotFoundError: No such key.
        """
        yield from self._client._call("api_keys.revoke_api_key", id=_key_id(key_id), convert=_ignore)


class SessionTokens(Resource[M]):
    """One-off tokens for the embedded (iframe) operations (`vaultera.session_tokens`)."""

    @operation
    def create(self, scope: SessionScope) -> Plan[SessionToken]:
        """A one-off token: `card` for the capture form, `show_card` to show a card, `show_service_code` for its CVV.

        Args:
            scope: What the token authorizes (see `SessionScope`).

        Returns:
            The token: pass it to `capture_form_url` or `show_card_url`; each token works once.

        Raises:
            InvalidRequestError: `scope` is not one of the three (nothing is sent).
        """
        chosen = checks.choice(scope, SESSION_SCOPES, "scope", _NAME)
        body = _PROFILE.models.SessionTokenCreateRequest(session_token=_PROFILE.models.SessionTokenCreateParams(scope=chosen))
        # Its success status is not documented (any 2xx), so the body is read here rather than by `_call`.
        kwargs = _PROFILE.endpoint("session_tokens.create_session_token")._get_kwargs(body=body)
        response = yield from self._client._exchange(kwargs)
        return _read_json(response, _session_token(chosen))


def _read_json(response: httpx.Response, convert: Callable[[Any], T]) -> T:
    """`convert` applied to a success answer's JSON; an answer it cannot read is an `UnexpectedResponseError`."""
    try:
        return convert(response.json())
    except Exception as exc:  # noqa: BLE001 - any failure to read means the body is not what the spec says
        raise unreadable(_NAME, response, exc) from None


class Cards(Resource[M]):
    """Store, delete and send cards (`vaultera.cards`)."""

    @operation
    def store(
        self,
        *,
        card_number: str,
        expiration_month: str | int,
        expiration_year: str | int,
        card_type: str | None = None,
        cardholder_name: str | None = None,
        service_code: str | None = None,
    ) -> Plan[Card]:
        """Store a card; returns its `card_token` and masked fields.

        Not retried once the request may have reached Vaultera (the card would be stored twice).
        The number and service code never appear in any error text.

        Args:
            card_number: 12 to 19 digits; spaces and dashes are removed. The Luhn check is not
                enforced (some valid cards do not follow it).
            expiration_month: 1 to 12, as a number or a string; sent as two digits.
            expiration_year: A four-digit year.
            card_type: The card's brand, if you know it.
            cardholder_name: The name on the card.
            service_code: The 3 or 4 digit security code (CVV), stored for one use.

        Returns:
            The stored card: its `card_token` and masked fields.

        Raises:
            InvalidRequestError: An argument is malformed (nothing is sent).
            BadRequestError: Vaultera refused the card.
        """
        number = _card_number(card_number)
        code = _service_code(service_code)
        card = _PROFILE.models.CardInput(
            card_number=number,
            expiration_month=_month(expiration_month),
            expiration_year=_year(expiration_year),
            card_type=_unset(checks.optional_text(card_type, "card_type", _NAME)),
            cardholder_name=_unset(checks.optional_text(cardholder_name, "cardholder_name", _NAME)),
            service_code=_unset(code),
        )
        secrets = [value for value in (number, card_number, code) if value]
        return (
            yield from self._client._call(
                "cards.store_card", body=_PROFILE.models.CardStoreRequest(card=card), convert=_card, secrets=secrets, json_status=200
            )
        )

    @operation
    def delete(self, card_token: str) -> Plan[None]:
        """Delete a stored card (best practice: within 7 days after its use).

        Args:
            card_token: The card's token.

        Raises:
            InvalidRequestError: `card_token` is empty or contains whitespace (nothing is sent).
            NotFoundError: No such card.
        """
        yield from self._client._call("cards.delete_card", card_token=_token(card_token, "card_token"), convert=_ignore)

    @operation
    def send(
        self,
        card_token: str,
        *,
        method: ProxyMethod,
        url: str,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Plan[httpx.Response]:
        """Have Vaultera call `url` with `method`, the body's drop-ins (see `DROP_INS`) replaced by the card's data.

        Returns the third party's response as it is: any status is data, not an error (Vaultera's own
        refusals, e.g. an unknown card token, arrive the same way). `json=` sends a JSON body,
        `content=` raw bytes (pass the content type in `headers`); `headers` are forwarded to the
        third party and never appear in error text. Not retried once the request may have reached
        Vaultera (the card could be charged twice); 429s are retried.

        Args:
            card_token: The stored card to send.
            method: The HTTP method Vaultera uses to call the third party.
            url: The third party's `https://` URL (it may carry the third party's own credentials:
                it never appears in error text).
            json: A JSON body with drop-ins, e.g. `{"number": "%CARD_NUMBER%"}`.
            content: A raw body instead of `json` (pass its content type in `headers`).
            headers: Headers forwarded to the third party.

        Returns:
            The third party's response, as it is (its `request` no longer carries the API key).

        Raises:
            InvalidRequestError: A malformed argument, or both `json` and `content` (nothing is sent).
            VaultConnectionError: No answer from Vaultera (`request_sent` says whether the request left).
        """
        token = _token(card_token, "card_token")
        extra: dict[str, str] = _proxy_headers(headers)
        target = _https_url(url)
        kwargs = _proxy_kwargs(
            _PROFILE.endpoint("cards.send_card"), json, content, extra, card_token=token, method=_proxy_method(method), url_query=target
        )
        secrets: list[str] = [target, *extra.values()]  # a third party's URL or headers may carry its credentials
        response = yield from self._client._exchange(kwargs, raise_for_status=False, secrets=secrets, headers=extra)
        return _without_key(response)


def _unset(value: Any) -> Any:
    return _PROFILE.unset if value is None else value


class _VaulteraClient(BaseClient[M]):
    """Shared constructor, resources and URL builders of `Vaultera` and `AsyncVaultera`."""

    _profile = _PROFILE
    raw: RawClient  # the generated client (`BaseClient.raw`), typed for this vault

    def __init__(self, api_key: str | None = None, **options: Unpack[ClientOptions]) -> None:
        """Connect to Vaultera PCI with an API key (else `VAULTERA_API_KEY`).

        The key is sent as the `api_key` query parameter, only to the configured host, and is masked
        in every log record and error.

        Args:
            api_key: The account's master or secondary API key (else `VAULTERA_API_KEY`).
            **options: The keywords every client takes: `base_url` (default
                https://pci.vaultera.co/api/v1, else `VAULTERA_BASE_URL`), `timeout`, `max_retries`,
                `retry_policy`, `http_client`, `allow_http`, `max_concurrency`.

        Raises:
            InvalidRequestError: No API key was given or found in the environment, or an option is
                invalid. Nothing is sent at construction.
        """
        key = required(api_key, "VAULTERA_API_KEY", name="api_key", vault=_NAME)
        self._setup(
            options,
            default_url=DEFAULT_BASE_URL,
            url_env="VAULTERA_BASE_URL",
            make_auth=lambda url: QueryAuth(url, "api_key", key),
            secrets=(key,),
        )

    @cached_property
    def api_keys(self) -> ApiKeys[M]:
        """The account's secondary API keys: `vaultera.api_keys.list()`, `create`, `get`, `revoke`."""
        return ApiKeys(self)

    @cached_property
    def session_tokens(self) -> SessionTokens[M]:
        """One-off tokens for the embedded pages: `vaultera.session_tokens.create(scope)`."""
        return SessionTokens(self)

    @cached_property
    def cards(self) -> Cards[M]:
        """Stored cards: `vaultera.cards.store(...)`, `delete`, `send`."""
        return Cards(self)

    def capture_form_url(self, session_token: str | SessionToken) -> str:
        """The URL of the card capture form (an iframe `src`), for a session token of scope `card`.

        No request is made. The URL carries the one-off token (never the API key): hand it to the
        browser, do not log it.

        Args:
            session_token: A session token of scope `card` (the record or its string).

        Returns:
            The form's URL on the client's base URL.

        Raises:
            InvalidRequestError: The token's scope is not `card`, or the token is malformed.
        """
        token = _session_token_arg(session_token, "session_token", "card")
        return f"{self._base_url}/capture_form?{urlencode({'session_token': token}, quote_via=quote)}"

    def show_card_url(
        self,
        card_token: str,
        session_token: str | SessionToken,
        *,
        service_code_token: str | SessionToken | None = None,
    ) -> str:
        """The URL of the page that shows a stored card (an iframe `src`), for a session token of scope `show_card`.

        `service_code_token` (scope `show_service_code`) also shows the service code, once. No request
        is made; the URL carries one-off tokens (never the API key): load it client-side only, do not log it.

        Args:
            card_token: The stored card to show.
            session_token: A session token of scope `show_card` (the record or its string).
            service_code_token: A session token of scope `show_service_code`, to show the service code too.

        Returns:
            The page's URL on the client's base URL.

        Raises:
            InvalidRequestError: A token has the wrong scope or is malformed.
        """
        params = {
            "card_token": _token(card_token, "card_token"),
            "session_token": _session_token_arg(session_token, "session_token", "show_card"),
        }
        if service_code_token is not None:
            params["service_code_token"] = _session_token_arg(service_code_token, "service_code_token", "show_service_code")
        return f"{self._base_url}/show_card?{urlencode(params, quote_via=quote)}"

    @operation
    def capture(
        self,
        *,
        method: ProxyMethod,
        url: str,
        profile: str,
        json: Any = None,
        content: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Plan[CaptureResult]:
        """Have Vaultera call `url` with `method` (headers and body forwarded unchanged) and tokenise the cards
        in the answer with the tokenisation profile `profile`.

        Returns the third party's answer with card data masked (any status is data, not an error) and
        the card tokens, one per booking. Not retried once the request may have reached Vaultera.

        Args:
            method: The HTTP method Vaultera uses to call the third party.
            url: The third party's `https://` URL (never in error text).
            profile: The name of the account's tokenisation profile that says where the cards are.
            json: A JSON body to forward.
            content: A raw body instead of `json` (pass its content type in `headers`).
            headers: Headers forwarded to the third party.

        Returns:
            The masked answer and the card tokens found in it.

        Raises:
            InvalidRequestError: A malformed argument, or both `json` and `content` (nothing is sent).
            VaultConnectionError: No answer from Vaultera (`request_sent` says whether the request left).
        """
        extra: dict[str, str] = _proxy_headers(headers)
        target = _https_url(url)
        kwargs = _proxy_kwargs(
            _PROFILE.endpoint("capture.capture"),
            json,
            content,
            extra,
            method=_proxy_method(method),
            url_query=target,
            profile=_token(profile, "profile"),
        )
        secrets: list[str] = [target, *extra.values()]  # a third party's URL or headers may carry its credentials
        response = yield from self._exchange(kwargs, raise_for_status=False, secrets=secrets, headers=extra)
        response = _without_key(response)
        header = response.headers.get(TOKENS_HEADER)
        if header is not None:
            return CaptureResult(response, _header_tokens(header), "header")
        found = _body_tokens(response)
        return CaptureResult(response, found, "body" if found else "none")


class Vaultera(SyncLifecycle, _VaulteraClient[Sync]):
    """Vaultera PCI, synchronous. Thread-safe; use as a context manager or call `close()`."""


class AsyncVaultera(AsyncLifecycle, _VaulteraClient[_Async]):
    """Vaultera PCI for asyncio/trio: the same methods as `Vaultera`, awaited (the URL builders stay plain calls)."""
