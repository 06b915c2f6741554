"""Breaking-change gate for the generated packages.

Usage: python scripts/api_gate.py [VAULT ...]

Rule: within one major version a generated package's Python API may only grow. For each vault we
find the first commit of its current major version (walking back through the commits that
changed generated/<vault>/pyproject.toml while the major stayed the same) and compare that
commit's package with the working tree using griffe. Any breakage fails the gate and names the
fix: bump the major version in specs/vaults.toml and add a `## <version>` entry to
specs/changelogs/<vault>.md. A major bump in progress (the working tree's major differs from the
last commit's) has no baseline, so the break is allowed, but the changelog entry is still required.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import griffe
from manifest import ROOT, Vault, load_manifest, select


def _git(*args: str) -> str | None:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else None


def _pyproject_path(vault: Vault) -> str:
    return f"generated/{vault.key}/pyproject.toml"


def _project_at(commit: str, vault: Vault) -> dict[str, str] | None:
    text = _git("show", f"{commit}:{_pyproject_path(vault)}")
    return tomllib.loads(text)["project"] if text else None


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def baseline(vault: Vault, current: str) -> str | None:
    """The first commit of `current`'s major version line, or None if there is none yet.

    A line belongs to one distribution: a commit where the package had another name (before the
    rename to `polyvault-*`) starts no baseline, since the renamed package is a new distribution.
    """
    log = _git("log", "--format=%H", "--", _pyproject_path(vault)) or ""
    found = None
    for commit in log.split():
        project = _project_at(commit, vault)
        if project is None or project["name"] != vault.distribution or _major(project["version"]) != _major(current):
            break
        found = commit
    return found


def check_vault(vault: Vault) -> list[str]:
    """Problems that block this vault: API breaks without a major bump, a missing changelog entry."""
    problems = []
    current = tomllib.loads((ROOT / _pyproject_path(vault)).read_text())["project"]["version"]
    if not re.search(rf"^## {re.escape(current)}(?:\s|$)", vault.changelog.read_text(), re.MULTILINE):
        problems.append(f"{vault.changelog.relative_to(ROOT)} has no '## {current}' entry for {vault.distribution} {current}")
    base = baseline(vault, current)
    if base is None:
        return problems
    search = [f"generated/{vault.key}"]
    old = griffe.load_git(vault.package, ref=base, repo=ROOT, search_paths=search)
    new = griffe.load(vault.package, search_paths=[ROOT / search[0]], try_relative_path=False)
    breaks = [f"{breakage.obj.path}: {breakage.kind.value}" for breakage in griffe.find_breaking_changes(old, new)]
    if breaks:
        next_major = f"{int(_major(current)) + 1}.0.0"
        problems += [f"{vault.distribution} {current} breaks its API since {base[:10]}: {text}" for text in breaks]
        problems.append(
            f"-> a breaking change needs a new major version: set version = {next_major!r} for [vaults.{vault.key}] "
            f"in specs/vaults.toml, add a '## {next_major}' entry to {vault.changelog.relative_to(ROOT)}, run `make generate`"
        )
    return problems


def main(argv: list[str]) -> int:
    """Gate the named vaults (all by default); exit 1 on any problem."""
    vaults, _ = load_manifest()
    problems = [problem for vault in select(vaults, argv) for problem in check_vault(vault)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
