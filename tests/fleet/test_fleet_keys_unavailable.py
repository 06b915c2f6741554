"""A host where the account's keys cannot be derived (no scrypt in its OpenSSL): fleet mode stays off for the
client, with one WARNING naming the error's class, and every call goes on as without fleet mode."""

from __future__ import annotations

import hashlib
import logging

import pytest
from polyvault.testing import FakeVGS

CARD = "4111111111111111"
NOWHERE = "redis://127.0.0.1:1/0"  # never tried: without keys there is nothing to coordinate
OFF = "fleet coordination is off for this client: its keys cannot be derived (ValueError)"


def _no_scrypt(*args: object, **kwargs: object) -> bytes:
    raise ValueError("scrypt is not supported by this OpenSSL")


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "polyvault.coordination"]


def test_without_keys_sync_calls_go_on_and_it_is_said_once(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(hashlib, "scrypt", _no_scrypt)
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    fake = FakeVGS()
    with fake.client(coordination=NOWHERE) as vgs:
        assert len(vgs.aliases.tokenize([CARD])) == 1
        assert len(vgs.aliases.tokenize([CARD])) == 1
        assert vgs._state.fleet.keyring() is None
    assert fake.count() == 2
    assert _warnings(caplog) == [OFF]  # derived once, not again per call


@pytest.mark.anyio
async def test_without_keys_async_calls_go_on_too(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(hashlib, "scrypt", _no_scrypt)
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    fake = FakeVGS()
    async with fake.async_client(coordination=NOWHERE) as vgs:
        assert len(await vgs.aliases.tokenize([CARD])) == 1
        assert len(await vgs.aliases.tokenize([CARD])) == 1
    assert fake.count() == 2
    assert _warnings(caplog) == [OFF]
