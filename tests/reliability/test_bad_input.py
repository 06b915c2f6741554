"""Bad input and misconfiguration: every public facade method, fed junk, succeeds or raises a VaultError.

Property (hypothesis, every public method and constructor of every vault, derandomized): each call
draws its arguments from plausible values, then swaps one or two of them for junk (unicode, empty,
huge, None, bytes, numbers, NaN, nested containers, arbitrary objects, path tricks), so both the
accepted paths and each refusal are exercised. The call either succeeds or raises a `VaultError`,
never anything else; and a call refused with `InvalidRequestError` sent nothing (`fake.count()`
unchanged). The fakes run in-process and validate every request, so what the facade lets through is
also checked against the vault's spec (a refusal by the fake is a `VaultError` too).

Misconfiguration: wrong credentials (each vault), base URLs with a path or a trailing slash, plain
http to a non-loopback host, a redirect to another host, and credentials bound to the vault's host
even for requests a caller sends elsewhere through the same pool.
"""

from __future__ import annotations

import base64
import contextlib
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polyvault import (
    AuthenticationError,
    InvalidRequestError,
    RetryPolicy,
    UnexpectedResponseError,
    VaultError,
)
from polyvault.testing import FakeApideck, FakeVault, FakeVaultera, FakeVaultPAM, FakeVGS
from polyvault.vgs import ALIAS_FORMATS

from ._support import CARDS, NO_WAIT

EXAMPLES = 40  # per method: 55 methods and constructors, so the whole file stays well under a minute
NOW = datetime.now(UTC)

# --- junk ------------------------------------------------------------------------------------------

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12), st.binary(max_size=12))
NESTED = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4) | st.integers(), inner, max_size=3),
    max_leaves=8,
)
PATH_TRICKS = st.sampled_from(["", " ", "\t", ".", "..", "../x", "a/b", "a,b", " x", "x ", "%2F", "?q=1", "#f", "\x00", "\n", "é" * 4, "𝔘"])
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and infinities included
    st.text(max_size=30),  # unicode (lone surrogates: see test_lone_surrogates_are_refused)
    st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=4),  # control characters
    PATH_TRICKS,
    st.binary(max_size=30),
    st.just("x" * 20_000),  # huge, yet short enough for a URL (longer: see test_an_argument_too_long_for_a_url_is_refused)
    st.just("é" * 3_000),
    st.lists(st.text(max_size=8), max_size=4),
    st.tuples(st.integers(), st.text(max_size=3)),
    NESTED,
    st.builds(object),
    st.just(NOW.replace(tzinfo=None)),
    st.just({"a"}),
)


def arg(*plausible: Any) -> st.SearchStrategy[Any]:
    """An argument's plausible values (strategies or plain values); each example then swaps up to two arguments for junk."""
    return st.one_of(*(value if isinstance(value, st.SearchStrategy) else st.just(value) for value in plausible))


def pick(values: Any) -> st.SearchStrategy[Any]:
    return arg(st.sampled_from(list(values)))


# --- the methods ------------------------------------------------------------------------------------


@dataclass
class Ctx:
    """One fake, one facade client on it, and data the plausible values can name."""

    fake: FakeVault
    client: Any
    data: dict[str, Any] = field(default_factory=dict)


Call = Callable[[Ctx, dict[str, Any]], Any]


@dataclass(frozen=True)
class Method:
    vault: str
    name: str
    args: Callable[[dict[str, Any]], dict[str, st.SearchStrategy[Any]]]  # data -> {argument: strategy}
    optional: frozenset[str] = frozenset()
    call: Call | None = None  # default: the client attribute path `name`, called with the arguments


def _drain(result: Any) -> Any:
    if isinstance(result, Iterator):
        return [item for _, item in zip(range(2000), result, strict=False)]
    return result


def _invoke(ctx: Ctx, method: Method, kwargs: dict[str, Any]) -> Any:
    if method.call is not None:
        return _drain(method.call(ctx, kwargs))
    target = ctx.client
    for part in method.name.split("."):
        target = getattr(target, part)
    return _drain(target(**kwargs))


def _construct(cls_name: str, module: str, then: Callable[[Any], Any] | None = None) -> Call:
    """A constructor call (in-process, on the fake's transport); `then` makes one call with the new client."""

    def call(ctx: Ctx, kwargs: dict[str, Any]) -> Any:
        import importlib

        cls = getattr(importlib.import_module(module), cls_name)
        with httpx.Client(transport=ctx.fake.transport) as http, cls(**{"http_client": http, **kwargs}) as client:
            return then(client) if then is not None else repr(client)

    return call


def _options(ctx_url: str) -> dict[str, st.SearchStrategy[Any]]:
    """The common keywords every client takes."""
    return {
        "base_url": pick([ctx_url, ctx_url + "/", "https://vault.example.com/prefix", "http://127.0.0.1:9", "http://vault.example.com"]),
        "timeout": arg(st.floats(min_value=0.01, max_value=60), httpx.Timeout(5.0), httpx.Timeout(None)),
        "max_retries": arg(st.integers(min_value=0, max_value=5)),
        "retry_policy": arg(NO_WAIT, RetryPolicy()),
        "allow_http": arg(st.booleans()),
        "max_concurrency": arg(st.integers(min_value=1, max_value=300)),
    }


