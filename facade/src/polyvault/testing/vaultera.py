"""FakeVaultera: a stateful Vaultera PCI API v1 that behaves as Vaultera documents it.

- A master API key (`fake.master_key`, the credentials) and secondary keys: the full key is shown
  once, by the create call; list and get show it masked (`...4a39b3`). A revoked key stays listed
  (status `revoked`, `revoked_at` set) and every request signed with it is refused with 401.
- One-off session tokens by scope (`card`, `show_card`, `show_service_code`). The iframe pages are
  not API calls, so the fake simulates the browser instead: `submit_capture_form(url, ...)` and
  `show_card(url)` take the URLs the facade builds and redeem their tokens (once).
- Cards stored under 32-hex card tokens; responses carry masked fields only; delete. A card whose
  number is not 12-19 digits (or, with `luhn_check=True`, fails the Luhn check, which Vaultera does
  not document), month not 1-12, year not four digits or service code not 3-4 digits is refused
  with 422 `validation_error` and `details` per field.
- `send` forwards to the test's `target` with the drop-ins (`%CARD_NUMBER%` ...) replaced in the
  body (JSON-escaped for JSON bodies) and returns the target's answer unchanged, whatever its status
  (only hop-by-hop headers are dropped, and a body without a content type is labelled
  `application/octet-stream`). Headers are forwarded too, minus hop-by-hop ones and `Host`.
- `capture` forwards the request unchanged, tokenises the cards in the target's JSON answer with a
  tokenisation profile, masks them and returns the tokens in the body or in `X-PCI-VAULTERA-TOKENS`.
- Errors in the Channex-core style `{"errors": {"code", "title", "details"}}`, or plain text with
  `text_errors=True` (Vaultera's format is not published; the facade must read both).

`target` is the third party: an `httpx.BaseTransport`, or a handler `(httpx.Request) -> httpx.Response`
(default: `stub_third_party`, which answers `200 {"data": []}` to everything). Every request forwarded
to it is kept in `fake.forwarded`. No real network is ever called: with `target=None`, a target that
raises `httpx.TransportError`, or a URL that names no valid host, send and capture answer 502.

Tokenisation profiles (`profiles=`, added to the built-in `sample`, `channex` and `channex_entity`)
use the documented structure, of which the fake supports: `type` `json`; `schema.message_node.selector`
(`$` or `$.a.b`: a list there is one booking per item, an object is one booking); `schema.card_node.selector`
(a dotted path relative to the booking); `card_node.<field>.selector` (dotted, relative to the card
node) for card_number, cardholder_name, card_type, expiration_month, expiration_year, service_code,
with an optional `transformation` `substring:START,LENGTH`; `card_token_placement.type` `card_node`
(the token is written to `card_token_node` in the card node) or `headers`; and `error_node` (a card
that cannot be stored gets its error there, and no token). The card number is masked in the answer
(first 6 and last 4 digits) and the service code replaced by `***`.
"""

from __future__ import annotations

import hmac
import json
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from .._core.redact import MASK
from ..vaultera import AsyncVaultera, Vaultera
from ._base import FakeVault, ascii_digits, luhn_valid, route

TOKENS_HEADER = "X-PCI-VAULTERA-TOKENS"
"""The header in which `capture` lists card tokens when a profile places them in `headers`."""
Target = httpx.BaseTransport | Callable[[httpx.Request], httpx.Response]
"""The third party `send` and `capture` reach: a sync httpx transport, or a handler of one request."""

_SEND = "POST /cards/{card_token}/send"
_CAPTURE = "POST /capture"
_HOP_BY_HOP = frozenset(
    {"host", "content-length", "connection", "keep-alive", "transfer-encoding", "te", "upgrade", "proxy-authorization", "accept-encoding"}
)

_PASSTHROUGH_DROPPED = frozenset({"content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive"})
_FORWARDED_SECRET_HEADERS = frozenset({"authorization", "cookie", "user-api-key", "x-api-key", "api-key"})
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    422: "validation_error",
    429: "rate_limited",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
}
_CARD_FIELDS = ("card_number", "cardholder_name", "card_type", "expiration_month", "expiration_year", "service_code")

