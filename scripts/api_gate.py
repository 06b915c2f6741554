"""API gate: what changed in each package's Python API since its last release, and what that allows.

Usage: python scripts/api_gate.py [UNIT ...]   (vault keys, or `polyvault`; default: all)

The baseline is the unit's last release tag (`<distribution>/v<version>`, see
scripts/distributions.py), because users only ever have released versions: an API that changes
and changes back between two releases breaks nobody.

- Never released: there is no baseline and no verdict. The first release ships the version the
  files declare (1.0.0 for a client, 0.1.0 for polyvault), however the API moved before it, so
  the spec work before a first release never makes a package jump majors.
- Released: griffe compares the release with the working tree. The verdict is `breaking` (any
  breakage griffe finds), else `added` (new public names or parameters), else `patch`.
  `make release` turns it into the next version: major, minor, patch (below 1.0: minor, patch,
  patch, as Cargo does).
- A breaking change must tell users what to change before it can be released: the changelog's
  `## Unreleased` section (or the section of a version set by hand) needs a `### Breaking` list.
- A version set by hand (above the last release) must be at least what the verdict requires, and
  the declared version needs its changelog section (`## <version>`, or `## Unreleased` to become it).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Literal

import changelog
import griffe
from distributions import ROOT, Unit, changed_since, current_version, last_release, select
from packaging.version import Version

Level = Literal["breaking", "added", "patch"]


@dataclass(frozen=True)
class Verdict:
    """What the API gate found between a release and the working tree."""

    level: Level
    breaks: list[str] = field(default_factory=list)
    additions: list[str] = field(default_factory=list)

    def changelog_lines(self) -> list[str]:
        """The verdict as changelog bullet texts."""
        return [f"breaking: {text}" for text in self.breaks] + [f"added: `{path}`" for path in self.additions]


def next_version(last: Version, level: Level) -> Version:
    """The version a release with this verdict gets after `last` (semver; below 1.0 the minor is the major)."""
    major, minor, micro = (*last.release, 0, 0)[:3]
    if major == 0:
        return Version(f"0.{minor + 1}.0") if level == "breaking" else Version(f"0.{minor}.{micro + 1}")
    if level == "breaking":
        return Version(f"{major + 1}.0.0")
    if level == "added":
        return Version(f"{major}.{minor + 1}.0")
    return Version(f"{major}.{minor}.{micro + 1}")


def _surface(module: Any) -> dict[str, tuple[str, ...]]:
    """Every public object path of a griffe module, mapped to its parameter names (functions) or ()."""
    found: dict[str, tuple[str, ...]] = {}

    def walk(obj: Any) -> None:
        for member in obj.members.values():
            if not member.is_public:  # private names, and imports not in __all__
                continue
            found[member.path] = ()
            if member.is_alias:
                continue  # an import: its target is described where it is defined
            if member.is_function:
                found[member.path] = tuple(parameter.name for parameter in member.parameters)
            elif member.is_class or member.is_module:
                walk(member)

    walk(module)
    return found


def _additions(old: Any, new: Any) -> list[str]:
    """New public paths (not their children) and new parameters of existing functions."""
    before, after = _surface(old), _surface(new)
    added = []
    for path in sorted(after.keys() - before.keys()):
        if not any(path.startswith(f"{parent}.") for parent in added):
            added.append(path)
    for path in sorted(after.keys() & before.keys()):
        extra = [name for name in after[path] if name not in before[path]]
        added += [f"{path}({name}=...)" for name in extra]
    return added


def verdict(unit: Unit, baseline: str) -> Verdict:
    """Compare the unit's API at the git ref `baseline` with the working tree."""
    search = unit.api.search_path.as_posix()
    old = griffe.load_git(unit.api.name, ref=baseline, repo=ROOT, search_paths=[search])
    new = griffe.load(unit.api.name, search_paths=[ROOT / search], try_relative_path=False)
    breaks = [f"{breakage.obj.path}: {breakage.kind.value}" for breakage in griffe.find_breaking_changes(old, new)]
    additions = _additions(old, new)
    level: Level = "breaking" if breaks else "added" if additions else "patch"
    return Verdict(level, breaks, additions)


def check_unit(unit: Unit) -> list[str]:
    """Problems that block this unit's next release."""
    problems = []
    current = current_version(unit)
    last = last_release(unit)
    notes_file = ROOT / unit.changelog
    text = notes_file.read_text()
    where = unit.changelog.as_posix()
    if (last is None or current != last.version) and changelog.pending(text, str(current)) is None:
        problems.append(f"{where} has no '## {current}' entry for {unit.name} {current} (nor a '## Unreleased' section to become it)")
    if last is None or not changed_since(unit, last.tag):
        return problems
    found = verdict(unit, last.tag)
    required = next_version(last.version, found.level)
    if last.version < current < required:
        problems.append(
            f"{unit.name} is set to {current} by hand, but its API change since {last.tag} ({found.level}) needs at least {required}"
        )
    notes = changelog.pending(text, str(current)) or ""
    if found.level == "breaking" and changelog.BREAKING not in notes:
        problems += [f"{unit.name} breaks its API since {last.tag}: {breakage}" for breakage in found.breaks]
        problems.append(
            f"-> its next release will be {max(required, current)} (`make release` bumps it). Tell users what to change: "
            f"add a '{changelog.BREAKING}' list under '## {changelog.UNRELEASED}' in {where}"
        )
    return problems


def main(argv: list[str]) -> int:
    """Gate the named units (all by default); exit 1 on any problem."""
    problems = [problem for unit in select(argv) for problem in check_unit(unit)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