COMMON = frozenset({"base_url", "timeout", "max_retries", "retry_policy", "allow_http", "max_concurrency"})
STORAGE = ("PERSISTENT", "VOLATILE")
VALUES = st.lists(st.sampled_from(CARDS) | st.text(min_size=1, max_size=30), min_size=1, max_size=45)


def _vgs_methods() -> list[Method]:
    formats = sorted(ALIAS_FORMATS)
    alias = lambda d: pick(d["aliases"])  # noqa: E731
    aliases = lambda d: arg(st.lists(st.sampled_from(d["aliases"]), min_size=1, max_size=25))  # noqa: E731
    return [
        Method(
            "vgs",
            "aliases.create",
            lambda d: {
                "values": arg(VALUES),
                "format": pick(formats),
                "classifiers": arg(st.lists(st.text(max_size=10), max_size=3)),
                "storage": pick(STORAGE),
            },
            frozenset({"format", "classifiers", "storage"}),
        ),
        Method(
            "vgs",
            "aliases.tokenize",
            lambda d: {"values": arg(VALUES), "format": pick(formats), "storage": pick(STORAGE)},
            frozenset({"format", "storage"}),
        ),
        Method(
            "vgs",
            "aliases.reference",
            lambda d: {"alias": alias(d), "format": pick(formats), "storage": pick(STORAGE)},
            frozenset({"storage"}),
        ),
        Method("vgs", "aliases.reveal", lambda d: {"alias": alias(d), "storage": pick(STORAGE)}, frozenset({"storage"})),
        Method("vgs", "aliases.reveal_many", lambda d: {"aliases": aliases(d), "storage": pick(STORAGE)}, frozenset({"storage"})),
        Method(
            "vgs",
            "aliases.update",
            lambda d: {
                "alias": alias(d),
                "classifiers": arg(st.lists(st.text(min_size=1, max_size=10), max_size=3)),
                "storage": pick(STORAGE),
            },
            frozenset({"storage"}),
        ),
        Method("vgs", "aliases.delete", lambda d: {"alias": alias(d), "storage": pick(STORAGE)}, frozenset({"storage"})),
        Method("vgs", "aliases.delete_many", lambda d: {"aliases": aliases(d), "storage": pick(STORAGE)}, frozenset({"storage"})),
        Method(
            "vgs",
            "with_options",
            lambda d: {k: v for k, v in _options(d["url"]).items() if k in ("timeout", "max_retries", "retry_policy")},
            frozenset({"timeout", "max_retries", "retry_policy"}),
            call=lambda ctx, kw: ctx.client.with_options(**kw).aliases.reveal(ctx.data["aliases"][0]),
        ),
        Method(
            "vgs",
            "VGS()",
            lambda d: {
                "username": arg(d["username"]),
                "password": arg(d["password"]),
                "environment": pick(["sandbox", "live", "live-eu-1"]),
                **_options(d["url"]),
            },
            frozenset({"environment"} | COMMON),
            call=_construct("VGS", "polyvault.vgs", lambda vgs: vgs.aliases.tokenize(["4111111111111111"])),
        ),
    ]


UNIFIED = ["crm", "hris", "accounting", "file-storage"]
SERVICES = ["pipedrive", "salesforce", "workday", "quickbooks", "intuit-enterprise-suite", "bamboohr"]
CONNECTED = [("crm", "pipedrive"), ("hris", "workday"), ("accounting", "quickbooks"), ("crm", "salesforce")]  # see _context
RESOURCES = ["leads", "employees", "invoices"]
WHEN = st.sampled_from([NOW, NOW - timedelta(days=1), NOW.isoformat(), "2024-01-01T00:00:00Z", NOW.replace(tzinfo=None)])


