"""Leak scan: every operation of every vault, successes and failures, with distinctive secrets; nothing shows them.

While the four fakes serve on 127.0.0.1 (so httpx and httpcore log as they would in production),
the scan drives every facade operation with distinctive secrets (passwords, API keys, VaultPAM
session tokens and personal access tokens, Vaultera keys, card numbers and service codes, revealed
values, Apideck connection settings, OAuth and confirm tokens, Hosted Vault sessions, a third
party's header and URL secrets), then makes them fail every way it can: wrong credentials, 4xx, 5xx,
resets, timeouts, unreadable answers, redirects and bad input. It captures:

- every log record of every logger at DEBUG (a root handler at DEBUG, every existing logger set to
  DEBUG and propagating, httpx and httpcore included): the formatted record, its raw message and args;
  polyvault's own lines (each attempt, retry and failed call) among them;
- every OpenTelemetry span an application's SDK receives (name, attributes, events, status) and every
  data point of the request-duration histogram (its attributes);
- every exception's str and repr, following `__cause__`, `__context__` and `BulkOperationError.errors`;
- every returned record's repr (and str), and each client's repr;
- in fleet mode, every key and value the clients left in Redis (where account names must not show either).

Each secret is searched raw, percent-encoded (`quote` and `quote_plus`) and, for VGS, inside the
Basic authorization header (base64 of user:password). URLs that exist to carry a one-off token to a
browser (`capture_form_url`, `show_card_url`, `Session.url`) are the secret's purpose, not a leak:
they are returned but not scanned (their repr-hidden fields are).
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest
from polyvault import BulkOperationError, RetryPolicy, VaultError
from polyvault.testing import FakeApideck, FakeVaultera, FakeVaultPAM, FakeVGS, RedisServer

FAST = RetryPolicy(max_retries=1, backoff=0.0, max_backoff=0.0, max_wait=1.0)
TIMEOUT = 0.5

# --- the secrets (distinctive, with characters that URL-encode differently) ----------------------------

VGS_USER = "vgs-user-Qx7"
VGS_PASSWORD = "vgs pw+/=&é-Kq9"
VGS_WRONG = "wrong pw+/-Zt4"
CARD = "4539578763621486"
CARD_2 = "4716190207394368"
TEXT_VALUE = "SSN 078-05-1120 ünïcødé+Zx"
APIDECK_KEY = "sk_live_LEAK+key/01=Qz"
APIDECK_WRONG = "sk_live_WRONG+key/02"
SETTING_SECRET = "pd-SETTING+secret/77"
CLIENT_SECRET = "cs-LEAK-client+secret/5"
ACCESS_TOKEN = "at-LEAK-access+token/1"
REFRESH_TOKEN = "rt-LEAK-refresh+token/1"
PAM_PASSWORD = "pam pw+/=&-Lk3"
PAM_WRONG = "pam wrong+/-Mv8"
PAM_WRONG_PAT = "vpat_WRONG-token-Jx2"
VAULTERA_KEY = "vaultera-MASTER-key+0001"
VAULTERA_WRONG = "vaultera-WRONG-key+0002"
CARD_3 = "4929804463622139"
SERVICE_CODE = "7391"
GATEWAY_HEADER = "gw-SECRET-header-9Hq"
GATEWAY_URL = "https://gw.test/pay?order=1"
GATEWAY_URL_SECRET = "gw-url-SECRET-5Rt"  # a third party's credential in its URL
REDIS_PASSWORD = "redis-LEAK-pw+/=Rq5"
FLEET_VGS_USER = "US-fleet-LEAK-user"
FLEET_VGS_PASSWORD = "fleet vgs pw+/=Wq2"
FLEET_PAM_EMAIL = "fleet-leak@secret-corp.example"
FLEET_PAM_PASSWORD = "fleet pam pw+/=Xe4"
FLEET_APIDECK_KEY = "sk_live_FLEET+key/03=Qz"
FLEET_VAULTERA_KEY = "vaultera-FLEET-key+0003"


@dataclass
class Scan:
    """Everything collected, and the secrets to look for."""

    secrets: set[str] = field(default_factory=set)
    exceptions: list[BaseException] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)  # reprs and strs of returned records and clients
    stored: list[str] = field(default_factory=list)  # fleet mode: Redis keys and values (bytes as latin-1)
    accounts: set[str] = field(default_factory=set)  # account names: not secret, but never in Redis in clear
    returned: int = 0

    def keep(self, value: Any) -> Any:
        """A returned value: its repr and str are scanned."""
        self.returned += 1
        self.shown += [repr(value), str(value)]
        return value

    def expect_error(self, call: Callable[[], Any]) -> BaseException:
        """A call that must fail with a VaultError, which is scanned."""

        def drained() -> Any:
            result = call()
            return list(result) if isinstance(result, Iterator) else result

        with pytest.raises(VaultError) as caught:
            drained()
        self.exceptions.append(caught.value)
        return caught.value

    def expect_fault_error(self, fake: Any, fault: str, route: str, call: Callable[[], Any]) -> None:
        """`call` with `fault` on `route` must fail with a VaultError caused by that fault (which is scanned)."""
        armed = fake.inject(fault, route=route, times=None, seconds=2.0)
        try:
            self.expect_error(call)
            assert armed.hits, f"{fault} on {route} never fired: the error scanned came from something else"
        finally:
            fake.clear_faults()


def _chain(error: BaseException, seen: set[int]) -> Iterator[BaseException]:
    if id(error) in seen:
        return
    seen.add(id(error))
    yield error
    linked = [error.__cause__, error.__context__, *(error.errors if isinstance(error, BulkOperationError) else ())]
    for other in linked:
        if other is not None:
            yield from _chain(other, seen)


def _forms(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote(secret), quote_plus(secret)}


def _found(secret: str, text: str) -> bool:
    """Whether `text` shows `secret` in any form; short secrets (a service code) only as a whole token."""
    for form in _forms(secret):
        if len(form) >= 8:
            if form in text:
                return True
        elif re.search(rf"(?<![0-9A-Za-z]){re.escape(form)}(?![0-9A-Za-z])", text):
            return True
    return False


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def every_log_record() -> Iterator[list[logging.LogRecord]]:
    """Every record of every logger at DEBUG, reaching a root handler; levels and propagation restored after."""
    handler = _Records()
    root = logging.getLogger()
    names = ["httpx", "httpcore", "httpcore.connection", "httpcore.http11", "polyvault", "anyio", "asyncio"]
    loggers = [root] + [logging.getLogger(name) for name in {*names, *logging.Logger.manager.loggerDict}]
    saved = [(logger, logger.level, logger.propagate, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.propagate = True
        logger.disabled = False
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)
        for logger, level, propagate, disabled in saved:
            logger.setLevel(level)
            logger.propagate = propagate
            logger.disabled = disabled


# --- the drives: every operation, then every kind of failure --------------------------------------------


def _vgs(scan: Scan) -> None:
    fake = FakeVGS(username=VGS_USER, password=VGS_PASSWORD)
    scan.secrets |= {VGS_PASSWORD, VGS_WRONG, CARD, CARD_2, TEXT_VALUE}
    scan.secrets |= {base64.b64encode(f"{VGS_USER}:{password}".encode()).decode() for password in (VGS_PASSWORD, VGS_WRONG)}
    with fake.serve() as url, fake.client(base_url=url, retry_policy=FAST, timeout=TIMEOUT) as vgs:
        scan.keep(vgs)
        records = scan.keep(vgs.aliases.create([CARD, TEXT_VALUE], format="UUID", classifiers=["pci"]))
        aliases = scan.keep(vgs.aliases.tokenize([CARD_2], format="FPE_SIX_T_FOUR"))
        scan.keep(vgs.aliases.reference(aliases[0], format="PFPT"))
        scan.keep(vgs.aliases.reveal(aliases[0]))
        scan.keep(vgs.aliases.reveal_many([record.aliases[0].alias for record in records]))
        scan.keep(vgs.aliases.update(aliases[0], classifiers=["pii"]))
        scan.keep(vgs.aliases.delete(aliases[0]))
        scan.keep(vgs.aliases.delete_many([records[0].aliases[0].alias]))
        survivor = records[1].aliases[0].alias
        with fake.client(base_url=url, password=VGS_WRONG) as wrong:
            scan.expect_error(lambda: wrong.aliases.reveal(survivor))
        scan.expect_error(lambda: vgs.aliases.reveal("tok_sandbox_missing"))
        scan.expect_error(lambda: vgs.aliases.create([TEXT_VALUE], format="FPE_SIX_T_FOUR"))
        for fault, route, call in [
            ("500", "POST /aliases", lambda: vgs.aliases.create([CARD, TEXT_VALUE])),
            ("503", "GET /aliases/{alias}", lambda: vgs.aliases.reveal(survivor)),
            ("reset_after", "POST /aliases", lambda: vgs.aliases.tokenize([CARD])),
            ("reset_before", "GET /aliases", lambda: vgs.aliases.reveal_many([survivor])),
            ("timeout", "GET /aliases/{alias}", lambda: vgs.with_options(max_retries=0).aliases.reveal(survivor)),
            ("truncated_json", "GET /aliases/{alias}", lambda: vgs.aliases.reveal(survivor)),
            ("empty_body", "POST /aliases", lambda: vgs.aliases.create([CARD])),
            ("html", "POST /aliases/delete", lambda: vgs.aliases.delete_many([survivor])),
        ]:
            scan.expect_fault_error(fake, fault, route, call)
        fake.inject("wrong_type", route="POST /aliases")  # tolerant reading: a number where a string was, read as its text
        scan.keep(vgs.aliases.create([CARD_2], format="FPE_SIX_T_FOUR"))
        fake.clear_faults()
        scan.expect_error(lambda: vgs.aliases.create([CARD, 5]))  # type: ignore[list-item]
        scan.expect_error(lambda: vgs.aliases.reveal(CARD + ",x"))
        scan.expect_error(lambda: vgs.aliases.tokenize(CARD))  # a bare string, not a list
    assert sorted(fake.stored_values()) != []


def _apideck(scan: Scan) -> None:
    fake = FakeApideck(api_key=APIDECK_KEY)
    scan.secrets |= {APIDECK_KEY, APIDECK_WRONG, SETTING_SECRET, CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN}
    now = datetime.now(UTC)
    with fake.serve() as url, fake.client(base_url=url, retry_policy=FAST, timeout=TIMEOUT) as apideck:
        scan.keep(apideck)
        scan.keep(apideck.consumers.create("acct-leak", account_name="Acme", email="ops@acme.example"))
        scan.keep(apideck.consumers.get("acct-leak"))
        scan.keep(apideck.consumers.update("acct-leak", user_name="Jane"))
        scan.keep(list(apideck.consumers.list(limit=1)))
        scan.keep(apideck.consumers.request_counts("test-consumer", start=now.replace(year=now.year - 1), end=now))
        scan.keep(apideck.connections.list(unified_api="crm"))
        scan.keep(apideck.connections.add("crm", "pipedrive", settings={"api_key": SETTING_SECRET}, metadata={"plan": "pro"}))
        scan.keep(apideck.connections.get("crm", "pipedrive"))
        scan.keep(apideck.connections.update("crm", "pipedrive", settings={"api_key": SETTING_SECRET}, enabled=True))
        scan.keep(apideck.connections.settings("crm", "pipedrive", "leads"))
        scan.keep(apideck.connections.update_settings("crm", "pipedrive", "leads", defaults={"ProductInterest": "GC6000 series"}))
        scan.keep(apideck.connections.custom_fields("crm", "pipedrive", "leads"))
        scan.keep(apideck.connections.custom_mappings("crm", "pipedrive", "leads"))
        scan.keep(apideck.connections.custom_mappings("hris", "workday"))
        scan.keep(apideck.connections.validate("crm", "pipedrive"))
        scan.keep(apideck.connections.update_consent("crm", "pipedrive", granted=True))
        scan.keep(apideck.connections.consents("crm", "pipedrive"))
        scan.keep(apideck.connections.callback_state("crm", "pipedrive", redirect_uri="https://app.example/cb"))
        scan.keep(apideck.connections.import_("accounting", "quickbooks", access_token=ACCESS_TOKEN, refresh_token=REFRESH_TOKEN))
        scan.keep(apideck.connections.migrate("accounting", "quickbooks", target_service_id="intuit-enterprise-suite"))
        scan.keep(apideck.connections.add("hris", "workday", settings={"client_id": "cid", "client_secret": CLIENT_SECRET}))
        scan.keep(apideck.connections.token("hris", "workday"))
        confirm = fake.authorize("crm", "salesforce", nonce="n-1")
        assert confirm is not None
        scan.secrets.add(confirm)
        scan.keep(apideck.connections.confirm("crm", "salesforce", confirm_token=confirm))
        scan.keep(apideck.connections.delete("crm", "salesforce"))
        session = scan.keep(apideck.sessions.create(redirect_uri="https://app.example/done", theme={"vault_name": "Acme"}))
        scan.secrets |= {session.token, session.url}
        fake.add_logs(5)
        scan.keep(list(apideck.logs.list(limit=2)))
        scan.keep(apideck.with_consumer("acct-leak"))
        apideck.authorize_url("salesforce", redirect_uri="https://app.example/done", state="s")  # a browser URL: no secret in it
        scan.keep(apideck.consumers.delete("acct-leak"))
        with fake.client(base_url=url, api_key=APIDECK_WRONG) as wrong:
            scan.expect_error(lambda: wrong.consumers.get("test-consumer"))
        scan.expect_error(lambda: apideck.consumers.get("acct-missing"))
        scan.expect_error(lambda: apideck.connections.add("crm", "pipedrive", settings={"api_key": SETTING_SECRET}))  # 409/400: exists
        scan.expect_error(lambda: apideck.connections.confirm("crm", "pipedrive", confirm_token=confirm))
        for fault, route, call in [
            (
                "500",
                "POST /vault/connections/{unified_api}/{service_id}",
                lambda: apideck.connections.add("crm", "hubspot", settings={"x": SETTING_SECRET}),
            ),
            ("503", "GET /vault/logs", lambda: list(apideck.logs.list())),
            (
                "reset_after",
                "POST /vault/connections/{unified_api}/{service_id}/import",
                lambda: apideck.connections.import_("crm", "hubspot", access_token=ACCESS_TOKEN),
            ),
            ("timeout", "POST /vault/sessions", lambda: apideck.sessions.create()),
            ("truncated_json", "GET /vault/connections/{unified_api}/{service_id}", lambda: apideck.connections.get("crm", "pipedrive")),
            (
                "empty_body",
                "PATCH /vault/connections/{unified_api}/{service_id}",
                lambda: apideck.connections.update("crm", "pipedrive", settings={"api_key": SETTING_SECRET}),
            ),
            ("html", "POST /vault/sessions", lambda: apideck.sessions.create()),
        ]:
            scan.expect_fault_error(fake, fault, route, call)
        fake.inject("wrong_type", route="PATCH /vault/connections/{unified_api}/{service_id}")  # tolerant reading: still read
        scan.keep(apideck.connections.update("crm", "pipedrive", settings={"api_key": SETTING_SECRET}))
        fake.clear_faults()
        scan.expect_error(lambda: apideck.connections.add("crm", "pipedrive", settings={"api_key": SETTING_SECRET, "bad": object()}))
        scan.expect_error(lambda: apideck.connections.import_("crm", "pipedrive", access_token=ACCESS_TOKEN, expires_in=-1))


def _vaultpam(scan: Scan) -> None:
    fake = FakeVaultPAM(password=PAM_PASSWORD, expires_in=900)
    pat = fake.add_pat()
    scan.secrets |= {PAM_PASSWORD, PAM_WRONG, PAM_WRONG_PAT, pat}
    with fake.serve() as url:
        with fake.client(base_url=url, retry_policy=FAST, timeout=TIMEOUT) as pam:
            scan.keep(pam)
            scan.keep(pam.memberships())
            scan.keep(pam.safes.list())
            fake.expire_sessions()  # the next call is refused and logs in again
            scan.keep(pam.safes.list())
            for fault, route in [
                ("500", "GET /api/v1/safes"),
                ("reset_after", "POST /api/v1/auth/login"),
                ("timeout", "GET /api/v1/org/memberships"),
                ("truncated_json", "POST /api/v1/auth/login"),
                ("wrong_type", "POST /api/v1/auth/login"),
                ("html", "GET /api/v1/safes"),
            ]:
                fake.expire_sessions()
                scan.expect_fault_error(
                    fake, fault, route, pam.with_options(max_retries=0).memberships if "memberships" in route else pam.safes.list
                )
        with fake.client(base_url=url, email=None, password=None, token=pat, org_id=fake.org_ids[1]) as by_token:
            scan.keep(by_token)
            scan.keep(by_token.safes.list())
        with fake.client(base_url=url, password=PAM_WRONG) as wrong:
            scan.expect_error(wrong.memberships)
        with fake.client(base_url=url, email=None, password=None, token=PAM_WRONG_PAT) as wrong_pat:
            scan.expect_error(wrong_pat.safes.list)
        with fake.client(base_url=url, org_id="org_not_mine") as foreign:
            scan.expect_error(foreign.safes.list)
    scan.secrets |= {
        header[len("Bearer ") :]
        for request in fake.requests
        if (header := request.secret_header("authorization") or "").startswith("Bearer vps_")
    }
    assert any(secret.startswith("vps_") for secret in scan.secrets), "no session token was issued"


def _vaultera(scan: Scan) -> None:
    answers: list[dict[str, Any]] = []

    def gateway(request: httpx.Request) -> httpx.Response:
        answers.append({"headers": dict(request.headers)})
        return httpx.Response(
            200,
            json={
                "charged": True,
                "data": [{"attributes": {"guarantee": {"card_number": CARD_3, "expiration_date": "12/2031", "cvv": SERVICE_CODE}}}],
            },
        )

    fake = FakeVaultera(api_key=VAULTERA_KEY, target=gateway, luhn_check=True)
    scan.secrets |= {VAULTERA_KEY, VAULTERA_WRONG, CARD_3, SERVICE_CODE, GATEWAY_HEADER}
    with fake.serve() as url, fake.client(base_url=url, retry_policy=FAST, timeout=TIMEOUT) as vaultera:
        scan.keep(vaultera)
        key = scan.keep(vaultera.api_keys.create("leak scan"))
        scan.secrets.add(key.api_key)
        scan.keep(vaultera.api_keys.list())
        scan.keep(vaultera.api_keys.get(key.id))
        tokens = {scope: scan.keep(vaultera.session_tokens.create(scope)) for scope in ("card", "show_card", "show_service_code")}
        scan.secrets |= {token.session_token for token in tokens.values()}
        card = scan.keep(vaultera.cards.store(card_number=CARD_3, expiration_month="12", expiration_year="2031", service_code=SERVICE_CODE))
        sent = scan.keep(
            vaultera.cards.send(
                card.card_token,
                method="post",
                url=GATEWAY_URL,
                json={"pan": "%CARD_NUMBER%", "cvv": "%SERVICE_CODE%"},
                headers={"X-Key": GATEWAY_HEADER},
            )
        )
        assert "api_key" not in sent.request.url.params  # the raw answer's request no longer carries the key
        captured = scan.keep(vaultera.capture(method="get", url=GATEWAY_URL, profile="channex", headers={"X-Key": GATEWAY_HEADER}))
        assert "api_key" not in captured.response.request.url.params
        vaultera.capture_form_url(tokens["card"])  # browser URLs: they exist to carry the one-off token
        vaultera.show_card_url(card.card_token, tokens["show_card"], service_code_token=tokens["show_service_code"])
        with fake.client(base_url=url, api_key=key.api_key) as secondary:
            scan.keep(secondary.api_keys.list())
            scan.keep(vaultera.api_keys.revoke(key.id))
            scan.expect_error(secondary.api_keys.list)  # revoked
        with fake.client(base_url=url, api_key=VAULTERA_WRONG) as wrong:
            scan.expect_error(
                lambda: wrong.cards.store(card_number=CARD_3, expiration_month="12", expiration_year="2031", service_code=SERVICE_CODE)
            )
        scan.expect_error(
            lambda: vaultera.cards.store(card_number=CARD_3[:-1] + "0", expiration_month="12", expiration_year="2031")
        )  # fails Luhn: 422
        scan.expect_error(lambda: vaultera.cards.delete("0" * 32))
        for fault, route, call in [
            ("500", "POST /cards", lambda: vaultera.cards.store(card_number=CARD_3, expiration_month="12", expiration_year="2031")),
            (
                "reset_after",
                "POST /cards/{card_token}/send",
                lambda: vaultera.cards.send(card.card_token, method="post", url=GATEWAY_URL, headers={"X-Key": GATEWAY_HEADER}),
            ),
            ("timeout", "POST /capture", lambda: vaultera.capture(method="get", url=GATEWAY_URL, profile="channex")),
            ("truncated_json", "POST /session_tokens", lambda: vaultera.session_tokens.create("card")),
            ("wrong_type", "POST /api_keys", lambda: vaultera.api_keys.create("x")),
            ("html", "GET /api_keys", vaultera.api_keys.list),
        ]:
            scan.expect_fault_error(fake, fault, route, call)
        scan.expect_error(lambda: vaultera.cards.store(card_number=CARD_3 + "x", expiration_month="12", expiration_year="2031"))
        scan.expect_error(
            lambda: vaultera.cards.store(
                card_number=CARD_3, expiration_month="12", expiration_year="2031", service_code=SERVICE_CODE + "99"
            )
        )
        scan.expect_error(lambda: vaultera.cards.send(card.card_token, method="post", url=GATEWAY_URL.replace("https", "http")))
        scan.expect_error(
            lambda: vaultera.cards.send(card.card_token, method="post", url=GATEWAY_URL, headers={"X-Key": GATEWAY_HEADER + "\n"})
        )
        scan.expect_error(lambda: vaultera.capture_form_url(tokens["show_card"]))  # wrong scope
    assert answers, "the third party was never called"


def _echo(request: httpx.Request) -> httpx.Response:
    """A vault that refuses everything with its own error format, echoing the request (URL, body, headers) back."""
    text = f"refused {request.method} {request.url} body={request.content.decode(errors='replace')} headers={dict(request.headers)}"
    vault = request.url.host.split(".")[0]
    if vault == "vaultpam" and request.url.path.endswith("/login"):
        return httpx.Response(200, json={"access_token": "vps_ECHO-session-token-Wq1", "expires_in": 900})
    payload: Any = {
        "vgs": {"errors": [{"status": 400, "title": "Bad request", "detail": text}]},
        "apideck": {
            "status_code": 400,
            "error": "Bad Request",
            "type_name": "RequestValidationError",
            "message": text,
            "detail": {"echo": text},
        },
        "vaultpam": {"error": "BAD_REQUEST", "message": text},
        "vaultera": {"errors": {"code": "validation_error", "title": text, "details": {"card": [text]}}},
    }[vault]
    return httpx.Response(400, json=payload)


def _echoing(scan: Scan) -> None:
    """Error bodies that echo what was sent: the values a call sends and the client's credentials are masked in the error."""
    from polyvault import VGS, Apideck, Vaultera, VaultPAM

    def http() -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(_echo))

    scan.secrets.add("vps_ECHO-session-token-Wq1")
    options: dict[str, Any] = {"retry_policy": FAST}
    with VGS(VGS_USER, VGS_PASSWORD, base_url="https://vgs.echo.test", http_client=http(), **options) as vgs:
        scan.expect_error(lambda: vgs.aliases.create([CARD, TEXT_VALUE]))
        scan.expect_error(lambda: vgs.aliases.reveal("tok_sandbox_x"))
    with Apideck(APIDECK_KEY, "app-echo", consumer_id="c1", base_url="https://apideck.echo.test", http_client=http(), **options) as apideck:
        scan.expect_error(
            lambda: apideck.connections.add("crm", "pipedrive", settings={"api_key": SETTING_SECRET, "client_secret": CLIENT_SECRET})
        )
        scan.expect_error(lambda: apideck.connections.import_("crm", "pipedrive", access_token=ACCESS_TOKEN, refresh_token=REFRESH_TOKEN))
    with VaultPAM("a@example.com", PAM_PASSWORD, base_url="https://vaultpam.echo.test", http_client=http(), **options) as pam:
        scan.expect_error(pam.memberships)
    with Vaultera(VAULTERA_KEY, base_url="https://vaultera.echo.test/api/v1", http_client=http(), **options) as vaultera:
        scan.expect_error(
            lambda: vaultera.cards.store(card_number=CARD_3, expiration_month="12", expiration_year="2031", service_code=SERVICE_CODE)
        )
        scan.expect_error(lambda: vaultera.api_keys.list())


