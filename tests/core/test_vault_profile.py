"""How a vault finds its generated package's modules: loaded on first use, a missing package named with the extra to
install, a missing dependency of the package reported as it is, an endpoint's path template read from its code.

A vault's profile is internal; a toy generated package written to tmp_path stands in for a vault's, because
no public call can make an installed package go missing or give an endpoint two path literals."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from polyvault import VGS, InvalidRequestError
from polyvault._core.client import VaultProfile


def _profile(package: str) -> VaultProfile:
    return VaultProfile(name="toy", package=package, extra="toy", parse_error=lambda response: None)  # type: ignore[arg-type,return-value]


@pytest.fixture
def toy_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    root = tmp_path / "polyvault_toy_client"
    (root / "api" / "things").mkdir(parents=True)
    for folder in (root, root / "api", root / "api" / "things"):
        (folder / "__init__.py").write_text("")
    (root / "models.py").write_text("import polyvault_toy_missing_dependency\n")
    (root / "api" / "things" / "get_thing.py").write_text(
        "def _get_kwargs(thing):\n    return {'method': 'get', 'url': '/things/{thing}'.format(thing=thing)}\n"
    )
    (root / "api" / "things" / "move_thing.py").write_text(
        "def _get_kwargs(thing, old):\n    return {'method': 'post', 'url': '/old/' + thing if old else '/new/' + thing}\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "polyvault_toy_client"
    for name in [name for name in sys.modules if name.startswith("polyvault_toy_client")]:
        del sys.modules[name]


def test_a_missing_generated_package_names_the_extra_to_install() -> None:
    with pytest.raises(ModuleNotFoundError) as caught:
        _profile("polyvault_toy_absent_client").models  # noqa: B018 - loaded on first use
    assert str(caught.value) == "polyvault's toy client needs the polyvault_toy_absent_client package: pip install 'polyvault[toy]'"
    assert caught.value.name == "polyvault_toy_absent_client"


def test_a_missing_dependency_of_the_generated_package_is_reported_as_it_is(toy_package: str) -> None:
    with pytest.raises(ModuleNotFoundError) as caught:
        _profile(toy_package).models  # noqa: B018
    assert str(caught.value) == "No module named 'polyvault_toy_missing_dependency'"


def test_an_endpoints_template_is_its_one_path_literal_else_a_placeholder(toy_package: str) -> None:
    profile = _profile(toy_package)
    assert profile.template("things.get_thing") == "/things/{thing}"
    assert profile.template("things.move_thing") == "/{path}"  # two literals: which one is unknown


def test_a_refused_coordination_names_the_vault() -> None:
    with pytest.raises(InvalidRequestError) as caught:
        VGS("u", "p", coordination="nope")
    assert str(caught.value) == "[vgs] coordination must be a redis://, rediss:// or unix:// URL"
    assert caught.value.vault == "vgs"
