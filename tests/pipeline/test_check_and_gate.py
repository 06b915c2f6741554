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


def _add_unreleased_notes(clone: Path, vault: str, notes: str) -> None:
    """Put an `## Unreleased` section with `notes` above the newest release in the vault's changelog."""
    changelog = clone / "specs" / "changelogs" / f"{vault}.md"
    text = changelog.read_text()
    at = text.index("\n## ") + 1
    changelog.write_text(text[:at] + f"## Unreleased\n{notes}\n" + text[at:])


def _git(clone: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=clone, env=env, check=True, capture_output=True, timeout=TIMEOUT)


def test_check_fails_on_a_spec_edit_without_regenerating(clone: Path, venv_env: dict[str, str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        path, method = _find_operation(spec, "deleteAlias")
        spec["paths"][path][method]["description"] += "\nEdited without running make generate.\n"

    _edit_spec(clone, "vgs", edit)
    status, output = _run(clone, venv_env, "scripts/check.py")
    assert status == 1, output
    assert "make generate" in output, output
    # Exactly the edited operation's module and the spec the package ships are reported: everything
    # else regenerates identically, so the failure is the edit's and not a broken comparison.
    reported = re.findall(r"^(?:differs|missing|not produced by the specs \(delete it\)): (\S+)", output, flags=re.M)
    assert reported == [
        "generated/vgs/polyvault_vgs_client/api/aliases/delete_alias.py",
        "generated/vgs/polyvault_vgs_client/openapi.yaml",
    ], output


def test_gate_lets_a_package_change_freely_until_its_first_release(clone: Path, venv_env: dict[str, str]) -> None:
    # No release tag: users have nothing to break, so no baseline and no verdict (scripts/api_gate.py).
    _edit_spec(clone, "vgs", lambda spec: _remove_operation(spec, "deleteAlias"))
    status, output = _run(clone, venv_env, "scripts/generate.py", "vgs")
    assert status == 0, output
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 0, f"the gate refuses a change to a never-released package:\n{output}"


def test_gate_after_a_release_refuses_a_removed_operation_until_users_are_told(clone: Path, venv_env: dict[str, str]) -> None:
    _git(clone, venv_env, "tag", "polyvault-vgs-client/v1.0.0")  # what `make release` leaves behind
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 0, f"the gate fails on the unmodified clone:\n{output}"

    _edit_spec(clone, "vgs", lambda spec: _remove_operation(spec, "deleteAlias"))
    status, output = _run(clone, venv_env, "scripts/generate.py", "vgs")
    assert status == 0, output
    assert not (clone / "generated/vgs/polyvault_vgs_client/api/aliases/delete_alias.py").exists()

    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 1, f"removing deleteAlias after a release passed the gate without notes:\n{output}"
    assert "polyvault-vgs-client breaks its API since polyvault-vgs-client/v1.0.0: polyvault_vgs_client.api.aliases.delete_alias" in output
    assert "its next release will be 2.0.0" in output, output
    assert "add a '### Breaking' list under '## Unreleased' in specs/changelogs/vgs.md" in output, output

    # A version set by hand below what the break needs is refused too.
    _set_version(clone, "vgs", "1.1.0")
    _add_unreleased_notes(clone, "vgs", "### Breaking\n- `api.aliases.delete_alias` is gone: delete aliases with `delete_aliases`.")
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 1, f"a minor version for a breaking change passed the gate:\n{output}"
    assert "set to 1.1.0 by hand, but its API change since polyvault-vgs-client/v1.0.0 (breaking) needs at least 2.0.0" in output

    # Notes and the release's own version (make release writes it): the gate passes.
    _set_version(clone, "vgs", "1.0.0")
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vgs")
    assert status == 0, f"the gate refuses a removal announced under ### Breaking:\n{output}"


def test_gate_refuses_a_version_bump_without_changelog_entry(clone: Path, venv_env: dict[str, str]) -> None:
    _set_version(clone, "vaultpam", "1.1.0")
    status, output = _run(clone, venv_env, "scripts/generate.py", "vaultpam")
    assert status == 0, output
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vaultpam")
    assert status == 1, f"a version without a changelog entry passed the gate:\n{output}"
    assert "specs/changelogs/vaultpam.md has no '## 1.1.0' entry for polyvault-vaultpam-client 1.1.0" in output, output

    _add_unreleased_notes(clone, "vaultpam", "- Documented more error codes.")
    status, output = _run(clone, venv_env, "scripts/api_gate.py", "vaultpam")
    assert status == 0, f"a version with '## Unreleased' notes (which the release turns into its heading) failed the gate:\n{output}"