def _apideck_methods() -> list[Method]:
    def path(*names: str, prefer: Sequence[tuple[str, str]] = CONNECTED) -> Callable[[dict[str, Any]], dict[str, st.SearchStrategy[Any]]]:
        # unified_api and service_id are drawn as one pair (shared within an example), half the time one the context set up.
        pair = st.shared(st.one_of(st.sampled_from(prefer), st.tuples(st.sampled_from(UNIFIED), st.sampled_from(SERVICES))), key="ui")
        strategies = {"unified_api": pair.map(lambda ui: ui[0]), "service_id": pair.map(lambda ui: ui[1]), "resource": pick(RESOURCES)}
        return lambda d: {name: strategies[name] for name in names}

    def with_path(
        extra: Callable[[dict[str, Any]], dict[str, st.SearchStrategy[Any]]], *names: str, prefer: Sequence[tuple[str, str]] = CONNECTED
    ) -> Callable[[dict[str, Any]], dict[str, Any]]:
        return lambda d: {**path(*names, prefer=prefer)(d), **extra(d)}

    consumer = lambda d: pick(["test-consumer", "acct-1", "acct-new"])  # noqa: E731
    meta = {
        "account_name": arg(st.text(max_size=20)),
        "user_name": arg("Jane"),
        "email": arg("ops@acme.example"),
        "image": arg("https://img.example/a.png"),
    }
    settings_ = arg(st.dictionaries(st.text(max_size=10), st.text(max_size=10) | st.integers(), max_size=3), {"api_key": "pd-key-1"})
    configuration = arg({"leads": {"lead_score": 5}}, {"leads": {"ProductInterest": ["a", 1]}})
    ui = ("unified_api", "service_id")
    return [
        Method("apideck", "consumers.create", lambda d: {"consumer_id": consumer(d), **meta}, frozenset(meta)),
        Method("apideck", "consumers.get", lambda d: {"consumer_id": consumer(d)}),
        Method("apideck", "consumers.update", lambda d: {"consumer_id": consumer(d), **meta}, frozenset(meta)),
        Method("apideck", "consumers.delete", lambda d: {"consumer_id": consumer(d)}),
        Method(
            "apideck",
            "consumers.list",
            lambda d: {"consumer_id_prefix": arg("acct"), "search": arg("Acme"), "limit": arg(st.integers(min_value=1, max_value=200))},
            frozenset({"consumer_id_prefix", "search", "limit"}),
        ),
        Method("apideck", "consumers.request_counts", lambda d: {"consumer_id": consumer(d), "start": arg(WHEN), "end": arg(WHEN)}),
        Method(
            "apideck",
            "connections.list",
            lambda d: {"unified_api": pick(UNIFIED), "configured": arg(st.booleans())},
            frozenset({"unified_api", "configured"}),
        ),
        Method("apideck", "connections.get", path(*ui)),
        Method(
            "apideck",
            "connections.add",
            with_path(
                lambda d: {
                    "settings": settings_,
                    "metadata": arg({"plan": "pro"}),
                    "enabled": arg(st.booleans()),
                    "configuration": configuration,
                },
                *ui,
                prefer=[("hris", "bamboohr"), ("accounting", "intuit-enterprise-suite"), *CONNECTED],  # the first two can be added
            ),
            frozenset({"settings", "metadata", "enabled", "configuration"}),
        ),
        Method(
            "apideck",
            "connections.update",
            with_path(
                lambda d: {
                    "enabled": arg(st.booleans()),
                    "settings": settings_,
                    "metadata": arg({"plan": "pro"}),
                    "configuration": configuration,
                    "consent_state": pick(["implicit", "granted", "denied", "revoked"]),
                },
                *ui,
            ),
            frozenset({"enabled", "settings", "metadata", "configuration", "consent_state"}),
        ),
        Method("apideck", "connections.delete", path(*ui)),
        Method(
            "apideck",
            "connections.import_",
            with_path(
                lambda d: {
                    "access_token": arg("at-1234"),
                    "refresh_token": arg("rt-1234"),
                    "issued_at": arg(WHEN),
                    "expires_in": arg(st.integers(min_value=0, max_value=10**6)),
                    "settings": settings_,
                    "metadata": arg({"a": 1}),
                },
                *ui,
            ),
            frozenset({"access_token", "refresh_token", "issued_at", "expires_in", "settings", "metadata"}),
        ),
        Method(
            "apideck",
            "connections.migrate",
            with_path(
                lambda d: {"target_service_id": arg("intuit-enterprise-suite", st.sampled_from(SERVICES))},
                *ui,
                prefer=[("accounting", "quickbooks")],
            ),
        ),
        Method("apideck", "connections.token", path(*ui)),
        Method("apideck", "connections.validate", path(*ui)),
        Method("apideck", "connections.consents", path(*ui)),
        Method(
            "apideck",
            "connections.update_consent",
            with_path(
                lambda d: {"granted": arg(st.booleans()), "resources": arg("*", {"crm.leads": {"name": {"read": True, "write": False}}})},
                *ui,
            ),
            frozenset({"resources"}),
        ),
        Method(
            "apideck",
            "connections.confirm",
            with_path(lambda d: {"confirm_token": arg(d["confirm_token"], str(uuid.UUID(int=1)))}, *ui, prefer=[("crm", "salesforce")]),
        ),
        Method(
            "apideck",
            "connections.callback_state",
            with_path(lambda d: {"redirect_uri": arg("https://app.example/cb")}, *ui),
            frozenset({"redirect_uri"}),
        ),
        Method("apideck", "connections.settings", path(*ui, "resource")),
        Method(
            "apideck",
            "connections.update_settings",
            with_path(lambda d: {"defaults": arg({"ProductInterest": "GC6000 series"}, {"lead_score": 3})}, *ui, "resource"),
        ),
        Method(
            "apideck",
            "connections.custom_fields",
            with_path(lambda d: {"resource_id": arg("00Q1")}, *ui, "resource"),
            frozenset({"resource_id"}),
        ),
        Method(
            "apideck",
            "connections.custom_mappings",
            with_path(lambda d: {"resource": pick(RESOURCES), "resource_id": arg("00Q1")}, *ui),
            frozenset({"resource", "resource_id"}),
        ),
        Method(
            "apideck",
            "sessions.create",
            lambda d: {
                "redirect_uri": arg("https://app.example/done"),
                "consumer_metadata": arg({"account_name": "Acme"}),
                "settings": arg({"session_length": "30m", "unified_apis": ["crm"]}, {"show_logs": True, "allow_actions": ["delete"]}),
                "theme": arg({"vault_name": "Acme"}),
                "custom_consumer_settings": arg({"tier": "gold"}),
            },
            frozenset({"redirect_uri", "consumer_metadata", "settings", "theme", "custom_consumer_settings"}),
        ),
        Method(
            "apideck",
            "logs.list",
            lambda d: {
                "connector_id": arg("crm+pipedrive"),
                "path": arg("/crm/leads"),
                "path_match_mode": pick(["CONTAINS", "EXACT"]),
                "http_method": arg("get"),
                "http_methods": arg(["GET", "post"]),
                "start_date": arg(WHEN),
                "end_date": arg(WHEN),
                "status_code": arg(st.integers(min_value=100, max_value=599)),
                "status_codes": arg([200, 404]),
                "exclude_unified_apis": arg("vault", ["vault", "crm"]),
                "limit": arg(st.integers(min_value=1, max_value=200)),
            },
            frozenset(
                {
                    "connector_id",
                    "path",
                    "path_match_mode",
                    "http_method",
                    "http_methods",
                    "start_date",
                    "end_date",
                    "status_code",
                    "status_codes",
                    "exclude_unified_apis",
                    "limit",
                }
            ),
        ),
        Method(
            "apideck",
            "with_consumer",
            lambda d: {"consumer_id": consumer(d)},
            call=lambda ctx, kw: list(ctx.client.with_consumer(**kw).logs.list()),
        ),
        Method(
            "apideck",
            "authorize_url",
            lambda d: {
                "service_id": pick(SERVICES),
                "redirect_uri": arg("https://app.example/done"),
                "state": arg("signed-state"),
                "scope": arg("read write", ["read", "write"]),
                "nonce": arg("n-1"),
            },
            frozenset({"state", "scope", "nonce"}),
        ),
        Method(
            "apideck",
            "revoke_url",
            lambda d: {"service_id": pick(SERVICES), "redirect_uri": arg("https://app.example/done"), "state": arg("signed-state")},
            frozenset({"state"}),
        ),
        Method(
            "apideck",
            "Apideck()",
            lambda d: {"api_key": arg(d["api_key"]), "app_id": arg(d["app_id"]), "consumer_id": consumer(d), **_options(d["url"])},
            frozenset({"consumer_id"} | COMMON),
            call=_construct("Apideck", "polyvault.apideck", lambda apideck: apideck.consumers.get("test-consumer")),
        ),
    ]


