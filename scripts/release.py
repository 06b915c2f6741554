"""Release every distribution that changed since its last release, in one step, from a clean tree.

Usage: python scripts/release.py --index UPLOAD_URL [--simple-url URL] [--dry-run]
       make release INDEX=UPLOAD_URL

1. Refuses a working tree with uncommitted or untracked files.
2. For each release unit (scripts/distributions.py: each client; polyvault with polyvault-testing)
   finds the last release tag; a unit whose shipped files changed since then, or that was never
   released, is released.
3. Its version: a first release ships the version its files declare; after that the API gate's
   verdict (scripts/api_gate.py) bumps the last release (breaking -> major, added -> minor, else
   patch; below 1.0 a breaking change bumps the minor). A version set by hand is kept if it is at
   least that. Refuses: a version below what the verdict needs, a breaking change without
   `### Breaking` notes, a version already tagged or already on the index, and a client version
   that polyvault's extra would not install; and what the specs lint or the API gate refuses.
4. Writes the versions and changelog entries, regenerates the released clients from their specs
   (so what ships is what the specs produce), commits.
5. Builds each distribution from a clean export of that commit (the sdist, then the wheel from the
   sdist) and checks them (scripts/build_dists.py).
6. Uploads with twine (TWINE_USERNAME / TWINE_PASSWORD, or twine's keyring) and tags each
   distribution `<name>/v<version>`. Pushing the commit and tags is left to the caller
   (.github/workflows/release.yml does it).

`--index` is twine's upload URL; `--simple-url` is where pip reads the index (default: the upload
URL + `simple/`, or https://pypi.org/simple/ for PyPI's upload URL).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import changelog
import generate
import spec_lint
from api_gate import Verdict, check_unit, next_version, verdict
from build_dists import BIN, build_checked
from distributions import FACADE, ROOT, Unit, changed_since, current_version, git, last_release, tag, units, write_version
from package_index import simple_url_for, versions_on_index
from packaging.requirements import Requirement
from packaging.utils import parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # twine colours its messages even when told not to


@dataclass(frozen=True)
class Planned:
    """One unit to release and why it gets the version it gets."""

    unit: Unit
    version: Version
    reason: str
    verdict: Verdict | None  # None for a first release


def refuse(message: str) -> SystemExit:
    """The exit to raise when the release cannot go on."""
    return SystemExit(f"release refused: {message}")


def _clean_tree() -> None:
    status = git("status", "--porcelain", "--untracked-files=all")
    if status.strip():
        raise refuse(f"the working tree has uncommitted changes; commit or stash them first:\n{status.rstrip()}")


def _facade_admits(unit: Unit, version: Version) -> None:
    """A client version polyvault's extra would not install breaks `pip install polyvault[<vault>]`."""
    if unit.vault is None:
        return
    extras = tomllib.loads((ROOT / FACADE / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    for requirement in map(Requirement, extras.get(unit.vault.key, [])):
        if requirement.name == unit.name and version not in requirement.specifier:
            raise refuse(
                f"{unit.name} {version} is outside polyvault[{unit.vault.key}] ({requirement}): widen the extra in "
                f"facade/pyproject.toml (and adapt the facade) so polyvault is released with it"
            )


def plan(simple_url: str) -> list[Planned]:
    """Which units to release, at which versions; refuses what must not be released."""
    planned = []
    for unit in units():
        last = last_release(unit)
        current = current_version(unit)
        if last is None:
            planned.append(Planned(unit, current, "first release", None))
            continue
        if not changed_since(unit, last.tag):
            continue
        found = verdict(unit, last.tag)
        required = next_version(last.version, found.level)
        if last.version < current < required:
            raise refuse(f"{unit.name} is set to {current} by hand, but its {found.level} change since {last.version} needs {required}")
        version = current if current > last.version else required  # a version set by hand (and high enough) wins
        notes = changelog.pending((ROOT / unit.changelog).read_text(), str(version)) or ""
        if found.level == "breaking" and changelog.BREAKING not in notes:
            raise refuse(
                f"{unit.name} breaks its API since {last.version} ({'; '.join(found.breaks)}), so its next release is "
                f"{version}, and {unit.changelog} has no '{changelog.BREAKING}' notes under "
                f"'## {changelog.UNRELEASED}' telling users what to change"
            )
        planned.append(Planned(unit, version, f"{last.version} -> {version} ({found.level})", found))
    for item in planned:
        _facade_admits(item.unit, item.version)
        for distribution in item.unit.distributions:
            if git("tag", "--list", tag(distribution, item.version)).strip():
                raise refuse(f"{tag(distribution, item.version)} already exists")
            if item.version in versions_on_index(simple_url, distribution):
                raise refuse(f"{distribution} {item.version} is already on {simple_url}")
    return planned


def checked(selected: list[Unit]) -> list[str]:
    """`make check` for the units about to be released: their specs lint clean and the API gate passes.

    Whether generated/ is what the specs produce needs no check here: `apply` regenerates every
    released client from its spec, so the release commit and the dists hold exactly that.
    """
    keys = [unit.vault.key for unit in selected if unit.vault is not None]
    if keys and spec_lint.main(keys):
        return ["the specs lint fails (see above)"]
    return [problem for unit in selected for problem in check_unit(unit)]


def apply(planned: list[Planned], today: str) -> None:
    """Write versions and changelog entries, regenerate the changed clients, commit."""
    for item in planned:
        write_version(item.unit, item.version)
        notes = ROOT / item.unit.changelog
        lines = item.verdict.changelog_lines() if item.verdict else []
        notes.write_text(changelog.release(notes.read_text(), str(item.version), today, lines))
    vaults = [item.unit.vault.key for item in planned if item.unit.vault is not None]
    if vaults and generate.main(vaults):
        raise refuse("regenerating the released clients failed")
    summary = ", ".join(f"{item.unit.name} {item.version}" for item in planned)
    git("add", "--all", "--", "specs", "generated", "facade")
    git("commit", "--quiet", "-m", f"Release {summary}", "-m", "\n".join(f"- {item.unit.name}: {item.reason}" for item in planned))


def upload(files: list[Path], index: str, simple_url: str) -> None:
    """Upload with twine (non-interactive: credentials come from the environment or keyring).

    Raises:
        SystemExit: the upload failed. If no file reached the index, the release commit is undone
            (run the release again once the cause is fixed); otherwise the files that did are named.
    """
    command = [str(BIN / "twine"), "upload", "--non-interactive", "--disable-progress-bar", "--repository-url", index, *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, check=False)
    if result.returncode == 0:
        return
    arrived = [path.name for path in files if _version_of(path) in versions_on_index(simple_url, _name_of(path))]
    if not arrived:
        git("reset", "--quiet", "--hard", "HEAD~1")
        outcome = "nothing reached the index; the release commit is undone and nothing was tagged"
    else:
        outcome = f"these reached the index: {', '.join(arrived)}; nothing was tagged, the release commit is kept"
    said = ANSI.sub("", result.stdout + result.stderr)
    raise SystemExit(f"release failed: twine upload to {index} failed ({outcome}):\n{said}")


def _name_of(path: Path) -> str:
    return str(parse_wheel_filename(path.name)[0] if path.suffix == ".whl" else parse_sdist_filename(path.name)[0])


def _version_of(path: Path) -> Version:
    return parse_wheel_filename(path.name)[1] if path.suffix == ".whl" else parse_sdist_filename(path.name)[1]


def main(argv: list[str]) -> int:
    """Plan, then (unless --dry-run) write, build, upload and tag."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True, help="upload URL (twine --repository-url)")
    parser.add_argument("--simple-url", help="the index's simple API, to refuse versions already there")
    parser.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")
    args = parser.parse_args(argv)
    simple_url = args.simple_url or simple_url_for(args.index)

    _clean_tree()
    planned = plan(simple_url)
    if not planned:
        print("release: nothing changed since the last releases")
        return 0
    problems = checked([item.unit for item in planned])
    if problems:
        raise refuse("`make check` fails for what would be released:\n" + "\n".join(problems))
    for item in planned:
        print(f"release: {' + '.join(item.unit.distributions)} {item.version} ({item.reason})")
    if args.dry_run:
        return 0

    try:
        apply(planned, dt.datetime.now(dt.UTC).date().isoformat())
    except SystemExit:  # the tree was clean before: put it back as it was
        git("reset", "--quiet", "--hard", "HEAD")
        git("clean", "--quiet", "--force", "-d", "--", "specs", "generated", "facade")
        raise
    commit = git("rev-parse", "--short", "HEAD").strip()
    print(f"release: committed {commit} ({git('log', '-1', '--format=%s').strip()})")
    out = ROOT / "dist" / f"release-{commit}"
    try:
        files = build_checked([item.unit for item in planned], out)
    except SystemExit:
        git("reset", "--quiet", "--hard", "HEAD~1")  # the tree was clean before: undo the release commit
        raise
    print(f"release: built and checked {len(files)} files in {out.relative_to(ROOT)} (wheels built from their sdists)")
    upload(files, args.index, simple_url)
    print(f"release: uploaded {', '.join(path.name for path in files)} to {args.index}")
    for item in planned:
        for distribution in item.unit.distributions:
            name = tag(distribution, item.version)
            git("tag", "--annotate", "--message", f"{distribution} {item.version}", name)
            print(f"release: tagged {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
