"""Shared test configuration: async tests run on asyncio through anyio's pytest plugin."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    """Run `@pytest.mark.anyio` tests on asyncio."""
    return "asyncio"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """What the docs tests counted (they record it as user properties, so it survives pytest-xdist workers)."""
    blocks = {"ran": 0, "skipped": 0}
    names: dict[str, int] = {}
    for report in (report for key in ("passed", "failed") for report in terminalreporter.stats.get(key, [])):
        for name, value in getattr(report, "user_properties", ()):
            if name == "docs_blocks" and report.when == "call":
                blocks["ran"] += value["ran"]
                blocks["skipped"] += value["skipped"]
            elif name == "docs_names" and report.when == "call":
                names = value
    if blocks["ran"] or blocks["skipped"]:
        terminalreporter.write_line(f"docs code blocks: {blocks['ran']} ran, {blocks['skipped']} skipped (marked)")
    if names:
        pending = f"{names['pending']} pending in tests/docs/pending_docstrings.txt"
        terminalreporter.write_line(f"docs public names: {names['documented']} documented of {names['public']} ({pending})")