def _vaultpam_methods() -> list[Method]:
    return [
        Method("vaultpam", "memberships", lambda d: {}),
        Method("vaultpam", "safes.list", lambda d: {}),
        Method(
            "vaultpam",
            "VaultPAM()",
            lambda d: {
                "email": arg(d["email"]),
                "password": arg(d["password"]),
                "token": arg(d["pat"]),
                "org_id": pick(d["orgs"] + ["org_not_mine"]),
                **_options(d["url"]),
            },
            frozenset({"email", "password", "token", "org_id"} | COMMON),
            call=_construct("VaultPAM", "polyvault.vaultpam", lambda pam: pam.safes.list()),
        ),
        Method(
            "vaultpam",
            "with_options",
            lambda d: {k: v for k, v in _options(d["url"]).items() if k in ("timeout", "max_retries", "retry_policy")},
            frozenset({"timeout", "max_retries", "retry_policy"}),
            call=lambda ctx, kw: ctx.client.with_options(**kw).memberships(),
        ),
    ]


def _vaultera_methods() -> list[Method]:
    card = lambda d: pick([d["card"].card_token, "0" * 32])  # noqa: E731
    scopes = ["card", "show_card", "show_service_code"]
    body = {
        "json": arg({"number": "%CARD_NUMBER%"}, ["%CARD_NUMBER%"]),
        "content": arg(b"pan=%CARD_NUMBER%", "text"),
        "headers": arg({"X-Key": "k"}),
    }
    target = {
        "method": pick(["get", "POST", "put", "delete"]),
        "url": pick(["https://gateway.test/pay", "https://gw.test/a?b=c", "http://gw.test/"]),
    }
    return [
        Method("vaultera", "api_keys.list", lambda d: {}),
        Method("vaultera", "api_keys.create", lambda d: {"description": arg("a key")}, frozenset({"description"})),
        Method("vaultera", "api_keys.get", lambda d: {"key_id": pick([d["key"].id, str(d["key"].id), uuid.UUID(int=7)])}),
        Method("vaultera", "api_keys.revoke", lambda d: {"key_id": pick([d["key"].id, str(uuid.UUID(int=9))])}),
        Method("vaultera", "session_tokens.create", lambda d: {"scope": pick(scopes)}),
        Method(
            "vaultera",
            "cards.store",
            lambda d: {
                "card_number": pick([*CARDS, "4111 1111 1111 1111", "4111-1111-1111-1112"]),
                "expiration_month": pick(["12", "1", 7, "13"]),
                "expiration_year": pick(["2030", 2031, "30"]),
                "card_type": arg("visa"),
                "cardholder_name": arg("JOHN DOE"),
                "service_code": arg("737", "1234"),
            },
            frozenset({"card_type", "cardholder_name", "service_code"}),
        ),
        Method("vaultera", "cards.delete", lambda d: {"card_token": card(d)}),
        Method("vaultera", "cards.send", lambda d: {"card_token": card(d), **target, **body}, frozenset(body)),
        Method("vaultera", "capture", lambda d: {**target, "profile": pick(["sample", "channex", "nope"]), **body}, frozenset(body)),
        Method(
            "vaultera", "capture_form_url", lambda d: {"session_token": pick([d["tokens"]["card"], d["tokens"]["show_card"], "a" * 32])}
        ),
        Method(
            "vaultera",
            "show_card_url",
            lambda d: {
                "card_token": card(d),
                "session_token": pick([d["tokens"]["show_card"], "b" * 32]),
                "service_code_token": pick([d["tokens"]["show_service_code"], d["tokens"]["card"]]),
            },
            frozenset({"service_code_token"}),
        ),
        Method(
            "vaultera",
            "Vaultera()",
            lambda d: {"api_key": arg(d["api_key"]), **_options(d["url"])},
            COMMON,
            call=_construct("Vaultera", "polyvault.vaultera", lambda vaultera: vaultera.api_keys.list()),
        ),
    ]