_SAMPLE_CARD_NODE: dict[str, Any] = {
    "card_number": {"selector": "card_number"},
    "cardholder_name": {"selector": "cardholder_name"},
    "expiration_month": {"selector": "expiration_date", "transformation": "substring:0,2"},
    "expiration_year": {"selector": "expiration_date", "transformation": "substring:3,6"},
    "service_code": {"selector": "cvv"},
}
DEFAULT_PROFILES: dict[str, dict[str, Any]] = {
    # The documented sample profile: bookings at $.data, the card at attributes.guarantee, the token written next to it.
    "sample": {
        "type": "json",
        "schema": {"message_node": {"selector": "$.data"}, "card_node": {"selector": "attributes.guarantee"}},
        "card_token_placement": {"type": "card_node", "card_token_node": "token", "error_node": "error"},
        "card_node": _SAMPLE_CARD_NODE,
    },
    # Channex booking lists (and single bookings): the same shape, tokens in X-PCI-VAULTERA-TOKENS.
    "channex": {
        "type": "json",
        "schema": {"message_node": {"selector": "$.data"}, "card_node": {"selector": "attributes.guarantee"}},
        "card_token_placement": {"type": "headers"},
        "card_node": _SAMPLE_CARD_NODE,
    },
    "channex_entity": {
        "type": "json",
        "schema": {"message_node": {"selector": "$.data"}, "card_node": {"selector": "attributes.guarantee"}},
        "card_token_placement": {"type": "headers"},
        "card_node": _SAMPLE_CARD_NODE,
    },
}
"""The built-in tokenisation profiles, by name: `sample` (the documented sample), `channex` and `channex_entity`."""


@dataclass
class _Key:
    id: str
    key: str
    description: str | None
    created_at: float
    revoked_at: float | None = None

    @property
    def status(self) -> str:
        return "active" if self.revoked_at is None else "revoked"


@dataclass
class _Card:
    card_number: str
    expiration_month: str
    expiration_year: str
    card_type: str | None = None
    cardholder_name: str | None = None
    service_code: str | None = None


@dataclass(frozen=True)
class ForwardedRequest:
    """One request the fake sent to the target (the third party). The body may hold card data: read it explicitly.

    Attributes:
        method: The HTTP method used.
        url: The third party's URL.
        status_code: The target's answer status, or None when it could not be reached.
    """

    method: str
    url: str
    status_code: int | None
    _headers: httpx.Headers = field(repr=False, compare=False)
    _content: bytes = field(repr=False, compare=False)

    @property
    def headers(self) -> dict[str, str]:
        """The forwarded headers, credential-like ones masked."""
        return {name: MASK if name in _FORWARDED_SECRET_HEADERS else value for name, value in self._headers.items()}

    def secret_header(self, name: str) -> str | None:
        """A header's real value (explicit accessor: it may be a third party's credential)."""
        value: str | None = self._headers.get(name)
        return value

    def content(self) -> bytes:
        """The raw body the target received (explicit accessor: drop-ins are replaced by card data)."""
        return self._content

    def body(self) -> Any:
        """The body decoded from JSON, or None when empty (explicit accessor: it may carry card data)."""
        return json.loads(self._content) if self._content else None


def _timestamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _mask_number(number: str) -> str:
    return number[:6] + "*" * max(0, len(number) - 10) + number[-4:]


def _card_problems(card: Mapping[str, Any], *, luhn: bool = True) -> dict[str, list[str]]:
    """What the fake refuses in a card (by field): the documented formats, and a failed Luhn check when `luhn`."""
    problems: dict[str, list[str]] = {}
    number = card.get("card_number")
    if not ascii_digits(number) or not 12 <= len(number) <= 19 or (luhn and not luhn_valid(number)):
        problems["card_number"] = ["is invalid"]
    month = card.get("expiration_month")
    if not ascii_digits(month) or not 1 <= int(month) <= 12:
        problems["expiration_month"] = ["is invalid"]
    year = card.get("expiration_year")
    if not ascii_digits(year) or len(year) != 4:
        problems["expiration_year"] = ["is invalid"]
    code = card.get("service_code")
    if code is not None and (not ascii_digits(code) or not 3 <= len(code) <= 4):
        problems["service_code"] = ["is invalid"]
    return problems


