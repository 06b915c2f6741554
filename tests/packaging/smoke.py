"""Smoke suite for installed wheels: every vault, sync and async, in-process and over 127.0.0.1.

tests/packaging copies this file into a clean venv (installed from the built wheels, with one end
of the httpx range) and runs it there with pytest, so only the installed distributions and their
pytest11 fixtures are used. It is not collected by the main suite (no `test_` prefix).
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from polyvault import NotFoundError
from polyvault.testing import FakeApideck, FakeVaultera, FakeVaultPAM, FakeVGS

CARDS = ["4111111111111111", "5500000000000004"]


def test_vgs_tokenizes_reveals_and_deletes_in_process(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        aliases = vgs.aliases.tokenize(CARDS, format="FPE_SIX_T_FOUR")
        revealed = vgs.aliases.reveal_many(aliases)
        vgs.aliases.delete(aliases[0])
        with pytest.raises(NotFoundError):
            vgs.aliases.reveal(aliases[0])
    assert [revealed[alias].value for alias in aliases] == CARDS
    assert fake_vgs.stored_values() == CARDS[1:]


def test_vgs_retries_a_429_over_a_real_socket(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("429", route="POST /aliases", retry_after=0)
    with fake_vgs.serve() as base_url, fake_vgs.client(base_url=base_url) as vgs:
        alias = vgs.aliases.tokenize(CARDS[:1])[0]
        assert vgs.aliases.reveal(alias).value == CARDS[0]
    assert fake_vgs.count("POST /aliases") == 2


def test_async_vgs_over_a_real_socket(fake_vgs: FakeVGS) -> None:
    async def tokenize_and_reveal(base_url: str) -> list[str]:
        async with fake_vgs.async_client(base_url=base_url) as vgs:
            aliases = await vgs.aliases.tokenize(CARDS)
            revealed = await vgs.aliases.reveal_many(aliases)
        return [revealed[alias].value for alias in aliases]

    with fake_vgs.serve() as base_url:
        assert asyncio.run(tokenize_and_reveal(base_url)) == CARDS


def test_apideck_creates_and_pages_consumers(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        for number in range(3):
            apideck.consumers.create(f"customer-{number}", account_name=f"Account {number}")
        listed = [consumer.consumer_id for consumer in apideck.consumers.list(consumer_id_prefix="customer-", limit=2)]
        one = apideck.consumers.get("customer-1")
    assert sorted(listed) == ["customer-0", "customer-1", "customer-2"]
    assert one.metadata.account_name == "Account 1"


def test_vaultpam_logs_in_once_and_lists_safes(fake_vaultpam: FakeVaultPAM) -> None:
    with fake_vaultpam.client() as pam:
        names = [safe.name for safe in pam.safes.list()]
        pam.safes.list()
    assert names == ["Production databases", "Payment gateways"]
    assert fake_vaultpam.logins == 1


def test_vaultera_stores_and_deletes_a_card_over_a_real_socket(fake_vaultera: FakeVaultera) -> None:
    with fake_vaultera.serve() as base_url, fake_vaultera.client(base_url=base_url) as vaultera:
        card = vaultera.cards.store(card_number=CARDS[0], expiration_month="12", expiration_year="2030")
        vaultera.cards.delete(card.card_token)
        with pytest.raises(NotFoundError):
            vaultera.cards.delete(card.card_token)
    assert len(card.card_token) == 32


def test_reports_the_httpx_it_runs_on() -> None:
    print(f"httpx {httpx.__version__}")
