"""The benchmark venv: a clean interpreter with only polyvault[all] and the two vendor SDKs.

The development venv is not representative: it has click and rich, so `import httpx` also loads
httpx's command line (~100 ms more), and polyvault is an editable install there. The benchmark venv
(bench-results/venv, git-ignored) gets:

- `vgs-api-client==0.0.51` and `apideck-unify==0.52.0`, the vendors' SDKs we compare against;
- polyvault and the four generated packages built as wheels from this tree (non-editable), rebuilt
  whenever their sources change, so every run measures the code as it is now;
- their runtime dependencies as the wheels declare them (so a dependency added to
  facade/pyproject.toml is picked up), at the versions requirements/dev.txt pins where it pins them.

Bytecode is compiled at install time, as pip does for any user.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from common import DEV_PYTHON, RESULTS, ROOT, BenchError, dev_tools_env, log, run_command

VENDOR_SDKS = ("vgs-api-client==0.0.51", "apideck-unify==0.52.0")
LOCAL_PACKAGES = ("facade", "generated/vgs", "generated/apideck", "generated/vaultpam", "generated/vaultera")
DEFAULT_VENV = RESULTS / "venv"


CONSTRAINTS = ROOT / "requirements" / "dev.txt"
DEV_TOOL_PINS = frozenset({"python-dateutil"})
"""dev.txt pins that only development tools need and a vendor SDK cannot take: python-dateutil 4 comes with mkdocs'
ghp-import, vgs-api-client 0.0.51 needs <3, and no runtime package of ours uses it."""


def _constraints(venv: Path) -> Path:
    """dev.txt without `DEV_TOOL_PINS`, written into the venv: the versions the bench venv shares with the dev venv."""
    path = venv / "constraints.txt"
    kept = [line for line in CONSTRAINTS.read_text().splitlines() if _project(line.split("==")[0]) not in DEV_TOOL_PINS]
    path.write_text("\n".join(kept) + "\n")
    return path


def _requirements(wheel: Path) -> list[str]:
    """The wheel's unconditional Requires-Dist entries (extras of polyvault name our own packages: built here)."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(item for item in archive.namelist() if item.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode()
    found = []
    for line in metadata.splitlines():
        if line.startswith("Requires-Dist:"):
            requirement = line.split(":", 1)[1].strip()
            if ";" not in requirement:
                found.append(requirement)
    return found


def _pip(python: Path) -> list[str]:
    return [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet"]


def _project(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _local_sources() -> list[Path]:
    files: list[Path] = []
    for package in LOCAL_PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".toml", ".typed", ".md", ".yaml"):
                files.append(path)
    return files


def ensure(venv: Path = DEFAULT_VENV) -> Path:
    """Create or refresh the benchmark venv; return its python."""
    python = venv / "bin" / "python"
    deps_wanted = "\n".join([*VENDOR_SDKS, CONSTRAINTS.read_text(), sys.version])
    deps_stamp = venv / ".deps"
    local_stamp = venv / ".local"
    pip = _pip(python)
    env = dev_tools_env()

    if not python.exists() or not deps_stamp.exists() or deps_stamp.read_text() != deps_wanted:
        log(f"bench venv: creating {venv.relative_to(ROOT) if venv.is_relative_to(ROOT) else venv} with {', '.join(VENDOR_SDKS)}")
        shutil.rmtree(venv, ignore_errors=True)
        run_command([sys.executable, "-m", "venv", str(venv)], timeout=120)
        run_command([*pip, "install", "-c", str(_constraints(venv)), *VENDOR_SDKS], timeout=900, env=env)
        deps_stamp.write_text(deps_wanted)
        local_stamp.unlink(missing_ok=True)

    wanted = _digest(_local_sources())
    if not local_stamp.exists() or local_stamp.read_text() != wanted:
        log("bench venv: building polyvault and the generated packages from source (non-editable)")
        with tempfile.TemporaryDirectory(prefix="polyvault-wheels-") as wheels:
            run_command(
                [*_pip(DEV_PYTHON), "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", wheels,
                 *(str(ROOT / package) for package in LOCAL_PACKAGES)],
                timeout=600, env=env,
            )  # fmt: skip
            built = sorted(Path(wheels).glob("*.whl"))
            if len(built) != len(LOCAL_PACKAGES):
                raise BenchError(f"expected {len(LOCAL_PACKAGES)} wheels, got {[path.name for path in built]}")
            ours = {path.name.split("-")[0].lower().replace("_", "-") for path in built}
            needed = sorted({req for wheel in built for req in _requirements(wheel) if _project(req) not in ours})
            if needed:
                run_command([*pip, "install", "-c", str(_constraints(venv)), *needed], timeout=900, env=env)
            run_command([*pip, "install", "--no-deps", "--no-index", "--force-reinstall", *map(str, built)], timeout=600, env=env)
        run_command([*pip, "check"], timeout=120, env=env)
        local_stamp.write_text(wanted)
    return python


def clean_of_cli_extras(python: Path) -> bool:
    """True when click and rich are absent (so `import httpx` does not load its command line)."""
    done = run_command(
        [str(python), "-c", "import importlib.util as u; print(int(u.find_spec('click') is None and u.find_spec('rich') is None))"],
        timeout=60,
    )
    return done.stdout.strip() == "1"
