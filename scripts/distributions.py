"""What we release: six distributions in five release units, their versions, tags and changelogs.

A release unit is the set of distributions released together at one version, with one changelog
and one API verdict: each generated client alone (`polyvault-vgs-client`, ...), and `polyvault`
with `polyvault-testing` (the fakes use the facade's internals, so they ship at the same version).

Release tags are `<distribution>/v<version>` (`polyvault-vgs-client/v1.1.0`), one per distribution.
A unit's last release is the highest version tagged on its first distribution and reachable from
HEAD; that tag is also the API gate's baseline (scripts/api_gate.py).
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

from manifest import ROOT, Vault, load_manifest
from packaging.version import InvalidVersion, Version

FACADE = Path("facade")
TESTING = FACADE / "polyvault-testing"


@dataclass(frozen=True)
class ApiPackage:
    """An importable package whose public API the gate compares, and the folder it is found in."""

    name: str
    search_path: Path  # relative to the repository root


@dataclass(frozen=True)
class Unit:
    """Distributions released together at one version."""

    name: str  # the first distribution's name; tags and messages use it
    projects: tuple[Path, ...]  # each distribution's project folder (holds its pyproject.toml)
    changelog: Path  # relative to the repository root
    api: ApiPackage
    vault: Vault | None = None  # the manifest entry of a generated client

    @property
    def distributions(self) -> tuple[str, ...]:
        """The distribution names, read from each project's pyproject.toml."""
        return tuple(_pyproject(ROOT / project)["project"]["name"] for project in self.projects)

    @property
    def sources(self) -> tuple[str, ...]:
        """Git pathspecs whose change since the last release means a new release (changelog edits alone do not)."""
        folder = self.projects[0].as_posix()
        return (folder, f":(exclude){self.changelog.as_posix()}", f":(exclude){folder}/CHANGELOG.md")


def units(root: Path = ROOT) -> list[Unit]:
    """Every release unit: the four generated clients (manifest order), then the facade with its fakes."""
    vaults, _ = load_manifest(root)
    found = [
        Unit(
            name=vault.distribution,
            projects=(Path("generated", vault.key),),
            changelog=vault.changelog.relative_to(root),
            api=ApiPackage(vault.package, Path("generated", vault.key)),
            vault=vault,
        )
        for vault in vaults
    ]
    found.append(Unit("polyvault", (FACADE, TESTING), FACADE / "CHANGELOG.md", ApiPackage("polyvault", FACADE / "src")))
    return found


def select(keys: list[str]) -> list[Unit]:
    """The units named by vault key or distribution name (all of them when `keys` is empty).

    Raises:
        SystemExit: a name is not a unit.
    """
    every = units()
    if not keys:
        return every
    by_key = {unit.vault.key: unit for unit in every if unit.vault} | {unit.name: unit for unit in every}
    unknown = sorted(set(keys) - by_key.keys())
    if unknown:
        raise SystemExit(f"unknown unit(s) {', '.join(unknown)}; known: {', '.join(sorted(by_key))}")
    return [by_key[key] for key in keys]


def git(*args: str, root: Path = ROOT, check: bool = True) -> str:
    """Run git in `root` and return its stdout.

    Raises:
        SystemExit: git failed and `check` is set (git's message is included).
    """
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed:\n{result.stderr.strip()}")
    return result.stdout


def tag(distribution: str, version: Version | str) -> str:
    """The release tag of one distribution's version."""
    return f"{distribution}/v{version}"


@dataclass(frozen=True)
class Release:
    """A unit's last release: its version and the tag (on the unit's first distribution) marking it."""

    version: Version
    tag: str


def last_release(unit: Unit, root: Path = ROOT) -> Release | None:
    """The highest released version of `unit` reachable from HEAD, or None if it was never released."""
    prefix = tag(unit.name, "")
    versions = []
    for name in git("tag", "--list", f"{prefix}*", "--merged", "HEAD", root=root).split():
        try:
            versions.append(Version(name.removeprefix(prefix)))
        except InvalidVersion:
            continue
    if not versions:
        return None
    newest = max(versions)
    return Release(newest, tag(unit.name, newest))


def changed_since(unit: Unit, ref: str, root: Path = ROOT) -> bool:
    """Whether the unit's shipped files differ between `ref` and the working tree."""
    result = subprocess.run(["git", "diff", "--quiet", ref, "--", *unit.sources], cwd=root, capture_output=True, check=False)
    if result.returncode > 1:
        raise SystemExit(f"git diff {ref} failed:\n{result.stderr.decode().strip()}")
    return result.returncode == 1


# --- versions -------------------------------------------------------------------------------------

_VERSION_LINE = r'^version = "([^"]+)"'


def _pyproject(project: Path) -> dict[str, object]:
    data: dict[str, object] = tomllib.loads((project / "pyproject.toml").read_text())
    return data


def current_version(unit: Unit, root: Path = ROOT) -> Version:
    """The version the unit's files declare now (the manifest for a client, facade/pyproject.toml for the facade)."""
    if unit.vault is not None:
        return Version(tomllib.loads((root / "specs" / "vaults.toml").read_text())["vaults"][unit.vault.key]["version"])
    project = _pyproject(root / FACADE)["project"]
    assert isinstance(project, dict)
    return Version(project["version"])


def _replace(path: Path, pattern: str, replacement: str, flags: int = re.MULTILINE) -> None:
    text, count = re.subn(pattern, replacement, path.read_text(), count=1, flags=flags)
    if count != 1:
        raise SystemExit(f"{path}: no match for {pattern!r}, cannot write the new version")
    path.write_text(text)


def write_version(unit: Unit, version: Version, root: Path = ROOT) -> list[Path]:
    """Write `version` everywhere the unit declares it; return the files changed.

    A client's version lives in specs/vaults.toml (regenerating writes it into generated/). The
    facade's lives in its pyproject.toml, polyvault-testing's pyproject.toml, the exact pins
    between the two, and `polyvault.__version__`.
    """
    if unit.vault is not None:
        manifest = root / "specs" / "vaults.toml"
        section = re.escape(f"[vaults.{unit.vault.key}]")
        _replace(manifest, rf'({section}[^\[]*?^version = )"[^"]*"', rf'\g<1>"{version}"', re.MULTILINE | re.DOTALL)
        return [manifest]
    facade, testing = root / FACADE / "pyproject.toml", root / TESTING / "pyproject.toml"
    init = root / FACADE / "src" / "polyvault" / "__init__.py"
    _replace(facade, _VERSION_LINE, f'version = "{version}"')
    _replace(facade, r'"polyvault-testing==[^"]*"', f'"polyvault-testing=={version}"')
    _replace(testing, _VERSION_LINE, f'version = "{version}"')
    _replace(testing, r'"polyvault==[^"]*"', f'"polyvault=={version}"')
    _replace(init, r'^__version__ = "[^"]*"', f'__version__ = "{version}"')
    return [facade, testing, init]
