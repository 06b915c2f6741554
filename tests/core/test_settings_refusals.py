"""Every refused client setting says exactly what is wrong, naming the argument (or variable) and the vault.

Few, fast tests in a small file on purpose: the settings checks run for every client, so `make mutate`
runs only the fastest tests of each file against them.
"""

from __future__ import annotations

import httpx
import pytest
from polyvault import VGS, InvalidRequestError


def test_each_refused_setting_names_the_vault_and_says_exactly_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VGS_USERNAME", raising=False)
    refusals: list[tuple[dict[str, object], str]] = [
        ({"username": 5}, "username must be a string, not int"),
        ({"password": b"p"}, "password must be a string, not bytes"),
        ({"username": None}, "missing username: pass username=... or set the environment variable VGS_USERNAME"),
        ({"base_url": 5}, "base_url must be a string, not int"),
        ({"base_url": "http://[::1"}, "base_url 'http://[::1' is not a valid URL"),
        ({"base_url": "ftp://vault.example.com"}, "base_url must be an absolute http(s) URL with a host"),
        (
            {"base_url": "http://vault.example.com"},
            "base_url uses plain http to vault.example.com; credentials would travel unencrypted. "
            "Use https, or pass allow_http=True if this is deliberate",
        ),
        ({"base_url": "https://vault.example.com/#top"}, "base_url must not carry user-info, a query string or a fragment"),
        ({"timeout": httpx.Timeout(5.0, read=None)}, "every phase of the timeout must be bounded; polyvault never waits forever"),
        ({"timeout": 0}, "timeout must be a positive number of seconds (polyvault never waits forever)"),
        ({"retry_policy": {"max_retries": 1}}, "retry_policy must be a polyvault.RetryPolicy"),
        ({"max_retries": -1}, "max_retries must be a whole number >= 0"),
        ({"application_id": "my app"}, "application_id must be 1 to 24 printable ASCII characters without spaces"),
        ({"on_rate_limit": "stop"}, "on_rate_limit must be a callable taking a polyvault.RateLimited"),
    ]
    for given, reason in refusals:
        arguments: dict[str, object] = {"username": "u", "password": "p", **given}
        with pytest.raises(InvalidRequestError) as caught:
            VGS(**arguments)  # type: ignore[arg-type]
        assert (str(caught.value), caught.value.vault) == (f"[vgs] {reason}", "vgs")