METHODS = _vgs_methods() + _apideck_methods() + _vaultpam_methods() + _vaultera_methods()


def _context(vault: str) -> Ctx:
    """A fresh fake with a client and the data plausible arguments name (set up before anything is counted)."""
    if vault == "vgs":
        fake: Any = FakeVGS()
        client = fake.client(retry_policy=NO_WAIT)
        aliases = client.aliases.tokenize([*CARDS, "plain value"])
        data = {"aliases": aliases, **fake.credentials()}
    elif vault == "apideck":
        fake = FakeApideck()
        client = fake.client(retry_policy=NO_WAIT)
        client.consumers.create("acct-1")
        client.connections.add("crm", "pipedrive", settings={"api_key": "pd-key-0"})
        client.connections.add("hris", "workday", settings={"client_id": "cid-0", "client_secret": "cs-0000"})
        client.connections.import_("accounting", "quickbooks", access_token="at-0000", refresh_token="rt-0000")
        fake.add_logs(5)
        data = {**fake.credentials(), "confirm_token": fake.authorize("crm", "salesforce", nonce="nonce-0")}
    elif vault == "vaultpam":
        fake = FakeVaultPAM()
        client = fake.client(retry_policy=NO_WAIT)
        data = {**fake.credentials(), "pat": fake.add_pat(), "orgs": fake.org_ids}
    else:
        fake = FakeVaultera()
        client = fake.client(retry_policy=NO_WAIT)
        data = {
            **fake.credentials(),
            "card": client.cards.store(card_number=CARDS[0], expiration_month="12", expiration_year="2030"),
            "key": client.api_keys.create("setup"),
            "tokens": {scope: client.session_tokens.create(scope) for scope in ("card", "show_card", "show_service_code")},
        }
    data["url"] = fake.in_process_url
    return Ctx(fake, client, data)