def _redis_dump(url: str) -> list[str]:
    """Every key in the Redis server at `url` and everything in its value, as text (bytes read as latin-1)."""
    import redis

    client = redis.Redis.from_url(url)
    texts = []
    try:
        for key in client.scan_iter(count=1000):
            kind = client.type(key)
            parts = [key]
            if kind == b"hash":
                parts += [part for item in client.hgetall(key).items() for part in item]
            elif kind == b"string":
                parts.append(client.get(key) or b"")
            texts.append(" ".join(part.decode("latin-1") for part in parts))
    finally:
        client.close()
    return texts


def _fleet(scan: Scan) -> None:
    """Fleet mode: what the clients of four vaults put in Redis, and what is logged when Redis is away."""
    vgs_fake = FakeVGS(username=FLEET_VGS_USER, password=FLEET_VGS_PASSWORD)
    pam_fake = FakeVaultPAM(email=FLEET_PAM_EMAIL, password=FLEET_PAM_PASSWORD)
    apideck_fake, vaultera_fake = FakeApideck(api_key=FLEET_APIDECK_KEY), FakeVaultera(api_key=FLEET_VAULTERA_KEY)
    scan.secrets |= {REDIS_PASSWORD, FLEET_VGS_PASSWORD, FLEET_PAM_PASSWORD, FLEET_APIDECK_KEY, FLEET_VAULTERA_KEY, PAM_WRONG}
    scan.secrets.add(base64.b64encode(f"{FLEET_VGS_USER}:{FLEET_VGS_PASSWORD}".encode()).decode())
    scan.accounts |= {FLEET_VGS_USER, FLEET_PAM_EMAIL, "secret-corp"}
    with (
        RedisServer(password=REDIS_PASSWORD) as redis,
        vgs_fake.serve() as vgs_url,
        pam_fake.serve() as pam_url,
        apideck_fake.serve() as apideck_url,
        vaultera_fake.serve() as vaultera_url,
    ):
        options: dict[str, Any] = {"coordination": redis.url, "retry_policy": FAST, "timeout": TIMEOUT}
        scan.accounts |= {vgs_url, pam_url}
        with vgs_fake.client(base_url=vgs_url, **options) as vgs:
            scan.keep(vgs)
            aliases = scan.keep(vgs.aliases.tokenize([CARD, CARD_2]))
            vgs_fake.inject("429", route="GET /aliases/{alias}", retry_after=1)  # reported to the fleet as a pause
            scan.keep(vgs.aliases.reveal(aliases[0]))
        with pam_fake.client(base_url=pam_url, **options) as pam, pam_fake.client(base_url=pam_url, **options) as other:
            scan.keep(pam)
            scan.keep(pam.safes.list())
            scan.keep(other.safes.list())  # the shared session
            pam_fake.expire_sessions()
            scan.keep(other.memberships())  # refused, logs in again for both
            scan.keep(pam.safes.list())
        with pam_fake.client(base_url=pam_url, password=PAM_WRONG, **options) as wrong:
            scan.expect_error(wrong.memberships)
        with apideck_fake.client(base_url=apideck_url, **options) as apideck:
            scan.keep(apideck.consumers.get("test-consumer"))
        with vaultera_fake.client(base_url=vaultera_url, **options) as vaultera:
            scan.keep(vaultera.api_keys.list())
        scan.stored += _redis_dump(redis.url)
    away = f"redis://fleet:{quote(REDIS_PASSWORD, safe='')}@127.0.0.1:{redis.port}/0"  # stopped: a warning is logged
    with vgs_fake.serve() as vgs_url, vgs_fake.client(base_url=vgs_url, coordination=away, retry_policy=FAST) as vgs:
        scan.keep(vgs.aliases.reveal(aliases[1]))
    scan.secrets |= {
        header[len("Bearer ") :]
        for request in pam_fake.requests
        if (header := request.secret_header("authorization") or "").startswith("Bearer vps_")
    }
    assert pam_fake.logins == 2 and any(":session " in text for text in scan.stored), "the fleet shared no session"


