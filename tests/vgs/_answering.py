"""A VGS client over httpx's MockTransport, for answers the fake never gives (shapes and errors off the spec)."""

from __future__ import annotations

import httpx
import polyvault


def answering(status: int, body: object, headers: dict[str, str] | None = None) -> polyvault.VGS:
    """A VGS client whose every request gets this answer."""
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body, headers=headers))
    return polyvault.VGS("user", "password", base_url="https://vgs.test", http_client=httpx.Client(transport=transport))
