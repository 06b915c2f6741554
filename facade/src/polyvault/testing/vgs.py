"""FakeVGS: a stateful VGS Vault API v1 (aliases) that behaves as VGS documents it.

- Aliases in the documented shape of each format (`tok_sandbox_` + 22 Base58 characters, Luhn-valid
  format-preserving card aliases, `99`-prefixed 19-digit PFPT, SSN and account-number formats...).
- A value can have several aliases (one per format); create and reveal list all of them, and the
  reference variant adds a format to an existing value. Reveal-many answers its map (keyed by
  alias) in reverse request order: a JSON object has no order, so clients must match by key.
- PERSISTENT and VOLATILE storage: VOLATILE values expire an hour after creation (on the fake's
  clock) and come back with VGS's default metadata (created_at 1970-01-01, no classifiers).
- Creates are not idempotent (each stores a new value), at most 20 items per request, 32 MB per
  body, HTTP Basic auth, `x-ratelimit-remaining` on every response and 429 past the per-minute limit.
"""

from __future__ import annotations

import base64
import hmac
import json
import random
import secrets
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from ..vgs import VGS, AsyncVGS
from ._base import FakeVault, ascii_digits, luhn_valid, route

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ALNUM = string.ascii_uppercase + string.digits
_VOLATILE_TTL = 3600.0
_EPOCH = "1970-01-01T00:00:00Z"
_BATCH_LIMIT = 20
_ALIAS_ATTEMPTS = 500  # random draws for an unused alias before a value is declared out of aliases
_PAYLOAD_LIMIT = 32 * 1024 * 1024
_CARD_FORMATS = frozenset({"FPE_SIX_T_FOUR", "FPE_T_FOUR", "PFPT", "NON_LUHN_FPE_ALPHANUMERIC"})


@dataclass
class _Stored:
    value: str
    storage: str
    created_at: float
    classifiers: list[str]
    aliases: dict[str, str] = field(default_factory=dict)  # format -> alias


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choices(string.digits, k=count))


def _make_luhn(rng: random.Random, prefix: str, middle: int, suffix: str) -> str:
    """prefix + `middle` random digits + suffix, with one middle digit chosen so the whole is Luhn-valid."""
    body = _digits(rng, middle - 1)
    for check in string.digits:
        candidate = prefix + body + check + suffix
        if luhn_valid(candidate):
            return candidate
    raise AssertionError("unreachable: one of ten digits always satisfies Luhn")


