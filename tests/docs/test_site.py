"""The documentation site builds with `mkdocs build --strict`, and its API reference shows every public name, documented.

`public_api.py` says what a public name is. mkdocstrings does not fail on a missing docstring (it
leaves the name out), so these tests do: every public name has a docstring, and every public name
is in the built site's inventory (objects.inv), so a new public name cannot be left off the reference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
import yaml

from . import public_api

ROOT = public_api.ROOT


def _mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner about its successor is not a build problem
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built with --strict into a temporary folder."""
    folder = tmp_path_factory.mktemp("site")
    result = _mkdocs("--site-dir", str(folder))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return folder


@pytest.fixture(scope="module")
def names() -> list[public_api.PublicName]:
    return public_api.public_names()


def _inventory(site: Path) -> set[str]:
    """The object paths the site documents (Sphinx inventory v2: four header lines, then zlib)."""
    header_end = 0
    data = (site / "objects.inv").read_bytes()
    for _ in range(4):
        header_end = data.index(b"\n", header_end) + 1
    return {line.split(" ", 1)[0] for line in zlib.decompress(data[header_end:]).decode().splitlines()}


@pytest.mark.slow
def test_the_site_builds_strictly_and_every_public_name_is_in_the_reference(
    site: Path, names: list[public_api.PublicName], record_property: pytest.RecordProperty
) -> None:
    inventory = _inventory(site)
    documented_attributes = {name.path for name in names if name.kind == "attribute" and name.documented}
    missing = []
    for name in names:
        if name.path in inventory or name.canonical in inventory:
            continue
        # An attribute described in its class's `Attributes:` section is shown in that table, not as an entry.
        owner_shown = name.owner is not None and (name.owner in inventory or name.canonical.rsplit(".", 1)[0] in inventory)
        if name.path in documented_attributes and owner_shown:
            continue
        missing.append(name.path)
    assert not missing, "public names not in the API reference (add them to a docs/reference page):\n" + "\n".join(missing)
    record_property("docs_site", {"pages": len(list(site.rglob("index.html"))), "objects": len(inventory)})


def test_every_public_name_has_a_docstring(names: list[public_api.PublicName], record_property: pytest.RecordProperty) -> None:
    undocumented = {name.path for name in names if not name.documented}
    record_property("docs_names", {"public": len(names), "documented": len(names) - len(undocumented)})
    assert not undocumented, "public names without a docstring:\n" + "\n".join(sorted(undocumented))


# --- the checks themselves can fail -------------------------------------------------------------------


def test_the_public_name_rules(tmp_path: Path) -> None:
    """Exports, members, inherited docstrings, Attributes sections and annotation-reached classes, on a small package."""
    package = tmp_path / "src" / "toy"
    (package / "_impl").mkdir(parents=True)
    (package / "__init__.py").write_text('"""Toy."""\nfrom .api import Client, helper\n__all__ = ["Client", "helper"]\n')
    (package / "_impl" / "__init__.py").write_text("")
    (package / "_impl" / "base.py").write_text(
        textwrap.dedent('''
            class Base:
                def close(self) -> None:
                    """Close it."""
        ''')
    )
    (package / "api.py").write_text(
        textwrap.dedent('''
            """The toy API."""
            from dataclasses import dataclass
            from ._impl.base import Base

            @dataclass
            class Record:
                """A record.

                Attributes:
                    described: Said in the class docstring.
                """
                described: int
                bare: int

            class Resource:
                """Reached only through `Client.things`."""
                def get(self) -> Record:
                    """One record."""
                def undocumented(self) -> None:
                    pass

            class Client(Base):
                """A client."""
                @property
                def things(self) -> Resource:
                    """The resource."""
                def close(self) -> None:
                    pass
                def _private(self) -> None:
                    pass

            def helper() -> None:
                pass
        ''')
    )
    loaded = _load_toy(tmp_path / "src")
    found = {name.path: name.documented for name in public_api.public_names(loaded, package_name="toy")}
    assert found == {
        "toy.Client": True,
        "toy.helper": False,
        "toy.Client.things": True,
        "toy.Client.close": True,  # overrides Base.close, a private base's documented method: inherits its docstring
        "toy.api.Resource": True,
        "toy.api.Resource.get": True,
        "toy.api.Resource.undocumented": False,
        "toy.api.Record": True,
        "toy.api.Record.described": True,
        "toy.api.Record.bare": False,
    }


def _load_toy(search_path: Path) -> object:
    import griffe

    extensions = griffe.load_extensions(f"{public_api.EXTENSION}:PolyvaultDocs")
    return griffe.load("toy", search_paths=[str(search_path)], docstring_parser="google", extensions=extensions, resolve_aliases=True)


@pytest.mark.slow
def test_a_broken_cross_reference_and_a_dead_link_fail_the_strict_build(tmp_path: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copytree(ROOT / "docs" / "_ext", docs / "_ext")
    (docs / "index.md").write_text("# Home\n\nSee [the client][polyvault.NoSuchClient] and [the guide](no-such-page.md).\n")
    config.update(docs_dir=str(docs), site_dir=str(tmp_path / "site"), nav=[{"Home": "index.md"}])
    python = config["plugins"][2]["mkdocstrings"]["handlers"]["python"]
    python["paths"] = [str(ROOT / "facade" / "src")]
    python["options"]["extensions"] = [f"{docs / '_ext' / 'polyvault_griffe.py'}:PolyvaultDocs"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = _mkdocs("-f", str(tmp_path / "mkdocs.yml"), cwd=ROOT)
    assert result.returncode == 1
    assert "polyvault.NoSuchClient" in result.stderr
    assert "no-such-page.md" in result.stderr
