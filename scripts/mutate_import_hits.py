"""pytest plugin of `make mutate`'s stats run: code that runs while polyvault is imported is credited to the surface tests.

mutmut runs a mutant against the tests during which its function ran in the stats run. Code that runs
while the tests are collected - module bodies and what they call: an operation's descriptor,
`publish`, `lazy_exports` - ran before any test, and mutmut credits it to the first test alone, which
checks none of it. The tests that check what that code builds are credited instead (`CREDITED`):
those of the public surface (signatures, help(), public names, lazy exports, the class-level
stand-ins), those of client classes built from resources (test_resource_classes.py, whose own
classes are built at import too) and, for the record readers a vault module builds at import, the
record-reading tests.

It also bounds what each mutant runs (`cap`): a function whose reaching tests take more than
ALL_WITHIN seconds (measured) keeps only TEST_BUDGET seconds of them, the fastest of each test file
in turn. A function of
the request pipeline is reached by 600 tests (70 s); run in full for each of its surviving mutants,
the run would take many hours on 2 cores. The score is therefore a lower bound of what every
reaching test would give.

Active in the stats run only (mutmut sets MUTANT_UNDER_TEST to "stats"); reads and edits mutmut's own
records (`state()._stats`, `tests_by_mangled_function_name`; mutmut is pinned in requirements/dev.txt).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import pytest

# Which tests are credited with the code run at import, by the start of its name: the surface tests
# with all of it; the record-reading tests also with the readers a vault module builds at import.
CREDITED = {
    "": ("tests/core/test_surface.py::", "tests/core/test_resource_classes.py::"),
    "polyvault._core.reading.": ("tests/reading/test_paged_records.py::", "tests/reading/test_tolerant_reading.py::"),
}
ALL_WITHIN = 10.0  # seconds: a function whose reaching tests take no longer keeps them all
TEST_BUDGET = 6.0  # seconds: else, its fastest reaching tests up to this much
_hit_at_import: set[str] = set()


def cap(tests_by_function: MutableMapping[str, Any], duration_by_test: Mapping[str, float]) -> None:
    """Keep, for each function reached by more than ALL_WITHIN seconds of tests, tests up to TEST_BUDGET
    seconds in all (at least one), in place: the fastest of each test file in turn, then the next
    fastest of each, so every kind of test that reaches the function (bulk, fleet, reading...) is there."""
    for function, tests in tests_by_function.items():
        if sum(duration_by_test.get(test, 0.0) for test in tests) <= ALL_WITHIN:
            continue
        by_file: dict[str, list[str]] = {}
        for test in sorted(tests, key=lambda name: (duration_by_test.get(name, 0.0), name)):
            by_file.setdefault(test.split("::")[0], []).append(test)
        rounds = [[group[depth] for group in by_file.values() if depth < len(group)] for depth in range(max(map(len, by_file.values())))]
        kept: list[str] = []
        spent = 0.0
        for test in itertools.chain.from_iterable(rounds):
            spent += duration_by_test.get(test, 0.0)
            if kept and spent > TEST_BUDGET:
                break
            kept.append(test)
        tests_by_function[function] = type(tests)(kept)


def _stats_run() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: Any) -> None:
    """Everything hit so far ran at import or collection: set it aside instead of crediting the first test."""
    if _stats_run():
        from mutmut.state import state

        _hit_at_import.update(state()._stats)
        state()._stats.clear()
        record = os.environ.get("POLYVAULT_MUTATE_IMPORT_HITS")
        if record:  # scripts/mutate.py --rerun-at-import asks which functions run at import
            Path(record).write_text("\n".join(sorted(_hit_at_import)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: Any, nextitem: Any) -> None:
    """Before mutmut credits this test with what it hit, add the import-time code when it is a surface test."""
    if not _stats_run():
        return
    from mutmut.state import state

    for prefix, tests in CREDITED.items():
        if item.nodeid.startswith(tests):
            state()._stats.update(name for name in _hit_at_import if name.startswith(prefix))


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: Any) -> None:
    """The stats run is over: bound each function's tests before mutmut keeps them."""
    if _stats_run():
        from mutmut.state import state

        cap(state().tests_by_mangled_function_name, state().duration_by_test)
