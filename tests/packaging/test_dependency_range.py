"""The declared dependency ranges are true: the smoke suite passes at both ends of httpx's range.

`low` installs the lowest version each range of polyvault's and the clients' runtime dependencies
allows (httpx, anyio, sniffio, attrs); `high` the newest each allows. Both venvs get every vault and
the fakes from the built wheels, offline, and run tests/packaging/smoke.py there with pytest.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from _dist_support import Dist, Venv, requirement_lines, run
from packaging.requirements import Requirement
from packaging.utils import parse_wheel_filename
from packaging.version import Version

pytestmark = pytest.mark.slow

SMOKE = Path(__file__).with_name("smoke.py")


def _httpx_range(dists: dict[str, Dist]) -> Requirement:
    return next(Requirement(line) for line in requirement_lines(dists["polyvault"].metadata()) if line.startswith("httpx"))


@pytest.mark.parametrize("end", ["low", "high"])
def test_the_smoke_suite_passes_at_each_end_of_the_httpx_range(
    end: str, dists: dict[str, Dist], our_wheels: Path, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    wheelhouse: Path = request.getfixturevalue(f"wheelhouse_{end}")  # each end's download only where it is needed
    allowed = _httpx_range(dists)
    available = [parse_wheel_filename(path.name)[1] for path in wheelhouse.glob("httpx-*.whl")]
    assert len(available) == 1, available
    expected = available[0]
    if end == "low":
        assert expected == min(Version(spec.version) for spec in allowed.specifier if spec.operator == ">=")
    else:  # the newest allowed is in the range's top minor (0.29 for <0.30), i.e. the cap is not stale
        ceiling = next(Version(spec.version) for spec in allowed.specifier if spec.operator == "<")
        assert expected in allowed.specifier and (expected.major, expected.minor) == (ceiling.major, ceiling.minor - 1), expected

    venv = Venv.create(tmp_path / "venv")
    venv.install("--no-index", "--find-links", our_wheels, "--find-links", wheelhouse, "polyvault[all,testing]", "pytest")
    run(sys.executable, "-m", "pip", "--python", venv.python, "check")  # every installed requirement is satisfied
    suite = tmp_path / "suite"
    suite.mkdir()
    shutil.copy2(SMOKE, suite / "test_smoke.py")
    output = run(venv.python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-s", "test_smoke.py", cwd=suite)

    assert re.search(r"^7 passed in ", output, re.M), output
    assert f"httpx {expected}\n" in output, output  # printed by the suite from inside the venv
    print(f"{end} end: httpx {expected}, smoke suite: 7 passed")
