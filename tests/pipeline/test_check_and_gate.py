"""`make check` and the breaking-change gate, exercised on a throwaway clone of the repository.

Each test clones the repository (`git clone`, so the gate sees the history) into a temporary
directory and runs the clone's own scripts with the development venv's Python. The real working
tree is never written to.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TIMEOUT = 240


def _run(clone: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    """Run `python <args>` in the clone; return the exit status and stdout+stderr (colours stripped)."""
    result = subprocess.run([sys.executable, *args], cwd=clone, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    return result.returncode, ANSI.sub("", result.stdout + result.stderr)


@pytest.fixture
def clone(repo_root: Path, tmp_path: Path, venv_env: dict[str, str]) -> Path:
    """A fresh clone of the repository's committed state, with history."""
    target = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(repo_root), str(target)], env=venv_env, check=True, timeout=TIMEOUT)
    return target


def _edit_spec(clone: Path, vault: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = clone / "specs" / f"{vault}.yaml"
    spec = yaml.safe_load(path.read_text())
    change(spec)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120))


def _find_operation(spec: dict[str, Any], operation_id: str) -> tuple[str, str]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return path, method
    raise AssertionError(f"no operation {operation_id}")


def _remove_operation(spec: dict[str, Any], operation_id: str) -> None:
    """Delete the operation, its path item if it empties, and every link that targets it."""
    path, method = _find_operation(spec, operation_id)
    del spec["paths"][path][method]
    if not {key for key in spec["paths"][path] if key != "parameters"}:
        del spec["paths"][path]

    def strip_links(node: Any) -> None:
        if isinstance(node, dict):
            links = node.get("links")
            if isinstance(links, dict):
                for name in [name for name, link in links.items() if isinstance(link, dict) and link.get("operationId") == operation_id]:
                    del links[name]
            for value in node.values():
                strip_links(value)
        elif isinstance(node, list):
            for value in node:
                strip_links(value)

    strip_links(spec)


def _set_version(clone: Path, vault: str, version: str) -> None:
    manifest = clone / "specs" / "vaults.toml"
    text, count = re.subn(
        rf'(\[vaults\.{re.escape(vault)}\][^\[]*?^version = )"[^"]*"', rf'\g<1>"{version}"', manifest.read_text(), flags=re.M | re.S
    )
    assert count == 1, f"no version line for [vaults.{vault}] in specs/vaults.toml"
    manifest.write_text(text)


def _add_changelog_entry(clone: Path, vault: str, version: str, line: str) -> None:
    changelog = clone / "specs" / "changelogs" / f"{vault}.md"
    changelog.write_text(changelog.read_text().rstrip("\n") + f"\n\n## {version}\n- {line}\n")


def test_check_fails_on_a_spec_edit_without_regenerating(clone: Path, venv_env: dict[str, str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        path, method = _find_operation(spec, "deleteAlias")
        spec["paths"][path][method]["description"] += "\nEdited without running make generate.\n"

    _edit_spec(clone, "vgs", edit)
    status, output = _run(clone, venv_env, "scripts/check.py")
    assert status == 1, output
    assert "make generate" in output, output
    # Exactly the edited operation's module is reported: everything else regenerates identically,
    # so the failure is the edit's and not a broken comparison.
    reported = re.findall(r"^(?:differs|missing|not produced by the specs \(delete it\)): (\S+)", output, flags=re.M)
    assert reported == ["generated/vgs/polyvault_vgs_client/api/aliases/delete_alias.py"], output


def test_gate_refuses_a_removed_operation_until_major_bump_and_changelog(clone: Path, venv_env: dict[str, str]) -> None:
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 0, f"the gate fails on the unmodified clone:\n{output}"

    _edit_spec(clone, "vgs", lambda spec: _remove_operation(spec, "deleteAlias"))
    status, output = _run(clone, venv_env, "scripts/generate.py", "vgs")
    assert status == 0, output
    assert not (clone / "generated/vgs/polyvault_vgs_client/api/aliases/delete_alias.py").exists()

    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 1, f"removing deleteAlias without a major bump passed the gate:\n{output}"
    assert "delete_alias" in output, output
    assert "major version" in output, output
    assert "2.0.0" in output, output

    # A major bump without a changelog entry is still refused.
    _set_version(clone, "vgs", "2.0.0")
    status, output = _run(clone, venv_env, "scripts/generate.py", "vgs")
    assert status == 0, output
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 1, f"a major bump without a changelog entry passed the gate:\n{output}"
    assert "## 2.0.0" in output, output
    assert "specs/changelogs/vgs.md" in output, output

    # With the entry the gate passes (it reads specs/changelogs/; make generate would copy it into the package).
    _add_changelog_entry(clone, "vgs", "2.0.0", "Removed deleteAlias (`api.aliases.delete_alias`).")
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 0, f"the gate refuses a removal with a major bump and changelog entry:\n{output}"


def test_gate_refuses_a_version_bump_without_changelog_entry(clone: Path, venv_env: dict[str, str]) -> None:
    _set_version(clone, "vaultpam", "1.1.0")
    status, output = _run(clone, venv_env, "scripts/generate.py", "vaultpam")
    assert status == 0, output
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vaultpam")
    assert status == 1, f"a version without a changelog entry passed the gate:\n{output}"
    assert "specs/changelogs/vaultpam.md has no '## 1.1.0' entry" in output, output
