"""`make bench` fleet scenario: 8 processes bursting over one shared VGS budget, uncoordinated vs coordinated.

Usage: .venv/bin/python scripts/bench/fleet.py [--quick]     (also `run.py --only fleet`, part of `make bench`)

The budget is FakeVGS's own volume limit, enforced server-side and scaled: the clock is scaled, not
the physics. 600 requests per minute, counted in 6-second windows of 60 (quick: 3-second windows
of 30): the vault's window is ten (twenty) times shorter, so Retry-After waits shrink with it,
while requests cost what they cost, about ten times faster than the budget lets them go. The fake
runs in this process (its counters are read directly); each fleet process is a fresh interpreter
of the development venv (it has redis-py), 4 threads revealing one alias. Each process makes one
call to warm up (imports, connections, fleet keys); then, at the start of one of the vault's
windows, all start at once and must complete four windows' budget together (a burst well above
it), with the same retry policy (enough retries for every call to complete). Columns:

- uncoordinated: every process on its own, as without fleet mode;
- coordinated: `coordination=` a real redis-server on 127.0.0.1 (started here, stopped after),
  told the scaled budget.

Reported per column: requests sent, 429s received (and their share), useful requests per second
(completed calls / wall time), the share of the budget's rate, and wall time. Targets: coordinated
<= 1 % 429s and >= 90 % of the budget's rate. Then VaultPAM: 8 processes x 4 threads start with no
session: logins per fleet start (target 1). Every process started here is stopped, on error too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import DEV_PYTHON, BenchError, child_env, log  # noqa: E402

PROCESSES, THREADS = 8, 4
_START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Scenario:
    """Sizes of one fleet run."""

    limit: int  # requests per window (FakeVGS's volume limit)
    window: float  # seconds per window
    per_process: int  # successful calls each process must complete

    @classmethod
    def make(cls, quick: bool) -> Scenario:
        if quick:
            return cls(limit=30, window=3.0, per_process=4 * 30 // PROCESSES)
        return cls(limit=60, window=6.0, per_process=4 * 60 // PROCESSES)

    @property
    def rate(self) -> float:
        """The budget's rate, requests per second."""
        return self.limit / self.window


# --- one fleet process -------------------------------------------------------------------------------------