def _path(selector: str) -> list[str]:
    """A dotted selector (`$`, `$.a.b` or `a.b`) as keys."""
    text = selector.strip()
    if text.startswith("$"):
        text = text[1:].lstrip(".")
    return [part for part in text.split(".") if part]


def _select(node: Any, selector: str) -> Any:
    for key in _path(selector):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _assign(node: dict[str, Any], selector: str, value: Any) -> None:
    keys = _path(selector)
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            return
        node = child
    if keys and keys[-1] in node:
        node[keys[-1]] = value


def _transform(value: Any, transformation: str | None) -> Any:
    if not isinstance(value, str) or not transformation:
        return value
    kind, _, arguments = transformation.partition(":")
    if kind != "substring":
        raise ValueError(f"transformation {transformation!r} is not supported by the fake")
    start, _, length = arguments.partition(",")
    begin = int(start)
    return value[begin : begin + int(length)] if length else value[begin:]


def _check_profile(name: str, profile: Mapping[str, Any]) -> None:
    if profile.get("type", "json") != "json":
        raise ValueError(f"profile {name!r}: the fake supports JSON profiles only")
    schema = profile.get("schema")
    if not isinstance(schema, Mapping) or not all(isinstance(schema.get(node), Mapping) for node in ("message_node", "card_node")):
        raise ValueError(f"profile {name!r} needs schema.message_node and schema.card_node selectors")
    placement = profile.get("card_token_placement", {})
    if placement.get("type") not in ("card_node", "headers"):
        raise ValueError(f"profile {name!r}: card_token_placement.type must be card_node or headers")
    if placement["type"] == "card_node" and not placement.get("card_token_node"):
        raise ValueError(f"profile {name!r}: card_node placement needs card_token_node")
    if not isinstance(profile.get("card_node"), Mapping) or "card_number" not in profile["card_node"]:
        raise ValueError(f"profile {name!r} needs a card_node.card_number selector")


def stub_third_party(request: httpx.Request) -> httpx.Response:
    """The default target: a third party that accepts everything and has no bookings (`200 {"data": []}`)."""
    return httpx.Response(200, json={"data": []})


