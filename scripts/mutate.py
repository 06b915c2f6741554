"""`make mutate`: mutation testing of the facade's core (`_core/`) and the VGS module with mutmut (pinned in dev.txt).

Usage: .venv/bin/python scripts/mutate.py [--jobs N] [--only GLOB ...] [--tests PATH ...]

mutmut copies the sources it mutates into `mutants/` of its working directory and puts that first
on `sys.path`. Our package lives in `facade/src` (installed editable), so the run happens in
`mutate-work/` (git-ignored): `src` there links to `facade/src` and `tests` to `tests`, and its
`pyproject.toml` holds the mutmut and pytest settings. Only `_core/*` and `vgs.py` are mutated; the
rest of the package is copied as it is. Each mutant runs only the tests that cover the function it
changes (mutmut's own selection) from the facade test folders below; the reliability suites are left
out (too slow to run per mutant).

Prints the score (killed ÷ all mutants that ran) and every surviving mutant with its diff, and
writes them to `mutate-work/mutate-report.md`. Not part of `make test`. Exit status 0 when the run
completed, whatever the score (the score is a figure to read, not a gate); 1 when no mutant ran.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutate-work"
MUTATED = ("src/polyvault/_core/*", "src/polyvault/vgs.py")
TESTS = ("tests/core", "tests/vgs", "tests/vaultpam", "tests/apideck", "tests/vaultera")
KILLED = {"killed", "timeout", "segfault"}  # a mutant the tests noticed (a hang is noticed by the timeout)
EXCLUDED = {"not checked", "skipped", "check was interrupted by user"}  # "no tests" counts as surviving: nothing caught it


def _config(only: list[str], tests: list[str], jobs: int) -> str:
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    return f"""# Written by scripts/mutate.py for each run: mutmut and pytest settings of the mutation run.
[tool.mutmut]
source_paths = ["src"]
also_copy = ["README.md"]
only_mutate = {toml_list(only)}
pytest_add_cli_args_test_selection = {toml_list(tests)}
pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:randomly", "-q"]
max_stack_depth = -1
use_git_change_detection = false
track_dependencies = false

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-ra --strict-markers"
timeout = 300
markers = ["slow: builds wheels or runs subprocesses (still part of make test)"]
# jobs: {jobs}
"""


def _prepare(only: list[str], tests: list[str], jobs: int) -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    (WORK / "src").symlink_to(ROOT / "facade" / "src", target_is_directory=True)
    (WORK / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    (WORK / "README.md").symlink_to(ROOT / "README.md")  # a test runs the README's examples
    (WORK / "pyproject.toml").write_text(_config(only, tests, jobs))


def _results() -> dict[str, str]:
    """mutant name -> status, from `mutmut results --all true`."""
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=WORK, capture_output=True, text=True, check=False
    )
    found = {}
    for line in done.stdout.splitlines():
        match = re.match(r"\s*(\S+): (.+)$", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def _diff(name: str) -> str:
    done = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=WORK, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")), help="mutants run at once (default: $JOBS or 2)")
    parser.add_argument("--only", nargs="+", default=list(MUTATED), help="globs (under src/) of the files to mutate")
    parser.add_argument("--tests", nargs="+", default=list(TESTS), help="test paths mutmut selects from")
    parser.add_argument("--no-diffs", action="store_true", help="list survivors by name only (a diff costs a second each)")
    args = parser.parse_args(argv)
    show_diffs = not args.no_diffs

    _prepare(args.only, args.tests, args.jobs)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs)], cwd=WORK, env=env, check=False)
    if run.returncode not in (0, 1):
        print(f"mutmut run failed ({run.returncode})", file=sys.stderr)
        return 1
    results = _results()
    counts = Counter(results.values())
    ran = {name: status for name, status in results.items() if status not in EXCLUDED}
    if not ran:
        print(f"no mutant was run ({dict(counts)}): see mutmut's output above", file=sys.stderr)
        return 1
    killed = sum(1 for status in ran.values() if status in KILLED)
    survivors = sorted(name for name, status in ran.items() if status not in KILLED)
    score = killed / len(ran) if ran else float("nan")
    lines = [
        f"# Mutation score: {score:.1%} ({killed} of {len(ran)} mutants killed)",
        "",
        f"Mutated: {', '.join(args.only)}; tests selected from: {', '.join(args.tests)}.",
        "Statuses: " + ", ".join(f"{status} {count}" for status, count in sorted(counts.items())),
        "",
        f"## Surviving mutants ({len(survivors)})",
    ]
    for name in survivors:
        lines += ["", f"### {name} ({ran[name]})", "```diff", _diff(name) if show_diffs else "(mutmut show " + name + ")", "```"]
    report = "\n".join(lines) + "\n"
    (WORK / "mutate-report.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
