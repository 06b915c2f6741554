"""Run a fleet of worker processes (`_worker.py`) and read their results, bounded in time; every process is stopped."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

WORKER = Path(__file__).with_name("_worker.py")


class Fleet:
    """`count` worker processes with the same settings; a context manager that kills any process still running on exit."""

    def __init__(self, count: int, settings: dict[str, Any]) -> None:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("POLYVAULT_", "VGS_", "VAULTPAM_"))}
        self._errors: list[IO[bytes]] = []
        self._lines: list[queue.Queue[str]] = []
        self.processes: list[subprocess.Popen[str]] = []
        for _ in range(count):
            stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__
            process = subprocess.Popen(
                [sys.executable, str(WORKER), json.dumps(settings)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env=env,
            )
            lines: queue.Queue[str] = queue.Queue()
            threading.Thread(target=self._pump, args=(process, lines), daemon=True).start()
            self._errors.append(stderr)
            self._lines.append(lines)
            self.processes.append(process)

    @staticmethod
    def _pump(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    def read(self, timeout: float) -> list[dict[str, Any]]:
        """The next JSON line of every worker (waiting at most `timeout` seconds for each)."""
        return [self.read_one(index, timeout) for index in range(len(self.processes))]

    def read_one(self, index: int, timeout: float) -> dict[str, Any]:
        """The next JSON line of worker `index`."""
        lines = self._lines[index]
        deadline = time.monotonic() + timeout
        while True:
            try:
                found: dict[str, Any] = json.loads(lines.get(timeout=0.2))
                return found
            except queue.Empty:
                if self.processes[index].poll() is not None and lines.empty():
                    raise AssertionError(f"worker {index} exited early:\n{self.stderr(index)}") from None
                if time.monotonic() > deadline:
                    raise AssertionError(f"worker {index} said nothing for {timeout} s:\n{self.stderr(index)}") from None

    def go(self) -> None:
        """Start every worker's next phase."""
        for process in self.processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()

    def finish(self, timeout: float) -> list[dict[str, Any]]:
        """Every worker's final result (the line after its last phase's); each must exit cleanly."""
        results = self.read(timeout)
        while any("phases" not in result for result in results):
            results = [result if "phases" in result else self.read_one(index, timeout) for index, result in enumerate(results)]
        for index, process in enumerate(self.processes):
            assert process.wait(timeout=timeout) == 0, f"worker {index} exited with {process.returncode}:\n{self.stderr(index)}"
        return results

    def stderr(self, index: int) -> str:
        """What worker `index` wrote on stderr (its last 3,000 characters)."""
        handle = self._errors[index]
        handle.seek(0)
        return handle.read().decode(errors="replace")[-3000:]

    def __enter__(self) -> Fleet:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        for handle in self._errors:
            handle.close()
