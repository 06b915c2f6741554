"""`make bench`: polyvault against raw httpx, its generated clients and the vendors' SDKs, side by side.

Usage: .venv/bin/python scripts/bench/run.py [--quick] [--only WORKLOAD ...] [--rounds N] [--strict]

Workloads (see issue 5):
  percall   2,000 sequential VGS reveals: raw httpx (the floor), the generated client, the facade; sync and async
  bulk      10,000 card numbers tokenized, 0 and 5 ms latency: VGS, AsyncVGS, the official vgs-api-client 0.0.51 and raw
            httpx, each sequentially and at 8 in flight (official: pool_threads + async_req; raw sync: a thread pool)
  paging    10,000 Apideck log entries through the facade iterator at limit=200: time and peak memory growth
  imports   fresh interpreters: polyvault, polyvault + each vault, the generated packages, the vendors' SDKs
  generate  scripts/generate.py (what `make generate` runs) for all four vaults, into a temporary tree
  fleet     8 processes bursting over one scaled VGS budget, uncoordinated vs fleet mode (see fleet.py)

Contenders run alternately (the order rotates every round), each in a fresh interpreter of the
benchmark venv (see benchenv.py), against a fake vault served by another process with spec
validation and rate limiting off. Ratios are medians of the per-round paired ratios. The report is
printed as markdown and written to bench-results/bench.json (and bench.md). Exit status: 0 when the
harness completed (missed targets show as FAIL), 2 with --strict and a missed target, 1 on a
harness failure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import benchenv
import fleet
from common import DEV_PYTHON, RESULTS, ROOT, BenchError, FakeServer, dev_tools_env, log, median, rotated, run_command, run_worker

WORKLOADS = ("percall", "bulk", "paging", "imports", "generate", "fleet")


@dataclass
class Settings:
    """Sizes of one run (full or --quick)."""

    quick: bool
    rounds: int
    percall_n: int
    percall_warmup: int
    percall_block: int
    bulk_count: int
    bulk_chunk: int = 20  # values per create request, for every contender (VGS's documented limit; the facade checks its own)
    bulk_latency: float = 0.005
    bulk_concurrency: int = 8
    bulk_format: str = "UUID"
    paging_count: int = 10_000
    paging_limit: int = 200
    paging_rounds: int = 3
    import_runs: int = 7
    vendor_import_runs: int = 3
    generate_runs: int = 2

    @classmethod
    def make(cls, quick: bool, rounds: int | None) -> Settings:
        if quick:
            return cls(
                quick=True, rounds=rounds or 1, percall_n=300, percall_warmup=30, percall_block=50,
                bulk_count=1000,
                paging_count=2000, paging_rounds=1, import_runs=3, vendor_import_runs=1, generate_runs=1,
            )  # fmt: skip
        return cls(
            quick=False,
            rounds=rounds or 3,
            percall_n=2000,
            percall_warmup=200,
            percall_block=100,
            bulk_count=10_000,
        )


@dataclass
class Target:
    """One target of issue 5 and whether this run met it."""

    name: str
    value: float
    op: str  # "<=", ">=", "<"
    limit: float
    unit: str

    @property
    def passed(self) -> bool:
        if self.value != self.value:  # NaN: not measured
            return False
        return {"<=": self.value <= self.limit, ">=": self.value >= self.limit, "<": self.value < self.limit}[self.op]


@dataclass
class Report:
    """Everything measured in one run."""

    settings: Settings
    meta: dict[str, Any] = field(default_factory=dict)
    workloads: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def target(self, name: str, value: float, op: str, limit: float, unit: str) -> None:
        self.targets.append(Target(name, value, op, limit, unit))

    def to_json(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "settings": self.settings.__dict__,
            "workloads": self.workloads,
            "targets": [{**target.__dict__, "passed": target.passed} for target in self.targets],
            "notes": self.notes,
        }


def _fmt(value: float, digits: int = 1) -> str:
    if value != value:
        return "n/a"
    return f"{value:,.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _paired_ratio(samples: dict[str, list[dict[str, Any]]], contender: str, baseline: str, key: Callable[[dict[str, Any]], float]) -> float:
    """Median over rounds of key(contender) / key(baseline) in the same round."""
    pairs = zip(samples[contender], samples[baseline], strict=True)
    return median(key(mine) / key(theirs) for mine, theirs in pairs if key(theirs) > 0)


# --- 1. per-call overhead -------------------------------------------------------------------------

PERCALL = {  # contender -> its baseline
    "raw_sync": "raw_sync",
    "generated_sync": "raw_sync",
    "facade_sync": "raw_sync",
    "raw_async": "raw_async",
    "generated_async": "raw_async",
    "facade_async": "raw_async",
}
LABELS = {
    "raw_sync": "raw httpx.Client",
    "generated_sync": "generated polyvault_vgs_client (sync_detailed)",
    "facade_sync": "polyvault VGS",
    "raw_async": "raw httpx.AsyncClient",
    "generated_async": "generated polyvault_vgs_client (asyncio_detailed)",
    "facade_async": "polyvault AsyncVGS",
    "official": "official vgs-api-client 0.0.51",
}


def _seed_alias(server: Any, value: str) -> str:
    import httpx

    env = server.env
    response = httpx.post(
        f"{server.base_url}/aliases",
        json={"data": [{"value": value, "format": "UUID"}]},
        auth=(env["VGS_USERNAME"], env["VGS_PASSWORD"]),
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["data"][0]["aliases"][0]["alias"])


def percall(report: Report, python: Path) -> None:
    settings = report.settings
    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in PERCALL}
    groups = {"sync": [name for name in PERCALL if name.endswith("_sync")], "async": [name for name in PERCALL if name.endswith("_async")]}
    value = "4111111111111111"

    def cpu(sample: dict[str, Any]) -> float:  # seconds per call (each worker makes percall_n calls per contender)
        return float(sample["cpu"]) / settings.percall_n

    def wall(sample: dict[str, Any]) -> float:
        return float(sample["wall"]) / settings.percall_n

    for round_index in range(settings.rounds):
        with FakeServer("vgs") as server:
            alias = _seed_alias(server, value)
            for mode in rotated(list(groups), round_index):
                args = {
                    "mode": mode, "contenders": rotated(groups[mode], round_index), "n": settings.percall_n,
                    "block": settings.percall_block, "warmup": settings.percall_warmup, "base_url": server.base_url,
                    "username": server.env["VGS_USERNAME"], "password": server.env["VGS_PASSWORD"], "alias": alias, "value": value,
                }  # fmt: skip
                result = run_worker(python, "percall", args, timeout=60 + settings.percall_n * 0.1)
                for contender, totals in result["contenders"].items():
                    samples[contender].append(totals)
                    log(
                        f"percall round {round_index + 1}/{settings.rounds} {contender:16} "
                        f"{wall(totals) * 1e6:8.0f} us/call wall {cpu(totals) * 1e6:8.0f} us/call CPU"
                    )

    rows, summary = [], {}
    for contender, baseline in PERCALL.items():
        cpu_ratios = [cpu(a) / cpu(b) for a, b in zip(samples[contender], samples[baseline], strict=True) if cpu(b) > 0]
        entry = {
            "baseline": baseline,
            "wall_us_per_call": median(wall(s) for s in samples[contender]) * 1e6,
            "cpu_us_per_call": median(cpu(s) for s in samples[contender]) * 1e6,
            "wall_ratio": _paired_ratio(samples, contender, baseline, wall),
            "cpu_ratio": median(cpu_ratios),
            "cpu_ratios_per_round": cpu_ratios,
            "samples": samples[contender],
        }
        summary[contender] = entry
        rows.append([
            LABELS[contender], _fmt(entry["wall_us_per_call"], 0), _fmt(entry["cpu_us_per_call"], 0),
            f"{entry['wall_ratio']:.2f}×", f"{entry['cpu_ratio']:.2f}×",
            " ".join(f"{ratio:.2f}" for ratio in entry["cpu_ratios_per_round"]), LABELS[baseline],
        ])  # fmt: skip
    report.workloads["percall"] = {
        "calls": settings.percall_n,
        "block": settings.percall_block,
        "rounds": settings.rounds,
        "contenders": summary,
    }
    report.target("per-call CPU, VGS vs raw httpx.Client", summary["facade_sync"]["cpu_ratio"], "<=", 1.15, "×")
    report.target("per-call CPU, AsyncVGS vs raw httpx.AsyncClient", summary["facade_async"]["cpu_ratio"], "<=", 1.15, "×")
    report.sections.append(
        f"### 1. Per-call overhead: {settings.percall_n:,} sequential VGS reveals per contender × {settings.rounds} rounds "
        f"(contenders of one mode interleaved in blocks of {settings.percall_block} calls in one process)\n\n"
        + _table(["contender", "wall µs/call", "client CPU µs/call", "wall ratio", "CPU ratio", "CPU ratio per round", "baseline"], rows)
    )


# --- 2. bulk tokenization --------------------------------------------------------------------------

SEQUENTIAL = 1


def _bulk_entries(width: int) -> dict[str, tuple[str, int, str]]:
    """key -> (worker contender, concurrency, label): every contender sequentially and at `width` requests in flight."""
    return {
        "official@1": ("official", SEQUENTIAL, "official vgs-api-client 0.0.51, sequential"),
        "raw_sync@1": ("raw_sync", SEQUENTIAL, "raw httpx.Client, sequential"),
        "facade_sync@1": ("facade_sync", SEQUENTIAL, "polyvault VGS, max_concurrency=1"),
        f"official@{width}": ("official", width, f"official vgs-api-client 0.0.51, ApiClient(pool_threads={width}) + async_req=True"),
        f"raw_sync@{width}": ("raw_sync", width, f"raw httpx.Client, ThreadPoolExecutor({width})"),
        f"facade_sync@{width}": ("facade_sync", width, f"polyvault VGS, max_concurrency={width} (worker threads)"),
        f"raw_async@{width}": ("raw_async", width, f"raw httpx.AsyncClient, asyncio.Semaphore({width})"),
        f"facade_async@{width}": ("facade_async", width, f"polyvault AsyncVGS, max_concurrency={width}"),
    }


def _bulk_baselines(key: str) -> tuple[str, str]:
    """(the official SDK at the same concurrency, raw httpx of the same mode at the same concurrency) for an entry."""
    contender, width = key.split("@")
    raw = {"facade_sync": "raw_sync", "facade_async": "raw_async"}.get(contender, contender)
    return f"official@{width}", f"{raw}@{width}"


def bulk(report: Report, python: Path) -> None:
    settings = report.settings
    width = settings.bulk_concurrency
    entries = _bulk_entries(width)
    latencies = (0.0, settings.bulk_latency)
    samples: dict[float, dict[str, list[dict[str, Any]]]] = {latency: {key: [] for key in entries} for latency in latencies}
    for round_index in range(settings.rounds):
        for latency in latencies:
            for key in rotated(list(entries), round_index):
                contender, concurrency, _ = entries[key]
                with FakeServer("vgs", latency=latency) as server:  # a fresh server each: none inherits another's store
                    args = {
                        "contender": contender, "count": settings.bulk_count, "format": settings.bulk_format, "chunk": settings.bulk_chunk,
                        "seed": round_index * 100 + int(latency * 1000), "concurrency": concurrency,
                        "base_url": server.base_url, "username": server.env["VGS_USERNAME"], "password": server.env["VGS_PASSWORD"],
                    }  # fmt: skip
                    server_cpu = server.cpu_seconds()
                    result = run_worker(python, "bulk", args, timeout=120 + settings.bulk_count * 0.02)
                    result["server_cpu"] = server.cpu_seconds() - server_cpu
                    samples[latency][key].append(result)
                    log(
                        f"bulk round {round_index + 1}/{settings.rounds} latency {latency * 1000:.0f} ms {key:16} "
                        f"{result['wall']:6.2f} s  {result['n'] / result['wall']:8.0f} values/s  CPU {result['cpu']:6.2f} s"
                    )

    def seconds(sample: dict[str, Any]) -> float:
        return float(sample["wall"])

    summary: dict[str, Any] = {}
    rows = []
    for latency in latencies:
        per = samples[latency]
        entry: dict[str, Any] = {}
        for key, (_, concurrency, label) in entries.items():
            official, raw = _bulk_baselines(key)
            wall = median(seconds(s) for s in per[key])
            cpu = median(float(s["cpu"]) for s in per[key])
            requests = per[key][0]["requests"]
            # baseline time / contender time in the same round = throughput ratio
            vs_official = _paired_ratio(per, official, key, seconds)
            vs_raw = _paired_ratio(per, raw, key, seconds)
            server = median(float(s["server_cpu"]) for s in per[key]) / (requests + concurrency)  # + the warm-up round
            entry[key] = {
                "label": label, "concurrency": concurrency, "wall_s": wall, "values_per_s": settings.bulk_count / wall, "cpu_s": cpu,
                "cpu_ms_per_request": cpu / requests * 1e3, "server_cpu_ms_per_request": server * 1e3,
                "throughput_vs_official_same_concurrency": vs_official, "throughput_vs_raw_httpx_same_concurrency": vs_raw,
                "samples": per[key],
            }  # fmt: skip
            rows.append([
                f"{latency * 1000:.0f} ms", label, _fmt(wall, 2), _fmt(settings.bulk_count / wall, 0), _fmt(cpu / requests * 1e3, 2),
                _fmt(server * 1e3, 2), f"{vs_official:.2f}×", f"{vs_raw:.2f}×",
            ])  # fmt: skip
        summary[f"{latency * 1000:.0f}ms"] = entry
    report.workloads["bulk"] = {
        "values": settings.bulk_count,
        "per_request": settings.bulk_chunk,
        "concurrency": width,
        "rounds": settings.rounds,
        "latencies": summary,
    }
    slow = summary[f"{settings.bulk_latency * 1000:.0f}ms"]
    ms = f"{settings.bulk_latency * 1000:.0f} ms"
    for name, mode in (("VGS", "facade_sync"), ("AsyncVGS", "facade_async")):
        key = f"{mode}@{width}"
        report.target(
            f"bulk {ms}, {name} vs official SDK, both {width} in flight",
            slow[key]["throughput_vs_official_same_concurrency"],
            ">=",
            2.0,
            "×",
        )
        raw = "httpx.Client + threads" if mode == "facade_sync" else "httpx.AsyncClient"
        report.target(
            f"bulk {ms}, {name} vs raw {raw}, both {width} in flight", slow[key]["throughput_vs_raw_httpx_same_concurrency"], ">=", 0.9, "×"
        )
    report.sections.append(
        f"### 2. Bulk tokenization: {settings.bulk_count:,} card numbers ({settings.bulk_format} aliases), "
        f"{settings.bulk_chunk} per request × {settings.rounds} rounds, each contender sequentially and with {width} requests in flight; "
        "ratios are throughput against the official SDK and against raw httpx of the same mode, each at the same concurrency\n\n"
        + _table(
            [
                "latency",
                "contender",
                "wall s",
                "values/s",
                "client CPU ms/request",
                "server CPU ms/request",
                "vs official, same concurrency",
                "vs raw httpx, same concurrency",
            ],
            rows,
        )
    )


# --- 3. paging -----------------------------------------------------------------------------------

PAGING = {"raw_sync": LABELS["raw_sync"], "facade_sync": "polyvault Apideck logs.list"}  # contender -> label


def paging(report: Report, python: Path) -> None:
    settings = report.settings
    timing: dict[str, list[dict[str, Any]]] = {name: [] for name in PAGING}
    memory: dict[str, list[dict[str, Any]]] = {name: [] for name in PAGING}
    with FakeServer("apideck", logs=settings.paging_count, start_timeout=120) as server:
        for round_index in range(settings.paging_rounds):
            for contender in rotated(list(PAGING), round_index):
                for trace, into in ((False, timing), (True, memory)):
                    args = {
                        "contender": contender, "limit": settings.paging_limit, "max_items": settings.paging_count + 1,
                        "trace": trace, "env": server.env, "base_url": server.base_url,
                    }  # fmt: skip
                    result = run_worker(python, "paging", args, timeout=120 + settings.paging_count * 0.02)
                    if result["n"] != settings.paging_count:
                        raise BenchError(f"paging {contender} saw {result['n']} entries, expected {settings.paging_count}")
                    into[contender].append(result)
                    log(
                        f"paging round {round_index + 1}/{settings.paging_rounds} {contender:12} trace={trace!s:5} "
                        f"{result['wall']:6.2f} s  CPU {result['cpu']:6.2f} s  peak +{result['peak_bytes'] / 2**20:6.2f} MB"
                    )
    summary, rows = {}, []
    for contender in PAGING:
        wall = median(float(s["wall"]) for s in timing[contender])
        cpu = median(float(s["cpu"]) for s in timing[contender])
        peak = max(float(s["peak_bytes"]) for s in memory[contender]) / 2**20
        ratio = _paired_ratio(timing, contender, "raw_sync", lambda s: float(s["cpu"]))
        summary[contender] = {
            "wall_s": wall,
            "cpu_s": cpu,
            "cpu_vs_raw": ratio,
            "peak_growth_mb": peak,
            "timing": timing[contender],
            "memory": memory[contender],
        }
        rows.append([
            PAGING[contender], _fmt(wall, 2),
            _fmt(settings.paging_count / wall, 0), _fmt(cpu / (settings.paging_count / settings.paging_limit) * 1e3, 2),
            f"{ratio:.2f}×", _fmt(peak, 2),
        ])  # fmt: skip
    report.workloads["paging"] = {
        "entries": settings.paging_count,
        "limit": settings.paging_limit,
        "rounds": settings.paging_rounds,
        "contenders": summary,
    }
    report.target(
        "paging: client CPU per page, Apideck logs.list vs raw httpx.Client", summary["facade_sync"]["cpu_vs_raw"], "<=", 1.5, "×"
    )
    report.target(
        f"paging memory: peak growth over {settings.paging_count:,} entries", summary["facade_sync"]["peak_growth_mb"], "<", 20, "MB"
    )
    report.sections.append(
        f"### 3. Paging: {settings.paging_count:,} Apideck log entries at limit={settings.paging_limit} "
        f"× {settings.paging_rounds} rounds\n\n"
        + _table(["contender", "wall s", "entries/s", "client CPU ms/page", "CPU vs raw", "peak growth MB (tracemalloc)"], rows)
    )


# --- 4. import time ----------------------------------------------------------------------------------

_PROBE = """
import time
_c0, _t0 = time.process_time(), time.perf_counter()
{imports}
_t1 = time.perf_counter()
{use}
_t2, _c2 = time.perf_counter(), time.process_time()
import json, sys
print(json.dumps({{"ms": (_t2 - _t0) * 1000, "cpu_ms": (_c2 - _c0) * 1000, "import_ms": (_t1 - _t0) * 1000,
                  "use_ms": (_t2 - _t1) * 1000, "modules": len(sys.modules), "httpx_cli": "httpx._main" in sys.modules}}))
