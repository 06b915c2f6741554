"""docs/fleet.md: every python block runs as written (each on its own) against a real Redis, or says why it cannot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from polyvault.testing import RedisServer

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "fleet.md"
BLOCKS = re.findall(r"```python\n(.*?)```", GUIDE.read_text(), re.DOTALL)


def test_the_guide_has_runnable_blocks_and_says_why_the_others_are_not() -> None:
    runnable = [block for block in BLOCKS if not block.startswith("# Not runnable")]
    assert len(runnable) >= 6 and len(BLOCKS) - len(runnable) == 1


@pytest.mark.parametrize("index", [index for index, block in enumerate(BLOCKS) if not block.startswith("# Not runnable")])
def test_a_guide_block_runs(index: int, redis_server: RedisServer, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("POLYVAULT_", "VGS_", "VAULTPAM_"))}
    env["POLYVAULT_COORDINATION_URL"] = redis_server.url
    (tmp_path / "block.py").write_text(BLOCKS[index])
    done = subprocess.run([sys.executable, "block.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"block {index}:\n{BLOCKS[index][:300]}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