@pytest.mark.parametrize("method", METHODS, ids=[f"{method.vault}.{method.name}" for method in METHODS])
def test_junk_arguments_succeed_or_raise_a_vault_error_and_refusals_send_nothing(method: Method) -> None:
    ctx = _context(method.vault)
    strategies = method.args(ctx.data)
    required = {name: strategy for name, strategy in strategies.items() if name not in method.optional}
    optional = {name: strategy for name, strategy in strategies.items() if name in method.optional}
    tally: dict[str, int] = {"ok": 0, "refused": 0, "vault error": 0, "junk": 0}

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        kwargs = data.draw(st.fixed_dictionaries(required, optional=optional), label="plausible")
        junked = data.draw(st.lists(st.sampled_from(sorted(strategies)), min_size=1, max_size=2, unique=True)) if strategies else []
        for name in junked:
            kwargs[name] = data.draw(JUNK, label=name)
        tally["junk"] += bool(junked)
        before = ctx.fake.count()
        try:
            _invoke(ctx, method, kwargs)
        except InvalidRequestError:
            assert ctx.fake.count() == before, "refused with InvalidRequestError, yet a request was sent"
            tally["refused"] += 1
            return
        except VaultError:
            tally["vault error"] += 1
            return
        tally["ok"] += 1

    accepted = []

    # The control: plausible arguments alone (no junk; some are deliberately out of range) are accepted at least once,
    # so the accepted paths are exercised on the same fake and client.
    @settings(max_examples=20, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def control(data: st.DataObject) -> None:
        with contextlib.suppress(VaultError):
            accepted.append(_invoke(ctx, method, data.draw(st.fixed_dictionaries(required, optional=optional), label="plausible")))

    try:
        control()  # first, on the fresh fake (a later add of the same connection would conflict)
        check()
    finally:
        ctx.client.close()
    examples = tally["ok"] + tally["refused"] + tally["vault error"]
    print(f"\nbad input {method.vault}.{method.name}: {examples} examples {tally}")
    assert not ctx.fake.violations
    if strategies:  # a method without arguments has nothing to swap for junk
        assert tally["junk"] == examples > 0, f"{examples} examples, only {tally['junk']} of them with junk"
    assert accepted, f"{method.vault}.{method.name}: no plausible call was accepted, so the accepted paths went untested"


def test_every_public_method_is_fed_junk() -> None:
    from ._support import facade_operations

    fed = {(method.vault, method.name) for method in METHODS}
    public = {(vault, name) for vault, names in facade_operations().items() for name in names}
    assert public - fed == set(), f"methods without a property test: {sorted(public - fed)}"
    print(f"\nbad input: {len(METHODS)} methods and constructors × {EXAMPLES} examples = {len(METHODS) * EXAMPLES} calls")


# --- path identifiers that are path steps ----------------------------------------------------------

_C = "/vault/connections/{unified_api}/{service_id}"
DOT_CALLS: list[tuple[str, str, Callable[[Any, str], Any]]] = [
    ("vgs", "GET /aliases/{alias}", lambda c, x: c.aliases.reveal(x)),
    ("vgs", "PUT /aliases/{alias}", lambda c, x: c.aliases.update(x, classifiers=[])),
    ("vgs", "DELETE /aliases/{alias}", lambda c, x: c.aliases.delete(x)),
    ("apideck", "GET /vault/consumers/{consumer_id}", lambda c, x: c.consumers.get(x)),
    ("apideck", "PATCH /vault/consumers/{consumer_id}", lambda c, x: c.consumers.update(x, user_name="J")),
    ("apideck", "DELETE /vault/consumers/{consumer_id}", lambda c, x: c.consumers.delete(x)),
    ("apideck", "GET /vault/consumers/{consumer_id}/stats", lambda c, x: c.consumers.request_counts(x, start=NOW, end=NOW)),
    ("apideck", f"GET {_C}", lambda c, x: c.connections.get("crm", x)),
    ("apideck", f"DELETE {_C}", lambda c, x: c.connections.delete(x, "pipedrive")),
    ("apideck", f"PATCH {_C}", lambda c, x: c.connections.update("crm", x, enabled=True)),
    ("apideck", f"POST {_C}/validate", lambda c, x: c.connections.validate(x, "pipedrive")),
    ("apideck", f"GET {_C}/{{resource}}/config", lambda c, x: c.connections.settings("crm", "pipedrive", x)),
    ("apideck", f"PATCH {_C}/{{resource}}/config", lambda c, x: c.connections.update_settings("crm", x, "pipedrive", defaults={"a": 1})),
    ("apideck", f"GET {_C}/{{resource}}/custom-fields", lambda c, x: c.connections.custom_fields("crm", "pipedrive", x)),
    ("vaultera", "DELETE /cards/{card_token}", lambda c, x: c.cards.delete(x)),
    ("vaultera", "POST /cards/{card_token}/send", lambda c, x: c.cards.send(x, method="post", url="https://gw.test/")),
]


@pytest.mark.parametrize("step", [".", ".."])
@pytest.mark.parametrize(("vault", "route", "call"), DOT_CALLS, ids=[f"{vault}-{route}" for vault, route, _ in DOT_CALLS])
def test_a_path_identifier_never_reaches_another_route(vault: str, route: str, call: Callable[[Any, str], Any], step: str) -> None:
    """`.` and `..` are path steps, not identifiers: sent as one they would reach another route (or another resource)."""
    ctx = _context(vault)
    before = len(ctx.fake.requests)
    try:
        call(ctx.client, step)
    except InvalidRequestError:
        assert len(ctx.fake.requests) == before
        return
    except VaultError:
        pass
    finally:
        ctx.client.close()
    reached = {request.route for request in ctx.fake.requests[before:]}
    assert reached == {route}, f"{route} with {step!r} reached {reached}"


# --- arguments that would only fail inside httpx: refused before sending ------------------------------------

_TOO_LONG = "x" * 70_000
LONG_CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("vgs", lambda c: c.aliases.reveal(_TOO_LONG)),
    ("vgs", lambda c: c.aliases.reveal_many(["x" * 4_000] * 20)),  # twenty long aliases make one 80 KB query
    ("apideck", lambda c: c.consumers.get(_TOO_LONG)),
    ("apideck", lambda c: list(c.logs.list(path=_TOO_LONG))),
    ("vaultera", lambda c: c.cards.delete("a" * 70_000)),
]


SURROGATE = "\ud800"
SURROGATE_CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("vgs", lambda c: c.aliases.create(["4111" + SURROGATE])),
    ("vgs", lambda c: c.aliases.reveal(SURROGATE)),
    ("apideck", lambda c: c.consumers.create("acct-" + SURROGATE)),
    ("apideck", lambda c: c.consumers.get(SURROGATE)),
    ("apideck", lambda c: c.authorize_url("salesforce", redirect_uri="https://app.example/" + SURROGATE)),
    ("vaultera", lambda c: c.cards.store(card_number=CARDS[0], expiration_month="12", expiration_year="2030", cardholder_name=SURROGATE)),
    ("vaultera", lambda c: c.api_keys.create(SURROGATE)),
]


