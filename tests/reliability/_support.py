"""What the reliability suites share: every facade operation of every vault as one table, and result helpers.

`OPERATIONS` lists each public facade operation once: its vault, the fake's route it calls, whether
the facade treats it as idempotent, how to prepare the fake for it (with a plain sync client, before
any fault is armed) and how to call it. The fault matrix and the leak scan both drive this table, and
`facade_operations()` proves it is complete by reading the facade's own resource classes.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any

import httpx
from polyvault import RetryPolicy
from polyvault._core.ops import operation, paginated
from polyvault.testing import FakeApideck, FakeVault, FakeVaultera, FakeVaultPAM, FakeVGS

# Retries without waiting, so a faulted call costs no more than its extra round trip.
NO_WAIT = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0, max_wait=1.0)
NOW = datetime.now(UTC)
CARDS = ("4111111111111111", "5500000000000004")

Ctx = dict[str, Any]


@dataclass(frozen=True)
class Op:
    """One facade operation, bound to the fake route it calls."""

    vault: str
    name: str
    route: str
    idempotent: bool
    call: Callable[[Any, Ctx], Any]
    setup: Callable[[Any, Any], Ctx] | None = None
    bulk: bool = False  # a chunked call: part-way failures are a BulkOperationError
    raw: bool = False  # returns the vault's raw answer: its status and body are data, not errors
    bodyless: bool = False  # the vault answers 204 No Content
    inputs: int = 1  # items of a bulk call
    # The answer has an open-enum field the fake's unknown_enum fault rewrites, and the result carries it
    # (raw and bodyless answers never do; tokenize returns bare aliases).
    shows_enums: bool = True
    # The fake's wrong_type fault puts a number where the answer's first string was. Tolerant reading takes a
    # number as its text, so the call succeeds; True where that string is one the call needs in a form a
    # number cannot take (an API key's UUID id; a login's token, which is sent exactly as issued).
    wrong_type_fails: bool = False

    @property
    def id(self) -> str:
        return f"{self.vault}.{self.name}"


def make_fake(vault: str, **options: Any) -> FakeVault:
    """A fresh fake of `vault` (seeded, spec-validating unless told otherwise)."""
    factory: dict[str, type[FakeVault]] = {"vgs": FakeVGS, "apideck": FakeApideck, "vaultpam": FakeVaultPAM, "vaultera": FakeVaultera}
    return factory[vault](**options)


# --- setups (plain sync client, no faults armed) -------------------------------------------------


def _aliases(fake: Any, client: Any) -> Ctx:
    return {"aliases": client.aliases.tokenize(list(CARDS), format="FPE_SIX_T_FOUR")}


def _pipedrive(fake: Any, client: Any) -> Ctx:
    client.connections.add("crm", "pipedrive", settings={"api_key": "pd-key-setup-0001"})
    return {}


def _workday(fake: Any, client: Any) -> Ctx:
    client.connections.add("hris", "workday", settings={"client_id": "cid-setup", "client_secret": "cs-setup-0001"})
    return {}


def _quickbooks(fake: Any, client: Any) -> Ctx:
    client.connections.import_("accounting", "quickbooks", access_token="at-setup-0001", refresh_token="rt-setup-0001")
    return {}


def _consumer(fake: Any, client: Any) -> Ctx:
    client.consumers.create("acct-setup")
    return {}


def _confirmable(fake: Any, client: Any) -> Ctx:
    return {"confirm_token": fake.authorize("crm", "salesforce", nonce="nonce-setup")}


def _logs(fake: Any, client: Any) -> Ctx:
    fake.add_logs(3)
    return {}


def _key(fake: Any, client: Any) -> Ctx:
    return {"key": client.api_keys.create("setup key")}


def _card(fake: Any, client: Any) -> Ctx:
    return {"card": client.cards.store(card_number=CARDS[0], expiration_month="12", expiration_year="2030", service_code="737")}


def _no_setup(fake: Any, client: Any) -> Ctx:
    return {}


_C = "/vault/connections/{unified_api}/{service_id}"

OPERATIONS: tuple[Op, ...] = (
    # --- VGS -------------------------------------------------------------------------------------
    Op(
        "vgs",
        "aliases.create",
        "POST /aliases",
        False,
        lambda c, x: c.aliases.create(list(CARDS), format="FPE_SIX_T_FOUR"),
        bulk=True,
        inputs=2,
    ),
    Op(
        "vgs",
        "aliases.tokenize",
        "POST /aliases",
        False,
        lambda c, x: c.aliases.tokenize(list(CARDS)),
        bulk=True,
        inputs=2,
        shows_enums=False,
    ),
    Op("vgs", "aliases.reference", "POST /aliases", False, lambda c, x: c.aliases.reference(x["aliases"][0], format="PFPT"), _aliases),
    Op("vgs", "aliases.reveal", "GET /aliases/{alias}", True, lambda c, x: c.aliases.reveal(x["aliases"][0]), _aliases),
    Op("vgs", "aliases.reveal_many", "GET /aliases", True, lambda c, x: c.aliases.reveal_many(x["aliases"]), _aliases, bulk=True, inputs=2),
    Op(
        "vgs",
        "aliases.update",
        "PUT /aliases/{alias}",
        True,
        lambda c, x: c.aliases.update(x["aliases"][0], classifiers=["pci"]),
        _aliases,
        bodyless=True,
    ),
    Op("vgs", "aliases.delete", "DELETE /aliases/{alias}", True, lambda c, x: c.aliases.delete(x["aliases"][0]), _aliases, bodyless=True),
    Op(
        "vgs",
        "aliases.delete_many",
        "POST /aliases/delete",
        False,
        lambda c, x: c.aliases.delete_many(x["aliases"]),
        _aliases,
        bulk=True,
        bodyless=True,
        inputs=2,
    ),
    # --- Apideck ---------------------------------------------------------------------------------
    Op("apideck", "consumers.create", "POST /vault/consumers", False, lambda c, x: c.consumers.create("acct-new", account_name="Acme")),
    Op("apideck", "consumers.get", "GET /vault/consumers/{consumer_id}", True, lambda c, x: c.consumers.get("test-consumer")),
    Op(
        "apideck",
        "consumers.update",
        "PATCH /vault/consumers/{consumer_id}",
        True,
        lambda c, x: c.consumers.update("test-consumer", user_name="Jane"),
    ),
    Op(
        "apideck",
        "consumers.delete",
        "DELETE /vault/consumers/{consumer_id}",
        True,
        lambda c, x: c.consumers.delete("acct-setup"),
        _consumer,
    ),
    Op("apideck", "consumers.list", "GET /vault/consumers", True, lambda c, x: c.consumers.list()),
    Op(
        "apideck",
        "consumers.request_counts",
        "GET /vault/consumers/{consumer_id}/stats",
        True,
        lambda c, x: c.consumers.request_counts("test-consumer", start=NOW - timedelta(days=1), end=NOW + timedelta(days=1)),
    ),
    Op("apideck", "connections.list", "GET /vault/connections", True, lambda c, x: c.connections.list(unified_api="crm")),
    Op("apideck", "connections.get", f"GET {_C}", True, lambda c, x: c.connections.get("crm", "pipedrive"), _pipedrive),
    Op(
        "apideck",
        "connections.add",
        f"POST {_C}",
        False,
        lambda c, x: c.connections.add("crm", "pipedrive", settings={"api_key": "pd-key-0001"}),
    ),
    Op(
        "apideck",
        "connections.update",
        f"PATCH {_C}",
        True,
        lambda c, x: c.connections.update("crm", "pipedrive", enabled=False),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.delete",
        f"DELETE {_C}",
        True,
        lambda c, x: c.connections.delete("crm", "pipedrive"),
        _pipedrive,
        bodyless=True,
    ),
    Op(
        "apideck",
        "connections.import_",
        f"POST {_C}/import",
        False,
        lambda c, x: c.connections.import_("accounting", "quickbooks", access_token="at-import-0001", refresh_token="rt-import-0001"),
    ),
    Op(
        "apideck",
        "connections.migrate",
        f"POST {_C}/migrate",
        True,
        lambda c, x: c.connections.migrate("accounting", "quickbooks", target_service_id="intuit-enterprise-suite"),
        _quickbooks,
    ),
    Op("apideck", "connections.token", f"POST {_C}/token", False, lambda c, x: c.connections.token("hris", "workday"), _workday),
    Op(
        "apideck", "connections.validate", f"POST {_C}/validate", False, lambda c, x: c.connections.validate("crm", "pipedrive"), _pipedrive
    ),
    Op("apideck", "connections.consents", f"GET {_C}/consent", True, lambda c, x: c.connections.consents("crm", "pipedrive"), _pipedrive),
    Op(
        "apideck",
        "connections.update_consent",
        f"PATCH {_C}/consent",
        False,
        lambda c, x: c.connections.update_consent("crm", "pipedrive", granted=True),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.confirm",
        f"POST {_C}/confirm",
        False,
        lambda c, x: c.connections.confirm("crm", "salesforce", confirm_token=x["confirm_token"]),
        _confirmable,
    ),
    Op(
        "apideck",
        "connections.callback_state",
        f"POST {_C}/callback-state",
        False,
        lambda c, x: c.connections.callback_state("crm", "pipedrive", redirect_uri="https://app.example/cb"),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.settings",
        f"GET {_C}/{{resource}}/config",
        True,
        lambda c, x: c.connections.settings("crm", "pipedrive", "leads"),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.update_settings",
        f"PATCH {_C}/{{resource}}/config",
        True,
        lambda c, x: c.connections.update_settings("crm", "pipedrive", "leads", defaults={"ProductInterest": "GC6000 series"}),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.custom_fields",
        f"GET {_C}/{{resource}}/custom-fields",
        True,
        lambda c, x: c.connections.custom_fields("crm", "pipedrive", "leads"),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.custom_mappings",
        f"GET {_C}/{{resource}}/custom-mappings",
        True,
        lambda c, x: c.connections.custom_mappings("crm", "pipedrive", "leads"),
        _pipedrive,
    ),
    Op(
        "apideck",
        "connections.custom_mappings(service)",
        "GET /vault/custom-mappings/{unified_api}/{service_id}",
        True,
        lambda c, x: c.connections.custom_mappings("hris", "workday"),
    ),
    Op(
        "apideck", "sessions.create", "POST /vault/sessions", False, lambda c, x: c.sessions.create(redirect_uri="https://app.example/done")
    ),
    Op("apideck", "logs.list", "GET /vault/logs", True, lambda c, x: c.logs.list(), _logs),
    # --- VaultPAM (the login is not a method, but every first call makes one) ---------------------
    Op("vaultpam", "login", "POST /api/v1/auth/login", True, lambda c, x: c.memberships(), wrong_type_fails=True),
    Op("vaultpam", "memberships", "GET /api/v1/org/memberships", True, lambda c, x: c.memberships()),
    Op("vaultpam", "safes.list", "GET /api/v1/safes", True, lambda c, x: c.safes.list()),
    # --- Vaultera --------------------------------------------------------------------------------
    Op("vaultera", "api_keys.list", "GET /api_keys", True, lambda c, x: c.api_keys.list(), _key, wrong_type_fails=True),
    Op("vaultera", "api_keys.create", "POST /api_keys", False, lambda c, x: c.api_keys.create("matrix key"), wrong_type_fails=True),
    Op("vaultera", "api_keys.get", "GET /api_keys/{id}", True, lambda c, x: c.api_keys.get(x["key"].id), _key, wrong_type_fails=True),
    Op("vaultera", "api_keys.revoke", "DELETE /api_keys/{id}", True, lambda c, x: c.api_keys.revoke(x["key"].id), _key, bodyless=True),
    Op("vaultera", "session_tokens.create", "POST /session_tokens", False, lambda c, x: c.session_tokens.create("show_card")),
    Op(
        "vaultera",
        "cards.store",
        "POST /cards",
        False,
        lambda c, x: c.cards.store(card_number=CARDS[1], expiration_month="07", expiration_year="2031", service_code="1234"),
    ),
    Op(
        "vaultera",
        "cards.delete",
        "DELETE /cards/{card_token}",
        True,
        lambda c, x: c.cards.delete(x["card"].card_token),
        _card,
        bodyless=True,
    ),
    Op(
        "vaultera",
        "cards.send",
        "POST /cards/{card_token}/send",
        False,
        lambda c, x: c.cards.send(x["card"].card_token, method="post", url="https://gateway.test/pay", json={"number": "%CARD_NUMBER%"}),
        _card,
        raw=True,
    ),
    Op(
        "vaultera",
        "capture",
        "POST /capture",
        False,
        lambda c, x: c.capture(method="get", url="https://ota.test/bookings", profile="sample"),
        raw=True,
    ),
)


# Answers with no open-enum field for the unknown_enum fault to rewrite (their enums are closed, or absent).
_NO_OPEN_ENUM = frozenset(
    {
        "apideck.consumers.create",
        "apideck.consumers.get",
        "apideck.consumers.update",
        "apideck.consumers.delete",
        "apideck.consumers.list",
        "apideck.consumers.request_counts",
        "apideck.connections.consents",
        "apideck.connections.update_consent",
        "apideck.connections.confirm",
        "apideck.connections.custom_fields",
        "apideck.connections.custom_mappings",
        "apideck.connections.custom_mappings(service)",
        "apideck.sessions.create",
        "vaultpam.login",
        "vaultpam.safes.list",
        "vaultera.cards.store",
    }
)
OPERATIONS = tuple(replace(op, shows_enums=False) if op.id in _NO_OPEN_ENUM or op.raw or op.bodyless else op for op in OPERATIONS)
assert {op.id for op in OPERATIONS} >= _NO_OPEN_ENUM, "a name in _NO_OPEN_ENUM matches no operation"


def prepare(op: Op, fake: Any) -> Ctx:
    """Run the operation's setup with a plain in-process client."""
    with fake.client() as client:
        return (op.setup or _no_setup)(fake, client)


