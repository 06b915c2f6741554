"""Serve one fake vault on 127.0.0.1 for the benchmarks: `serve_fake.py vgs|apideck [--latency S] [--logs N]`.

Like `python -m vaultkit.testing serve VAULT --no-validate --no-rate-limit --json`, plus what the
benchmarks need and the public CLI does not offer:

- TCP_NODELAY on the server's sockets. The stdlib handler writes the status line and headers and
  then the body in separate sends; with Nagle's algorithm on, the body waits for the client's
  delayed ACK (~40 ms on Linux) and every exchange costs ~40 ms whatever the client does. The
  fake's server now sets TCP_NODELAY itself; the launcher makes sure of it anyway, so the numbers
  never depend on that.
- A fast random source for generated aliases (`--secure-random` to keep the fake's own). FakeVGS
  draws every alias character from `secrets` (one getrandom() system call each) and shapes a
  UUID alias even for other formats: ~1.5 ms of server CPU per 20-value create, more than the
  client under test spends. Benchmarks need unique aliases, not unpredictable ones, so the
  launcher hands the fake a seeded `random.Random` instead (collisions are still re-drawn).
- `--logs N` seeds N Apideck log entries (for the paging workload).

Prints one JSON line {base_url, env, pid, ...} and serves until SIGTERM/SIGINT, or until the
process that started it goes away (so a killed harness leaves no server behind).
"""

from __future__ import annotations

import argparse
import base64
import importlib
import json
import os
import random
import signal
import sys
import threading
from typing import Any

FAKES = {"vgs": "FakeVGS", "apideck": "FakeApideck", "vaultpam": "FakeVaultPAM", "vaultera": "FakeVaultera"}


def _disable_nagle() -> None:
    from vaultkit.testing import _server

    handler = getattr(_server, "_Handler", None)
    if handler is not None:
        handler.disable_nagle_algorithm = True  # socketserver.StreamRequestHandler sets TCP_NODELAY in setup()


class _FastSecrets:
    """The subset of `secrets` the fakes use, from a seeded PRNG (benchmark-only: aliases must be unique, not secret)."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)
        self.choice = self._random.choice

    def token_bytes(self, nbytes: int = 32) -> bytes:
        return self._random.randbytes(nbytes)

    def token_hex(self, nbytes: int = 32) -> str:
        return self._random.randbytes(nbytes).hex()

    def token_urlsafe(self, nbytes: int = 32) -> str:
        return base64.urlsafe_b64encode(self._random.randbytes(nbytes)).rstrip(b"=").decode("ascii")


def _fast_random(module: Any) -> None:
    if hasattr(module, "secrets"):
        module.secrets = _FastSecrets(seed=os.getpid())


def _seed_logs(fake: Any, count: int) -> int:
    """Add `count` log entries to a FakeApideck with whatever bulk helper it offers; return how many it now has."""
    for name in ("add_logs", "seed_logs"):
        helper = getattr(fake, name, None)
        if callable(helper):
            helper(count)
            return count
    raise SystemExit(f"{type(fake).__name__} offers no bulk log seeding (add_logs/seed_logs); cannot seed {count} logs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", choices=sorted(FAKES))
    parser.add_argument("--latency", type=float, default=0.0, help="seconds to delay every answer")
    parser.add_argument("--logs", type=int, default=0, help="Apideck log entries to seed")
    parser.add_argument("--keep-nagle", action="store_true", help="leave Nagle's algorithm on (to show its cost)")
    parser.add_argument("--secure-random", action="store_true", help="keep the fake's cryptographic random aliases (slower)")
    args = parser.parse_args(argv)

    if not args.keep_nagle:
        _disable_nagle()
    module = importlib.import_module(f"vaultkit.testing.{args.vault}")
    fake = getattr(module, FAKES[args.vault])(validate=False, rate_limit=None)
    if not args.secure_random:
        _fast_random(module)  # after construction: the fake's credentials stay cryptographically random
    if args.latency > 0:
        fake.inject("latency", seconds=args.latency, times=None)
    seeded = _seed_logs(fake, args.logs) if args.logs else 0

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    parent = os.getppid()
    with fake.serve() as base_url:
        info = {"base_url": base_url, "env": fake.env_vars(base_url), "pid": os.getpid(), "latency": args.latency, "logs": seeded}
        print(json.dumps(info), flush=True)
        while not stop.wait(0.2):
            if os.getppid() != parent:  # the harness died without stopping us
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
