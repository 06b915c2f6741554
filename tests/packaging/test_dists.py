"""What every distribution carries: built from its sdist, licence, README, changelog, URLs, types.

The six distributions come from the `dists` fixture (scripts/build_dists.py on a clean copy of the
working tree: sdist, wheel from the sdist, twine check --strict, check-wheel-contents).
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from _dist_support import OURS, ROOT, Dist, Venv, requirement_lines, run
from packaging.requirements import Requirement

pytestmark = pytest.mark.slow

LICENSE = (ROOT / "LICENSE").read_bytes()
CLIENTS = [name for name in OURS if name.endswith("-client")]
REPOSITORY = "https://github.com/polyvault/polyvault"


def _package(name: str) -> str:
    return name.replace("-", "_")


@pytest.mark.parametrize("name", OURS)
def test_the_sdist_carries_licence_readme_changelog_and_the_wheel_is_built_from_it(name: str, dists: dict[str, Dist]) -> None:
    dist = dists[name]
    sdist, wheel = dist.sdist_files(), dist.wheel_files()
    assert {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml", "PKG-INFO"} <= sdist.keys(), sorted(sdist)
    assert sdist["LICENSE"] == LICENSE
    assert "## " in sdist["CHANGELOG.md"].decode(), "the changelog has no release section"
    # Every module the wheel installs is, byte for byte, a file of the sdist: it was built from there.
    code = {path: content for path, content in wheel.items() if ".dist-info/" not in path}
    assert code, f"{dist.wheel.name} installs nothing"
    in_sdist = {path.removeprefix("src/"): content for path, content in sdist.items()}
    assert {path for path in code if in_sdist.get(path) != code[path]} == set()
    licence = next(path for path in wheel if path.endswith(".dist-info/licenses/LICENSE"))
    assert wheel[licence] == LICENSE


@pytest.mark.parametrize("name", OURS)
def test_the_metadata_stands_alone_on_an_index_page(name: str, dists: dict[str, Dist]) -> None:
    metadata = dists[name].metadata()
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.11"
    urls = dict(line.split(", ", 1) for line in metadata.get_all("Project-URL") or [])
    assert sorted(urls) == ["Changelog", "Documentation", "Homepage", "Issues", "Repository"]
    assert urls["Repository"] == REPOSITORY
    assert urls["Changelog"].startswith(f"{REPOSITORY}/blob/main/")
    assert (ROOT / urls["Changelog"].removeprefix(f"{REPOSITORY}/blob/main/")).is_file(), urls["Changelog"]
    readme = metadata.get_payload()
    assert isinstance(readme, str)
    assert readme.startswith(f"# {name}\n")
    assert "pip install" in readme
    assert "project README" not in readme  # the page must not send readers to a file they cannot see
    assert metadata["Description-Content-Type"] == "text/markdown"


def test_typed_packages_carry_py_typed(dists: dict[str, Dist]) -> None:
    for name in CLIENTS:
        assert f"{_package(name)}/py.typed" in dists[name].wheel_files(), name
    assert "polyvault/py.typed" in dists["polyvault"].wheel_files()
    # polyvault.testing is a subpackage of polyvault: polyvault's py.typed covers it (PEP 561).


def test_polyvault_ships_no_test_code_and_polyvault_testing_only_the_fakes(dists: dict[str, Dist]) -> None:
    facade = dists["polyvault"].wheel_files()
    assert not [path for path in facade if path.startswith("polyvault/testing/")]
    assert not [path for path in facade if path.endswith("entry_points.txt")]
    testing = dists["polyvault-testing"].wheel_files()
    code = sorted(path for path in testing if ".dist-info/" not in path)
    assert code and all(path.startswith("polyvault/testing/") for path in code), code
    assert "polyvault/testing/pytest_plugin.py" in code
    entry_points = next(content for path, content in testing.items() if path.endswith("entry_points.txt"))
    assert entry_points.decode().split() == ["[pytest11]", "polyvault", "=", "polyvault.testing.pytest_plugin"]
    # No YAML is shipped with the fakes: each vault's spec comes with its client.
    assert not [path for path in testing if path.endswith((".yaml", ".yml"))]


def test_each_client_ships_the_spec_it_was_generated_from(dists: dict[str, Dist]) -> None:
    for name in CLIENTS:
        vault = name.split("-")[1]
        spec = dists[name].wheel_files()[f"{_package(name)}/openapi.yaml"]
        assert spec == (ROOT / "specs" / f"{vault}.yaml").read_bytes(), name


def test_versions_pins_and_ranges_agree(dists: dict[str, Dist]) -> None:
    facade, testing = dists["polyvault"].metadata(), dists["polyvault-testing"].metadata()
    version = facade["Version"]
    assert testing["Version"] == version
    assert f"polyvault=={version}" in requirement_lines(testing)
    testing_extra = [line for line in requirement_lines(facade) if Requirement(line).name == "polyvault-testing"]
    assert testing_extra == [f"polyvault-testing=={version}; extra == 'testing'"]
    init = dists["polyvault"].wheel_files()["polyvault/__init__.py"].decode()
    assert re.search(r'^__version__ = "([^"]+)"$', init, re.M)[1] == version  # type: ignore[index]
    httpx = {
        name: tuple(sorted(map(str, Requirement(line).specifier)))
        for name in ("polyvault", *CLIENTS)
        for line in requirement_lines(dists[name].metadata())
        if line.startswith("httpx")
    }
    assert set(httpx.values()) == {("<0.30", ">=0.27")}, httpx  # one range everywhere, tested at both ends
    for name in CLIENTS:  # polyvault[<vault>] and polyvault[all] install the client version built here
        vault = name.split("-")[1]
        extras = {str(Requirement(line).marker): Requirement(line) for line in requirement_lines(facade) if line.startswith(name)}
        assert sorted(extras) == ['extra == "all"', f'extra == "{vault}"'], extras
        assert all(dists[name].metadata()["Version"] in requirement.specifier for requirement in extras.values()), extras


def test_the_wheel_check_refuses_a_wheel_with_a_duplicated_file(dists: dict[str, Dist], tmp_path: Path) -> None:
    # build_dists.check runs check-wheel-contents: prove it can fail, on a copy with two identical modules.
    source = dists["polyvault-vgs-client"]
    broken = tmp_path / source.wheel.name
    files = source.wheel_files()
    copy = "polyvault_vgs_client/api/copy_of_types.py"
    files[copy] = files["polyvault_vgs_client/types.py"]
    record = next(path for path in files if path.endswith(".dist-info/RECORD"))
    digest = base64.urlsafe_b64encode(hashlib.sha256(files[copy]).digest()).rstrip(b"=").decode()
    files[record] += f"{copy},sha256={digest},{len(files[copy])}\n".encode()
    with zipfile.ZipFile(broken, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_dists import check

        with pytest.raises(
            SystemExit,
            match=re.escape(
                "W002: Wheel contains duplicate files:\n  polyvault_vgs_client/types.py\n  polyvault_vgs_client/api/copy_of_types.py"
            ),
        ):
            check([broken])
        check([source.wheel])  # the original passes
    finally:
        sys.path.remove(str(ROOT / "scripts"))


def test_a_generated_client_installs_alone_and_imports(dists: dict[str, Dist], wheelhouse_high: Path, tmp_path: Path) -> None:
    venv = Venv.create(tmp_path / "venv")
    venv.install("--no-index", "--find-links", wheelhouse_high, dists["polyvault-vaultpam-client"].wheel)
    assert venv.distributions() == [
        "anyio",
        "attrs",
        "certifi",
        "h11",
        "httpcore",
        "httpx",
        "idna",
        "polyvault-vaultpam-client",
        "typing_extensions",
    ]
    probe = (
        "import polyvault_vaultpam_client as p\nfrom polyvault_vaultpam_client.api.safes import list_safes as o\nprint(p.__file__, o.sync)"
    )
    location, function = run(venv.python, "-I", "-c", probe).split(maxsplit=1)
    assert Path(location).is_relative_to(venv.path) and function.startswith("<function sync at")
    assert subprocess.run([venv.python, "-I", "-c", "import polyvault"], capture_output=True, check=False).returncode == 1  # isolated
