"""Every ```python block of the README and of every docs page runs against the fakes (rules: codeblocks.py).

Each page runs in its own interpreter (a block may configure logging or the environment; no test
after it should inherit that). The terminal summary reports how many blocks ran and were skipped.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .codeblocks import MarkerError, page_needs, parse

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("codeblocks.py")
PAGES = sorted(
    [ROOT / "README.md", *(page for page in (ROOT / "docs").rglob("*.md") if "_ext" not in page.parts)],
    key=lambda page: str(page.relative_to(ROOT)),
)


def _run(page: Path) -> tuple[dict[str, object], subprocess.CompletedProcess[str]]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder, "outcome.json")
        command = [sys.executable, str(RUNNER), str(page), str(report)]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=240)
        try:
            return json.loads(report.read_text()), result
        except (OSError, json.JSONDecodeError):
            pytest.fail(f"the runner crashed on {page.name}:\n{result.stdout}{result.stderr}")


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=[str(page.relative_to(ROOT)) for page in PAGES])
def test_every_python_block_of_the_page_runs(page: Path, record_property: pytest.RecordProperty) -> None:
    blocks = parse(page)
    runnable = [block for block in blocks if block.action != "skip"]
    if not runnable:
        record_property("docs_blocks", {"page": str(page.relative_to(ROOT)), "ran": 0, "skipped": len(blocks)})
        return
    outcome, result = _run(page)
    record_property("docs_blocks", {"page": str(page.relative_to(ROOT)), "ran": outcome["ran"], "skipped": outcome["skipped"]})
    assert outcome["failure"] is None, f"{outcome['failure']}\n--- output ---\n{result.stdout[-4000:]}{result.stderr[-4000:]}"
    assert (outcome["ran"], outcome["skipped"]) == (len(runnable), len(blocks) - len(runnable))


# --- the runner itself: it must fail on a broken block, and skip only what is marked -------------------


def _page(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text)
    return page


@pytest.mark.slow
def test_the_runner_fails_on_a_broken_block_and_names_its_line(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "# A page\n\n```python\nfrom polyvault import VGS\n```\n\nText.\n\n```python\nwith VGS() as vgs:\n"
        "    vgs.aliases.reveal(missing_alias)\n```\n",
    )
    outcome, _ = _run(page)
    assert outcome["ran"] == 1
    assert outcome["failure"] is not None
    assert f"{page}:10: the block failed" in outcome["failure"]
    assert "NameError: name 'missing_alias' is not defined" in outcome["failure"]


@pytest.mark.slow
def test_blocks_share_a_namespace_per_page_and_tab_reach_the_served_fakes_and_only_them(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "```python\nimport os\nfrom polyvault import VGS\ncards = ['4111111111111111']\n```\n\n"
        "<!-- docs-test: skip shows a production setup -->\n```python\nraise RuntimeError('never run')\n```\n\n"
        "```python\nwith VGS() as vgs:\n    aliases = vgs.aliases.tokenize(cards)\n"
        "    assert vgs.aliases.reveal(aliases[0]).value == cards[0]\n"
        "assert os.environ['VGS_BASE_URL'].startswith('http://127.0.0.1:')\n```\n\n"
        "```python\nimport httpx\ntry:\n    httpx.get('https://example.com', timeout=2)\nexcept httpx.ConnectError as exc:\n"
        "    assert 'only reach 127.0.0.1' in str(exc)\nelse:\n    raise AssertionError('reached the internet')\n```\n\n"
        '=== "vendor"\n\n    ```python\n    side = "vendor"\n    ```\n\n'
        '=== "polyvault"\n\n    ```python\n    side = "polyvault"\n    ```\n\n'
        '=== "vendor"\n\n    ```python\n    assert side == "vendor" and cards == ["4111111111111111"]\n    ```\n',
    )
    outcome, _ = _run(page)
    assert outcome == {"page": str(page), "ran": 6, "skipped": 1, "failure": None}


@pytest.mark.slow
def test_a_pytest_file_block_must_pass_all_its_tests(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "```python\n# test_example.py\ndef test_passes(fake_vgs):\n    assert fake_vgs.stored_values() == []\n\n"
        "def test_fails():\n    assert 1 == 2\n```\n",
    )
    outcome, _ = _run(page)
    assert outcome["failure"] is not None
    assert "expected 2 passed" in outcome["failure"]
    assert "1 failed, 1 passed" in outcome["failure"]


def test_only_python_blocks_count_and_markers_are_read(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "```\nmake test\n```\n\n```bash\npip install polyvault\n```\n\n"
        "<!-- docs-test: skip needs a real Redis -->\n```python\nVGS(coordination='redis://prod')\n```\n\n"
        "<!-- docs-test: requires a_module_nobody_has -->\n```python\nimport a_module_nobody_has\n```\n\n"
        '=== "tab"\n\n    ```python\n    # test_tabbed.py\n    def test_x():\n        pass\n    ```\n',
    )
    blocks = parse(page)
    assert [(block.line, block.action, block.reason) for block in blocks] == [
        (11, "skip", "needs a real Redis"),
        (16, "skip", "needs a_module_nobody_has"),
        (22, "pytest", ""),
    ]
    assert blocks[2].code == "# test_tabbed.py\ndef test_x():\n    pass\n"
    assert [block.tab for block in blocks] == ["", "", "tab"]


def test_an_unknown_marker_is_an_error_not_a_skip(tmp_path: Path) -> None:
    page = _page(tmp_path, "<!-- docs-test: skipp typo -->\n```python\nraise SystemExit(1)\n```\n")
    with pytest.raises(MarkerError, match="unknown docs-test marker"):
        parse(page)


def test_a_page_directive_is_known_or_an_error(tmp_path: Path) -> None:
    assert page_needs(_page(tmp_path, "# Fleet\n\n<!-- docs-test-page: redis -->\n")) == {"redis"}
    assert page_needs(_page(tmp_path, "# Plain\n")) == set()
    with pytest.raises(MarkerError, match="unknown docs-test-page directive"):
        page_needs(_page(tmp_path, "<!-- docs-test-page: postgres -->\n"))


@pytest.mark.slow
def test_a_redis_page_gets_a_real_redis_in_its_environment(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<!-- docs-test-page: redis -->\n```python\nimport os, socket\nfrom urllib.parse import urlsplit\n"
        "url = urlsplit(os.environ['POLYVAULT_COORDINATION_URL'])\n"
        "with socket.create_connection((url.hostname, url.port), timeout=5) as conn:\n"
        "    conn.sendall(b'PING\\r\\n')\n    assert conn.recv(16) == b'+PONG\\r\\n'\n```\n",
    )
    outcome, _ = _run(page)
    assert (outcome["ran"], outcome["failure"]) == (1, None)
