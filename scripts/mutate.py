"""`make mutate`: mutation testing of the facade's core (`_core/`) and the VGS module with mutmut (pinned in dev.txt).

Usage: .venv/bin/python scripts/mutate.py [--jobs N] [--only GLOB ...] [--tests PATH ...]
       [--rerun | --rerun-at-import | --resume | --report]

mutmut copies the sources it mutates into `mutants/` of its working directory and puts that first
on `sys.path`. Our package lives in `facade/src` (installed editable), so the run happens in
`mutate-work/` (git-ignored): `src` there links to `facade/src` and `tests` to `tests`, and its
`pyproject.toml` holds the mutmut and pytest settings. Only `_core/*` and `vgs.py` are mutated
(`--only` narrows that to some files, e.g. `--only src/polyvault/_core/checks.py`); the rest of the
package is copied as it is. Each mutant runs only tests that reach the function it changes
(mutmut's own selection) from the test folders below - 6 s of them, the fastest of each file in
turn, when all would take over 10 s (scripts/mutate_import_hits.py, which also credits code that
runs at import to the tests that check it); the reliability suites and the multi-process fleet
tests are left out (too slow to run per mutant; a mutant does not reach a child process).
A run has two passes: every mutant, each in a fresh child of a fork server that has collected the
tests; then the survivors of code that runs at import (which such a child cannot run mutated), each
in a child that imports polyvault afresh (slower, so only those). `--rerun` keeps the last run's
results and makes both passes over its survivors only (and the mutants of functions changed since),
against the current tests (`--tests`, new test files included), measured again;
`--rerun-at-import` makes the second pass alone; `--resume` goes on with an interrupted run;
`--report` prints the last run's report again.

Prints the score (killed ÷ all mutants that ran; a mutant no test covers counts as surviving), a
table per file, the survivors judged equivalent (listed in scripts/mutate_equivalent.toml, grouped by
the reason) and every other survivor with its diff. Writes the same to `mutate-work/mutate-report.md`
and, for a run over all of `_core/` and `vgs.py`, to `bench-results/mutate-report.md` (both
git-ignored). Not part of `make test`. Exit status 0 when the run completed, whatever the score (the
score is a figure to read, not a gate); 1 when no mutant ran.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from mutate_import_hits import ALL_WITHIN, TEST_BUDGET, cap

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutate-work"
RESULTS = ROOT / "bench-results"
PENDING = WORK / "rerun-pending.json"  # survivors made unchecked for a rerun: survivors still until it checks them
EQUIVALENTS = Path(__file__).resolve().with_name("mutate_equivalent.toml")
PLUGIN = Path(__file__).resolve().with_name("mutate_import_hits.py")
MUTATED = ("src/polyvault/_core/*", "src/polyvault/vgs.py")
TESTS = (
    "tests/core",
    "tests/vgs",
    "tests/vaultpam",
    "tests/apideck",
    "tests/vaultera",
    "tests/reading",
    # The in-process fleet tests (real Redis); not test_multiprocess.py, whose workers a mutant does not reach.
    *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "fleet").glob("test_fleet*.py")),
)
KILLED = {"killed", "timeout", "segfault", "import failed"}  # a mutant the tests noticed (a hang is noticed by the timeout)
EXCLUDED = {"not checked", "skipped", "check was interrupted by user"}  # "no tests" counts as surviving: nothing caught it

# Run inside mutate-work/ (mutmut reads its settings from the working directory): every mutant's
# status, and the diff of each one that was not killed, as JSON. One process instead of a
# `mutmut show` per survivor.
_COLLECT = """
import json, sys
from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

found = {}
for path in walk_mutatable_files():
    data = SourceFileMutationData(path=path)
    data.load()
    for name, code in data.exit_code_by_key.items():
        # 255: the child could not run the tests at all - the mutated package failed to import, so
        # collection failed (mutmut files that under "timeout"; every test would fail).
        status = "import failed" if code == 255 else status_by_exit_code[code]
        diff = "" if status in KILLED else get_diff_for_mutant(name, path=path)
        found[name] = {"status": status, "file": str(path), "diff": diff}