UNSENDABLE = [("long", *case) for case in LONG_CALLS] + [("surrogate", *case) for case in SURROGATE_CALLS]


# An argument that makes the URL longer than httpx's 64 KB limit is refused, not a bare httpx.InvalidURL;
# a string with a lone surrogate (not encodable as UTF-8) is refused, not a bare UnicodeEncodeError.
@pytest.mark.parametrize(
    ("kind", "vault", "call"), UNSENDABLE, ids=[f"{kind}-{vault}-{index}" for index, (kind, vault, _) in enumerate(UNSENDABLE)]
)
def test_an_argument_httpx_cannot_send_is_refused_before_sending(kind: str, vault: str, call: Callable[[Any], Any]) -> None:
    ctx = _context(vault)
    before = ctx.fake.count()
    with ctx.client, pytest.raises(InvalidRequestError):
        call(ctx.client)
    assert ctx.fake.count() == before


# --- misconfiguration ---------------------------------------------------------------------------------


WRONG_CREDENTIALS: list[tuple[str, str, dict[str, Any], Callable[[Any], Any]]] = [
    ("vgs", "password", {"password": "wrong-password-0001"}, lambda c: c.aliases.reveal("tok_sandbox_x")),
    ("apideck", "api key", {"api_key": "sk_wrong_key_0001"}, lambda c: c.consumers.get("test-consumer")),
    ("apideck", "app id", {"app_id": "wrong-app-id-0001"}, lambda c: c.consumers.get("test-consumer")),
    ("vaultpam", "password", {"password": "wrong-password-0001"}, lambda c: c.memberships()),
    ("vaultpam", "token", {"email": None, "password": None, "token": "vpat_wrong_token_0001"}, lambda c: c.memberships()),
    ("vaultera", "api key", {"api_key": "wrong-api-key-0001"}, lambda c: c.api_keys.list()),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("vault", "what", "options", "call"), WRONG_CREDENTIALS, ids=[f"{v}-{w}" for v, w, _, _ in WRONG_CREDENTIALS])
def test_wrong_credentials_fail_once_with_an_authentication_error_that_does_not_echo_them(
    vault: str, what: str, options: dict[str, Any], call: Callable[[Any], Any], mode: str
) -> None:
    import anyio

    from ._support import make_fake

    fake = make_fake(vault)
    if mode == "sync":
        with fake.client(retry_policy=NO_WAIT, **options) as client, pytest.raises(AuthenticationError) as caught:
            call(client)
    else:

        async def main() -> None:
            async with fake.async_client(retry_policy=NO_WAIT, **options) as client:
                await call(client)

        with pytest.raises(AuthenticationError) as caught:
            anyio.run(main)
    assert fake.count() == 1, "a 401 is final: not retried, and a failed login is not followed by the call"
    wrong = next(value for value in options.values() if value)
    assert wrong not in str(caught.value) + repr(caught.value)


@dataclass(frozen=True)
class Wire:
    """How to reach one vault through a MockTransport: credentials, one call, the path it requests."""

    vault: str
    cls: str
    credentials: dict[str, Any]
    call: Callable[[Any], Any]
    path: str


WIRES = [
    Wire("vgs", "VGS", {"username": "user-1", "password": "vgs-pass-0001"}, lambda c: c.aliases.reveal("tok_x"), "/aliases/tok_x"),
    Wire("apideck", "Apideck", {"api_key": "sk-0001", "app_id": "app-0001"}, lambda c: c.consumers.get("c1"), "/vault/consumers/c1"),
    Wire("vaultpam", "VaultPAM", {"token": "vpat-0001"}, lambda c: c.memberships(), "/api/v1/org/memberships"),
    Wire("vaultpam", "VaultPAM", {"email": "a@example.com", "password": "pam-pass-0001"}, lambda c: c.memberships(), "/api/v1/auth/login"),
    Wire("vaultera", "Vaultera", {"api_key": "vaultera-key-0001"}, lambda c: c.api_keys.list(), "/api_keys"),
]


def _client(wire: Wire, transport: httpx.MockTransport, **options: Any) -> Any:
    import importlib

    cls = getattr(importlib.import_module(f"polyvault.{wire.vault}"), wire.cls)
    return cls(**wire.credentials, http_client=httpx.Client(transport=transport), retry_policy=NO_WAIT, **options)


@pytest.mark.parametrize("base", ["https://vault.test/prefix/", "https://vault.test/prefix", "https://vault.test/", "https://vault.test"])
@pytest.mark.parametrize("wire", WIRES, ids=[f"{wire.vault}-{index}" for index, wire in enumerate(WIRES)])
def test_a_base_url_path_is_kept_and_a_trailing_slash_makes_no_double_slash(wire: Wire, base: str) -> None:
    seen: list[httpx.URL] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(404, json={"error": "NOT_FOUND"})

    with _client(wire, httpx.MockTransport(answer), base_url=base) as client, pytest.raises(VaultError):
        wire.call(client)
    prefix = "/prefix" if "prefix" in base else ""
    assert seen[0].host == "vault.test" and seen[0].path == prefix + wire.path


