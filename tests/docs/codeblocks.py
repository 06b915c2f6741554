"""Run the ```python blocks of a Markdown page against the four fake vaults served on 127.0.0.1.

    python tests/docs/codeblocks.py README.md out.json   # writes the outcome as JSON; exit status 1 if a block failed

The rules (docs/contributing.md explains them to writers):

- Every ```python block runs, in page order, in one namespace per page: a block may use what an
  earlier block of the same page defined. Any other setup a block needs is written in the block.
  Blocks inside content tabs (`=== "polyvault"`) run in one namespace per tab label, which starts
  as a copy of the page's: side-by-side alternatives (polyvault and a vendor SDK) do not interfere.
- Before the first block, the runner serves `FakeVGS`, `FakeApideck`, `FakeVaultPAM` and
  `FakeVaultera` on 127.0.0.1 and sets exactly the environment variables their `env_vars(url)`
  return (`VGS_BASE_URL`, `VGS_USERNAME`, ...), after removing every vault variable the caller had,
  so a block never reaches a real vault. Connections to any host but the loopback are refused.
- A block whose first line is a comment naming a pytest file (`# test_checkout.py ...`) is written
  to that file in a fresh folder and run with pytest: every test in it must pass.
- A block that cannot run says so on the line right before its fence:
  `<!-- docs-test: skip <why> -->`, or `<!-- docs-test: requires <module> -->` (runs only where that
  module can be imported, e.g. a vendor SDK). Any other marker is an error, so a typo cannot skip a block.
- A page whose blocks need a Redis (fleet mode) says so once, on a line of its own:
  `<!-- docs-test-page: redis -->`. The runner then also starts a real `redis-server` on 127.0.0.1
  (`polyvault.testing.RedisServer`) for the page and exports its URL as `POLYVAULT_COORDINATION_URL`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import textwrap
import traceback
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.MULTILINE | re.DOTALL)
MARKER = re.compile(r"^\s*<!--\s*docs-test:\s*(?P<verb>\S+)\s*(?P<argument>.*?)\s*-->\s*$")
PYTEST_FILE = re.compile(r"^#\s*(?P<name>test_\w+\.py)\b")
TAB = re.compile(r"^(?P<indent>[ \t]*)===\s*[\"'](?P<label>[^\"']+)[\"']")
VAULT_VARIABLES = re.compile(r"^(VGS|APIDECK|VAULTPAM|VAULTERA|POLYVAULT)_")
LOOPBACK = ("127.", "::1", "localhost")
PAGE_DIRECTIVE = re.compile(r"^<!--\s*docs-test-page:\s*(?P<what>\S+)\s*-->\s*$", re.MULTILINE)
PAGE_NEEDS = frozenset({"redis"})


class MarkerError(ValueError):
    """A `docs-test` marker the runner does not know (a typo must not silently skip a block)."""


@dataclass(frozen=True)
class Block:
    """One ```python block: where it starts (the line of its first code line), its code, and what to do with it."""

    page: str
    line: int
    code: str
    action: str  # "run", "pytest" or "skip"
    reason: str = ""
    tab: str = ""  # the content tab the block is in, if any


def parse(page: Path, text: str | None = None) -> list[Block]:
    """The page's ```python blocks, in order, each with its action."""
    text = page.read_text() if text is None else text
    blocks = []
    for match in FENCE.finditer(text):
        language = match["info"].strip().split(" ")[0] if match["info"].strip() else ""
        if language not in ("python", "py"):
            continue
        start_line = text.count("\n", 0, match.start()) + 1
        code = textwrap.dedent(match["body"])
        before = text.splitlines()[: start_line - 1]
        action, reason = _action(before, code, page, start_line)
        blocks.append(Block(str(page), start_line + 1, code, action, reason, _tab(before, len(match["indent"]))))
    return blocks


def _tab(before: list[str], indent: int) -> str:
    """The label of the content tab (`=== "label"`) an indented block sits in, or ""."""
    if indent == 0:
        return ""
    for line in reversed(before):
        if not line.strip() or len(line) - len(line.lstrip()) >= indent:
            continue
        tab = TAB.match(line)
        return tab["label"] if tab is not None else ""
    return ""


def _action(before: list[str], code: str, page: Path, line: int) -> tuple[str, str]:
    previous = next((each for each in reversed(before) if each.strip()), "")
    marker = MARKER.match(previous)
    if marker is not None:
        verb, argument = marker["verb"], marker["argument"]
        if verb == "skip" and argument:
            return "skip", argument
        if verb == "requires" and argument:
            if importlib.util.find_spec(argument) is None:
                return "skip", f"needs {argument}"
            return _runnable(code)
        raise MarkerError(f"{page}:{line - 1}: unknown docs-test marker {previous.strip()!r} (use 'skip <why>' or 'requires <module>')")
    return _runnable(code)


def _runnable(code: str) -> tuple[str, str]:
    first = code.lstrip().splitlines()[0] if code.strip() else ""
    return ("pytest", "") if PYTEST_FILE.match(first) else ("run", "")


@dataclass
class Outcome:
    """What happened to a page's blocks."""

    page: str
    ran: int = 0
    skipped: int = 0
    failure: str | None = None  # the failing block's location and traceback


