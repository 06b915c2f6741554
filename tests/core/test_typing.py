"""A consuming team's test file type-checks under `mypy --strict`, and mypy infers what the file uses.

The fixtures, what a fake hands out (`fake.client()`), the clients' operations and `client.raw`
are typed: no `Any` reaches the consumer's code. mypy runs on a sample file, as a team's CI would.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from polyvault.testing import pytest_plugin

CONSUMER = textwrap.dedent(
    '''
    """A consuming team's tests, written against the public API only."""

    from collections.abc import Iterator

    from polyvault import VGS, AsyncVGS
    from polyvault.testing import FakeApideck, FakeVGS


    def tokenize_card(vgs: VGS, number: str) -> str:
        return vgs.aliases.tokenize([number])[0]


    def test_tokenize(fake_vgs: FakeVGS) -> None:
        with fake_vgs.client() as vgs:
            reveal_type(fake_vgs)
            reveal_type(vgs)
            reveal_type(vgs.raw)
            reveal_type(vgs.aliases.tokenize(["4111111111111111"]))
            reveal_type(vgs.aliases.reveal("tok"))
            reveal_type(fake_vgs.async_client())
            assert tokenize_card(vgs, "4111111111111111")


    async def test_async(fake_vgs: FakeVGS, fake_apideck: FakeApideck) -> None:
        vgs: AsyncVGS = fake_vgs.async_client()
        reveal_type(await vgs.aliases.reveal_many(["tok"]))
        reveal_type(fake_apideck.client().logs.list())
        reveal_type(fake_apideck.client().raw)
    '''
)

EXPECTED = [
    "polyvault.testing.vgs.FakeVGS",
    "polyvault.vgs.VGS",
    "polyvault_vgs_client.client.Client",
    "list[str]",
    "polyvault.vgs.AliasRecord",
    "polyvault.vgs.AsyncVGS",
    "dict[str, polyvault.vgs.AliasRecord]",
    "typing.Iterator[polyvault.apideck._records.Log]",
    "polyvault_apideck_client.client.Client",
]


@pytest.mark.slow
def test_mypy_strict_infers_the_fakes_clients_and_generated_clients(tmp_path: Path) -> None:
    consumer = tmp_path / "test_consumer.py"
    consumer.write_text(CONSUMER)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(consumer)],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
        cwd=tmp_path,
    )
    revealed = re.findall(r'note: Revealed type is "(.*)"', result.stdout)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors == [], result.stdout
    assert revealed == EXPECTED, result.stdout


@pytest.mark.parametrize("fixture", ["fake_vgs", "fake_apideck", "fake_vaultpam", "fake_vaultera"])
def test_each_fixture_is_declared_to_yield_its_fake(fixture: str) -> None:
    function = getattr(pytest_plugin, fixture)._get_wrapped_function()
    name = {"fake_vgs": "FakeVGS", "fake_apideck": "FakeApideck", "fake_vaultpam": "FakeVaultPAM", "fake_vaultera": "FakeVaultera"}[fixture]
    assert function.__annotations__["return"] == f"Iterator[{name}]"  # names imported for type checkers (mypy --strict checks them)
