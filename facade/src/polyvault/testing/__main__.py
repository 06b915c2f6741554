"""Serve a fake vault on 127.0.0.1: `python -m polyvault.testing serve vgs|apideck|vaultpam|vaultera [--port N]`.

Prints the base URL and the environment variables a polyvault client needs, then serves until
Ctrl-C (or SIGTERM) and stops cleanly.
"""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
import threading
from typing import Any

FAKES = {"vgs": "FakeVGS", "apideck": "FakeApideck", "vaultpam": "FakeVaultPAM", "vaultera": "FakeVaultera"}


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, start the fake, wait for a stop signal."""
    parser = argparse.ArgumentParser(prog="python -m polyvault.testing", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve one fake vault on 127.0.0.1")
    serve.add_argument("vault", choices=sorted(FAKES))
    serve.add_argument("--port", type=int, default=0, help="port to listen on (default: any free port)")
    serve.add_argument("--no-validate", action="store_true", help="skip spec validation (for benchmarks)")
    serve.add_argument("--no-rate-limit", action="store_true", help="never answer 429 for volume")
    serve.add_argument("--latency", type=float, default=0.0, help="seconds to delay every answer")
    serve.add_argument("--json", action="store_true", help="print one JSON line instead of text")
    args = parser.parse_args(argv)

    options: dict[str, Any] = {"validate": not args.no_validate}
    if args.no_rate_limit:
        options["rate_limit"] = None
    fake = getattr(importlib.import_module(f"polyvault.testing.{args.vault}"), FAKES[args.vault])(**options)
    if args.latency:
        fake.inject("latency", seconds=args.latency, times=None)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with fake.serve(port=args.port) as base_url:
        env = fake.env_vars(base_url)
        if args.json:
            print(json.dumps({"base_url": base_url, "env": env}), flush=True)
        else:
            print(f"{FAKES[args.vault]} serving on {base_url} (Ctrl-C to stop)")
            print("\n".join(f"export {name}={value}" for name, value in env.items()), flush=True)
        try:
            while not stop.wait(0.2):
                pass
        except KeyboardInterrupt:
            pass
    print(f"{FAKES[args.vault]} stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
