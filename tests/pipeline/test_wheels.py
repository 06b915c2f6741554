"""Each generated package builds a wheel, installs alone into a fresh venv, and imports there.

The package is copied out of generated/ first, so building leaves nothing in the working tree. The
wheel is built with the development venv's `build` and `uv_build` (no isolation, no network); its
runtime dependencies (httpx, attrs) come from the package index or pip's cache.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ._support import VAULT_KEYS, operations

pytestmark = pytest.mark.slow

TIMEOUT = 300

PROBE = """
import importlib, importlib.metadata, importlib.util, json, sys
package = importlib.import_module(sys.argv[1])
endpoint = importlib.import_module(sys.argv[2])
print(json.dumps({
    "version": importlib.metadata.version(sys.argv[3]),
    "package_file": package.__file__,
    "endpoint_has_sync_detailed": hasattr(endpoint, "sync_detailed"),
    "client": hasattr(importlib.import_module(sys.argv[1] + ".client"), "AuthenticatedClient"),
    "polyvault_visible": importlib.util.find_spec("polyvault") is not None,
}))
"""


def _run(*command: str | Path, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}"
    return result.stdout


@pytest.mark.parametrize("key", VAULT_KEYS)
def test_wheel_builds_installs_alone_and_imports(
    key: str, repo_root: Path, manifest: dict[str, Any], venv_python: Path, venv_env: dict[str, str], tmp_path: Path
) -> None:
    vault = manifest[key]
    source = tmp_path / "src"
    shutil.copytree(
        repo_root / "generated" / vault.key, source, ignore=shutil.ignore_patterns("__pycache__", "build", "dist", "*.egg-info")
    )

    _run(venv_python, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp_path / "dist", source, cwd=tmp_path, env=venv_env)
    wheels = list((tmp_path / "dist").glob("*.whl"))
    assert len(wheels) == 1, wheels
    wheel = wheels[0]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata_name = next(name for name in names if name.endswith(".dist-info/METADATA"))
        metadata = archive.read(metadata_name).decode()
    assert f"{vault.package}/py.typed" in names, f"{wheel.name} has no py.typed"
    assert f"Name: {vault.distribution}\n" in metadata, metadata
    assert f"Version: {vault.version}\n" in metadata, metadata

    venv = tmp_path / "venv"
    _run(venv_python, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=venv_env)
    python = venv / "bin" / "python"
    _run(venv_python, "-m", "pip", "--python", python, "install", "--quiet", wheel, cwd=tmp_path, env=venv_env)

    endpoint = operations(vault.key)[0].module_name
    probe = json.loads(_run(python, "-I", "-c", PROBE, vault.package, endpoint, vault.distribution, cwd=tmp_path, env=venv_env))
    assert probe["version"] == vault.version
    assert Path(probe["package_file"]).is_relative_to(venv), f"imported from {probe['package_file']}, not the fresh venv"
    assert probe["endpoint_has_sync_detailed"], endpoint
    assert probe["client"]
    assert not probe["polyvault_visible"], "the fresh venv sees polyvault: it is not isolated from the development venv"