def page_needs(page: Path, text: str | None = None) -> frozenset[str]:
    """What the page's `docs-test-page` directives ask the runner to start besides the fakes."""
    needs = frozenset(match["what"] for match in PAGE_DIRECTIVE.finditer(page.read_text() if text is None else text))
    unknown = needs - PAGE_NEEDS
    if unknown:
        raise MarkerError(f"{page}: unknown docs-test-page directive(s) {sorted(unknown)} (known: {sorted(PAGE_NEEDS)})")
    return needs


def run_page(page: Path) -> Outcome:
    """Serve the fakes, then run the page's blocks in order in one namespace; stop at the first failure."""
    blocks = parse(page)
    outcome = Outcome(str(page))
    page_namespace: dict[str, Any] = {"__name__": "__main__"}
    tab_namespaces: dict[str, dict[str, Any]] = {}
    with _served_fakes(page_needs(page)) as env, _environment(env), _loopback_only():
        for block in blocks:
            if block.action == "skip":
                outcome.skipped += 1
                continue
            namespace = tab_namespaces.setdefault(block.tab, dict(page_namespace)) if block.tab else page_namespace
            try:
                if block.action == "pytest":
                    _run_pytest_file(block)
                else:
                    exec(compile("\n" * (block.line - 1) + block.code, block.page, "exec"), namespace)  # noqa: S102 - the docs' own code
            except BaseException:
                outcome.failure = f"{block.page}:{block.line}: the block failed\n" + traceback.format_exc(limit=-8)
                return outcome
            outcome.ran += 1
    return outcome


@contextlib.contextmanager
def _served_fakes(needs: frozenset[str]) -> Iterator[dict[str, str]]:
    from polyvault.testing import FakeApideck, FakeVaultera, FakeVaultPAM, FakeVGS, RedisServer

    env: dict[str, str] = {}
    with contextlib.ExitStack() as stack:
        for fake in (FakeVGS(), FakeApideck(), FakeVaultPAM(), FakeVaultera()):
            env.update(fake.env_vars(stack.enter_context(fake.serve())))
        if "redis" in needs:
            env["POLYVAULT_COORDINATION_URL"] = stack.enter_context(RedisServer()).url
        yield env


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    for name in [name for name in os.environ if VAULT_VARIABLES.match(name)]:
        del os.environ[name]
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _loopback_only() -> Iterator[None]:
    """Refuse to resolve any host but the loopback: a block that would reach the internet fails at once."""
    original = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if not name.startswith(LOOPBACK):
            raise socket.gaierror(socket.EAI_NONAME, f"docs blocks may only reach 127.0.0.1, not {name}")
        return original(host, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo
    try:
        yield
    finally:
        socket.getaddrinfo = original


def _run_pytest_file(block: Block) -> None:
    match = PYTEST_FILE.match(block.code.lstrip())
    assert match is not None
    tests = len(re.findall(r"^(?:async )?def test_", block.code, re.MULTILINE))
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, match["name"]).write_text(block.code)
        # Only the plugin `pip install polyvault[testing]` brings, loaded through its pytest11 entry point
        # (named "polyvault"), not every plugin of the development venv (schemathesis alone costs ~2 s).
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "polyvault", match["name"]],
            env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    if result.returncode != 0 or f"{tests} passed" not in result.stdout:
        raise AssertionError(f"pytest {match['name']}: expected {tests} passed\n{result.stdout}{result.stderr}")


def main(argv: list[str]) -> int:
    """Run one page (`codeblocks.py PAGE OUTCOME_FILE`); write its outcome as JSON to the outcome file.

    A file, not stdout: a page's blocks may print (an OpenTelemetry console exporter flushes at exit).
    """
    outcome = run_page(Path(argv[0]))
    Path(argv[1]).write_text(json.dumps(asdict(outcome)))
    return 1 if outcome.failure else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
