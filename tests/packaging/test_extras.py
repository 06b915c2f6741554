"""Extras mean what they say: what `polyvault[vgs]` and `polyvault[vgs,testing]` install, and nothing more.

Each test installs the built wheels into a clean venv, offline (`--no-index`, our wheels and the
`high` wheelhouse only), and looks at the result from inside that venv.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _dist_support import Venv, run

pytestmark = pytest.mark.slow

# What a VGS team's production install pulls in: two of ours, nine of httpx's and attrs' world.
VGS_INSTALL = [
    "anyio",
    "attrs",
    "certifi",
    "h11",
    "httpcore",
    "httpx",
    "idna",
    "polyvault",
    "polyvault-vgs-client",
    "sniffio",
    "typing_extensions",
]
# The fakes add polyvault-testing and what it needs to validate against specs (openapi-core's world).
TESTING_ADDS = [
    "annotated-types",
    "isodate",
    "jsonschema",
    "jsonschema-path",
    "jsonschema-specifications",
    "lazy-object-proxy",
    "markupsafe",
    "more-itertools",
    "openapi-core",
    "openapi-schema-validator",
    "openapi-spec-validator",
    "pathable",
    "polyvault-testing",
    "pydantic",
    "pydantic-core",
    "pydantic-settings",
    "python-dotenv",
    "pyyaml",
    "referencing",
    "rfc3339-validator",
    "rpds-py",
    "six",
    "typing-inspection",
    "werkzeug",
]
PYTEST = ["iniconfig", "packaging", "pluggy", "pygments", "pytest"]

PRODUCTION_PROBE = """
import importlib.metadata as md, importlib.util, json
ours = [d for d in md.distributions() if d.metadata["Name"].startswith("polyvault")]
try:
    import polyvault.testing
    testing = "importable"
except ModuleNotFoundError as error:
    testing = error.name
try:
    from polyvault import Apideck
    apideck = "importable"
except ModuleNotFoundError as error:
    apideck = str(error)
from polyvault import VGS
VGS("user", "password").close()
print(json.dumps({
    "testing": testing,
    "apideck": apideck,
    "test_only_importable": [m for m in ("pytest", "yaml", "openapi_core", "werkzeug") if importlib.util.find_spec(m)],
    "pytest11": [e.value for e in md.entry_points(group="pytest11") if e.dist.name.startswith("polyvault")],
    "yaml_files": sorted(str(f) for d in ours for f in d.files if f.suffix in (".yaml", ".yml")),
    "bytes": {d.metadata["Name"]: sum(f.size or 0 for f in d.files if f.hash) for d in ours},
}))
"""


def _names(names: list[str]) -> list[str]:
    """Distribution names compared the way pip normalises them."""
    return sorted(name.lower().replace("_", "-") for name in names)


def test_the_vgs_extra_installs_the_vgs_client_and_nothing_for_tests(our_wheels: Path, wheelhouse_high: Path, tmp_path: Path) -> None:
    venv = Venv.create(tmp_path / "venv")
    venv.install("--no-index", "--find-links", our_wheels, "--find-links", wheelhouse_high, "polyvault[vgs]")

    assert _names(venv.distributions()) == _names(VGS_INSTALL)
    report = json.loads(run(venv.python, "-I", "-c", PRODUCTION_PROBE).strip().splitlines()[-1])
    assert report["testing"] == "polyvault.testing"
    assert report["apideck"] == ("polyvault's apideck client needs the polyvault_apideck_client package: pip install 'polyvault[apideck]'")
    assert report["test_only_importable"] == []
    assert report["pytest11"] == []
    assert report["yaml_files"] == ["polyvault_vgs_client/openapi.yaml"]  # the VGS client's own spec, 33 KB
    print(f"polyvault[vgs]: {len(VGS_INSTALL)} distributions {VGS_INSTALL}; our files: {report['bytes']}")


FIXTURE_TESTS = """
def test_fake_vgs_is_there(fake_vgs):
    with fake_vgs.client() as vgs:
        alias = vgs.aliases.tokenize(["4111111111111111"])[0]
    assert fake_vgs.stored_values() == ["4111111111111111"]
    assert alias != "4111111111111111"


def test_fake_apideck_is_not_installed(fake_apideck):
    raise AssertionError("unreachable: the fixture fails first")
"""


def test_vgs_and_testing_give_fake_vgs_and_nothing_of_the_other_vaults(our_wheels: Path, wheelhouse_high: Path, tmp_path: Path) -> None:
    venv = Venv.create(tmp_path / "venv")
    venv.install("--no-index", "--find-links", our_wheels, "--find-links", wheelhouse_high, "polyvault[vgs,testing]", "pytest")
    assert _names(venv.distributions()) == _names(VGS_INSTALL + TESTING_ADDS + PYTEST)

    project = tmp_path / "project"
    project.mkdir()
    (project / "test_with_fakes.py").write_text(FIXTURE_TESTS)
    output = run(venv.python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "test_with_fakes.py", cwd=project, check=False)

    assert output.strip().splitlines()[-1].startswith("1 passed, 1 error in "), output
    errors = output.split(" ERROR at setup of test_fake_apideck_is_not_installed ", 1)[1].split("\n=")[0]
    # One line, naming the install to run; no traceback, no bare ModuleNotFoundError.
    assert errors.strip("_ \n").splitlines() == ["fake_apideck needs the apideck client: pip install 'polyvault[apideck]'"], output
    print(f"polyvault[vgs,testing]: {len(VGS_INSTALL + TESTING_ADDS)} distributions, {len(TESTING_ADDS)} more than polyvault[vgs]")