"""
VAULT_USES = {
    "VGS": ("VGS", "VGS(username='u', password='p').close()"),
    "Apideck": ("Apideck", "Apideck(api_key='k', app_id='a', consumer_id='c').close()"),
    "VaultPAM": ("VaultPAM", "VaultPAM(token='t', org_id='o').close()"),
    "Vaultera": ("Vaultera", "Vaultera(api_key='k').close()"),
}
GENERATED = ("polyvault_vgs_client", "polyvault_apideck_client", "polyvault_vaultpam_client", "polyvault_vaultera_client")


@dataclass(frozen=True)
class Probe:
    """One import measurement: `imports` then `use` in a fresh interpreter, both timed."""

    key: str
    label: str
    imports: str
    use: str = "pass"
    vendor: bool = False

    @property
    def code(self) -> str:
        return _PROBE.format(imports=self.imports, use=self.use)


def _import_probes() -> list[Probe]:
    probes = [
        Probe("httpx", "import httpx (reference)", "import httpx"),
        Probe(
            "httpx+Client",
            "import httpx + httpx.Client() constructed (reference: the floor of any httpx client)",
            "import httpx",
            "httpx.Client().close()",
        ),
        Probe("polyvault", "import polyvault", "import polyvault"),
    ]
    for vault, (name, use) in VAULT_USES.items():
        probes.append(
            Probe(
                f"polyvault+{vault}", f"import polyvault + {vault}(...) constructed", f"import polyvault\nfrom polyvault import {name}", use
            )
        )
    for package in GENERATED:
        probes.append(Probe(package, f"import {package}", f"import {package}"))
        everything = (
            f"import importlib, pkgutil, {package}.api, {package}.models\n"
            f"for _group in pkgutil.iter_modules({package}.api.__path__, '{package}.api.'):\n"
            f"    for _endpoint in pkgutil.iter_modules(importlib.import_module(_group.name).__path__, _group.name + '.'):\n"
            f"        importlib.import_module(_endpoint.name)"
        )
        probes.append(Probe(f"{package}[all]", f"{package} + all models and endpoints", everything))
    probes.append(
        Probe(
            "vgs_api_client",
            "import vgs_api_client + AliasesApi (official VGS SDK 0.0.51)",
            "import vgs_api_client\nimport vgs_api_client.api.aliases_api",
            vendor=True,
        )
    )
    probes.append(Probe("apideck_unify", "import apideck_unify (official Apideck SDK 0.52.0)", "import apideck_unify", vendor=True))
    return probes


def _importtime_by_package(python: Path, code: str, count: int = 10) -> list[dict[str, Any]]:
    """Self time under `python -X importtime`, summed per top-level package, largest first."""
    done = run_command([str(python), "-X", "importtime", "-c", code], timeout=300, cwd=Path(tempfile.gettempdir()))
    totals: dict[str, float] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
        if match:
            top = match.group(3).split(".")[0]
            totals[top] = totals.get(top, 0.0) + int(match.group(1)) / 1000
    return [{"package": name, "self_ms": round(ms, 1)} for name, ms in sorted(totals.items(), key=lambda item: -item[1])[:count]]


def imports(report: Report, python: Path) -> None:
    settings = report.settings
    probes = _import_probes()
    runs = {probe.key: settings.vendor_import_runs if probe.vendor else settings.import_runs for probe in probes}
    samples: dict[str, list[dict[str, Any]]] = {probe.key: [] for probe in probes}
    for run_index in range(max(runs.values())):  # alternate: one fresh interpreter per probe per pass
        for probe in rotated(probes, run_index):
            if len(samples[probe.key]) < runs[probe.key]:
                done = run_command([str(python), "-c", probe.code], timeout=300, cwd=Path(tempfile.gettempdir()))
                samples[probe.key].append(json.loads(done.stdout.strip().splitlines()[-1]))
        log(f"imports pass {run_index + 1}/{max(runs.values())} done")
    results: dict[str, dict[str, Any]] = {}
    rows = []
    for probe in probes:
        mine = samples[probe.key]
        entry = {
            "label": probe.label,
            "median_ms": median(s["ms"] for s in mine),
            "min_ms": min(s["ms"] for s in mine),
            "cpu_median_ms": median(s["cpu_ms"] for s in mine),
            "import_median_ms": median(s["import_ms"] for s in mine),
            "use_median_ms": median(s["use_ms"] for s in mine),
            "modules": mine[-1]["modules"],
            "httpx_cli_loaded": any(s["httpx_cli"] for s in mine),
            "samples": mine,
        }
        if probe.key.startswith("polyvault"):
            entry["importtime_self_ms_by_package"] = _importtime_by_package(python, probe.code)
        results[probe.key] = entry
        rows.append([
            probe.label, _fmt(entry["median_ms"]), _fmt(entry["min_ms"]), _fmt(entry["cpu_median_ms"]),
            _fmt(entry["use_median_ms"]) if probe.use != "pass" else "", str(entry["modules"]),
            "yes" if entry["httpx_cli_loaded"] else "no",
        ])  # fmt: skip
    # Targets use CPU time: an import is CPU-bound, and on a loaded machine the wall clock mostly measures the load.
    worst = max((f"polyvault+{vault}" for vault in VAULT_USES), key=lambda key: results[key]["cpu_median_ms"])
    vendor = results["apideck_unify"]["cpu_median_ms"]
    report.workloads["imports"] = {
        "runs": settings.import_runs,
        "vendor_runs": settings.vendor_import_runs,
        "probes": results,
        "venv": str(python.parent.parent),
    }
    floor = results["httpx+Client"]["cpu_median_ms"]
    slowest = worst.split("+")[1]
    report.target(
        f"(import polyvault + {slowest}(...), the slowest vault) ÷ (import httpx + httpx.Client()), CPU",
        results[worst]["cpu_median_ms"] / floor,
        "<=",
        1.0,
        "×",
    )
    report.target(
        f"import apideck_unify ÷ (import polyvault + {slowest}(...), the slowest vault), CPU",
        vendor / results[worst]["cpu_median_ms"],
        ">=",
        10,
        "×",
    )
    breakdown = results["polyvault+VGS"]["importtime_self_ms_by_package"]
    report.sections.append(
        f"### 4. Import time: fresh interpreters of the benchmark venv (only polyvault[all] + the vendors' SDKs), "
        f"median of {settings.import_runs} ({settings.vendor_import_runs} for the vendors' SDKs); interpreter start-up excluded; "
        "targets judged on CPU time (wall time on a loaded machine measures the load)\n\n"
        + _table(
            ["what", "wall median ms", "wall min ms", "CPU median ms", "of which constructing (wall) ms", "modules", "httpx CLI"], rows
        )
        + "\n\n`-X importtime` self time by package, `import polyvault` + `VGS(...)`: "
        + ", ".join(f"{item['package']} {item['self_ms']:.0f} ms" for item in breakdown)
    )


# --- 5. generation ---------------------------------------------------------------------------------


def generate(report: Report, python: Path) -> None:
    settings = report.settings
    walls, inner = [], []
    env = dev_tools_env()
    for run_index in range(settings.generate_runs):
        with tempfile.TemporaryDirectory(prefix="polyvault-bench-generate-") as into:
            started = time.perf_counter()
            done = run_command([str(DEV_PYTHON), str(ROOT / "scripts" / "generate.py"), "--into", into], timeout=600, env=env, cwd=ROOT)
            walls.append(time.perf_counter() - started)
        found = re.search(r"make generate: (\d+) package\(s\) in ([\d.]+)s", done.stdout)
        inner.append(float(found.group(2)) if found else float("nan"))
        log(f"generate run {run_index + 1}/{settings.generate_runs}: {walls[-1]:.1f} s (generation alone {inner[-1]:.1f} s)")
    wall = median(walls)
    report.workloads["generate"] = {"runs": settings.generate_runs, "wall_s": wall, "generation_only_s": median(inner), "samples_s": walls}
    report.target("make generate (lint + 4 packages)", wall, "<", 20, "s")
    report.sections.append(
        "### 5. Generation: `scripts/generate.py --into <tmp>` (spec lint + the four packages, what `make generate` runs)\n\n"
        + _table(["what", "median s", "runs"], [["lint + generate, whole command", _fmt(wall, 1), str(settings.generate_runs)],
                ["generation step alone (its own timer)", _fmt(median(inner), 1), str(settings.generate_runs)]])
    )  # fmt: skip


RUNNERS: dict[str, Callable[[Report, Path], None]] = {
    "percall": percall,
    "bulk": bulk,
    "paging": paging,
    "imports": imports,
    "generate": generate,
    "fleet": fleet.run,
}


def _meta(settings: Settings, python: Path) -> dict[str, Any]:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, check=False)
        return done.stdout.strip()

    return {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs",
        "load_average_at_start": os.getloadavg(),
        "bench_venv": str(python.parent.parent),
        "bench_venv_clean_of_click_rich": benchenv.clean_of_cli_extras(python),
        "quick": settings.quick,
    }


def render(report: Report) -> str:
    meta = report.meta
    rows = []
    for target in report.targets:
        digits = 2 if target.unit == "×" else 1
        rows.append(
            [
                target.name,
                f"{_fmt(target.value, digits)} {target.unit}",
                f"{target.op} {target.limit:g} {target.unit}",
                "PASS" if target.passed else "**FAIL**",
            ]
        )
    header = (
        f"## polyvault benchmarks ({'quick smoke run' if report.settings.quick else 'full run'})\n\n"
        f"commit {meta.get('commit')}{' (dirty)' if meta.get('dirty') else ''}, Python {meta.get('python')}, {meta.get('machine')}, "
        f"load average at start {', '.join(f'{x:.2f}' for x in meta.get('load_average_at_start', ()))}, "
        f"reproduce with `make bench` ({'`--quick`' if report.settings.quick else 'full'})\n"
    )
    parts = [header, "### Targets\n\n" + _table(["target", "measured", "target", "result"], rows), *report.sections]
    if report.notes:
        parts.append("### Notes\n\n" + "\n".join(f"- {note}" for note in report.notes))
    return "\n\n".join(parts) + "\n"


def _save(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_json(), indent=2, default=str) + "\n")


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n", 2)[2]
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes, one round")
    parser.add_argument("--only", nargs="+", choices=WORKLOADS, help="run only these workloads")
    parser.add_argument("--rounds", type=int, help="rounds for percall and bulk (default 3; quick 1)")
    parser.add_argument(
        "--json", type=Path, default=RESULTS / "bench.json", help="where to write the JSON (default bench-results/bench.json)"
    )
    parser.add_argument("--bench-venv", type=Path, default=benchenv.DEFAULT_VENV, help="benchmark venv (default bench-results/venv)")
    parser.add_argument("--strict", action="store_true", help="exit 2 when a target is missed")
    args = parser.parse_args(argv)
    if args.rounds is not None and not 1 <= args.rounds <= 50:
        parser.error("--rounds must be from 1 to 50")
    signal.signal(signal.SIGTERM, _terminate)

    settings = Settings.make(args.quick, args.rounds)
    report = Report(settings)
    started = time.perf_counter()
    try:
        python = benchenv.ensure(args.bench_venv.resolve())
        report.meta = _meta(settings, python)
        if not report.meta["bench_venv_clean_of_click_rich"]:
            report.notes.append("the benchmark venv has click or rich installed: `import httpx` loads its CLI there")
        for name in args.only or WORKLOADS:
            log(f"== {name}")
            RUNNERS[name](report, python)
            _save(report, args.json)  # partial results survive a later failure
    except KeyboardInterrupt:
        log("interrupted: servers and workers stopped; partial results kept")
        _save(report, args.json)
        return 130
    except BenchError as exc:
        log(f"benchmark harness failed: {exc}")
        _save(report, args.json)
        return 1
    report.meta["seconds"] = round(time.perf_counter() - started, 1)
    report.meta["load_average_at_end"] = os.getloadavg()
    _save(report, args.json)
    text = render(report)
    args.json.with_suffix(".md").write_text(text)
    print(text)
    log(f"wrote {args.json} ({report.meta['seconds']} s)")
    missed = [target.name for target in report.targets if not target.passed]
    return 2 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
