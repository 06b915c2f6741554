"""Fail when generated/ is not exactly what the specs produce, or a package's API broke without a major bump.

Usage: python scripts/check.py

Lints the specs, regenerates every vault into a temporary tree, compares it file by file with
the committed generated/ and runs the breaking-change gate (scripts/api_gate.py).
"""

from __future__ import annotations

import difflib
import sys
import tempfile
import time
from pathlib import Path

from api_gate import main as api_gate_main
from generate import check_pins, generate
from manifest import ROOT, load_manifest
from spec_lint import main as lint_main

# Build and import by-products that may sit beside committed generated code without being part of it.
IGNORED_PARTS = {"__pycache__", "build", "dist", ".ruff_cache", ".mypy_cache"}
DIFF_LINES = 12


def _files(tree: Path) -> dict[str, Path]:
    if not tree.is_dir():
        return {}
    return {
        path.relative_to(tree).as_posix(): path
        for path in tree.rglob("*")
        if path.is_file()
        and not IGNORED_PARTS.intersection(path.relative_to(tree).parts)
        and not any(part.endswith(".egg-info") for part in path.parts)
    }


def compare(expected: Path, actual: Path) -> list[str]:
    """Human-readable differences between the fresh tree `expected` and the committed tree `actual`."""
    fresh, committed = _files(expected), _files(actual)
    problems = [f"missing: generated/{name}" for name in sorted(fresh.keys() - committed.keys())]
    problems += [f"not produced by the specs (delete it): generated/{name}" for name in sorted(committed.keys() - fresh.keys())]
    for name in sorted(fresh.keys() & committed.keys()):
        new, old = fresh[name].read_bytes(), committed[name].read_bytes()
        if new != old:
            diff = difflib.unified_diff(
                old.decode(errors="replace").splitlines(),
                new.decode(errors="replace").splitlines(),
                f"generated/{name} (committed)",
                f"generated/{name} (from specs)",
                lineterm="",
            )
            problems.append(f"differs: generated/{name}\n" + "\n".join(list(diff)[:DIFF_LINES]))
    return problems


def main() -> int:
    """Run every check; print a summary that says what to do."""
    started = time.perf_counter()
    check_pins()
    vaults, options = load_manifest()
    if lint_main([]):
        return 1
    with tempfile.TemporaryDirectory(prefix="polyvault-check-") as tmp:
        generate(vaults, options, Path(tmp))
        problems = compare(Path(tmp), ROOT / "generated")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(
            f"\nmake check: generated/ does not match the specs ({len(problems)} file(s)). "
            "Never edit generated/ by hand: change specs/ (or specs/vaults.toml) and run `make generate`, then commit both.",
            file=sys.stderr,
        )
        return 1
    if api_gate_main([]):
        return 1
    print(f"make check: specs lint clean, generated/ up to date, no unannounced API breaks ({time.perf_counter() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
