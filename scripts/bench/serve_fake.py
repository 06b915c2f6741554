"""Serve one fake vault on 127.0.0.1 for the benchmarks: `serve_fake.py VAULT [--latency S] [--logs N]`.

Like `python -m polyvault.testing serve VAULT --no-validate --no-rate-limit --json`, plus `--latency`
and `--logs N` (N Apideck log entries, for the paging workload). Prints one JSON line
{base_url, env} and serves until SIGTERM/SIGINT, or until the process that started it goes away
(so a killed harness leaves no server behind).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sys
import threading

FAKES = {"vgs": "FakeVGS", "apideck": "FakeApideck", "vaultpam": "FakeVaultPAM", "vaultera": "FakeVaultera"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", choices=sorted(FAKES))
    parser.add_argument("--latency", type=float, default=0.0, help="seconds to delay every answer")
    parser.add_argument("--logs", type=int, default=0, help="Apideck log entries to seed")
    args = parser.parse_args(argv)

    module = importlib.import_module(f"polyvault.testing.{args.vault}")
    fake = getattr(module, FAKES[args.vault])(validate=False, rate_limit=None)
    if args.latency > 0:
        fake.inject("latency", seconds=args.latency, times=None)
    if args.logs:
        fake.add_logs(args.logs)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    parent = os.getppid()
    with fake.serve() as base_url:
        print(json.dumps({"base_url": base_url, "env": fake.env_vars(base_url)}), flush=True)
        while not stop.wait(0.2):
            if os.getppid() != parent:  # the harness died without stopping us
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
