"""Shared plumbing of the benchmark harness: paths, statistics, fake-server processes, worker processes.

Everything that runs here is bounded: a server must announce itself within a deadline, a worker
must finish within its timeout, and every process this module starts is stopped on the way out
(also on Ctrl-C, SIGTERM or an exception).
"""

from __future__ import annotations

import json
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = ROOT / "bench-results"
DEV_PYTHON = ROOT / ".venv" / "bin" / "python"
SERVER_SCRIPT = HERE / "serve_fake.py"
WORKER_SCRIPT = HERE / "worker.py"


class BenchError(RuntimeError):
    """The harness itself failed (a server did not start, a worker crashed or timed out)."""


def log(message: str) -> None:
    """Progress on stderr, so stdout stays the report."""
    print(message, file=sys.stderr, flush=True)


def median(values: Iterable[float]) -> float:
    """The median (NaN for no values)."""
    data = list(values)
    return statistics.median(data) if data else float("nan")


def rotated(items: Sequence[Any], shift: int) -> list[Any]:
    """`items` rotated left by `shift`, so no contender always runs first in a round."""
    if not items:
        return []
    shift %= len(items)
    return [*items[shift:], *items[:shift]]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for child processes: ours, without variables that would change what is measured."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VGS_", "APIDECK_", "VAULTPAM_", "VAULTERA_"))}
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.update(extra)
    return env


def dev_tools_env() -> dict[str, str]:
    """child_env() with the development venv's bin first on PATH (for pip and the generator)."""
    return child_env(PATH=f"{DEV_PYTHON.parent}{os.pathsep}{os.environ.get('PATH', '')}")


@dataclass
class Server:
    """One fake vault served by scripts/bench/serve_fake.py in its own process."""

    base_url: str
    env: dict[str, str]
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far (Linux /proc; NaN elsewhere)."""
        return process_cpu_seconds(self.pid)


def process_cpu_seconds(pid: int) -> float:
    """user + system CPU seconds of process `pid`, all threads (from /proc/<pid>/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class FakeServer:
    """Context manager: start a fake vault process, read its JSON announcement, stop it on exit.

    The fake runs in the development venv (it needs polyvault.testing), with spec validation and the
    volume rate limit off, so the client's cost is what the benchmark measures.
    """

    def __init__(self, vault: str, *, latency: float = 0.0, logs: int = 0, start_timeout: float = 60.0) -> None:
        self.vault = vault
        self.latency = latency
        self.logs = logs
        self.start_timeout = start_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _stop(), which __enter__/__exit__ always reach

    def __enter__(self) -> Server:
        command = [str(DEV_PYTHON), str(SERVER_SCRIPT), self.vault, "--latency", str(self.latency), "--logs", str(self.logs)]
        # A session of its own: the terminal's Ctrl-C reaches only the harness, which then stops the server itself.
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL, env=child_env(), start_new_session=True
        )
        try:
            line = self._first_line()
            info = json.loads(line)
            return Server(base_url=info["base_url"], env=info["env"], pid=self._process.pid)
        except BaseException:
            self._stop()
            raise

    def _first_line(self) -> str:
        assert self._process is not None
        assert self._process.stdout is not None
        deadline = time.monotonic() + self.start_timeout
        buffer = b""
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BenchError(f"fake {self.vault} did not start within {self.start_timeout:.0f}s{self._stderr_tail()}")
            ready, _, _ = select.select([self._process.stdout], [], [], min(remaining, 0.5))
            if ready:
                chunk = os.read(self._process.stdout.fileno(), 65536)
                if not chunk:
                    raise BenchError(f"fake {self.vault} exited before announcing itself{self._stderr_tail()}")
                buffer += chunk
            elif self._process.poll() is not None:
                raise BenchError(f"fake {self.vault} exited with {self._process.returncode}{self._stderr_tail()}")
        return buffer.split(b"\n", 1)[0].decode()

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        text = self._stderr.read().decode(errors="replace")[-3000:]
        return f":\n{text}" if text.strip() else ""

    def _stop(self) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
        self._stderr.close()

    def __exit__(self, *exc_info: object) -> None:
        self._stop()


def run_command(
    command: Sequence[str], *, timeout: float, env: dict[str, str] | None = None, cwd: Path | None = None, name: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run a command with a deadline; raise BenchError on failure or timeout (`name` labels the errors; default: the command)."""
    try:
        done = subprocess.run(
            list(command), capture_output=True, text=True, timeout=timeout, env=env or child_env(), stdin=subprocess.DEVNULL, cwd=cwd
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"{name or ' '.join(command[:3]) + ' ...'} timed out after {timeout:.0f}s") from exc
    if done.returncode != 0:
        raise BenchError(
            f"{name or ' '.join(command[:4]) + ' ...'} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
        )
    return done


def run_worker(python: Path, task: str, args: dict[str, Any], *, timeout: float) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter of `python` (cwd: the temp dir); return the JSON it printed last."""
    name = f"worker {task} {args.get('contender', '')}".rstrip()
    command = [str(python), str(WORKER_SCRIPT), task, json.dumps(args)]
    done = run_command(command, timeout=timeout, cwd=Path(tempfile.gettempdir()), name=name)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise BenchError(f"{name} printed no result:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def luhn_cards(count: int, seed: int = 0) -> list[str]:
    """`count` distinct, Luhn-valid 16-digit test card numbers (deterministic)."""
    cards = []
    for index in range(count):
        body = f"4{(seed * 7919 + index) % 10**14:014d}"  # 15 digits
        total = 0
        for position, char in enumerate(reversed(body)):
            digit = int(char)
            if position % 2 == 0:  # doubled: the check digit will sit to the right of this one
                digit *= 2
                digit = digit - 9 if digit > 9 else digit
            total += digit
        cards.append(body + str((10 - total % 10) % 10))
    return cards