class FakeVaultera(FakeVault[Vaultera, AsyncVaultera]):
    """A fake Vaultera PCI. Credentials: `fake.master_key` (random unless given); third party: `target`.

    Keywords: `target` (default `stub_third_party`), `api_key` (the master key), `profiles` (more
    tokenisation profiles), `text_errors`, `luhn_check`, `rate_limit` (None: never 429 for
    volume), and `FakeVault`'s `validate`, `seed`, `clock`.

    Attributes:
        master_key: The account's master API key (`VAULTERA_API_KEY` for a client).
        text_errors: Whether errors are plain text instead of JSON (the facade reads both).
        luhn_check: Whether stored cards must pass the Luhn check (Vaultera does not document one).
        profiles: The tokenisation profiles `capture` accepts, by name (built-in: `sample`,
            `channex`, `channex_entity`).
        forwarded: Every request sent to the target, oldest first.
    """

    name = "vaultera"
    base_path = "/api/v1"
    facade = ("polyvault.vaultera", "Vaultera")

    def __init__(
        self,
        *,
        target: Target | None = stub_third_party,
        api_key: str | None = None,
        profiles: Mapping[str, Mapping[str, Any]] | None = None,
        text_errors: bool = False,
        luhn_check: bool = False,
        rate_limit: int | None = None,
        **options: Any,
    ) -> None:
        super().__init__(rate_limit=rate_limit, **options)
        self.master_key = api_key or secrets.token_hex(16)
        self.target = target
        self.text_errors = text_errors
        self.luhn_check = luhn_check
        self.profiles: dict[str, dict[str, Any]] = {}
        for name, profile in {**DEFAULT_PROFILES, **(profiles or {})}.items():
            _check_profile(name, profile)
            self.profiles[name] = json.loads(json.dumps(profile))
        self.forwarded: list[ForwardedRequest] = []
        self._keys: dict[str, _Key] = {}
        self._sessions: dict[str, str] = {}  # token -> scope
        self._cards: dict[str, _Card] = {}

    @property
    def target(self) -> Target | None:
        """The third party send and capture call (a sync httpx transport or a handler), or None."""
        return self._target

    @target.setter
    def target(self, value: Target | None) -> None:
        if value is not None and not isinstance(value, httpx.BaseTransport) and not callable(value):
            raise TypeError("target must be an httpx.BaseTransport or a callable (httpx.Request) -> httpx.Response")
        self._target = value

    # --- inspection and browser simulation for tests ----------------------------------------------

    def credentials(self) -> dict[str, str]:
        return {"api_key": self.master_key}

    def stored_cards(self) -> dict[str, dict[str, str | None]]:
        """Every stored card by token, in full (explicit accessor: this is card data)."""
        with self._lock:
            return {token: {name: getattr(card, name) for name in _CARD_FIELDS} for token, card in self._cards.items()}

    def session_scopes(self) -> list[str]:
        """The scopes of the session tokens issued and not yet used."""
        with self._lock:
            return sorted(self._sessions.values())

    def submit_capture_form(
        self,
        url: str,
        *,
        card_number: str,
        expiration_month: str,
        expiration_year: str,
        cardholder_name: str | None = None,
        card_type: str | None = None,
        service_code: str | None = None,
    ) -> str:
        """What a guest's browser does with the capture form at `url`: store a card; returns its token.

        The session token in `url` must be unused and of scope `card` (it is used up), else PermissionError.
        """
        params = self._page_params(url, "/capture_form")
        card = {
            "card_number": card_number,
            "expiration_month": expiration_month,
            "expiration_year": expiration_year,
            "cardholder_name": cardholder_name,
            "card_type": card_type,
            "service_code": service_code,
        }
        with self._lock:
            self._redeem(params.get("session_token"), "card")
            if _card_problems(card, luhn=self.luhn_check):
                raise ValueError("the capture form refuses this card")
            return self._store({key: value for key, value in card.items() if value is not None})

    def show_card(self, url: str) -> dict[str, str | None]:
        """What the show-card page at `url` displays: the card (its service code only with a `service_code_token`).

        Every token in `url` is used up; the service code is deleted once shown. PermissionError for
        an unknown, used or wrong-scope token, KeyError for an unknown card.
        """
        params = self._page_params(url, "/show_card")
        with self._lock:
            card = self._cards.get(params.get("card_token") or "")
            if card is None:
                raise KeyError("unknown card token")
            self._redeem(params.get("session_token"), "show_card")
            shown: dict[str, str | None] = {name: getattr(card, name) for name in _CARD_FIELDS if name != "service_code"}
            if "service_code_token" in params:
                self._redeem(params["service_code_token"], "show_service_code")
                shown["service_code"], card.service_code = card.service_code, None
            return shown

    def _page_params(self, url: str, page: str) -> dict[str, str]:
        parts = urlsplit(url)
        if not parts.path.endswith(self.base_path + page):
            raise ValueError(f"not a {page} URL")
        params = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
        if "api_key" in params:
            raise AssertionError("an iframe URL carries the API key")
        return params

    def _redeem(self, token: str | None, scope: str) -> None:
        if token is None or self._sessions.get(token) != scope:
            raise PermissionError(f"no unused session token of scope {scope}")
        del self._sessions[token]

    # --- the vault's conventions ----------------------------------------------------------------

    def error(self, status: int, message: str, *, code: str | None = None, details: Any = None) -> httpx.Response:
        if self.text_errors:
            return httpx.Response(status, text=message)
        body: dict[str, Any] = {"code": code or _CODES.get(status, "internal_error" if status >= 500 else "error"), "title": message}
        if details is not None:
            body["details"] = details
        return self.json_response(status, {"errors": body})

    def authenticate(self, request: httpx.Request, route_key: str) -> httpx.Response | None:
        given = request.url.params.get("api_key")
        if not given:
            return self.error(401, "API key is required", code="unauthorized")
        if not hmac.compare_digest(given.encode(), self.master_key.encode()):
            key = next((key for key in self._keys.values() if hmac.compare_digest(given.encode(), key.key.encode())), None)
            if key is None:
                return self.error(401, "Invalid API key", code="unauthorized")
            if key.revoked_at is not None:
                return self.error(401, "API key has been revoked", code="unauthorized")
        return self._refuse_undecodable(request)

    def _refuse_undecodable(self, request: httpx.Request) -> httpx.Response | None:
        """A JSON body that is not even UTF-8 is refused here: the spec validator cannot describe it."""
        if "json" in request.headers.get("content-type", "") and request.content:
            try:
                request.content.decode()
            except UnicodeDecodeError:
                return self.error(422, "The body is not valid JSON", code="validation_error", details={"request": ["not UTF-8"]})
        return None

    def refuse_invalid(self, request: httpx.Request, route_key: str, problems: list[str]) -> httpx.Response:
        if route_key in (_SEND, _CAPTURE) and request.content and self._only_the_body_is_unlike_the_spec(request):
            # Vaultera forwards any body (form-encoded, XML...); our spec describes only JSON ones.
            route_path = request.url.path[len(self.base_path) :]
            found = self._match(request.method, route_path)
            assert found is not None
            response: httpx.Response = getattr(self, found[2])(request, **found[1])
            return response
        return self.error(422, "Validation error", code="validation_error", details={"request": [problems[0][:300]]})

    def _only_the_body_is_unlike_the_spec(self, request: httpx.Request) -> bool:
        if self._validator is None:
            return True
        headers = [(name, value) for name, value in request.headers.multi_items() if name.lower() not in ("content-type", "content-length")]
        bare = httpx.Request(request.method, request.url, headers=headers)
        return not self._validator.request_errors(bare, request.url.path[len(self.base_path) :])

    def unknown_enum(self, payload: Any) -> Any:
        return _first_open_enum(payload)

    # --- routes: API keys --------------------------------------------------------------------------

    def _key_json(self, key: _Key, *, full: bool = False) -> dict[str, Any]:
        return {
            "id": key.id,
            "type": "api_key",
            "attributes": {
                "id": key.id,
                "api_key": key.key if full else "..." + key.key[-6:],
                "description": key.description,
                "status": key.status,
                "created_at": _timestamp(key.created_at),
                "revoked_at": None if key.revoked_at is None else _timestamp(key.revoked_at),
            },
        }

    @route("GET", "/api_keys")
    def list_api_keys(self, request: httpx.Request) -> httpx.Response:
        """`GET /api_keys`: every secondary key, masked."""
        return self.json_response(200, {"data": [self._key_json(key) for key in self._keys.values()]})

    @route("POST", "/api_keys")
    def create_api_key(self, request: httpx.Request) -> httpx.Response:
        """`POST /api_keys`: a new secondary key, shown in full this once."""
        params = json.loads(request.content)["api_key"]
        key = _Key(str(uuid.uuid4()), secrets.token_hex(16), params.get("description"), self.clock())
        self._keys[key.id] = key
        return self.json_response(200, {"data": self._key_json(key, full=True)})

    @route("GET", "/api_keys/{id}")
    def get_api_key(self, request: httpx.Request, id: str) -> httpx.Response:
        """`GET /api_keys/{id}`: one key, masked."""
        key = self._keys.get(id.lower())
        if key is None:
            return self.error(404, "API key not found")
        return self.json_response(200, {"data": self._key_json(key)})

    @route("DELETE", "/api_keys/{id}")
    def revoke_api_key(self, request: httpx.Request, id: str) -> httpx.Response:
        """`DELETE /api_keys/{id}`: revoke a key (it stays listed, with `revoked_at`)."""
        key = self._keys.get(id.lower())
        if key is None:
            return self.error(404, "API key not found")
        if key.revoked_at is None:
            key.revoked_at = self.clock()
        return httpx.Response(204)

    # --- routes: session tokens and cards ----------------------------------------------------------

    @route("POST", "/session_tokens")
    def create_session_token(self, request: httpx.Request) -> httpx.Response:
        """`POST /session_tokens`: a one-off token of the scope asked for."""
        scope = json.loads(request.content)["session_token"]["scope"]
        token = secrets.token_hex(16)
        self._sessions[token] = scope
        data = {"id": str(uuid.uuid4()), "type": "session_token", "attributes": {"session_token": token, "scope": scope}}
        return self.json_response(201, {"data": data})

    @route("POST", "/cards")
    def store_card(self, request: httpx.Request) -> httpx.Response:
        """`POST /cards`: store a card (422 `validation_error` per field for a malformed one)."""
        card = json.loads(request.content)["card"]
        problems = _card_problems(card, luhn=self.luhn_check)
        if problems:
            return self.error(422, "Validation error", code="validation_error", details=problems)
        token = self._store(card)
        return self.json_response(200, {"data": {"id": token, "type": "card", "attributes": self._masked(token)}})

    def _store(self, card: Mapping[str, Any]) -> str:
        token = secrets.token_hex(16)
        while token in self._cards:
            token = secrets.token_hex(16)
        self._cards[token] = _Card(**{name: card[name] for name in _CARD_FIELDS if card.get(name) is not None})
        return token

    def _masked(self, token: str) -> dict[str, str]:
        card = self._cards[token]
        masked = {
            "card_token": token,
            "card_number": _mask_number(card.card_number),
            "card_type": card.card_type,
            "cardholder_name": card.cardholder_name,
            "expiration_month": card.expiration_month,
            "expiration_year": card.expiration_year,
            "service_code": "***" if card.service_code else None,
        }
        return {key: value for key, value in masked.items() if value is not None}

    @route("DELETE", "/cards/{card_token}")
    def delete_card(self, request: httpx.Request, card_token: str) -> httpx.Response:
        """`DELETE /cards/{card_token}`: delete a stored card."""
        if self._cards.pop(card_token, None) is None:
            return self.error(404, "Card not found")
        return httpx.Response(204)

    # --- routes: the proxy ----------------------------------------------------------------------------

    @route("POST", "/cards/{card_token}/send")
    def send_card(self, request: httpx.Request, card_token: str) -> httpx.Response:
        """`POST /cards/{card_token}/send`: forward to the target with the drop-ins replaced; its answer as it is."""
        card = self._cards.get(card_token)
        if card is None:
            return self.error(404, "Card not found")
        params = request.url.params
        content = _replace_drop_ins(request.content, card, json_body="json" in request.headers.get("content-type", ""))
        answer = self._forward(params["method"], params["url"], request.headers, content)
        if answer is None:
            return self.error(502, "The third party could not be reached", code="bad_gateway")
        return answer

    @route("POST", "/capture")
    def capture(self, request: httpx.Request) -> httpx.Response:
        """`POST /capture`: forward to the target, tokenise the cards in its answer with the profile, mask them."""
        params = request.url.params
        profile = self.profiles.get(params["profile"])
        if profile is None:
            return self.error(404, "Tokenisation profile not found", code="not_found")
        answer = self._forward(params["method"], params["url"], request.headers, request.content)
        if answer is None:
            return self.error(502, "The third party could not be reached", code="bad_gateway")
        if not answer.is_success:
            return answer
        try:
            payload = json.loads(answer.content)
        except ValueError:
            return answer
        tokens = self._tokenise(payload, profile)
        headers = {name: value for name, value in answer.headers.items() if name.lower() != "content-length"}
        if profile["card_token_placement"]["type"] == "headers" and tokens:  # no booking at all: no header
            headers[TOKENS_HEADER] = ",".join(token or "" for token in tokens)
        return httpx.Response(answer.status_code, headers=headers, content=json.dumps(payload).encode())

    def _forward(self, method: str, url: str, headers: httpx.Headers, content: bytes) -> httpx.Response | None:
        """Call the target; its answer with the headers a proxy drops removed, or None when it cannot be reached."""
        forwarded = [(name, value) for name, value in headers.multi_items() if name.lower() not in _HOP_BY_HOP]
        try:
            outgoing = httpx.Request(method.upper(), url, headers=forwarded, content=content)
        except (httpx.InvalidURL, ValueError):  # matches the spec's ^https:// but names no reachable host
            return None
        target = self._target
        answer: httpx.Response | None = None
        if target is not None:
            transport = target if isinstance(target, httpx.BaseTransport) else httpx.MockTransport(target)
            try:
                answer = transport.handle_request(outgoing)
                answer.read()
            except httpx.TransportError:
                answer = None
        status = answer.status_code if answer is not None else None
        self.forwarded.append(ForwardedRequest(outgoing.method, str(outgoing.url), status, outgoing.headers, content))
        if answer is None:
            return None
        kept = [(name, value) for name, value in answer.headers.multi_items() if name.lower() not in _PASSTHROUGH_DROPPED]
        if answer.content and "content-type" not in answer.headers:
            kept.append(("Content-Type", "application/octet-stream"))  # what a body without a type is taken to be (RFC 9110)
        return httpx.Response(answer.status_code, headers=kept, content=answer.content)

    def _tokenise(self, payload: Any, profile: Mapping[str, Any]) -> list[str | None]:
        """Store the cards of every booking in `payload` (masking them in place); one token or None per booking."""
        schema, fields, placement = profile["schema"], profile["card_node"], profile["card_token_placement"]
        message = _select(payload, schema["message_node"]["selector"])
        bookings = message if isinstance(message, list) else [] if message is None else [message]
        tokens: list[str | None] = []
        for booking in bookings:
            node = _select(booking, schema["card_node"]["selector"])
            if not isinstance(node, dict) or not _select(node, fields["card_number"]["selector"]):
                tokens.append(None)
                continue
            card = {
                name: _transform(_select(node, spec["selector"]), spec.get("transformation"))
                for name, spec in fields.items()
                if name in _CARD_FIELDS
            }
            card = {name: str(value) for name, value in card.items() if value not in (None, "")}
            problems = _card_problems(card, luhn=self.luhn_check)
            token = None if problems else self._store(card)
            _assign(node, fields["card_number"]["selector"], _mask_number(str(card.get("card_number", ""))))
            if "service_code" in fields and _select(node, fields["service_code"]["selector"]) is not None:
                _assign(node, fields["service_code"]["selector"], "***")
            if placement["type"] == "card_node":
                if token is not None:
                    node[placement["card_token_node"]] = token
                elif placement.get("error_node"):
                    node[placement["error_node"]] = "invalid card: " + ", ".join(sorted(problems))
            tokens.append(token)
        return tokens


