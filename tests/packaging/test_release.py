"""`make release` end to end against a real package index (pypiserver on 127.0.0.1, uploads need a password).

The release runs in a clone of the workspace (never the real repository). The index starts with
a mirror of the third-party wheels only, so a clean venv installing with `--index-url` pointing at
it gets everything from there or fails. Every server the test starts, it stops.
"""

from __future__ import annotations

import contextlib
import json
import selectors
import shutil
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from _dist_support import DEV_BIN, GIT_IDENTITY, Venv, base_env, run

pytestmark = pytest.mark.slow

USER, PASSWORD = "releaser", "correct-horse-battery"
STARTUP = 30.0  # seconds a server may take to answer its first request


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def pypiserver(packages: Path, passwords: Path) -> Iterator[str]:
    """Serve `packages` on 127.0.0.1 (uploads need a password, no fallback to PyPI); yield the base URL."""
    port = _free_port()
    command = [DEV_BIN / "pypi-server", "run", "--port", str(port), "--host", "127.0.0.1", "--passwords", passwords]
    command += ["--authenticate", "update", "--disable-fallback", "--log-stream", "none", packages]
    process = subprocess.Popen(command, env=base_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{url}health", timeout=2).status_code == 200:
                    break
            assert process.poll() is None, f"pypiserver exited with {process.returncode}"
            assert time.monotonic() < deadline, f"pypiserver did not answer on {url} within {STARTUP} s"
            time.sleep(0.1)
        yield url
    finally:
        _stop(process)


@contextlib.contextmanager
def served_fake_vgs() -> Iterator[dict[str, str]]:
    """`python -m polyvault.testing serve vgs --json` from the development venv; yield the client's environment."""
    command = [sys.executable, "-m", "polyvault.testing", "serve", "vgs", "--json"]
    process = subprocess.Popen(command, env=base_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            assert selector.select(timeout=STARTUP), f"the fake printed nothing within {STARTUP} s"
        env: dict[str, str] = json.loads(process.stdout.readline())["env"]
        yield env
    finally:
        _stop(process)


def _edit_spec(repo: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = repo / "specs" / "vgs.yaml"
    spec = yaml.safe_load(path.read_text())
    change(spec)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120))


def _add_created_at(spec: dict[str, Any]) -> None:
    fields = spec["components"]["schemas"]["AliasDto"]["properties"]
    fields["created_at"] = {"type": "string", "format": "date-time", "description": "When the alias was made."}


def _remove_delete_alias(spec: dict[str, Any]) -> None:
    del spec["paths"]["/aliases/{alias}"]["delete"]

    def unlink(node: Any) -> None:  # links to the removed operation go too
        if isinstance(node, dict):
            for name in [name for name, link in (node.get("links") or {}).items() if link.get("operationId") == "deleteAlias"]:
                del node["links"][name]
            for value in node.values():
                unlink(value)
        elif isinstance(node, list):
            for value in node:
                unlink(value)

    unlink(spec)


USE_VGS = """
import os
from polyvault import VGS
with VGS() as vgs:                       # VGS_USERNAME, VGS_PASSWORD, VGS_BASE_URL from the served fake
    alias = vgs.aliases.tokenize(["4111111111111111"])[0]
    print(alias != "4111111111111111", vgs.aliases.reveal(alias).value)
"""


def test_release_to_a_real_index_then_only_what_changed(workspace: Path, wheelhouse_high: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    run("git", "clone", "--quiet", workspace, repo)
    packages = tmp_path / "index"
    packages.mkdir()
    for wheel in wheelhouse_high.glob("*.whl"):  # the third-party mirror: the index starts with only these
        shutil.copy2(wheel, packages / wheel.name)
    with warnings.catch_warnings():  # passlib (pypiserver's password library) imports the deprecated crypt module
        warnings.simplefilter("ignore", DeprecationWarning)
        from passlib.apache import HtpasswdFile

    passwords = HtpasswdFile(str(tmp_path / "htpasswd"), new=True)  # an Apache htpasswd file, as pypiserver reads it
    passwords.set_password(USER, PASSWORD)
    passwords.save()
    env = {**base_env(), **GIT_IDENTITY, "TWINE_USERNAME": USER, "TWINE_PASSWORD": PASSWORD}

    def git(*args: str) -> str:
        return run("git", *args, cwd=repo, env=env)

    def release(url: str, *, password: str = PASSWORD, ok: bool = True) -> str:
        output = run(sys.executable, "scripts/release.py", "--index", url, cwd=repo, env={**env, "TWINE_PASSWORD": password}, check=ok)
        print(output)
        return output

    with pypiserver(packages, tmp_path / "htpasswd") as url:
        simple = f"{url}simple/"

        (repo / "notes.txt").write_text("not committed")
        assert "release refused: the working tree has uncommitted changes" in release(url, ok=False)
        (repo / "notes.txt").unlink()

        # A dry run prints the plan and changes nothing; then the first release: all six, at the versions the files declare.
        head = git("rev-parse", "HEAD")
        planned = run(sys.executable, "scripts/release.py", "--index", url, "--dry-run", cwd=repo, env=env)
        assert planned.splitlines()[-1] == "release: polyvault + polyvault-testing 0.1.0 (first release)"
        assert (git("rev-parse", "HEAD"), git("tag"), git("status", "--porcelain")) == (head, "", "")
        output = release(url)
        assert [line for line in output.splitlines() if line.startswith("release: ") and "first release" in line] == [
            "release: polyvault-vgs-client 1.0.0 (first release)",
            "release: polyvault-apideck-client 1.0.0 (first release)",
            "release: polyvault-vaultpam-client 1.0.0 (first release)",
            "release: polyvault-vaultera-client 1.0.0 (first release)",
            "release: polyvault + polyvault-testing 0.1.0 (first release)",
        ]
        assert git("tag").split() == [
            "polyvault-apideck-client/v1.0.0",
            "polyvault-testing/v0.1.0",
            "polyvault-vaultera-client/v1.0.0",
            "polyvault-vaultpam-client/v1.0.0",
            "polyvault-vgs-client/v1.0.0",
            "polyvault/v0.1.0",
        ]
        assert git("status", "--porcelain") == ""
        assert "## 0.1.0 — " in (repo / "facade" / "CHANGELOG.md").read_text()

        # A clean venv installs polyvault[vgs] from our index alone and uses VGS against a served FakeVGS.
        venv = Venv.create(tmp_path / "venv")
        venv.install("--index-url", simple, "polyvault[vgs]")
        assert "polyvault-vgs-client" in venv.distributions() and "polyvault-apideck-client" not in venv.distributions()
        with served_fake_vgs() as fake_env:
            assert run(venv.python, "-I", "-c", USE_VGS, env={**base_env(), **fake_env}).split() == ["True", "4111111111111111"]

        assert release(url).strip().splitlines()[-1] == "release: nothing changed since the last releases"

        # A spec change that adds a field releases the VGS client alone, as a minor version.
        _edit_spec(repo, _add_created_at)
        run(sys.executable, "scripts/generate.py", "vgs", cwd=repo, env=env)
        git("commit", "--quiet", "--all", "-m", "VGS aliases carry created_at")
        # The index refuses a wrong password: the release commit is undone, nothing is tagged.
        head, tags = git("rev-parse", "HEAD"), git("tag")
        output = release(url, password="wrong", ok=False)
        assert "nothing reached the index; the release commit is undone and nothing was tagged" in output
        assert "403 Forbidden" in output
        assert (git("rev-parse", "HEAD"), git("tag")) == (head, tags)
        output = release(url)
        assert [line for line in output.splitlines() if line.startswith("release: polyvault")] == [
            "release: polyvault-vgs-client 1.1.0 (1.0.0 -> 1.1.0 (added))"
        ]
        assert "release: tagged polyvault-vgs-client/v1.1.0" in output.splitlines()
        notes = (repo / "specs" / "changelogs" / "vgs.md").read_text()
        assert "- added: `polyvault_vgs_client.models.alias_dto.AliasDto.created_at`" in notes
        assert notes.index("## 1.1.0 — ") < notes.index("## 1.0.0")

        # Both versions stay installable; a new install of polyvault[vgs] gets 1.1.0.
        old = Venv.create(tmp_path / "old")
        old.install("--index-url", simple, "polyvault-vgs-client==1.0.0")
        new = Venv.create(tmp_path / "new")
        new.install("--index-url", simple, "polyvault[vgs]")
        version = "import importlib.metadata as m; print(m.version('polyvault-vgs-client'))"
        assert [run(v.python, "-I", "-c", version).strip() for v in (old, new)] == ["1.0.0", "1.1.0"]

        # Refused: a version already on the index (a clone that lost the tag sees 1.1.0 as next again) ...
        git("tag", "--delete", "polyvault-vgs-client/v1.1.0")
        assert f"release refused: polyvault-vgs-client 1.1.0 is already on {simple}" in release(url, ok=False)
        git("tag", "polyvault-vgs-client/v1.1.0")
        # ... and a breaking change nobody told users about (it would need 2.0.0 and '### Breaking' notes).
        _edit_spec(repo, _remove_delete_alias)
        run(sys.executable, "scripts/generate.py", "vgs", cwd=repo, env=env)
        git("commit", "--quiet", "--all", "-m", "VGS: no single-alias delete")
        output = release(url, ok=False)
        assert "release refused: polyvault-vgs-client breaks its API since 1.1.0 (" in output, output
        assert "polyvault_vgs_client.api.aliases.delete_alias: Public object was removed" in output
        assert "so its next release is 2.0.0, and specs/changelogs/vgs.md has no '### Breaking' notes" in output
        assert git("tag").split().count("polyvault-vgs-client/v1.1.0") == 1 and "2.0.0" not in git("tag")
