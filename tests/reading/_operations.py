"""Every facade operation that reads a response body, bound to the spec response it reads, and a client that
answers it with a given body (an httpx.MockTransport in front of the public client).

For each operation the table says what the call needs from the body (`needs`: ids, aliases, tokens,
revealed values, cursors; mirrored here from the specs and the tolerant-reading rule, independently
of the facade's code) and what "returned the data" means (`returned`: the records hold exactly the
JSON objects of the body, as `.raw`).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from polyvault import VGS, Apideck, Vaultera, VaultPAM

Body = Any
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def textual(value: Any) -> bool:
    """Whether tolerant reading can read `value` as text (a string, or a finite number)."""
    if isinstance(value, str):
        return True
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)


def _data(body: Body) -> Any:
    return body["data"] if isinstance(body, dict) else None


def _raws(result: Any) -> list[Any]:
    return [dict(record.raw) for record in result]


# --- what each call needs --------------------------------------------------------------------------


def _aliased(item: Any) -> bool:
    """A RevealedData with at least one alias (under `alias`, or under `value` as in the vendor's examples)."""
    aliases = item.get("aliases") if isinstance(item, dict) else None
    return isinstance(aliases, list) and any(
        isinstance(alias, dict) and (textual(alias.get("alias")) or (alias.get("alias") is None and textual(alias.get("value"))))
        for alias in aliases
    )


def _created(sent: int) -> Callable[[Body], bool]:
    def needs(body: Body) -> bool:
        items = _data(body)
        return isinstance(items, list) and len(items) == sent and all(_aliased(item) for item in items)

    return needs


def _revealed(body: Body) -> bool:
    items = _data(body)
    return isinstance(items, list) and len(items) == 1 and isinstance(items[0], dict) and textual(items[0].get("value"))


def _revealed_many(body: Body) -> bool:
    """Every requested alias answered, each with its value (a 200 that leaves out a requested alias is refused)."""
    entries = _data(body)
    return all(alias in entries for alias in _requested(body)) and all(
        isinstance(entry, dict) and textual(entry.get("value")) for entry in entries.values()
    )


def _always(body: Body) -> bool:
    return True


# --- the operations --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Read:
    """One facade operation that reads a response body."""

    vault: str
    name: str
    operation_id: str
    status: str
    call: Callable[[Any, Body], Any]
    returned: Callable[[Any, Body], bool]
    needs: Callable[[Body], bool] = _always
    paged: bool = False  # follows cursors: the first page is the generated body, the next one ends the listing
    read_only: bool = True  # a pure read (no write happened if it fails)

    @property
    def id(self) -> str:
        return f"{self.vault}.{self.name}"

    @property
    def served_status(self) -> int:
        return 201 if self.status == "2XX" else int(self.status)


def _sent(body: Body) -> int:
    """How many values a create sends: as many as the generated answer has records (1..20), else 1."""
    items = _data(body)
    return len(items) if isinstance(items, list) and 1 <= len(items) <= 20 else 1


def _valid_alias(alias: str) -> bool:
    """Whether the facade accepts `alias` as an argument (it refuses the others before sending)."""
    try:
        alias.encode()
    except UnicodeEncodeError:
        return False
    return bool(alias) and "," not in alias and alias.strip() == alias and alias not in (".", "..")


def _requested(body: Body) -> list[str]:
    keys = [key for key in _data(body) if _valid_alias(key)][:40]
    return keys or ["tok_sandbox_none"]


def _envelope_one(result: Any, body: Body) -> bool:
    return dict(result.raw) == body["data"]


def _envelope_many(result: Any, body: Body) -> bool:
    return _raws(result) == body["data"]


_C = ("crm", "salesforce")
READS: tuple[Read, ...] = (
    # --- VGS ---------------------------------------------------------------------------------------
    Read(
        "vgs",
        "aliases.reveal",
        "revealAlias",
        "200",
        lambda c, b: c.aliases.reveal("tok_sandbox_a"),
        lambda r, b: dict(r.raw) == b["data"][0] and r.value == as_text(b["data"][0]["value"]),
        _revealed,
    ),
    Read(
        "vgs",
        "aliases.reveal_many",
        "revealMultipleAliases",
        "200",
        lambda c, b: c.aliases.reveal_many(_requested(b)),
        lambda r, b: (
            {alias: dict(record.raw) for alias, record in r.items()}
            == {alias: b["data"][alias] for alias in _requested(b) if alias in b["data"]}
        ),
        _revealed_many,
    ),
    Read(
        "vgs",
        "aliases.create",
        "createAliases",
        "201",
        lambda c, b: c.aliases.create([f"value-{index}" for index in range(_sent(b))]),
        lambda r, b: _raws(r) == b["data"],
        lambda b: _created(_sent(b))(b),
        read_only=False,
    ),
    Read(
        "vgs",
        "aliases.tokenize",
        "createAliases",
        "201",
        lambda c, b: c.aliases.tokenize([f"value-{index}" for index in range(_sent(b))]),
        lambda r, b: len(r) == len(b["data"]) and all(isinstance(alias, str) for alias in r),
        lambda b: _created(_sent(b))(b),
        read_only=False,
    ),
    Read(
        "vgs",
        "aliases.reference",
        "createAliases",
        "201",
        lambda c, b: c.aliases.reference("tok_sandbox_a", format="RAW_UUID"),
        lambda r, b: dict(r.raw) == b["data"][0],
        _created(1),
        read_only=False,
    ),
    # --- Apideck -----------------------------------------------------------------------------------
    Read("apideck", "consumers.get", "consumersOne", "200", lambda c, b: c.consumers.get("acct-1"), _envelope_one),
    Read("apideck", "consumers.list", "consumersAll", "200", lambda c, b: list(c.consumers.list()), _envelope_many, paged=True),
    Read(
        "apideck",
        "consumers.request_counts",
        "consumerRequestCountsAll",
        "200",
        lambda c, b: c.consumers.request_counts("acct-1", start=NOW, end=NOW),
        _envelope_one,
    ),
    Read("apideck", "consumers.create", "consumersAdd", "200", lambda c, b: c.consumers.create("acct-1"), _envelope_one, read_only=False),
    Read(
        "apideck",
        "consumers.update",
        "consumersUpdate",
        "200",
        lambda c, b: c.consumers.update("acct-1", user_name="Jane"),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "apideck",
        "consumers.delete",
        "consumersDelete",
        "200",
        lambda c, b: c.consumers.delete("acct-1"),
        lambda r, b: r is None,
        read_only=False,
    ),
    Read("apideck", "connections.list", "connectionsAll", "200", lambda c, b: c.connections.list(), _envelope_many),
    Read("apideck", "connections.get", "connectionsOne", "200", lambda c, b: c.connections.get(*_C), _envelope_one),
    Read(
        "apideck",
        "connections.add",
        "connectionsAdd",
        "200",
        lambda c, b: c.connections.add(*_C, settings={"instance_url": "https://x.test"}),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "apideck",
        "connections.update",
        "connectionsUpdate",
        "200",
        lambda c, b: c.connections.update(*_C, enabled=True),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "apideck",
        "connections.import_",
        "connectionsImport",
        "200",
        lambda c, b: c.connections.import_(*_C, access_token="at-1"),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "apideck",
        "connections.migrate",
        "connectionsMigrate",
        "200",
        lambda c, b: c.connections.migrate(*_C, target_service_id="hubspot"),
        _envelope_one,
        read_only=False,
    ),
    Read("apideck", "connections.token", "connectionsToken", "200", lambda c, b: c.connections.token(*_C), _envelope_one, read_only=False),
    Read(
        "apideck",
        "connections.validate",
        "validateConnectionState",
        "200",
        lambda c, b: c.connections.validate(*_C),
        _envelope_one,
        read_only=False,
    ),
    Read("apideck", "connections.consents", "connectionConsentsAll", "200", lambda c, b: c.connections.consents(*_C), _envelope_many),
    Read(
        "apideck",
        "connections.update_consent",
        "connectionConsentUpdate",
        "200",
        lambda c, b: c.connections.update_consent(*_C, granted=True),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "apideck",
        "connections.confirm",
        "connectionsConfirm",
        "200",
        lambda c, b: c.connections.confirm(*_C, confirm_token="ct-1"),
        lambda r, b: r is (b["data"].get("confirmed") is True),
        read_only=False,
    ),
    Read(
        "apideck",
        "connections.callback_state",
        "createCallbackState",
        "200",
        lambda c, b: c.connections.callback_state(*_C),
        lambda r, b: r == as_text(b["data"]["state"]),
        lambda b: textual(b["data"].get("state")),
        read_only=False,
    ),
    Read(
        "apideck", "connections.settings", "connectionSettingsAll", "200", lambda c, b: c.connections.settings(*_C, "leads"), _envelope_one
    ),
    Read(
        "apideck",
        "connections.update_settings",
        "connectionSettingsUpdate",
        "200",
        lambda c, b: c.connections.update_settings(*_C, "leads", defaults={"lead_score": 5}),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "apideck",
        "connections.custom_fields",
        "customFieldsAll",
        "200",
        lambda c, b: c.connections.custom_fields(*_C, "leads"),
        _envelope_many,
    ),
    Read(
        "apideck",
        "connections.custom_mappings(resource)",
        "connectionCustomMappingsAll",
        "200",
        lambda c, b: c.connections.custom_mappings(*_C, "leads"),
        _envelope_many,
    ),
    Read(
        "apideck",
        "connections.custom_mappings",
        "customMappingsAll",
        "200",
        lambda c, b: c.connections.custom_mappings(*_C),
        _envelope_many,
    ),
    Read(
        "apideck",
        "sessions.create",
        "sessionsCreate",
        "200",
        lambda c, b: c.sessions.create(),
        lambda r, b: dict(r.raw) == b["data"] and r.url == as_text(b["data"]["session_uri"]),
        read_only=False,
    ),
    Read("apideck", "logs.list", "logsAll", "200", lambda c, b: list(c.logs.list()), _envelope_many, paged=True),
    # --- VaultPAM ----------------------------------------------------------------------------------
    Read("vaultpam", "memberships", "listMemberships", "200", lambda c, b: c.memberships(), lambda r, b: dict(r.raw) == b),
    Read("vaultpam", "safes.list", "listSafes", "200", lambda c, b: c.safes.list(), lambda r, b: _raws(r) == b),
    # --- Vaultera ----------------------------------------------------------------------------------
    Read("vaultera", "api_keys.list", "listApiKeys", "200", lambda c, b: c.api_keys.list(), _envelope_many),
    Read("vaultera", "api_keys.get", "getApiKey", "200", lambda c, b: c.api_keys.get(uuid.UUID(int=1)), _envelope_one),
    Read("vaultera", "api_keys.create", "createApiKey", "200", lambda c, b: c.api_keys.create("ci"), _envelope_one, read_only=False),
    Read(
        "vaultera",
        "session_tokens.create",
        "createSessionToken",
        "2XX",
        lambda c, b: c.session_tokens.create("card"),
        _envelope_one,
        read_only=False,
    ),
    Read(
        "vaultera",
        "cards.store",
        "storeCard",
        "200",
        lambda c, b: c.cards.store(card_number="4111111111111111", expiration_month="12", expiration_year="2030"),
        _envelope_one,
        read_only=False,
    ),
)

END_PAGE = {"status_code": 200, "status": "OK", "data": [], "meta": {"cursors": {"next": None}}}


@contextmanager
def client_for(vault: str, handler: Callable[[httpx.Request], httpx.Response]) -> Iterator[Any]:
    """A public sync client of `vault` whose requests `handler` answers (no retries)."""
    http = httpx.Client(transport=httpx.MockTransport(handler))
    options: dict[str, Any] = {"http_client": http, "max_retries": 0}
    clients: dict[str, Callable[[], Any]] = {
        "vgs": lambda: VGS("user", "password", base_url="https://vgs.test", **options),
        "apideck": lambda: Apideck("key", "app", consumer_id="acct-1", base_url="https://apideck.test", **options),
        "vaultpam": lambda: VaultPAM(token="vp-pat", org_id="org-1", base_url="https://vaultpam.test", **options),
        "vaultera": lambda: Vaultera("vt-key", base_url="https://vaultera.test/api/v1", **options),
    }
    with http, clients[vault]() as client:
        yield client


@contextmanager
def answering(read: Read, body: Body) -> Iterator[Any]:
    """A public client of `read`'s vault whose every request is answered with `body` (a paged listing's
    later pages with an empty last page)."""
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        answer = END_PAGE if read.paged and len(requests) > 1 else body
        return httpx.Response(read.served_status, json=answer)

    with client_for(read.vault, handler) as client:
        yield client
