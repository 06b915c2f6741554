"""The CI workflows call the same make targets as a laptop; the logic stays in scripts tested here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from _dist_support import ROOT, run

WORKFLOWS = ROOT / ".github" / "workflows"


def _workflow(name: str) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    return loaded


def _runs(workflow: dict[Any, Any]) -> list[str]:
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def test_every_push_and_pull_request_runs_make_test_with_the_release_tags() -> None:
    workflow = _workflow("test.yml")
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key `on` as True
    assert _runs(workflow) == ["make test"]
    checkout = next(step for step in workflow["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the API gate needs every release tag


def test_a_release_tag_runs_make_test_then_make_release_and_pushes_what_it_made() -> None:
    workflow = _workflow("release.yml")
    assert workflow[True]["push"] == {"tags": ["release/*"]}
    runs = _runs(workflow)
    assert runs[1:] == [
        "make test",
        'git config user.name "polyvault release"\ngit config user.email "release@users.noreply.github.com"\n'
        'make release INDEX="$PACKAGE_INDEX_UPLOAD_URL" SIMPLE="$PACKAGE_INDEX_SIMPLE_URL"',
        "git push --follow-tags origin HEAD:main",
    ]
    release = next(step for step in workflow["jobs"]["release"]["steps"] if step.get("name") == "Release")
    assert release["env"]["TWINE_PASSWORD"] == "${{ secrets.PACKAGE_INDEX_PASSWORD }}"
    assert workflow["jobs"]["release"]["environment"] == "release"


def test_make_release_needs_an_index_and_passes_it_on(workspace: Path) -> None:
    old = "--assume-old=.venv/.installed"  # never build a venv here: only look at what make would run
    refused = run("make", old, "release", cwd=workspace, check=False)
    assert "usage: make release INDEX=<upload URL>" in refused, refused
    planned = run("make", "--dry-run", old, "release", "INDEX=http://127.0.0.1:1/", "SIMPLE=http://127.0.0.1:1/simple/", cwd=workspace)
    assert '.venv/bin/python scripts/release.py --index "http://127.0.0.1:1/" --simple-url "http://127.0.0.1:1/simple/"' in planned