@pytest.mark.parametrize(
    "url",
    [
        "http://vault.example.com",
        "http://vault.example.com:80/api",
        "http://10.0.0.8:8200",
        "http://127.0.0.1.nip.io",
        "http://localhost.example.com",
        "http://0x7f000001",
        "HTTP://VAULT.EXAMPLE.COM",
    ],
)
@pytest.mark.parametrize("wire", [WIRES[0], WIRES[1], WIRES[2], WIRES[4]], ids=["vgs", "apideck", "vaultpam", "vaultera"])
def test_plain_http_to_a_remote_host_is_refused_unless_allowed(wire: Wire, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    cls = getattr(importlib.import_module(f"polyvault.{wire.vault}"), wire.cls)
    with pytest.raises(InvalidRequestError, match="plain http"):
        cls(**wire.credentials, base_url=url)
    monkeypatch.setenv(f"{wire.vault.upper()}_BASE_URL", url)
    with pytest.raises(InvalidRequestError, match="plain http"):
        cls(**wire.credentials)
    with cls(**wire.credentials, allow_http=True) as client:
        assert client.base_url.lower().startswith("http://")


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8200", "http://127.0.0.2", "http://localhost:9", "http://LOCALHOST", "http://[::1]:8200"]
)
def test_plain_http_to_loopback_is_allowed_for_local_fakes(url: str) -> None:
    from polyvault import VGS, Apideck

    assert VGS("u", "p", base_url=url).base_url.lower() == url.lower().rstrip("/")
    assert Apideck("k", "a", base_url=url).base_url.lower() == url.lower().rstrip("/")


def _credential_bearing(request: httpx.Request) -> list[str]:
    """Where a request carries a credential (any vault's)."""
    found = [name for name in ("authorization", "x-apideck-app-id", "cookie") if name in request.headers]
    found += [name for name in ("api_key",) if name in request.url.params]
    return found + (["password (body)"] if b'"password"' in request.content else [])  # a VaultPAM login


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("wire", WIRES, ids=[f"{wire.vault}-{index}" for index, wire in enumerate(WIRES)])
def test_a_redirect_to_another_host_is_not_followed_and_that_host_gets_nothing(wire: Wire, status: int) -> None:
    vault_requests: list[httpx.Request] = []
    elsewhere: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host != "vault.test":
            elsewhere.append(request)
            return httpx.Response(200, json={})
        vault_requests.append(request)
        return httpx.Response(status, headers={"Location": "https://collector.attacker.test/steal" + request.url.path})

    with (
        _client(wire, httpx.MockTransport(answer), base_url="https://vault.test") as client,
        pytest.raises(UnexpectedResponseError) as caught,
    ):
        wire.call(client)
    assert caught.value.status_code == status and "redirect" in caught.value.message
    assert elsewhere == [] and len(vault_requests) == 1, "followed, or retried"
    assert _credential_bearing(vault_requests[0]), "the vault itself should have been sent the credentials"


@pytest.mark.parametrize(
    "target",
    [
        "https://collector.attacker.test/x",
        "https://vault.test:8443/x",
        "http://vault.test/x",
        "https://sub.vault.test/x",
        "https://vault.test.attacker.test/x",
    ],
)
@pytest.mark.parametrize("wire", WIRES, ids=[f"{wire.vault}-{index}" for index, wire in enumerate(WIRES)])
def test_credentials_go_only_to_the_configured_origin_even_through_the_shared_pool(wire: Wire, target: str) -> None:
    """`.raw` shares the facade's pool and auth: a request it sends to another origin carries no credential (and logs no one in)."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    with _client(wire, httpx.MockTransport(answer), base_url="https://vault.test") as client:
        client.raw.get_httpx_client().get(target)
        assert [str(request.url) for request in sent] == [target] and _credential_bearing(sent[0]) == []
        client.raw.get_httpx_client().get(
            "https://vault.test/api/v1/org/memberships" if wire.vault == "vaultpam" else "https://vault.test/ok"
        )
    assert _credential_bearing(sent[-1]), "a request to the vault itself is signed"


def test_the_callers_http_client_base_url_and_headers_do_not_redirect_vault_calls() -> None:
    """A caller's httpx client may carry its own base_url and headers: vault calls still go, signed, to the vault's base URL only."""
    from polyvault import VGS

    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(404, json={"errors": [{"status": 404, "title": "Not found", "detail": "no"}]})

    with (
        httpx.Client(
            transport=httpx.MockTransport(answer), base_url="https://collector.attacker.test", headers={"X-Team": "payments"}
        ) as caller,
        VGS("user-1", "vgs-pass-0001", base_url="https://vault.test", http_client=caller) as vgs,
        pytest.raises(VaultError),
    ):
        vgs.aliases.reveal("tok_x")
    assert [request.url.host for request in sent] == ["vault.test"]
    expected = "Basic " + base64.b64encode(b"user-1:vgs-pass-0001").decode()
    assert sent[0].headers["authorization"] == expected and sent[0].headers["x-team"] == "payments"
