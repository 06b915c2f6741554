"""How a client refuses a bad `coordination=` value (or environment variable), by its exact error."""

from __future__ import annotations

import importlib.util

import pytest
from polyvault import VGS, InvalidRequestError

_NOT_A_URL = "coordination must be a redis://, rediss:// or unix:// URL"


def test_bad_coordination_values_name_the_vault_and_what_is_expected(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidRequestError) as not_redis:
        VGS("u", "p", coordination="http://127.0.0.1:6379")
    assert (not_redis.value.vault, not_redis.value.message) == ("vgs", _NOT_A_URL)
    with pytest.raises(InvalidRequestError) as not_a_string:
        VGS("u", "p", coordination=6379)  # type: ignore[arg-type]
    assert (not_a_string.value.vault, not_a_string.value.message) == ("vgs", _NOT_A_URL + ", or a polyvault.Coordination")
    monkeypatch.setenv("POLYVAULT_COORDINATION_URL", "  memcached://127.0.0.1:11211  ")
    with pytest.raises(InvalidRequestError) as from_environment:
        VGS("u", "p")  # the environment variable is read (and checked) when no value is given
    assert (from_environment.value.vault, from_environment.value.message) == ("vgs", _NOT_A_URL)
    monkeypatch.delenv("POLYVAULT_COORDINATION_URL")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None if name in ("redis", "cryptography") else real(name, *args))
    with pytest.raises(ModuleNotFoundError) as missing:
        VGS("u", "p", coordination="redis://127.0.0.1:6379/0")
    assert str(missing.value) == "fleet mode needs redis and cryptography: pip install 'polyvault[fleet]'"
    assert missing.value.name == "redis"
