"""VGS credentials: refused by name when missing, and masked in errors in every form they travel in."""

from __future__ import annotations

import httpx
import polyvault
import pytest


@pytest.fixture(autouse=True)
def _no_vgs_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("VGS_USERNAME", "VGS_PASSWORD", "VGS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_missing_credentials_and_an_unknown_environment_are_refused_by_name() -> None:
    messages = []
    for make in (lambda: polyvault.VGS(), lambda: polyvault.VGS("user"), lambda: polyvault.VGS("user", "pw", environment="prod")):
        with pytest.raises(polyvault.InvalidRequestError) as caught:
            make()
        messages.append((str(caught.value), caught.value.vault))
    assert messages == [
        ("[vgs] missing username: pass username=... or set the environment variable VGS_USERNAME", "vgs"),
        ("[vgs] missing password: pass password=... or set the environment variable VGS_PASSWORD", "vgs"),
        ("[vgs] environment must be one of live, live-eu-1, sandbox", "vgs"),
    ]


def test_user_colon_password_and_its_basic_token_are_masked_even_with_a_short_password() -> None:
    """A 3-character password is too short to mask alone, but `user:pw1` and base64 of it are not."""
    echoed = {"errors": [{"title": "Unauthorized", "detail": "Basic dXNlcjpwdzE= (user:pw1) is not allowed"}]}
    transport = httpx.MockTransport(lambda request: httpx.Response(401, json=echoed))
    client = polyvault.VGS("user", "pw1", base_url="https://vgs.test", http_client=httpx.Client(transport=transport))
    with client as vgs, pytest.raises(polyvault.AuthenticationError) as caught:
        vgs.aliases.reveal("tok_a")
    assert caught.value.message == "GET /aliases/tok_a failed: Basic [REDACTED] ([REDACTED]) is not allowed"
    assert caught.value.detail == '[{"title": "Unauthorized", "detail": "Basic [REDACTED] ([REDACTED]) is not allowed"}]'  # clean text
