"""Client construction (every vault's shared setup): each refused option's exact text and vault, the bounds of
max_concurrency, and what the pool polyvault opens itself sends (its User-Agent, through `.raw` too)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from polyvault import VGS, AsyncVGS, InvalidRequestError, __version__
from polyvault._core import transport

AGENT = f"polyvault/{__version__} (vgs) Python/"


@pytest.fixture(autouse=True)
def _no_vault_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VGS_USERNAME", "VGS_PASSWORD", "VGS_BASE_URL", "POLYVAULT_APPLICATION_ID", "POLYVAULT_COORDINATION"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"retries": 3, "zzz": 1}, "unknown option(s) retries, zzz"),
        ({"allow_http": "yes"}, "allow_http must be True or False"),
        ({"base_url": "ftp://vault.example.com"}, "base_url must be an absolute http(s) URL with a host"),
        ({"application_id": "has space"}, "application_id must be 1 to 24 printable ASCII characters without spaces"),
        ({"timeout": -1}, "timeout must be a positive number of seconds (polyvault never waits forever)"),
        ({"max_retries": -2}, "max_retries must be a whole number >= 0"),
        ({"on_rate_limit": 3}, "on_rate_limit must be a callable taking a polyvault.RateLimited"),
        ({"max_concurrency": 0}, "max_concurrency must be a whole number from 1 to 256"),
        ({"max_concurrency": 257}, "max_concurrency must be a whole number from 1 to 256"),
        ({"http_client": httpx.AsyncClient()}, "http_client must be an httpx.Client"),
    ],
)
def test_a_refused_option_names_itself_and_the_vault(options: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        VGS("u", "p", **options)
    assert str(caught.value) == f"[vgs] {message}"
    assert caught.value.vault == "vgs"


def test_max_concurrency_takes_256() -> None:
    VGS("u", "p", max_concurrency=256)  # the upper bound itself is accepted


@pytest.fixture
def own_pool(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    """The pool a client opens itself (no http_client), answering 204 in memory instead of over the network.

    The pool's lazily created transport is the one private seam: without it the client's own pool
    would need a real server; everything else goes through the public client."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    monkeypatch.setattr(transport.LazyTransport, "_factory", staticmethod(lambda verify: httpx.MockTransport(answer)))
    monkeypatch.setattr(transport.AsyncLazyTransport, "_factory", staticmethod(lambda verify: httpx.MockTransport(answer)))
    return seen


def test_the_clients_own_pool_sends_the_polyvault_user_agent(own_pool: list[httpx.Request]) -> None:
    with VGS("u", "p", base_url="http://127.0.0.1:9", max_retries=0) as vgs:
        vgs.aliases.delete("tok_abc")
    [request] = own_pool
    agents = [value for name, value in request.headers.raw if name.lower() == b"user-agent"]
    assert len(agents) == 1 and agents[0].decode().startswith(AGENT)
    assert request.url == "http://127.0.0.1:9/aliases/tok_abc"


def test_raw_calls_through_the_clients_own_pool_carry_the_user_agent(own_pool: list[httpx.Request]) -> None:
    from polyvault_vgs_client.api.aliases import delete_alias

    with VGS("u", "p", base_url="http://127.0.0.1:9") as vgs:
        response = delete_alias.sync_detailed("tok_abc", client=vgs.raw)
    assert response.status_code == 204
    [request] = own_pool
    assert request.headers["User-Agent"].startswith(AGENT)
    assert request.headers["Authorization"] == "Basic dTpw"


@pytest.mark.anyio
async def test_an_async_clients_own_pool_sends_the_polyvault_user_agent(own_pool: list[httpx.Request]) -> None:
    async with AsyncVGS("u", "p", base_url="http://127.0.0.1:9", max_retries=0) as vgs:
        await vgs.aliases.delete("tok_abc")
    [request] = own_pool
    assert request.headers["User-Agent"].startswith(AGENT)
