"""Fixtures for the specs → packages pipeline tests (repo root, manifest, parsed specs, the venv)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from ._support import ROOT, VAULTS, load_spec


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The real repository (never written to by these tests)."""
    return ROOT


@pytest.fixture(scope="session")
def manifest() -> dict[str, Any]:
    """The manifest's vaults, by key."""
    return {vault.key: vault for vault in VAULTS}


@pytest.fixture(scope="session")
def specs() -> dict[str, dict[str, Any]]:
    """Every vault's parsed spec, by key."""
    return {vault.key: load_spec(vault.key) for vault in VAULTS}


@pytest.fixture(scope="session")
def venv_python() -> Path:
    """The development venv's interpreter (the one running the tests)."""
    return Path(sys.executable)


@pytest.fixture(scope="session")
def venv_env(venv_python: Path) -> dict[str, str]:
    """Environment for subprocesses: the venv's bin first on PATH (uv_build, ruff, the generator).

    GIT_* variables are dropped so that git in a subprocess can only act on the directory it runs
    in (a hook or `git rebase --exec` would otherwise point it at the real repository).
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "GIT_")) and key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env["PATH"] = f"{venv_python.parent}{os.pathsep}{env.get('PATH', '')}"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env