def _replace_drop_ins(content: bytes, card: _Card, *, json_body: bool) -> bytes:
    """The body with every drop-in replaced by the card's data (JSON-escaped inside a JSON body)."""
    if not content:
        return content
    try:
        text = content.decode()
    except UnicodeDecodeError:
        return content
    values = {
        "%CARD_NUMBER%": card.card_number,
        "%CARDHOLDER_NAME%": card.cardholder_name or "",
        "%SERVICE_CODE%": card.service_code or "",
        "%EXPIRATION_MM%": card.expiration_month.zfill(2),
        "%EXPIRATION_YYYY%": card.expiration_year,
        "%EXPIRATION_YY%": card.expiration_year[-2:],
        "%CARD_TYPE%": card.card_type or "",
    }
    for drop_in, value in values.items():
        text = text.replace(drop_in, json.dumps(value)[1:-1] if json_body else value)
    return text.encode()


def _first_open_enum(payload: Any) -> Any:
    """`payload` with the first `status` or `scope` set to a value the spec does not list."""
    if isinstance(payload, list):
        return [_first_open_enum(payload[0]), *payload[1:]] if payload else payload
    if not isinstance(payload, dict):
        return payload
    for key, replacement in (("status", "suspended"), ("scope", "service_code")):
        if isinstance(payload.get(key), str):
            return {**payload, key: replacement}
    for key, value in payload.items():
        changed = _first_open_enum(value)
        if changed != value:
            return {**payload, key: changed}
    return payload