class FakeVGS(FakeVault[VGS, AsyncVGS]):
    """A fake VGS vault. Credentials: `fake.username` / `fake.password` (random unless given).

    `FakeVGS(rate_limit=None)` never answers 429 for volume; every other keyword (`validate`,
    `seed`, `clock`) is `FakeVault`'s.

    Attributes:
        username: The vault's access-credential username (`VGS_USERNAME` for a client).
        password: Its password (`VGS_PASSWORD`).
        environment: The environment alias formats are made for (`sandbox` gives `tok_sandbox_...`).
        reveal_enabled: Whether reveals are allowed; False makes them answer 403, as a vault
            without reveal permission does.
    """

    name = "vgs"
    facade = ("polyvault.vgs", "VGS")

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        environment: str = "sandbox",
        rate_limit: int | None = 3000,
        reveal_enabled: bool = True,
        **options: Any,
    ) -> None:
        super().__init__(rate_limit=rate_limit, **options)
        self.username = username or "US" + secrets.token_hex(6)
        self.password = password or secrets.token_urlsafe(18)
        self.environment = environment
        self.reveal_enabled = reveal_enabled
        self._stores: dict[str, dict[str, _Stored]] = {"PERSISTENT": {}, "VOLATILE": {}}  # alias -> stored
        self._random = random.Random(options.get("seed", 0))  # noqa: S311 - fake aliases, reproducible per seed

    # --- inspection for tests -------------------------------------------------------------------

    def credentials(self) -> dict[str, str]:
        return {"username": self.username, "password": self.password}

    def stored_values(self, storage: str = "PERSISTENT") -> list[str]:
        """Every value currently stored (once per stored copy: a value created twice appears twice)."""
        with self._lock:
            self._expire()
            unique = {id(stored): stored for stored in self._stores[storage].values()}
            return [stored.value for stored in unique.values()]

    # --- the vault's conventions --------------------------------------------------------------

    def error(self, status: int, message: str, *, code: str | None = None) -> httpx.Response:
        titles = {
            400: "Bad request",
            401: "Unauthorized",
            403: "Forbidden",
            404: "Not found",
            413: "Payload too large",
            429: "Too many requests",
        }
        title = titles.get(status, "Internal server error" if status >= 500 else "Error")
        return self.json_response(status, {"errors": [{"status": status, "title": title, "detail": message}]})

    def authenticate(self, request: httpx.Request, route_key: str) -> httpx.Response | None:
        expected = "Basic " + base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        if not hmac.compare_digest(request.headers.get("authorization", "").encode(), expected.encode()):
            return self.error(401, "Authentication failed: check the vault's access credentials")
        if len(request.content) > _PAYLOAD_LIMIT:
            return self.error(413, "Payload is larger than the 32 MB limit")
        return None

    def refuse_invalid(self, request: httpx.Request, route_key: str, problems: list[str]) -> httpx.Response:
        try:
            items = json.loads(request.content or b"{}").get("data")
        except (ValueError, AttributeError):
            items = None
        if isinstance(items, list) and len(items) > _BATCH_LIMIT:
            return self.error(400, f"Too many values (limit: {_BATCH_LIMIT})")
        return self.error(400, "Invalid request: " + problems[0][:300])

    def decorate(self, request: httpx.Request, response: httpx.Response) -> None:
        remaining = self.remaining()
        response.headers["x-ratelimit-remaining"] = str(remaining if remaining is not None else 3000)
        response.headers["VGS-Request-Id"] = self.new_id().replace("-", "")  # VGS's docs: every response carries one

    def unknown_enum(self, payload: Any) -> Any:
        text = json.dumps(payload).replace('"PERSISTENT"', '"SOME_STORAGE_ADDED_LATER"', 1)
        return json.loads(text)

    # --- routes ----------------------------------------------------------------------------------

    @route("POST", "/aliases")
    def create_aliases(self, request: httpx.Request) -> httpx.Response:
        """`POST /aliases`: store each new value (or add a format to a referenced alias's value); all or nothing."""
        items = json.loads(request.content)["data"]
        plans: list[tuple[dict[str, Any], _Stored | None, str | None]] = []  # (item, existing value, its new alias)
        taken: set[str] = set()
        referenced: dict[tuple[int, str], str] = {}
        for index, item in enumerate(items):  # check (and pick every new alias) before storing anything
            existing = None
            if "alias" in item:
                existing = self._find(item["alias"], item.get("storage", "PERSISTENT"))
                if existing is None:
                    return self.error(404, f"Alias in item {index} not found")
                if item["format"] not in existing.aliases and (problem := _unfit(existing.value, item["format"])):
                    return self.error(400, f"Item {index}: {problem}")  # the stored value must fit the new format too
            elif problem := _unfit(item["value"], item["format"]):
                return self.error(400, f"Item {index}: {problem}")
            alias = None
            if existing is not None and (id(existing), item["format"]) in referenced:
                alias = referenced[id(existing), item["format"]]  # the same value asked twice for one new format: one alias
            elif existing is None or item["format"] not in existing.aliases:
                value, storage = (existing.value, existing.storage) if existing else (item["value"], item.get("storage", "PERSISTENT"))
                alias = self._free_alias(value, item["format"], storage, taken)
                if alias is None:
                    return self.error(400, f"Item {index}: no unused {item['format']} alias is left for a value this short")
                taken.add(alias)
                if existing is not None:
                    referenced[id(existing), item["format"]] = alias
            plans.append((item, existing, alias))
        data = []
        for item, existing, alias in plans:
            stored = existing
            if stored is None:
                storage = item.get("storage", "PERSISTENT")
                classifiers = [] if storage == "VOLATILE" else list(item.get("classifiers", []))
                stored = _Stored(item["value"], storage, self.clock(), classifiers)
            if alias is not None:
                stored.aliases[item["format"]] = alias
                self._stores[stored.storage][alias] = stored
            data.append(self._revealed(stored))
        return self.json_response(201, {"data": data})

    @route("GET", "/aliases")
    def reveal_multiple_aliases(self, request: httpx.Request) -> httpx.Response:
        """`GET /aliases?aliases=a,b`: the values behind many aliases; 404 if any is unknown."""
        if not self.reveal_enabled:
            return self.error(403, "Reveal is not enabled for this vault")
        storage = request.url.params.get("storage", "PERSISTENT")
        wanted = [alias for alias in request.url.params.get("aliases", "").split(",") if alias]
        found = {alias: self._find(alias, storage) for alias in wanted}
        missing = [alias for alias, stored in found.items() if stored is None]
        if missing:
            return self.error(404, f"{len(missing)} alias(es) not found")
        # A JSON object has no order, and clients must match records by alias: answer in reverse request order.
        answer = {alias: self._revealed(stored) for alias, stored in reversed(found.items()) if stored}
        return self.json_response(200, {"data": answer})

    @route("GET", "/aliases/{alias}")
    def reveal_alias(self, request: httpx.Request, alias: str) -> httpx.Response:
        """`GET /aliases/{alias}`: the value behind one alias."""
        if not self.reveal_enabled:
            return self.error(403, "Reveal is not enabled for this vault")
        stored = self._find(alias, request.url.params.get("storage", "PERSISTENT"))
        if stored is None:
            return self.error(404, "Alias not found")
        return self.json_response(200, {"data": [self._revealed(stored)]})

    @route("PUT", "/aliases/{alias}")
    def update_alias(self, request: httpx.Request, alias: str) -> httpx.Response:
        """`PUT /aliases/{alias}`: replace the classifiers of a PERSISTENT value (VOLATILE ones keep none)."""
        stored = self._find(alias, request.url.params.get("storage", "PERSISTENT"))
        if stored is None:
            return self.error(404, "Alias not found")
        if stored.storage == "PERSISTENT":
            stored.classifiers = list(json.loads(request.content)["data"]["classifiers"])
        return httpx.Response(204)

    @route("DELETE", "/aliases/{alias}")
    def delete_alias(self, request: httpx.Request, alias: str) -> httpx.Response:
        """`DELETE /aliases/{alias}`: delete the value and every alias of it."""
        storage = request.url.params.get("storage", "PERSISTENT")
        stored = self._find(alias, storage)
        if stored is None:
            return self.error(404, "Alias not found")
        self._drop(stored)
        return httpx.Response(204)

    @route("POST", "/aliases/delete")
    def delete_aliases(self, request: httpx.Request) -> httpx.Response:
        """`POST /aliases/delete`: delete many values; nothing is deleted if any alias is unknown."""
        body = json.loads(request.content)
        storage = body.get("storage", "PERSISTENT")
        found = [self._find(alias, storage) for alias in body["data"]]
        if any(stored is None for stored in found):
            return httpx.Response(404)  # the vendor documents this 404 without a body
        for stored in found:
            if stored is not None:
                self._drop(stored)
        return httpx.Response(204)

    # --- storage ---------------------------------------------------------------------------------

    def _expire(self) -> None:
        volatile = self._stores["VOLATILE"]
        now = self.clock()
        for alias in [alias for alias, stored in volatile.items() if now - stored.created_at >= _VOLATILE_TTL]:
            del volatile[alias]

    def _find(self, alias: str, storage: str) -> _Stored | None:
        self._expire()
        return self._stores.get(storage, {}).get(alias)

    def _drop(self, stored: _Stored) -> None:
        for alias in stored.aliases.values():
            self._stores[stored.storage].pop(alias, None)

    def _free_alias(self, value: str, alias_format: str, storage: str, taken: set[str]) -> str | None:
        """A new alias of `value` in `alias_format`, unused in `storage` and not in `taken`; None once a short value's few
        possible aliases are all used (a bounded search: a one-character value has only 36)."""
        store = self._stores[storage]
        for _ in range(_ALIAS_ATTEMPTS):
            alias = _shape(self._random, value, alias_format, self.environment)
            if alias not in store and alias not in taken:
                return alias
        return None

    def _revealed(self, stored: _Stored) -> dict[str, Any]:
        volatile = stored.storage == "VOLATILE"
        created = _EPOCH if volatile else datetime.fromtimestamp(stored.created_at, UTC).isoformat().replace("+00:00", "Z")
        return {
            "value": stored.value,
            "classifiers": [] if volatile else list(stored.classifiers),
            "aliases": [{"alias": alias, "format": alias_format} for alias_format, alias in stored.aliases.items()],
            "created_at": created,
            "storage": stored.storage,
        }