json.dump(found, sys.stdout)
"""


@dataclass(frozen=True)
class Equivalent:
    """A surviving mutant judged equivalent: the function it is in, text of the line it changes and of the change."""

    function: str
    removed: str
    added: str
    why: str

    def matches(self, name: str, diff: str) -> bool:
        """Whether mutant `name` with this `diff` is this one (a mutant's number changes as code changes; its diff does not)."""
        if _function(name) != self.function:
            return False
        minus, plus = _changed_lines(diff)
        added = any(self.added in line for line in plus) if self.added else not plus  # "": the mutant only deletes
        return any(self.removed in line for line in minus) and added


def _function(name: str) -> str:
    """`polyvault._core.checks.x_text__mutmut_4` -> `polyvault._core.checks.text`."""
    module, _, mangled = name.rpartition(".")
    function = re.sub(r"__mutmut_\d+$", "", mangled)
    function = re.sub(r"^x[ǁ_]", "", function).replace("ǁ", ".")  # methods are mangled as xǁClassǁmethod
    return f"{module}.{function}"


def _changed_lines(diff: str) -> tuple[list[str], list[str]]:
    lines = diff.splitlines()[2:]  # past the ---/+++ header
    return [line[1:].strip() for line in lines if line.startswith("-")], [line[1:].strip() for line in lines if line.startswith("+")]


def _equivalents() -> list[Equivalent]:
    data = tomllib.loads(EQUIVALENTS.read_text())
    return [Equivalent(**entry) for entry in data.get("equivalent", [])]


def _config(only: list[str], tests: list[str], *, fresh_import: bool) -> str:
    def toml_list(items: list[str]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    warmup = "import" if fresh_import else "collect"
    return f"""# Written by scripts/mutate.py for each run: mutmut and pytest settings of the mutation run.
[tool.mutmut]
source_paths = ["src"]
also_copy = ["README.md", "specs"]
only_mutate = {toml_list(only)}
pytest_add_cli_args_test_selection = {toml_list(tests)}
pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:randomly", "-p", "mutate_import_hits", "--hypothesis-seed=0", "-q"]
max_stack_depth = -1
# A mutant's time limit is (its tests' measured time + this) x 15 in wall time, so a child that
# imports the package and collects its tests afresh is not cut short (a real hang meets pytest's timeout).
timeout_constant = 5.0
use_git_change_detection = false
track_dependencies = false
# Each mutant runs in a fresh child of a fork server that has collected the tests (so imported
# polyvault) but run none of them: the package's caches - record readers compiled, signatures built,
# generated modules looked up - are empty, and a mutant in code that runs once per process runs.
# (Forked from mutmut's main process instead, a child would inherit them as the stats run left them.)
# --rerun-at-import imports polyvault afresh in every child (the warmup is "import" then, with only
# third-party modules preloaded): slower, so a mutant in code that runs at import (an operation's
# descriptor, `publish`, `lazy_exports`) is run that way only there, among the survivors.
process_isolation = "forkserver"
forkserver_warmup = "{warmup}"
preload_modules_file = "preload-modules.txt"

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-ra --strict-markers"
# The slowest selected test takes ~7 s. A mutant that deadlocks (a lock or an event mutated) sleeps
# without using CPU, so only this timeout stops it; the thread method ends the process, because a
# sync gather interrupted by the signal method's exception waits on for its threads, by design.
timeout = 60
timeout_method = "thread"
markers = ["slow: builds wheels or runs subprocesses (still part of make test)"]
"""


# Imported once by the fork server (see `_config`): what the tests use that is not ours. Nothing of
# polyvault: the generated clients are not mutated, but importing one runs nothing of ours either.
PRELOAD = (
    "httpx", "anyio", "attrs", "dateutil.parser", "yaml", "hypothesis", "hypothesis.strategies",
    "hypothesis_jsonschema", "redis", "redis.asyncio", "fakeredis", "cryptography.hazmat.primitives.ciphers.aead",
    "trustme", "opentelemetry.sdk.trace", "opentelemetry.sdk.metrics", "jsonschema", "_pytest", "pytest_timeout",
    "polyvault_vgs_client", "polyvault_apideck_client", "polyvault_vaultpam_client", "polyvault_vaultera_client",
)  # fmt: skip


def _prepare(only: list[str], tests: list[str]) -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    (WORK / "src").symlink_to(ROOT / "facade" / "src", target_is_directory=True)
    (WORK / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    (WORK / "README.md").symlink_to(ROOT / "README.md")  # a test runs the README's examples
    (WORK / "specs").symlink_to(ROOT / "specs", target_is_directory=True)  # the reading tests read the specs


def _settings(only: list[str], tests: list[str], *, fresh_import: bool = False) -> None:
    (WORK / "pyproject.toml").write_text(_config(only, tests, fresh_import=fresh_import))
    (WORK / "preload-modules.txt").write_text("".join(f"{module}\n" for module in PRELOAD))
    plugin = WORK / "plugins" / PLUGIN.name  # on PYTHONPATH for pytest's `-p` (mutmut takes "." off sys.path)
    plugin.parent.mkdir(exist_ok=True)
    plugin.unlink(missing_ok=True)
    plugin.symlink_to(PLUGIN)


def _collect() -> dict[str, dict[str, str]]:
    """mutant name -> {status, file, diff} of the run in mutate-work/."""
    script = f"KILLED = {sorted(KILLED)!r}\n{_COLLECT}"
    done = subprocess.run([sys.executable, "-c", script], cwd=WORK, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return {}
    found: dict[str, dict[str, str]] = json.loads(done.stdout)
    return found


def _forget_survivors(functions: Collection[str] | None = None, *, besides: Collection[str] = ()) -> None:
    """Make the last run's survivors unchecked: only those of `functions` (mangled names) if given, none of `besides`.

    mutmut then runs only the unchecked mutants (these, and those of functions changed since), each
    against the tests that reached it in the stats run and the tests added since (mutmut collects
    stats for those before it starts).
    """
    pending = set(json.loads(PENDING.read_text())) if PENDING.exists() else set()
    for meta in (WORK / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text())
        codes = data["exit_code_by_key"]
        for name, code in codes.items():
            if code is None and name in pending:
                code = codes[name] = 0  # an earlier rerun stopped before it: it survived its last check
            function = re.sub(r"__mutmut_\d+$", "", name)
            if (code == 0 or code in (5, 33)) and (functions is None or function in functions) and function not in besides:
                codes[name] = None  # it survived, or no test reached it
                pending.add(name)
        meta.write_text(json.dumps(data))
    PENDING.write_text(json.dumps(sorted(pending)))


def _run_at_import(tests: list[str]) -> set[str]:
    """The functions (mangled names) that run while the tests are collected: polyvault's import-time code."""
    record = WORK / "import-hits.txt"
    record.unlink(missing_ok=True)
    env = {
        **os.environ,
        "MUTANT_UNDER_TEST": "stats",
        "POLYVAULT_MUTATE_IMPORT_HITS": str(record),
        "PYTHONPATH": os.pathsep.join([str(WORK / "mutants" / "src"), str(WORK / "plugins")]),
    }
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "mutate_import_hits", *tests]
    subprocess.run(command, cwd=WORK / "mutants", env=env, capture_output=True, check=False)
    return set(record.read_text().split()) if record.exists() else set()


def _cap_stats() -> None:
    """Bound the tests each function's mutants run, in the stats a run made before the bound existed."""
    path = WORK / "mutants" / "mutmut-stats.json"
    stats = json.loads(path.read_text())
    cap(stats["tests_by_mangled_function_name"], stats["duration_by_test"])
    path.write_text(json.dumps(stats))


def _last_settings() -> tuple[list[str], list[str], bool]:
    """The last run's files mutated, tests selected from, and whether its children imported polyvault afresh."""
    config = tomllib.loads((WORK / "pyproject.toml").read_text())["tool"]["mutmut"]
    return list(config["only_mutate"]), list(config["pytest_add_cli_args_test_selection"]), config["forkserver_warmup"] == "import"


def _report(found: dict[str, dict[str, str]], only: list[str], tests: list[str], minutes: float) -> tuple[str, bool]:
    """The report's text, and whether the run mutated a mutant at all."""
    pending = set(json.loads(PENDING.read_text())) if PENDING.exists() else set()
    for name in pending & found.keys():  # a rerun stopped before it reached them: they survived the last check
        if found[name]["status"] == "not checked":
            found[name] = {**found[name], "status": "survived"}
    counts = Counter(entry["status"] for entry in found.values())
    ran = {name: entry for name, entry in found.items() if entry["status"] not in EXCLUDED}
    if not ran:
        return f"no mutant was run ({dict(counts)}): see mutmut's output above", False
    killed = sum(1 for entry in ran.values() if entry["status"] in KILLED)
    survivors = sorted((name for name, entry in ran.items() if entry["status"] not in KILLED), key=_natural)
    known = _equivalents()
    judged: dict[str, list[str]] = defaultdict(list)  # why -> mutants
    open_: list[str] = []
    for name in survivors:
        match = next((equivalent for equivalent in known if equivalent.matches(name, ran[name]["diff"])), None)
        if match is None:
            open_.append(name)
        else:
            judged[match.why].append(name)
    equivalent_count = len(survivors) - len(open_)

    by_file: dict[str, Counter[str]] = defaultdict(Counter)
    for name, entry in ran.items():
        tally = by_file[entry["file"].removeprefix("src/")]
        tally["mutants"] += 1
        if entry["status"] in KILLED:
            tally["killed"] += 1
        elif name in open_:
            tally["open"] += 1
        else:
            tally["equivalent"] += 1

    lines = [
        f"# Mutation score: {killed / len(ran):.1%} ({killed:,} of {len(ran):,} mutants killed)",
        "",
        f"Survivors: {len(survivors)}, of which {equivalent_count} judged equivalent (scripts/mutate_equivalent.toml) and "
        f"{len(open_)} not resolved. With the equivalent ones left out: {killed / max(1, len(ran) - equivalent_count):.1%}.",
        "",
        f"Mutated: {', '.join(only)}; tests selected from: {', '.join(tests)}: per mutant, those that reach its "
        f"function, or {TEST_BUDGET:g} s of them (the fastest of each file in turn) when all would take over {ALL_WITHIN:g} s; "
        f"{minutes:.0f} min.",
        "Statuses: " + ", ".join(f"{status} {count}" for status, count in sorted(counts.items())),
        "",
        "| file | mutants | killed | score | equivalent | not resolved |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for file, tally in sorted(by_file.items()):
        lines.append(
            f"| {file} | {tally['mutants']} | {tally['killed']} | {tally['killed'] / tally['mutants']:.1%} "
            f"| {tally['equivalent']} | {tally['open']} |"
        )
    lines += ["", f"## Survivors not resolved ({len(open_)})"]
    for name in open_:
        lines += ["", f"### {name} ({ran[name]['status']})", "```diff", ran[name]["diff"], "```"]
    lines += ["", f"## Survivors judged equivalent ({equivalent_count}), by reason"]
    for why, names in judged.items():
        lines += ["", f"- {why}"]
        for name in names:
            minus, plus = _changed_lines(ran[name]["diff"])
            lines.append(f"  - `{name}`: `{' / '.join(minus)}` → `{' / '.join(plus)}`")
    return "\n".join(lines) + "\n", True


def _natural(name: str) -> tuple[str, int]:
    base, _, number = name.rpartition("__mutmut_")
    return base, int(number) if number.isdigit() else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")), help="mutants run at once (default: $JOBS or 2)")
    parser.add_argument("--only", nargs="+", default=list(MUTATED), help="globs (under src/) of the files to mutate")
    parser.add_argument("--tests", nargs="+", default=list(TESTS), help="test paths mutmut selects from")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--rerun", action="store_true", help="rerun only the last run's survivors against the current tests")
    mode.add_argument("--resume", action="store_true", help="go on with an interrupted run: its unchecked mutants")
    mode.add_argument("--report", action="store_true", help="only print the report of the run in mutate-work/")
    mode.add_argument(
        "--rerun-at-import", action="store_true", help="rerun the survivors of code run at import, importing polyvault afresh for each"
    )
    args = parser.parse_args(argv)

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(WORK / "plugins")}
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs)]
    last_pass_fresh = False
    if args.report or args.rerun or args.rerun_at_import or args.resume:
        if not (WORK / "pyproject.toml").exists():
            print("no earlier run in mutate-work/", file=sys.stderr)
            return 1
        only, tests, last_pass_fresh = _last_settings()
    fresh_imports: list[bool] = []  # one mutmut run per entry: whether each child imports polyvault afresh
    if args.rerun:
        # The stats are measured again, so the selection may grow: a kill stays a kill with more tests,
        # and mutmut compares selections only with stats it loads (and then resets every result).
        tests = args.tests
        # A child forked after the import cannot run mutated code that runs at import: those survivors
        # are rerun in a second pass, in children that import polyvault afresh.
        _forget_survivors(besides=_run_at_import(tests))
        (WORK / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)  # measured again, with the tests added since
        fresh_imports = [False, True]
    elif args.rerun_at_import:
        fresh_imports = [True]
    elif args.resume:
        if (WORK / "mutants" / "mutmut-stats.json").exists():
            _cap_stats()  # else mutmut collects them again, and the plugin bounds them
        fresh_imports = [True] if last_pass_fresh else [False, True]  # the pass interrupted, and what follows it
    elif not args.report:
        only, tests = args.only, args.tests
        _prepare(only, tests)
        fresh_imports = [False, True]  # then the survivors of code run at import, importing polyvault afresh
    resuming_second_pass = args.resume and last_pass_fresh
    started = time.monotonic()
    for fresh_import in fresh_imports:
        if fresh_import and not resuming_second_pass:
            _forget_survivors(_run_at_import(tests))
        _settings(only, tests, fresh_import=fresh_import)  # the warmup is not among the settings whose change voids results
        run = subprocess.run(command, cwd=WORK, env=env, check=False)
        if run.returncode not in (0, 1):
            print(f"mutmut run failed ({run.returncode})", file=sys.stderr)
            return 1
    report, ran = _report(_collect(), only, tests, (time.monotonic() - started) / 60)
    if not ran:
        print(report, file=sys.stderr)
        return 1
    (WORK / "mutate-report.md").write_text(report)
    if sorted(only) == sorted(MUTATED):
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "mutate-report.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
