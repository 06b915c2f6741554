"""A real `redis-server` on 127.0.0.1 for fleet-mode tests: started and stopped by the test, never left behind.

```
with RedisServer() as redis:                     # a free port, its own temp dir, no persistence
    vgs = fake.client(coordination=redis.url)
    redis.kill()                                 # an abrupt outage (SIGKILL)
    redis.start()                                # back on the same port, empty, as after a restart
```
It needs the `redis-server` program (Debian: `apt-get install redis-server`); `make test` installs it.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

_START_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    """Whether something on `port` answers a Redis PING (an error such as NOAUTH counts: the server is up)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(64)[:1] in (b"+", b"-")
    except OSError:
        return False


class RedisServer:
    """One `redis-server` process on 127.0.0.1 with persistence off, in a temporary directory of its own.

    Args:
        password: Require this password (`requirepass`); `url` then carries it.
        executable: The server program (default: `redis-server` on PATH).
    """

    __module__ = "polyvault.testing"  # its public home (repr, help, docs)

    def __init__(self, *, password: str | None = None, executable: str = "redis-server") -> None:
        found = shutil.which(executable)
        if found is None:
            raise FileNotFoundError(f"{executable} is not on PATH: install it (Debian: apt-get install redis-server; make test does)")
        self._executable = found
        self._password = password
        self._directory = tempfile.TemporaryDirectory(prefix="polyvault-redis-")
        self.port = _free_port()
        """The port the server listens on (127.0.0.1), chosen free when the object is made."""
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """`redis://127.0.0.1:<port>/0`, with the password when one is required."""
        auth = f":{quote(self._password, safe='')}@" if self._password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> str:
        """Start the server (again, on the same port, empty) and wait until it answers; returns `url`."""
        if self.running:
            return self.url
        command = [
            self._executable,
            *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", self._directory.name),
            *("--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"),
            *(("--requirepass", self._password) if self._password else ()),
        ]
        log = Path(self._directory.name) / "redis.log"
        with log.open("ab") as output:
            self._process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # noqa: S603 - our own argv
        deadline = time.monotonic() + _START_TIMEOUT
        while not _answers(self.port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"redis-server did not start on 127.0.0.1:{self.port}: {log.read_text()[-1000:]}")
            time.sleep(0.02)
        return self.url

    def kill(self) -> None:
        """Stop the server abruptly (SIGKILL), as a crash or a lost host would."""
        self._end(signal.SIGKILL)

    def stop(self) -> None:
        """Stop the server cleanly (SIGTERM)."""
        self._end(signal.SIGTERM)

    def _end(self, how: signal.Signals) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(how)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def close(self) -> None:
        """Stop the server and remove its directory."""
        self.stop()
        self._directory.cleanup()

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<RedisServer 127.0.0.1:{self.port} {'running' if self.running else 'stopped'}>"
