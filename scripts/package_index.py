"""What a package index already holds, read through its simple API (PEP 503 HTML pages).

Credentials for a private index come from the URL or ~/.netrc (httpx reads it).
"""

from __future__ import annotations

from html.parser import HTMLParser

import httpx
from packaging.utils import InvalidSdistFilename, InvalidWheelFilename, canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

PYPI_UPLOAD = "https://upload.pypi.org/legacy/"


def simple_url_for(upload_url: str) -> str:
    """The simple API that goes with an upload URL: PyPI's for PyPI, else `<upload URL>/simple/` (pypiserver, devpi)."""
    if upload_url.rstrip("/") + "/" == PYPI_UPLOAD:
        return "https://pypi.org/simple/"
    return upload_url.rstrip("/") + "/simple/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_link = tag == "a"

    def handle_endtag(self, tag: str) -> None:
        self._in_link = False

    def handle_data(self, data: str) -> None:
        if self._in_link and data.strip():
            self.names.append(data.strip())


def versions_on_index(simple_url: str, distribution: str) -> set[Version]:
    """The versions of `distribution` that have at least one file on the index (empty if it has none).

    Raises:
        SystemExit: the index answered neither with the project's page nor with 404.
    """
    url = f"{simple_url.rstrip('/')}/{canonicalize_name(distribution)}/"
    try:
        response = httpx.get(url, follow_redirects=True, timeout=30)
    except httpx.HTTPError as exc:
        raise SystemExit(f"cannot read {url}: {exc}") from None
    if response.status_code == 404:
        return set()
    if response.status_code != 200:
        raise SystemExit(f"cannot read {url}: HTTP {response.status_code}")
    links = _Links()
    links.feed(response.text)
    versions = set()
    for name in links.names:
        try:
            versions.add(parse_wheel_filename(name)[1] if name.endswith(".whl") else parse_sdist_filename(name)[1])
        except (InvalidWheelFilename, InvalidSdistFilename):
            continue
    return versions
