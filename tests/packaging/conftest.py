"""Session fixtures for the packaging tests, built once per run and shared by the xdist workers.

- `workspace`: the files under test (tracked, plus untracked ones git does not ignore) copied into
  a fresh git repository: what a clean clone of the work would hold, and nothing of .venv, caches
  or build output.
- `dists`: all six distributions built there by scripts/build_dists.py (sdist, then the wheel
  from the sdist, then twine check and check-wheel-contents), exactly as `make release` builds.
- `wheelhouse_high` / `wheelhouse_low`: the third-party wheels our dists require (from their Requires-Dist) plus pytest,
  downloaded once with pip's usual configuration: `high` holds the newest versions each range
  allows, `low` the lowest version of each range of polyvault's and the clients' runtime
  dependencies (httpx, anyio, sniffio, attrs). Clean venvs then install with `--no-index`.

The first worker to need a fixture builds it under a file lock; the other waits and reuses it.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from _dist_support import GIT_IDENTITY, OURS, ROOT, Dist, base_env, requirement_lines, run
from filelock import FileLock
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

# The runtime dependencies whose lowest allowed version the `low` wheelhouse pins.
PINNED_LOW = ("httpx", "anyio", "sniffio", "attrs")


@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A folder every xdist worker of this run sees (the run's own temp folder without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def once(shared: Path, name: str, produce: Callable[[Path], None]) -> Path:
    """`shared/name`, made by `produce` the first time any worker asks for it."""
    target = shared / name
    with FileLock(str(shared / f"{name}.lock")):
        if not (target / ".done").exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            produce(target)
            (target / ".done").touch()
    return target


def _export_working_tree(target: Path) -> None:
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        source, destination = ROOT / name, target / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), destination)  # kept as a link: the builds must cope (or fail) as in a clone
        else:
            shutil.copy2(source, destination)
    env = {**base_env(), **GIT_IDENTITY}
    run("git", "init", "--quiet", "--initial-branch=main", cwd=target, env=env)
    run("git", "add", "--all", cwd=target, env=env)
    run("git", "commit", "--quiet", "-m", "The working tree under test", cwd=target, env=env)


@pytest.fixture(scope="session")
def workspace(shared_dir: Path) -> Path:
    """A one-commit git repository holding the working tree's files (never the real repository)."""
    return once(shared_dir, "workspace", _export_working_tree)


@pytest.fixture(scope="session")
def dists(shared_dir: Path, workspace: Path) -> dict[str, Dist]:
    """The six distributions, by name, built and checked as `make release` builds them."""
    out = once(shared_dir, "dists", lambda target: run(sys.executable, "scripts/build_dists.py", "--out", target, cwd=workspace))
    files: dict[str, dict[str, Path]] = {}
    for path in out.iterdir():
        if path.suffix == ".whl":
            files.setdefault(str(parse_wheel_filename(path.name)[0]), {})["wheel"] = path
        elif path.name.endswith(".tar.gz"):
            files.setdefault(str(parse_sdist_filename(path.name)[0]), {})["sdist"] = path
    built = {name: Dist(name, found["sdist"], found["wheel"]) for name, found in files.items()}
    assert sorted(built) == sorted(OURS), f"built {sorted(built)}"
    return built


def third_party(dists: dict[str, Dist]) -> list[Requirement]:
    """Every requirement of our dists on someone else's distribution, once each."""
    found: dict[str, Requirement] = {}
    for dist in dists.values():
        for line in requirement_lines(dist.metadata()):
            requirement = Requirement(line)
            if canonicalize_name(requirement.name) not in OURS:
                requirement.marker = None
                found.setdefault(str(requirement), requirement)
    return list(found.values())


def lowest(requirement: Requirement) -> str:
    """`name==X` for the `>=X` bound of `requirement`."""
    bounds = [spec.version for spec in requirement.specifier if spec.operator == ">="]
    assert len(bounds) == 1, f"{requirement} has no single lower bound to test"
    return f"{requirement.name}=={bounds[0]}"


def _download(target: Path, requirements: list[str]) -> None:
    # pip's own configuration is kept here (it is how this machine reaches the index); installs are offline.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", str(target)]
    run(*command, *requirements, "pytest", env=env)


@pytest.fixture(scope="session")
def wheelhouse_high(shared_dir: Path, dists: dict[str, Dist]) -> Path:
    """Third-party wheels for offline installs: the newest version each of our ranges allows."""
    requirements = [str(requirement) for requirement in third_party(dists)]
    return once(shared_dir, "wheelhouse-high", lambda target: _download(target, requirements))


@pytest.fixture(scope="session")
def wheelhouse_low(shared_dir: Path, dists: dict[str, Dist]) -> Path:
    """Third-party wheels for offline installs: the lowest version of PINNED_LOW's ranges, the rest newest."""
    requirements = [lowest(req) if req.name in PINNED_LOW else str(req) for req in third_party(dists)]
    return once(shared_dir, "wheelhouse-low", lambda target: _download(target, requirements))


@pytest.fixture(scope="session")
def our_wheels(shared_dir: Path, dists: dict[str, Dist]) -> Path:
    """A folder holding only our six wheels (a --find-links source)."""

    def copy(target: Path) -> None:
        for dist in dists.values():
            shutil.copy2(dist.wheel, target / dist.wheel.name)

    return once(shared_dir, "our-wheels", copy)
