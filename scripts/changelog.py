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
    hand is kept; otherwise a new section is added above the newest one. `api_lines` (what the API
    gate found: breaking changes and additions) are appended to the section.
    """
    heading = f"## {version} — {date}"
    api = "".join(f"- {line}\n" for line in api_lines)
    for name, start, end in _sections(text):
        if name in (UNRELEASED, version):
            body = text[start:end].rstrip("\n").split("\n", 1)
            title = heading if name == UNRELEASED else body[0]
            notes = body[1].strip("\n") + "\n" if len(body) > 1 and body[1].strip() else ""
            if api:
                notes += ("\n" if notes else "") + API_INTRO + api
            return text[:start] + f"{title}\n{notes or NO_API_CHANGE}\n" + text[end:].lstrip("\n")
    sections = _sections(text)
    at = sections[0][1] if sections else len(text.rstrip("\n")) + 1
    notes = API_INTRO + api if api else NO_API_CHANGE
    prefix = text[:at] if sections else text.rstrip("\n") + "\n\n"
    return prefix + f"{heading}\n{notes}\n" + text[at:]