def worker(settings: dict[str, Any]) -> None:
    """A fleet process: build the client, say ready, wait for "go", make the calls with THREADS threads, print the result."""
    from polyvault import VGS, Coordination, RateLimitError, RetryPolicy, VaultPAM

    options: dict[str, Any] = {"base_url": settings["base_url"], **settings["credentials"]}
    options["retry_policy"] = RetryPolicy(max_retries=30, backoff=0.05, max_backoff=1.0, max_wait=300.0)
    if settings.get("coordination"):
        budget, url = settings.get("budget"), settings["coordination"]
        options["coordination"] = Coordination(url, requests=budget[0], per=budget[1]) if budget else url
    client = VGS(**options) if settings["vault"] == "vgs" else VaultPAM(**options)
    if settings["vault"] == "vgs":
        client.aliases.reveal(settings["alias"])  # warm: imports, connections, fleet keys (VaultPAM's first call is what is counted)
    print(json.dumps({"ready": True}), flush=True)
    if not sys.stdin.readline():
        return
    calls, failures, lock = [0], [0], threading.Lock()

    def work(count: int) -> None:
        for _ in range(count):
            try:
                if settings["vault"] == "vgs":
                    client.aliases.reveal(settings["alias"])
                else:
                    client.safes.list()
            except RateLimitError:
                with lock:
                    failures[0] += 1
                continue
            with lock:
                calls[0] += 1

    share = [settings["calls"] // THREADS + (1 if index < settings["calls"] % THREADS else 0) for index in range(THREADS)]
    threads = [threading.Thread(target=work, args=(count,)) for count in share]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ended = time.time()
    client.close()
    print(json.dumps({"start": started, "end": ended, "calls": calls[0], "failed": failures[0]}), flush=True)


# --- the harness ---------------------------------------------------------------------------------------------


class _Processes:
    """PROCESSES workers with the same settings; read line by line with a deadline; all stopped on exit."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self._errors: list[IO[bytes]] = []
        self.processes: list[subprocess.Popen[str]] = []
        for _ in range(PROCESSES):
            stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
            self._errors.append(stderr)
            self.processes.append(
                subprocess.Popen(
                    [str(DEV_PYTHON), str(Path(__file__).resolve()), "worker", json.dumps(settings)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=stderr,
                    text=True,
                    env=child_env(),
                    cwd=tempfile.gettempdir(),
                )
            )

    def read(self, timeout: float) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        lines = []
        for index, process in enumerate(self.processes):
            assert process.stdout is not None
            line = _readline(process.stdout, deadline)
            if not line:
                self._errors[index].seek(0)
                tail = self._errors[index].read().decode(errors="replace")[-2000:]
                raise BenchError(f"fleet worker {index} said nothing within {timeout:.0f}s (exit {process.poll()}):\n{tail}")
            lines.append(json.loads(line))
        return lines

    def go(self) -> None:
        for process in self.processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        for handle in self._errors:
            handle.close()


def _readline(stream: IO[str], deadline: float) -> str:
    import select

    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], min(0.5, max(0.0, deadline - time.monotonic())))
        if ready:
            return stream.readline()
    return ""


@contextmanager
def _fleet(settings: dict[str, Any]) -> Iterator[_Processes]:
    processes = _Processes(settings)
    try:
        yield processes
    finally:
        processes.stop()


def _run_fleet(settings: dict[str, Any], timeout: float, fake: Any = None) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Start the fleet, wait until every process is ready (and for the start of the vault's next window), start them
    at once; return their results and the fake's request and 429 counts at the start."""
    with _fleet(settings) as fleet:
        fleet.read(_START_TIMEOUT)
        if fake is not None and fake.rate_limit is not None:
            time.sleep(max(0.0, (fake.window_index() + 1) * fake.rate_window - fake.clock()))
        start = {"requests": fake.count() if fake is not None else 0, "throttled": fake.throttled if fake is not None else 0}
        fleet.go()
        return fleet.read(timeout), start


def vgs_column(scenario: Scenario, coordination: str | None) -> dict[str, Any]:
    """One column: the fleet's burst against a fresh FakeVGS with the scaled budget."""
    from polyvault.testing import FakeVGS

    fake = FakeVGS(rate_limit=scenario.limit, rate_window=scenario.window, validate=False)
    with fake.client() as setup:
        alias = setup.aliases.tokenize(["4111111111111111"])[0]
    route = "GET /aliases/{alias}"
    fake.requests.clear()
    with fake.serve() as base_url:
        settings = {
            "vault": "vgs",
            "base_url": base_url,
            "credentials": fake.credentials(),
            "alias": alias,
            "calls": scenario.per_process,
            "coordination": coordination,
            "budget": [scenario.limit, scenario.window],
        }
        results, start = _run_fleet(settings, timeout=60 * scenario.window + 120, fake=fake)
    sent = fake.count(route) - start["requests"]
    throttled = fake.throttled - start["throttled"]
    useful = sum(result["calls"] for result in results)
    wall = max(result["end"] for result in results) - min(result["start"] for result in results)
    return {
        "requests_sent": sent,
        "throttled_429": throttled,
        "share_429": throttled / sent if sent else float("nan"),
        "useful_calls": useful,
        "failed_calls": sum(result["failed"] for result in results),
        "wall_s": round(wall, 3),
        "useful_per_s": useful / wall if wall > 0 else float("nan"),
        "share_of_budget_rate": useful / wall / scenario.rate if wall > 0 else float("nan"),
    }


def vaultpam_logins(coordination: str | None) -> dict[str, Any]:
    """8 processes x 4 threads start at once with no session: how many logins the fleet makes."""
    from polyvault.testing import FakeVaultPAM

    fake = FakeVaultPAM(validate=False, user_limit=100_000)
    with fake.serve() as base_url:
        settings = {
            "vault": "vaultpam",
            "base_url": base_url,
            "credentials": fake.credentials(),
            "calls": THREADS,
            "coordination": coordination,
        }
        results, _ = _run_fleet(settings, timeout=120)
    return {"logins": fake.logins, "login_429": fake.throttled, "calls": sum(result["calls"] for result in results)}


def measure(quick: bool) -> dict[str, Any]:
    """Both columns of the VGS scenario and of the VaultPAM start; every process and server is stopped after."""
    from polyvault.testing import RedisServer

    scenario = Scenario.make(quick)
    work = PROCESSES * scenario.per_process
    log(f"fleet: {PROCESSES} processes x {THREADS} threads, {work} reveals, budget {scenario.limit} per {scenario.window:g} s")
    with RedisServer() as redis:
        log("fleet: uncoordinated")
        uncoordinated = vgs_column(scenario, None)
        log("fleet: coordinated")
        coordinated = vgs_column(scenario, redis.url)
        log("fleet: VaultPAM logins")
        logins = {"uncoordinated": vaultpam_logins(None), "coordinated": vaultpam_logins(redis.url)}
    return {
        "scenario": {**scenario.__dict__, "processes": PROCESSES, "threads": THREADS, "budget_rate_per_s": scenario.rate},
        "uncoordinated": uncoordinated,
        "coordinated": coordinated,
        "vaultpam": logins,
    }


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{100 * value:.1f} %"


def render(result: dict[str, Any]) -> str:
    """The markdown section."""
    scenario, columns = result["scenario"], (result["uncoordinated"], result["coordinated"])
    rows = [
        ("requests sent", *(f"{column['requests_sent']:,}" for column in columns)),
        ("429s received", *(f"{column['throttled_429']:,} ({_pct(column['share_429'])})" for column in columns)),
        ("useful requests / s", *(f"{column['useful_per_s']:.1f}" for column in columns)),
        ("share of the budget's rate", *(_pct(column["share_of_budget_rate"]) for column in columns)),
        ("wall time for the same work", *(f"{column['wall_s']:.1f} s" for column in columns)),
        ("calls that failed (429 after all retries)", *(str(column["failed_calls"]) for column in columns)),
        ("VaultPAM logins per fleet start", *(str(result["vaultpam"][name]["logins"]) for name in ("uncoordinated", "coordinated"))),
    ]
    table = "| | uncoordinated | coordinated (Redis) |\n|---|---:|---:|\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    return (
        f"### Fleet: {scenario['processes']} processes x {scenario['threads']} threads, "
        f"{scenario['processes'] * scenario['per_process']:,} reveals at once against FakeVGS limited to "
        f"{scenario['limit']} per {scenario['window']:g} s ({scenario['budget_rate_per_s']:g}/s; the clock is scaled, not the physics)\n\n"
        f"{table}\n"
    )


def run(report: Any, python: Path) -> None:
    """run.py's hook (`--only fleet`): measure, record targets, add the section. `python` is unused: workers need redis-py."""
    result = measure(bool(report.settings.quick))
    report.workloads["fleet"] = result
    coordinated = result["coordinated"]
    report.target("fleet coordinated: share of requests answered 429", 100 * coordinated["share_429"], "<=", 1.0, "%")
    report.target("fleet coordinated: share of the budget's rate used", 100 * coordinated["share_of_budget_rate"], ">=", 90.0, "%")
    report.target("fleet VaultPAM: logins per fleet start", result["vaultpam"]["coordinated"]["logins"], "<=", 1.0, "logins")
    report.sections.append(render(result))


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["worker"]:
        worker(json.loads(arguments[1]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller budget and burst")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(arguments)
    os.environ.pop("POLYVAULT_COORDINATION_URL", None)
    result = measure(args.quick)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
