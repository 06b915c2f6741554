"""The polyvault tour (`make demo`): four vaults, one way to call them.

For each vault whose credentials are in the environment (VGS_USERNAME/VGS_PASSWORD,
APIDECK_API_KEY/APIDECK_APP_ID, VAULTPAM_EMAIL/VAULTPAM_PASSWORD or VAULTPAM_TOKEN,
VAULTERA_API_KEY, plus the <VAULT>_BASE_URL variables as needed) the tour talks to the real
vault; for every other vault it starts polyvault's fake on 127.0.0.1 and points the environment
at it. The clients below are configured from the environment only, exactly as in production.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from urllib.parse import urlsplit

import polyvault
from polyvault import VGS, Apideck, NotFoundError, RetryPolicy, Vaultera, VaultError, VaultPAM
from polyvault.testing import FakeApideck, FakeVaultera, FakeVaultPAM, FakeVGS

CARDS = ["4111111111111111", "5500000000000004", "340000000000009"]
REAL = {
    "vgs": ("VGS_USERNAME", "VGS_PASSWORD"),
    "apideck": ("APIDECK_API_KEY", "APIDECK_APP_ID"),
    "vaultpam": ("VAULTPAM_TOKEN",),
    "vaultera": ("VAULTERA_API_KEY",),
}


def masked(number: str) -> str:
    """A card number as it may be printed."""
    return f"{number[:6]}{'•' * (len(number) - 10)}{number[-4:]}"


def heading(title: str) -> None:
    print(f"\n── {title} " + "─" * max(0, 66 - len(title)))


def uses_real(vault: str) -> bool:
    """Whether the environment has this vault's real credentials."""
    names = REAL[vault]
    if vault == "vaultpam" and not os.environ.get("VAULTPAM_TOKEN"):
        names = ("VAULTPAM_EMAIL", "VAULTPAM_PASSWORD")
    return all(os.environ.get(name) for name in names)


@contextmanager
def vault_environment(fakes: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Start a fake on 127.0.0.1 for every vault without real credentials; yield the fakes in use."""
    running: dict[str, Any] = {}
    with ExitStack() as stack:
        for vault, fake in fakes.items():
            if uses_real(vault):
                print(f"  {vault:9} real vault at {os.environ.get(f'{vault.upper()}_BASE_URL', 'the vendor default')}")
                continue
            base_url = stack.enter_context(fake.serve())
            os.environ.update(fake.env_vars(base_url))
            running[vault] = fake
            print(f"  {vault:9} {type(fake).__name__} on {base_url}")
        yield running


def tour_vgs(fake: FakeVGS | None) -> None:
    heading("VGS: tokenize cards, reveal them, typed errors")
    with VGS() as vgs:
        aliases = vgs.aliases.tokenize(CARDS, format="FPE_SIX_T_FOUR")
        for card, alias in zip(CARDS, aliases, strict=True):
            print(f"  {masked(card)}  →  {alias}   (format-preserving: first 6 and last 4 kept)")
        revealed = vgs.aliases.reveal_many(aliases)
        print(f"  reveal_many: {sum(revealed[alias].value == card for card, alias in zip(CARDS, aliases, strict=True))}/3 values match")
        print(f"  a record's repr never shows the value: {revealed[aliases[0]]!r}"[:150] + "…")
        if fake is not None:
            fake.inject("429", route="POST /aliases", retry_after=1)
            sent_before, started = fake.count("POST /aliases"), time.monotonic()
            vgs.aliases.tokenize(["6011000000000004"])
            print(
                f"  rate limited: the vault answered 429 with Retry-After: 1; polyvault waited {time.monotonic() - started:.1f} s "
                f"and retried ({fake.count('POST /aliases') - sent_before} requests, the value stored once)"
            )
        remaining = vgs.rate_limit.remaining if vgs.rate_limit else None
        print(f"  vgs.rate_limit.remaining = {remaining}")
        vgs.aliases.delete_many(aliases)
        try:
            vgs.aliases.reveal(aliases[0])
        except NotFoundError as error:
            print(f"  revealing a deleted alias → {type(error).__name__}: status {error.status_code}, code {error.code!r}")
            print(f"    message: {error.message}")


def tour_apideck(fake: FakeApideck | None) -> None:
    heading("Apideck: a consumer, a Vault session, paged logs")
    if fake is not None:
        fake.add_logs(450, consumer_id=os.environ["APIDECK_CONSUMER_ID"])
    with Apideck() as apideck:
        consumer = apideck.consumers.create("demo-customer-42", account_name="Acme Inc.")
        print(f"  consumer {consumer.consumer_id!r} created")
        acme = apideck.with_consumer(consumer.consumer_id)
        session = acme.sessions.create(redirect_uri="https://app.example.com/integrations")
        print(f"  Vault session for {session.consumer_id!r} at {urlsplit(session.url).netloc} (the token stays out of reprs: {session!r})")
        pages_before = fake.count("GET /vault/logs") if fake is not None else 0
        errors = sum(1 for log in apideck.logs.list(limit=200) if (log.status_code or 0) >= 400)
        pages = (fake.count("GET /vault/logs") - pages_before) if fake is not None else "?"
        print(f"  logs.list(limit=200): followed the cursors lazily over {pages} pages; {errors} entries with an error status")
        print("  authorize_url (built locally, redirect_uri encoded):")
        print(f"    {apideck.authorize_url('pipedrive', redirect_uri='https://app.example.com/done?tab=crm')}")


def tour_vaultpam(fake: FakeVaultPAM | None) -> None:
    heading("VaultPAM: log in once, list the active organization's safes")
    with VaultPAM() as pam:
        for safe in pam.safes.list():
            print(f"  safe {safe.id}: {safe.name or '(no name)'}")
        print(f"  active organization: {pam.org_id}; logins so far: {fake.logins if fake else '?'}")


def tour_vaultera(fake: FakeVaultera | None) -> None:
    heading("Vaultera: store a card, build the iframe URL")
    with Vaultera() as vaultera:
        card = vaultera.cards.store(card_number=CARDS[0], expiration_month=12, expiration_year=2030, cardholder_name="JOHN DOE")
        print(f"  stored {card.card_number} as card token {card.card_token}")
        token = vaultera.session_tokens.create("show_card")
        url = vaultera.show_card_url(card.card_token, token)
        print(f"  show-card iframe: {url.split('session_token=')[0]}session_token=…  (one-off token, never the API key)")
        vaultera.cards.delete(card.card_token)


def main() -> int:
    """Run the tour; exit 0 when every part worked."""
    print(f"polyvault {polyvault.__version__} — the tour")
    fakes: dict[str, Any] = {"vgs": FakeVGS(), "apideck": FakeApideck(), "vaultpam": FakeVaultPAM(), "vaultera": FakeVaultera()}
    with vault_environment(fakes) as running:
        try:
            tour_vgs(running.get("vgs"))
            tour_apideck(running.get("apideck"))
            tour_vaultpam(running.get("vaultpam"))
            tour_vaultera(running.get("vaultera"))
        except VaultError as error:
            print(f"\nthe tour stopped: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        violations = [violation for fake in running.values() for violation in fake.violations]
    if violations:
        print("\nthe fakes saw answers against the spec:\n" + "\n".join(violations), file=sys.stderr)
        return 1
    print("\nDone: one configuration style, one error type, the same calls sync or async (AsyncVGS, AsyncApideck, …).")
    print(f"Retry policy by default: {RetryPolicy()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
