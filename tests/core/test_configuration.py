"""Construction, options, copies and lifecycle: the same for every vault client."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from polyvault import VGS, AsyncVGS, InvalidRequestError, VaultPAM
from polyvault.testing import FakeVGS


@pytest.fixture(autouse=True)
def _no_vault_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "VGS_USERNAME",
        "VGS_PASSWORD",
        "VGS_BASE_URL",
        "VAULTPAM_EMAIL",
        "VAULTPAM_PASSWORD",
        "VAULTPAM_TOKEN",
        "VAULTPAM_ORG_ID",
    ):
        monkeypatch.delenv(name, raising=False)


def test_missing_credentials_name_the_variable() -> None:
    with pytest.raises(InvalidRequestError, match="VGS_USERNAME"):
        VGS()
    with pytest.raises(InvalidRequestError, match="VAULTPAM_EMAIL and VAULTPAM_PASSWORD"):
        VaultPAM()
    with pytest.raises(InvalidRequestError, match="VAULTPAM_PASSWORD"):
        VaultPAM(email="a@example.com")


def test_explicit_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VGS_USERNAME", "env-user")
    monkeypatch.setenv("VGS_PASSWORD", "env-pass")
    monkeypatch.setenv("VGS_BASE_URL", "https://vault.example.com")
    assert VGS().base_url == "https://vault.example.com"
    assert VGS("u", "p", base_url="https://other.example.com/").base_url == "https://other.example.com"


def test_the_default_timeout_is_bounded_and_none_is_refused() -> None:
    client = VGS("u", "p")
    timeout = client.timeout
    assert all(value is not None and value <= 30 for value in (timeout.connect, timeout.read, timeout.write, timeout.pool))
    for bad in (None, 0, -1, float("inf"), "10", httpx.Timeout(None)):
        with pytest.raises(InvalidRequestError, match="never waits forever"):
            VGS("u", "p", timeout=bad)  # type: ignore[arg-type]
    assert VGS("u", "p", timeout=2.5).timeout.read == 2.5


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://vault.example.com", "plain http"),
        ("ftp://vault.example.com", "absolute http"),
        ("https://user:secret@vault.example.com", "user-info"),
        ("https://vault.example.com/?x=1", "query string"),
        ("not a url", "absolute http"),
    ],
)
def test_unsafe_base_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message) as caught:
        VGS("u", "p", base_url=url)
    assert "secret" not in str(caught.value)


def test_loopback_http_is_allowed_and_other_http_only_when_asked() -> None:
    assert VGS("u", "p", base_url="http://127.0.0.1:8080").base_url == "http://127.0.0.1:8080"
    assert VGS("u", "p", base_url="http://localhost:8080").base_url == "http://localhost:8080"
    assert VGS("u", "p", base_url="http://vault.internal", allow_http=True).base_url == "http://vault.internal"


def test_a_base_url_path_is_kept_and_a_trailing_slash_dropped(fake_vgs: FakeVGS) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(204)

    with VGS("u", "p", base_url="https://proxy.example.com/vgs/", http_client=httpx.Client(transport=httpx.MockTransport(handler))) as vgs:
        vgs.aliases.delete("tok_sandbox_abc")
    assert seen == ["/vgs/aliases/tok_sandbox_abc"]


def test_bad_options_are_refused() -> None:
    with pytest.raises(InvalidRequestError, match="unknown option"):
        VGS("u", "p", retries=3)  # type: ignore[call-arg]
    with pytest.raises(InvalidRequestError, match=r"http_client must be an httpx\.Client"):
        VGS("u", "p", http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match=r"http_client must be an httpx\.AsyncClient"):
        AsyncVGS("u", "p", http_client=httpx.Client())  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="max_retries"):
        VGS("u", "p", max_retries=-2)
    with pytest.raises(InvalidRequestError, match="max_concurrency"):
        VGS("u", "p", max_concurrency=0)
    with pytest.raises(InvalidRequestError, match="username must be a string"):
        VGS(123, "p")  # type: ignore[arg-type]


def test_with_options_shares_the_pool_and_the_rate_limit(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        quick = vgs.with_options(timeout=1.0, max_retries=0)
        assert quick._state is vgs._state  # one pool
        assert (quick.timeout.read, quick.retry_policy.max_retries) == (1.0, 0)
        assert (vgs.timeout.read, vgs.retry_policy.max_retries) == (30.0, 2)
        quick.aliases.tokenize(["a1234"])
        assert vgs.rate_limit == quick.rate_limit is not None


def test_close_closes_our_pool_but_not_a_callers_client() -> None:
    owned = VGS("u", "p")
    with owned:
        pass
    assert owned._state.http.is_closed
    mine = httpx.Client()
    with VGS("u", "p", http_client=mine):
        pass
    assert not mine.is_closed
    mine.close()


@pytest.mark.anyio
async def test_async_lifecycle() -> None:
    async with AsyncVGS("u", "p") as vgs:
        pass
    assert vgs._state.http.is_closed


def test_client_repr_shows_no_credentials() -> None:
    client = VGS("user-123", "pass-456")
    assert "pass-456" not in repr(client) and "user-123" not in repr(client)
    assert "pass-456" not in repr(client.aliases)


def test_raw_is_the_generated_client_signed_and_sharing_the_pool(fake_vgs: FakeVGS) -> None:
    from polyvault_vgs_client.api.aliases import create_aliases
    from polyvault_vgs_client.models import CreateAliasesRequest, CreateAliasesRequestNew

    with fake_vgs.client() as vgs:
        body = CreateAliasesRequest(data=[CreateAliasesRequestNew(value="4111111111111111", format_="UUID")])
        response = create_aliases.sync_detailed(client=vgs.raw, body=body)
    assert response.status_code == 201
    assert fake_vgs.stored_values() == ["4111111111111111"]


def test_import_polyvault_is_lazy() -> None:
    code = (
        "import sys, polyvault;"
        "heavy = [m for m in ('httpx', 'polyvault_vgs_client', 'polyvault_apideck_client', 'anyio') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_missing_client_package_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['polyvault_vgs_client'] = None\n"
        "try:\n from polyvault import VGS\nexcept ModuleNotFoundError as e:\n print(e)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'polyvault[vgs]'" in result.stdout


def test_a_vault_module_whose_generated_package_is_missing_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """In this process, what test_import_cost.py checks in an interpreter without the package."""
    import importlib

    import polyvault
    import polyvault.vaultera

    monkeypatch.setitem(sys.modules, "polyvault_vaultera_client", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "polyvault.vaultera")
    monkeypatch.setattr(polyvault, "vaultera", polyvault.vaultera)
    with pytest.raises(ModuleNotFoundError) as caught:
        importlib.import_module("polyvault.vaultera")
    assert str(caught.value) == "polyvault's vaultera client needs the polyvault_vaultera_client package: pip install 'polyvault[vaultera]'"
    assert caught.value.name == "polyvault_vaultera_client"
