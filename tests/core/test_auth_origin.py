"""Credentials go only to the vault's origin: scheme, host and port (the scheme's default port when none is given)."""

from __future__ import annotations

import httpx
import pytest
from polyvault import VGS


@pytest.mark.parametrize(
    ("base_url", "url", "signed"),
    [
        ("https://vgs.test:8443", "https://vgs.test:8443/aliases", True),
        ("https://vgs.test:8443", "https://vgs.test:9999/aliases", False),
        ("https://vgs.test:8443", "https://vgs.test/aliases", False),
        ("https://vgs.test", "https://vgs.test:443/aliases", True),
        ("https://vgs.test", "https://vgs.test:8443/aliases", False),
        ("https://vgs.test", "https://other.test/aliases", False),
    ],
)
def test_the_raw_client_signs_only_requests_to_the_vaults_origin(base_url: str, url: str, signed: bool) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with VGS("u", "p", base_url=base_url, http_client=httpx.Client(transport=httpx.MockTransport(answer))) as vgs:
        vgs.raw.get_httpx_client().get(url)
    assert ("Authorization" in seen[0].headers) is signed
