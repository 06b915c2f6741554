"""Reading and writing our changelogs (specs/changelogs/<vault>.md, facade/CHANGELOG.md).

A changelog is a preamble, then one `## <heading>` section per release, newest first. Work not yet
released is written under `## Unreleased` (with a `### Breaking` list when it breaks existing
code); releasing turns that heading into `## <version> — <date>`.
"""

from __future__ import annotations

import re

UNRELEASED = "Unreleased"
BREAKING = "### Breaking"
NO_API_CHANGE = "- No change to the Python API.\n"
API_INTRO = "Python API, as the gate compared it with the previous release:\n"
_HEADING = re.compile(r"^## (.+?)\s*$", re.MULTILINE)


def _sections(text: str) -> list[tuple[str, int, int]]:
    """(heading, start, end) of each `## ` section; the heading is its first word (the version)."""
    found = list(_HEADING.finditer(text))
    return [
        (match.group(1).split()[0], match.start(), found[index + 1].start() if index + 1 < len(found) else len(text))
        for index, match in enumerate(found)
    ]


def section(text: str, heading: str) -> str | None:
    """The section whose heading starts with `heading` (a version or `Unreleased`), or None."""
    for name, start, end in _sections(text):
        if name == heading:
            return text[start:end]
    return None


def pending(text: str, version: str) -> str | None:
    """The notes that the release of `version` will carry: `## Unreleased`, else a `## <version>` written by hand."""
    return section(text, UNRELEASED) or section(text, version)


def release(text: str, version: str, date: str, api_lines: list[str]) -> str:
    """`text` with the section of `version` written.

    `## Unreleased` becomes `## <version> — <date>`; a `## <version>` section already written by
    hand keeps its notes (and gets the date); otherwise a new section is added above the newest
    one. `api_lines` (what the API gate found: breaking changes, additions) are appended to it.
    """
    heading = f"## {version} — {date}"
    api = API_INTRO + "".join(f"- {line}\n" for line in api_lines) if api_lines else ""
    for name, start, end in _sections(text):
        if name in (UNRELEASED, version):
            first, _, body = text[start:end].rstrip("\n").partition("\n")
            title = heading if name == UNRELEASED or first.strip() == f"## {version}" else first
            notes = body.strip("\n") + "\n" if body.strip() else ""
            notes += ("\n" if notes and api else "") + api
            return _join(text[:start], f"{title}\n{notes or NO_API_CHANGE}", text[end:])
    sections = _sections(text)
    at = sections[0][1] if sections else len(text)
    return _join(text[:at], f"{heading}\n{api or NO_API_CHANGE}", text[at:])


def _join(before: str, section: str, after: str) -> str:
    """Sections separated by one blank line, the file ending in one newline."""
    parts = [before.rstrip("\n") + "\n\n" if before.strip() else "", section.rstrip("\n") + "\n"]
    if after.strip():
        parts.append("\n" + after.lstrip("\n"))
    return "".join(parts)
