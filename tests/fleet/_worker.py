"""One process of a fleet, for the multi-process tests: `python _worker.py '<json settings>'`.

It builds one sync client (with `coordination` when given), runs `threads` threads that each make
`calls` calls (VGS: reveal `alias`; VaultPAM: list safes), prints a JSON line for the phase, then,
for each further phase, waits for a line on stdin (at most `deadline` seconds) and runs again.
A phase listed in `until_warned` keeps calling (at most `deadline` seconds) until fleet coordination
has logged its outage warning, one in `until_resumed` until it logged that it resumed. The last
line printed is the whole result. Everything is bounded in calls and time: the test that starts a
worker also kills it if it overstays.
"""

from __future__ import annotations

import json
import logging
import select
import sys
import threading
import time
from typing import Any


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.warnings = 0
        self.resumed = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.warnings += 1
        elif "resumed" in record.getMessage():
            self.resumed += 1


def _client(settings: dict[str, Any]) -> Any:
    options: dict[str, Any] = {"base_url": settings["base_url"], **settings["credentials"]}
    if settings.get("coordination"):
        from polyvault import Coordination

        budget = settings.get("budget")
        url = settings["coordination"]
        options["coordination"] = Coordination(url, requests=budget[0], per=budget[1]) if budget else url
    if settings.get("max_retries") is not None:
        options["max_retries"] = settings["max_retries"]
    if settings["vault"] == "vgs":
        from polyvault import VGS

        return VGS(**options)
    from polyvault import VaultPAM

    return VaultPAM(**options)


def _phase(client: Any, settings: dict[str, Any], count: _Count, until: Any) -> dict[str, Any]:
    errors: list[str] = []
    done = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + settings["deadline"]

    def call() -> None:
        if settings["vault"] == "vgs":
            client.aliases.reveal(settings["alias"])
        else:
            client.safes.list()

    def work() -> None:
        made = 0
        while made < settings["calls"] or (not until() and time.monotonic() < deadline):
            if time.monotonic() > deadline:
                break
            try:
                call()
            except Exception as exc:
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:300])
            made += 1
            with lock:
                done[0] += 1
            if settings.get("pause"):
                time.sleep(settings["pause"])

    threads = [threading.Thread(target=work) for _ in range(settings["threads"])]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=settings["deadline"] + 30)
    return {"calls": done[0], "errors": errors, "seconds": round(time.monotonic() - started, 3)}


def main() -> int:
    settings = json.loads(sys.argv[1])
    count = _Count()
    logger = logging.getLogger("polyvault.coordination")
    logger.addHandler(count)
    logger.setLevel(logging.INFO)
    phases: list[dict[str, Any]] = []
    with _client(settings) as client:
        for index in range(settings.get("phases", 1)):
            if index:
                ready, _, _ = select.select([sys.stdin], [], [], settings["deadline"])
                if not ready or not sys.stdin.readline():
                    break
            if index in settings.get("until_warned", ()):
                until = lambda: count.warnings > 0  # noqa: E731
            elif index in settings.get("until_resumed", ()):
                until = lambda: count.resumed > 0  # noqa: E731
            else:
                until = lambda: True  # noqa: E731
            phases.append({**_phase(client, settings, count, until), "warnings": count.warnings, "resumed": count.resumed})
            print(json.dumps({"phase": index, **phases[-1]}), flush=True)
    print(json.dumps({"phases": phases, "warnings": count.warnings, "resumed": count.resumed}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