_FORMATTER = logging.Formatter("%(name)s %(levelname)s %(message)s")


def _telemetry_texts(otel: Any) -> list[tuple[str, str]]:
    """Everything an OpenTelemetry backend would store: span names, attributes, events, statuses, metric attributes."""
    texts: list[tuple[str, str]] = []
    for span in otel.spans:
        texts += [("span", span.name), ("span", repr(dict(span.attributes))), ("span", repr(span.status.description))]
        texts += [("span", f"{event.name} {dict(event.attributes)!r}") for event in span.events]
    texts += [("metric", repr(dict(point.attributes))) for _, points in otel.metrics().values() for point in points]
    return texts


def _scan_every_operation(
    otel: Any,
) -> tuple[Scan, list[logging.LogRecord], list[BaseException], list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Drive every operation of every vault; return the scan, the log records, the exceptions, the leaks and the telemetry texts."""
    scan = Scan()
    with every_log_record() as records:
        for drive in (_vgs, _apideck, _vaultpam, _vaultera, _echoing, _fleet):
            drive(scan)
    texts: list[tuple[str, str]] = []
    for record in records:
        texts += [("log", _FORMATTER.format(record)), ("log", repr(record.msg)), ("log", repr(record.args))]
    telemetry = _telemetry_texts(otel)
    texts += telemetry
    seen: set[int] = set()
    errors = [error for caught in scan.exceptions for error in _chain(caught, seen)]
    texts += [("exception", text) for error in errors for text in (str(error), repr(error))]
    texts += [("repr", text) for text in scan.shown]
    texts += [("redis", text) for text in scan.stored]
    leaks = [(kind, secret, text[:160]) for secret in sorted(scan.secrets) for kind, text in texts if _found(secret, text)]
    leaks += [("redis", name, text[:160]) for name in sorted(scan.accounts) for text in scan.stored if _found(name, text)]
    return scan, list(records), errors, leaks, telemetry


def test_no_secret_reaches_a_log_record_an_exception_a_repr_a_span_a_metric_or_redis(otel: Any) -> None:
    scan, records, errors, leaks, telemetry = _scan_every_operation(otel)
    formatter = _FORMATTER
    logged = [record.name for record in records]
    spans = sum(1 for kind, text in telemetry if kind == "span" and not text.startswith(("{", "'", "None", "polyvault.retry")))
    points = sum(1 for kind, _ in telemetry if kind == "metric")
    print(
        f"\nleak scan: {len(records):,} log records scanned ({len(set(logged))} loggers: {', '.join(sorted(set(logged)))}), "
        f"{len(errors):,} exceptions scanned ({len(scan.exceptions)} raised + chained), "
        f"{len(scan.shown):,} reprs scanned ({scan.returned} returned values and clients), "
        f"{spans:,} spans and {points:,} metric points scanned, "
        f"{len(scan.stored)} Redis entries scanned, "
        f"{len(scan.secrets)} secrets × {{raw, quote, quote_plus, Basic}} — leaks found: {len(leaks)}"
    )
    assert any(name == "httpx" for name in logged) and any(name.startswith("httpcore") for name in logged), (
        "the capture saw no HTTP logging"
    )
    ours = [formatter.format(record) for record in records if record.name.startswith("polyvault.")]
    for vault in ("vgs", "apideck", "vaultpam", "vaultera"):  # every kind of polyvault line was produced, so scanned
        lines = [line for line in ours if line.startswith(f"polyvault.{vault} ")]
        assert any(" DEBUG " in line and " -> " in line for line in lines), f"no attempt line of {vault}"
        assert any(" INFO " in line and " failed: " in line for line in lines), f"no failed-call line of {vault}"
    assert any(" INFO " in line and ": retrying " in line for line in ours), "no retry line"
    names = {text for kind, text in telemetry if kind == "span"}
    assert {
        "polyvault.vgs/Aliases.create",
        "polyvault.apideck/Logs.list",
        "polyvault.vaultpam/Safes.list",
        "polyvault.vaultera/Cards.send",
    } <= names
    assert any(text.startswith("polyvault.retry ") for kind, text in telemetry if kind == "span"), "no retry event"
    assert points > 0, "no duration was measured"
    assert any("api_key=" in formatter.format(record) for record in records), "Vaultera requests were not logged with their (masked) key"
    outage = [record for record in records if record.name == "polyvault.coordination" and record.levelno == logging.WARNING]
    assert outage, "no Redis outage was logged"
    assert leaks == [], "\n".join(f"{kind}: {secret!r} in {text!r}" for kind, secret, text in leaks[:20])


@pytest.mark.parametrize("channel", ["log", "exception", "span", "redis"])
def test_the_scan_finds_leaks_when_redaction_is_switched_off(channel: str, monkeypatch: pytest.MonkeyPatch, otel: Any) -> None:
    """The controls: the same scan with one channel's masking switched off must find leaks in that channel.

    Spans (and polyvault's own log lines) name requests by path template; the span control names them
    by their full URL instead, as a careless instrumentation would (Vaultera's key is in the query).
    The Redis control stores the session token unsealed.
    """
    from polyvault._core import failures, observe
    from polyvault._core.coordination.keyring import Keyring
    from polyvault._core.redact import RedactingFilter

    if channel == "log":
        monkeypatch.setattr(RedactingFilter, "filter", lambda self, record: True)
    elif channel == "exception":
        monkeypatch.setattr(failures, "redact", lambda text, secrets=(): text)
    elif channel == "span":
        monkeypatch.setattr(observe.Exchange, "template", property(lambda self: str(self.request.url)))
    else:
        monkeypatch.setattr(Keyring, "seal", lambda self, data, where: bytes(12) + data + bytes(16))
        monkeypatch.setattr(Keyring, "open", lambda self, blob, where: blob[12:-16])
    _, _, _, leaks, _ = _scan_every_operation(otel)
    print(f"\nleak scan control, {channel} redaction off: {len(leaks)} leaks found")
    assert any(kind == channel for kind, _, _ in leaks), f"the scan found no {channel} leak with its redaction off"


# --- secrets in places the caller did not mean them to be -------------------------------------------------


# httpx logs the full request URL; a third party's credential inside Vaultera's percent-encoded `url=` is masked too.
def test_a_secret_in_a_third_partys_url_never_reaches_the_logs() -> None:
    fake = FakeVaultera(api_key=VAULTERA_KEY)
    with every_log_record() as records, fake.serve() as url, fake.client(base_url=url, retry_policy=FAST) as vaultera:
        card = vaultera.cards.store(card_number=CARD_3, expiration_month="12", expiration_year="2031")
        vaultera.cards.send(card.card_token, method="post", url=f"https://gw.test/pay?token={GATEWAY_URL_SECRET}")
        vaultera.capture(method="get", url=f"https://ota.test/bookings?api_key={GATEWAY_URL_SECRET}", profile="channex")
    formatter = logging.Formatter("%(message)s")
    logged = [formatter.format(record) for record in records if record.name == "httpx"]
    assert any("/send" in line for line in logged) and any("/capture" in line for line in logged), "the proxy calls were not logged"
    assert [record.name for record in records if _found(GATEWAY_URL_SECRET, formatter.format(record))] == []


# A secret passed to the wrong argument (a card number as `format`, a URL as `method`) is not echoed.
def test_a_secret_passed_to_the_wrong_argument_is_not_echoed() -> None:
    vgs_fake, vaultera_fake = FakeVGS(), FakeVaultera()
    errors: list[BaseException] = []
    with vgs_fake.client() as vgs, vaultera_fake.client() as vaultera:
        for call in (
            lambda: vgs.aliases.tokenize([CARD], format=CARD),
            lambda: vaultera.session_tokens.create(CARD),
            lambda: vaultera.cards.send("a" * 32, method=f"https://gw.test/?t={GATEWAY_URL_SECRET}", url="https://gw.test/"),
        ):
            with pytest.raises(VaultError) as caught:
                call()
            errors.append(caught.value)
    shown = " ".join(text for error in errors for text in (str(error), repr(error)))
    assert not _found(CARD, shown) and not _found(GATEWAY_URL_SECRET.lower(), shown.lower()) and not _found(GATEWAY_URL_SECRET, shown)
