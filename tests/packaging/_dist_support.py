"""Helpers for the packaging tests: subprocesses, clean venvs, wheel metadata.

A clean venv is made without pip and filled by the development venv's pip (`pip --python`), with
pip's configuration files and PIP_* variables removed, so nothing but the wheels or the index a
test names can be installed.
"""

from __future__ import annotations

import email.parser
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300
DEV_BIN = Path(sys.executable).parent
OURS = (
    "polyvault",
    "polyvault-testing",
    "polyvault-vgs-client",
    "polyvault-apideck-client",
    "polyvault-vaultpam-client",
    "polyvault-vaultera-client",
)
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "polyvault tests",
    "GIT_AUTHOR_EMAIL": "tests@polyvault.invalid",
    "GIT_COMMITTER_NAME": "polyvault tests",
    "GIT_COMMITTER_EMAIL": "tests@polyvault.invalid",
}


def base_env() -> dict[str, str]:
    """The environment without pip configuration, git redirections or pytest/venv leftovers."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "PYTEST_", "GIT_")) and key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", NO_COLOR="1")
    env["PATH"] = f"{DEV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None, check: bool = True) -> str:
    """Run a command; return stdout+stderr, failing the test (with the output) if it fails and `check` is set."""
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env or base_env(), capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    output = result.stdout + result.stderr
    if check:
        assert result.returncode == 0, f"{' '.join(map(str, command))} exited {result.returncode}:\n{output}"
    return output


@dataclass(frozen=True)
class Venv:
    """A clean virtual environment (no pip inside; the development venv's pip installs into it)."""

    path: Path

    @classmethod
    def create(cls, path: Path) -> Venv:
        """Make an empty venv at `path`."""
        run(sys.executable, "-m", "venv", "--without-pip", path)
        return cls(path)

    @property
    def python(self) -> Path:
        """Its interpreter."""
        return self.path / "bin" / "python"

    def install(self, *arguments: str | Path) -> str:
        """`pip install` into the venv with exactly `arguments` (they must name where packages come from)."""
        return run(sys.executable, "-m", "pip", "--python", self.python, "install", "--quiet", *arguments)

    def distributions(self) -> list[str]:
        """The names of the installed distributions, sorted."""
        code = "import importlib.metadata as m, json; print(json.dumps(sorted(d.metadata['Name'] for d in m.distributions())))"
        names: list[str] = json.loads(run(self.python, "-I", "-c", code).strip().splitlines()[-1])
        return names


@dataclass(frozen=True)
class Dist:
    """One distribution's built files."""

    name: str
    sdist: Path
    wheel: Path

    def metadata(self) -> Message:
        """The wheel's METADATA, parsed."""
        with zipfile.ZipFile(self.wheel) as archive:
            name = next(entry for entry in archive.namelist() if entry.endswith(".dist-info/METADATA"))
            return email.parser.Parser().parsestr(archive.read(name).decode())

    def wheel_files(self) -> dict[str, bytes]:
        """Every file in the wheel, by its path."""
        with zipfile.ZipFile(self.wheel) as archive:
            return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}

    def sdist_files(self) -> dict[str, bytes]:
        """Every regular file in the sdist, by its path below the sdist's top folder."""
        found = {}
        with tarfile.open(self.sdist) as archive:
            for member in archive.getmembers():
                if member.isfile():
                    handle = archive.extractfile(member)
                    assert handle is not None
                    found[member.name.split("/", 1)[1]] = handle.read()
        return found


def requirement_lines(metadata: Message) -> list[str]:
    """The Requires-Dist lines of a METADATA."""
    return metadata.get_all("Requires-Dist") or []
