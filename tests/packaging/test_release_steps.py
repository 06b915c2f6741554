"""The release step's rules, one by one: next versions, changelog sections, where versions are written.

test_release.py runs them together against a real index; these pin each rule, including the ones
that run rarely there (a facade release, a 0.x break, a version set by hand).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from _dist_support import ROOT
from packaging.version import Version


@pytest.fixture(scope="module")
def scripts() -> Iterator[dict[str, ModuleType]]:
    """scripts/api_gate.py, changelog.py, distributions.py and package_index.py (the scripts import each other by name)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import api_gate
        import changelog
        import distributions
        import package_index

        yield {"api_gate": api_gate, "changelog": changelog, "distributions": distributions, "package_index": package_index}
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.mark.parametrize(
    ("last", "level", "expected"),
    [
        ("1.0.0", "breaking", "2.0.0"),
        ("1.4.2", "added", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("0.1.0", "breaking", "0.2.0"),  # below 1.0 the minor is the major
        ("0.1.3", "added", "0.1.4"),
        ("0.1.3", "patch", "0.1.4"),
        ("2", "added", "2.1.0"),
    ],
)
def test_next_version(scripts: dict[str, ModuleType], last: str, level: str, expected: str) -> None:
    assert scripts["api_gate"].next_version(Version(last), level) == Version(expected)


PREAMBLE = "# Changelog\n\nWrite what users will notice under `## Unreleased`.\n\n"


def test_unreleased_becomes_the_version_heading_with_the_gates_findings(scripts: dict[str, ModuleType]) -> None:
    text = PREAMBLE + "## Unreleased\n### Breaking\n- `delete_alias` is gone.\n\n## 1.0.0\n- First release.\n"
    released = scripts["changelog"].release(text, "2.0.0", "2026-12-06", ["breaking: x: Public object was removed"])
    assert released == PREAMBLE + (
        "## 2.0.0 — 2026-12-06\n### Breaking\n- `delete_alias` is gone.\n\n"
        "Python API, as the gate compared it with the previous release:\n- breaking: x: Public object was removed\n\n"
        "## 1.0.0\n- First release.\n"
    )


def test_a_section_written_by_hand_is_kept_and_dated_and_a_missing_one_is_added(scripts: dict[str, ModuleType]) -> None:
    release = scripts["changelog"].release
    first = PREAMBLE + "## 1.0.0\n- First release.\n"
    assert release(first, "1.0.0", "2026-12-06", []) == PREAMBLE + "## 1.0.0 — 2026-12-06\n- First release.\n"
    assert release(first, "1.0.1", "2026-12-07", []) == PREAMBLE + (
        "## 1.0.1 — 2026-12-07\n- No change to the Python API.\n\n## 1.0.0\n- First release.\n"
    )
    assert scripts["changelog"].pending(first, "1.0.0") == "## 1.0.0\n- First release.\n"
    assert scripts["changelog"].pending(first, "1.0.1") is None


def test_the_facades_version_is_written_everywhere_it_is_declared(scripts: dict[str, ModuleType], tmp_path: Path) -> None:
    distributions = scripts["distributions"]
    facade_files = ["facade/pyproject.toml", "facade/polyvault-testing/pyproject.toml", "facade/src/polyvault/__init__.py"]
    for name in [*facade_files, "specs/vaults.toml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    facade = next(unit for unit in distributions.units() if unit.name == "polyvault")

    written = distributions.write_version(facade, Version("0.2.0"), root=tmp_path)

    assert sorted(path.relative_to(tmp_path).as_posix() for path in written) == sorted(facade_files)
    pyproject, testing, init = ((tmp_path / name).read_text() for name in facade_files)
    assert '\nversion = "0.2.0"\n' in pyproject and '"polyvault-testing==0.2.0"' in pyproject
    assert '\nversion = "0.2.0"\n' in testing and '"polyvault==0.2.0"' in testing
    assert '\n__version__ = "0.2.0"\n' in init
    assert distributions.current_version(facade, root=tmp_path) == Version("0.2.0")


def test_a_clients_version_is_written_to_its_manifest_entry_only(scripts: dict[str, ModuleType], tmp_path: Path) -> None:
    distributions = scripts["distributions"]
    (tmp_path / "specs").mkdir()
    shutil.copy2(ROOT / "specs" / "vaults.toml", tmp_path / "specs" / "vaults.toml")
    units = {unit.name: unit for unit in distributions.units()}

    distributions.write_version(units["polyvault-vaultpam-client"], Version("3.1.0"), root=tmp_path)

    versions = {name: distributions.current_version(unit, root=tmp_path) for name, unit in units.items() if unit.vault}
    assert versions == {
        "polyvault-vgs-client": distributions.current_version(units["polyvault-vgs-client"]),
        "polyvault-apideck-client": distributions.current_version(units["polyvault-apideck-client"]),
        "polyvault-vaultpam-client": Version("3.1.0"),
        "polyvault-vaultera-client": distributions.current_version(units["polyvault-vaultera-client"]),
    }


def test_the_simple_index_that_goes_with_an_upload_url(scripts: dict[str, ModuleType]) -> None:
    simple_url_for = scripts["package_index"].simple_url_for
    assert simple_url_for("https://upload.pypi.org/legacy/") == "https://pypi.org/simple/"
    assert simple_url_for("http://127.0.0.1:8080") == "http://127.0.0.1:8080/simple/"
