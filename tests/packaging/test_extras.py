"""`pip install polyvault[vgs]` installs only the VGS client, and using another vault names its extra."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

CHECK = """
import importlib.metadata as md, json
from polyvault import VGS
VGS("user", "password")
installed = sorted(d.metadata["Name"] for d in md.distributions())
try:
    from polyvault import Apideck
    missing = None
except ModuleNotFoundError as error:
    missing = str(error)
print(json.dumps({"installed": installed, "missing": missing}))
"""


def _run(*command: str | Path, env: dict[str, str]) -> str:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, env=env, check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_one_extra_installs_one_vault_client(tmp_path: Path) -> None:
    import json

    venv_bin = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    wheels = tmp_path / "wheels"
    for project in (ROOT / "facade", *sorted((ROOT / "generated").iterdir())):
        source = tmp_path / "src" / project.name  # build from a copy: the real tree stays untouched
        shutil.copytree(project, source, symlinks=False, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist"))
        _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", wheels, source, env=env)
    target = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", target, env=env)
    python = target / "bin" / "python"
    # By file: another project publishes the name `polyvault` on PyPI, and pip would prefer its newer version.
    facade_wheel = next(wheels.glob("polyvault-*.whl"))
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--find-links", wheels, f"{facade_wheel}[vgs]", env=env)

    report = json.loads(_run(python, "-I", "-c", CHECK, env=env).strip().splitlines()[-1])

    assert "polyvault-vgs-client" in report["installed"]
    assert "polyvault" in report["installed"]
    assert not {"polyvault-apideck-client", "polyvault-vaultpam-client", "polyvault-vaultera-client"} & set(report["installed"])
    assert report["missing"] is not None
    assert "pip install 'polyvault[apideck]'" in report["missing"]