# --- results ---------------------------------------------------------------------------------------


def resolve(result: Any) -> Any:
    """A sync result with iterators drained (listings are lazy)."""
    return list(result) if isinstance(result, Iterator) else result


async def aresolve(result: Any) -> Any:
    """An async result awaited, async iterators drained."""
    if inspect.isawaitable(result):
        return await result
    if isinstance(result, AsyncIterator):
        return [item async for item in result]
    return result


def strings(value: Any, depth: int = 0) -> set[str]:
    """Every string inside a result: records (dataclasses), mappings, sequences, raw responses' JSON bodies."""
    if depth > 40:
        return set()
    if isinstance(value, str):
        return {value}
    if isinstance(value, httpx.Response):
        try:
            return strings(json.loads(value.content), depth + 1)
        except ValueError:
            return {value.text}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(strings(getattr(value, item.name), depth + 1) for item in dataclasses.fields(value)))
    if isinstance(value, Mapping):
        return set().union(*(strings(item, depth + 1) for item in value.values()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return set().union(*(strings(item, depth + 1) for item in value))
    return set()


def facade_operations() -> dict[str, set[str]]:
    """Every public operation of every vault's facade, read from its classes: {vault: {"resource.method", ...}}."""
    from polyvault import apideck, vaultera, vaultpam, vgs

    found: dict[str, set[str]] = {}
    for vault, client in (("vgs", vgs.VGS), ("apideck", apideck.Apideck), ("vaultpam", vaultpam.VaultPAM), ("vaultera", vaultera.Vaultera)):
        names: set[str] = set()
        for cls in client.__mro__:
            for attr, value in vars(cls).items():
                if isinstance(value, (operation, paginated)):
                    names.add(attr)
                elif isinstance(value, cached_property) and not attr.startswith("_") and attr != "raw":
                    module = inspect.getmodule(value.func)
                    resource = getattr(module, str(inspect.signature(value.func).return_annotation).split("[")[0])
                    names.update(f"{attr}.{method}" for method, item in vars(resource).items() if isinstance(item, (operation, paginated)))
        found[vault] = names
    return found
