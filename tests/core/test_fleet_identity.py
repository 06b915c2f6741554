"""A client in fleet mode meets the other processes of its account at keys derived from its vault, base URL, account
and credentials; a vault whose credentials name the account (VGS) adds no account of its own. (The full check
across releases, with Redis: tests/fleet/test_fleet.py; here the key alone, read from the client's fleet link
because only a Redis server would show it otherwise. Nothing is connected: the URL is never dialled.)"""

from __future__ import annotations

import httpx
from polyvault import VGS


def test_a_vgs_clients_fleet_key_is_derived_from_its_vault_url_and_credentials_alone() -> None:
    vgs = VGS("user", "password", base_url="https://vgs.test", coordination="redis://127.0.0.1:1/0", http_client=httpx.Client())
    assert vgs._state.fleet.keyring().key("rate") == "polyvault:{c0fdb56d377ca84d5fe2c6b5a24ef276}:rate"
