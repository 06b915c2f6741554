"""pytest plugin (registered through the `pytest11` entry point): a fresh fake vault per test.

```
def test_checkout_tokenizes_the_card(fake_vgs):
    with fake_vgs.client() as vgs:              # a polyvault.VGS wired to the fake, in-process
        alias = vgs.aliases.tokenize(["4111111111111111"])[0]
    assert fake_vgs.stored_values() == ["4111111111111111"]
```
A fixture's teardown fails the test if the fake answered anything our spec does not allow, and a
fixture whose vault (or the fakes' own dependencies) is not installed fails with one line naming
the `pip install` to run. Imports are deferred, so merely having polyvault-testing installed costs
pytest nothing. The fixtures are
typed (`fake_vgs: FakeVGS`), and so is what a fake hands out (`fake_vgs.client()` is a `VGS`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .apideck import FakeApideck
    from .vaultera import FakeVaultera
    from .vaultpam import FakeVaultPAM
    from .vgs import FakeVGS


def _missing(module: str, error: ModuleNotFoundError) -> str:
    """One line saying what to install for the `fake_<module>` fixture."""
    if (error.name or "").startswith(f"polyvault_{module}_client"):
        return f"fake_{module} needs the {module} client: pip install 'polyvault[{module}]'"
    return f"fake_{module} needs the fakes' dependencies (no module named {error.name!r}): pip install 'polyvault[{module},testing]'"


def _fresh(module: str, name: str) -> Iterator[Any]:
    missing: str | None = None
    try:
        fake = getattr(importlib.import_module(f"polyvault.testing.{module}"), name)()
    except ModuleNotFoundError as exc:
        missing = _missing(module, exc)
    if missing is not None:
        pytest.fail(missing, pytrace=False)  # outside the except block: one line, no chained traceback
    yield fake
    if fake.violations:
        pytest.fail(f"{name} answered against the spec:\n" + "\n".join(fake.violations), pytrace=False)


@pytest.fixture
def fake_vgs() -> Iterator[FakeVGS]:
    """A fresh `polyvault.testing.FakeVGS`."""
    yield from _fresh("vgs", "FakeVGS")


@pytest.fixture
def fake_apideck() -> Iterator[FakeApideck]:
    """A fresh `polyvault.testing.FakeApideck`."""
    yield from _fresh("apideck", "FakeApideck")


@pytest.fixture
def fake_vaultpam() -> Iterator[FakeVaultPAM]:
    """A fresh `polyvault.testing.FakeVaultPAM`."""
    yield from _fresh("vaultpam", "FakeVaultPAM")


@pytest.fixture
def fake_vaultera() -> Iterator[FakeVaultera]:
    """A fresh `polyvault.testing.FakeVaultera`."""
    yield from _fresh("vaultera", "FakeVaultera")