def _unfit(value: str, alias_format: str) -> str | None:
    """Why `value` cannot take `alias_format`, or None."""
    digits = value.replace(" ", "").replace("-", "")
    numeric = ascii_digits(digits)
    if alias_format in _CARD_FORMATS - {"NON_LUHN_FPE_ALPHANUMERIC"} and not (numeric and 12 <= len(digits) <= 19):
        return f"value is not a card number, which {alias_format} needs"
    if alias_format in ("FPE_SSN_T_FOUR", "FPE_ACC_NUM_T_FOUR", "NUM_LENGTH_PRESERVING") and not numeric:
        return f"value is not numeric, which {alias_format} needs"
    if alias_format.endswith("T_FOUR") and len(value) < 4:
        return f"value is too short for {alias_format}"
    return None


def _shape(rng: random.Random, value: str, alias_format: str, environment: str) -> str:
    """A new alias of `value` in the documented shape of `alias_format`."""
    digits = value.replace(" ", "").replace("-", "")
    last4 = value[-4:]
    if alias_format in ("UUID", "GENERIC_T_FOUR"):
        uuid_alias = f"tok_{environment}_" + "".join(rng.choices(_BASE58, k=22))
        return uuid_alias if alias_format == "UUID" else f"{uuid_alias}_{last4}"
    if alias_format == "RAW_UUID":
        hexits = f"{rng.getrandbits(128):032x}"
        return f"{hexits[:8]}-{hexits[8:12]}-4{hexits[13:16]}-a{hexits[17:20]}-{hexits[20:]}"
    if alias_format == "NUM_LENGTH_PRESERVING":
        return _digits(rng, len(digits))
    if alias_format == "FPE_SIX_T_FOUR":
        return _make_luhn(rng, digits[:6], len(digits) - 10, digits[-4:])
    if alias_format == "FPE_T_FOUR":
        return _make_luhn(rng, "", len(digits) - 4, digits[-4:])
    if alias_format == "PFPT":
        return _make_luhn(rng, "99", 13, digits[-4:])
    if alias_format == "FPE_SSN_T_FOUR":
        return f"{_digits(rng, 3)}-{_digits(rng, 2)}-{digits[-4:]}"
    if alias_format == "FPE_ACC_NUM_T_FOUR":
        return _digits(rng, max(0, len(digits) - 4)) + digits[-4:]
    if alias_format == "FPE_ALPHANUMERIC_ACC_NUM_T_FOUR":
        return "".join(rng.choices(_ALNUM, k=max(0, len(value) - 4))) + last4
    if alias_format == "ALPHANUMERIC_SIX_T_FOUR":
        return value[:6] + "".join(rng.choices(_ALNUM, k=9)) + last4
    if alias_format == "VGS_FIXED_LEN_GENERIC":
        return "vgs" + "".join(rng.choices(_BASE58, k=26))
    if alias_format == "NON_LUHN_FPE_ALPHANUMERIC":
        alias = "".join(rng.choice(_ALNUM) if char.isalnum() else char for char in value)
        return alias if not (alias.isdigit() and luhn_valid(alias)) else _shape(rng, value, alias_format, environment)
    raise ValueError(f"unknown alias format {alias_format}")
