"""TLS verification, both ways: a fake VGS served over https with a certificate from a test CA (trustme).

- The CA trusted (through the caller's own `http_client`, or `SSL_CERT_FILE` for polyvault's own pool):
  the call succeeds.
- A CA nobody trusts, or a certificate for another host: `VaultConnectionError` before anything is
  sent, so the fake never sees a request (no credentials or values travel in the clear or to the wrong host).
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import anyio
import httpx
import pytest
import trustme
from polyvault import VaultConnectionError
from polyvault.testing import FakeVGS

CARD = "4111111111111111"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _server_context(ca: trustme.CA, host: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(host).configure_cert(context)
    return context


@pytest.fixture
def served(ca: trustme.CA) -> Iterator[tuple[FakeVGS, str]]:
    fake = FakeVGS()
    with fake.serve(tls=_server_context(ca, "127.0.0.1")) as base_url:
        yield fake, base_url


def test_the_ca_trusted_the_call_succeeds(ca: trustme.CA, served: tuple[FakeVGS, str]) -> None:
    fake, base_url = served
    assert base_url.startswith("https://127.0.0.1:")
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with fake.client(base_url=base_url, http_client=httpx.Client(verify=trusting)) as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        assert vgs.aliases.reveal(alias).value == CARD
    assert fake.count() == 2 and fake.stored_values() == [CARD]


def test_polyvault_own_pool_trusts_ssl_cert_file(ca: trustme.CA, served: tuple[FakeVGS, str], tmp_path: Path) -> None:
    fake, base_url = served
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    script = (
        "import json, os, polyvault\n"
        "with polyvault.VGS(os.environ['U'], os.environ['P'], base_url=os.environ['URL']) as vgs:\n"
        "    print(json.dumps(vgs.aliases.tokenize(['4111111111111111'])))\n"
    )
    env = {**os.environ, "SSL_CERT_FILE": str(bundle), "U": fake.username, "P": fake.password, "URL": base_url}
    env.pop("SSL_CERT_DIR", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(json.loads(done.stdout)) == 1 and fake.stored_values() == [CARD]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_polyvaults_own_pools_verify_with_one_context_per_process(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """Every client's pool gets the same verifying context: built once (it costs milliseconds), never `verify=None`
    (which httpx 0.27, within our range, reads as "do not verify")."""
    from polyvault._core import transport

    made: list[dict[str, object]] = []
    for lazy in (transport.LazyTransport, transport.AsyncLazyTransport):
        real = lazy._factory
        monkeypatch.setattr(lazy, "_factory", staticmethod(lambda real=real, **settings: made.append(settings) or real(**settings)))
    fake = FakeVGS()
    with fake.serve() as base_url:
        for _ in range(2):
            if mode == "sync":
                with fake.client(base_url=base_url) as vgs:
                    vgs.aliases.tokenize([CARD])
            else:

                async def call() -> None:
                    async with fake.async_client(base_url=base_url) as vgs:
                        await vgs.aliases.tokenize([CARD])

                anyio.run(call)
    assert [sorted(settings) for settings in made] == [["verify"], ["verify"]]
    first, second = (settings["verify"] for settings in made)
    assert first is second and isinstance(first, ssl.SSLContext)
    assert first.verify_mode is ssl.CERT_REQUIRED and first.check_hostname is True


@pytest.mark.parametrize("pool", ["polyvault's own", "a default httpx.Client"])
def test_an_unknown_ca_is_refused_before_anything_is_sent(served: tuple[FakeVGS, str], pool: str) -> None:
    fake, base_url = served
    options = {} if pool == "polyvault's own" else {"http_client": httpx.Client()}
    with fake.client(base_url=base_url, max_retries=0, **options) as vgs, pytest.raises(VaultConnectionError) as caught:
        vgs.aliases.reveal("tok_sandbox_anything")
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.message
    assert caught.value.request_sent is False
    assert fake.count() == 0  # no request (so no credentials) reached the server


def test_a_certificate_for_another_host_is_refused(ca: trustme.CA) -> None:
    fake = FakeVGS()
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with fake.serve(tls=_server_context(ca, "vault.example.com")) as base_url:
        client = fake.client(base_url=base_url, max_retries=0, http_client=httpx.Client(verify=trusting))
        with client as vgs, pytest.raises(VaultConnectionError) as caught:
            vgs.aliases.tokenize([CARD])
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.message and "127.0.0.1" in caught.value.message
    assert fake.count() == 0 and fake.stored_values() == []
