"""A misbehaving TCP server for fleet tests: what Redis looks like when a proxy or an impostor answers."""

from __future__ import annotations

import contextlib
import socket
import threading


class Dropping:
    """A TCP server on 127.0.0.1 that accepts connections and closes them at once (after answering `reply` to
    what it reads first, if given), counting them. A context manager: its thread and socket end on exit."""

    def __init__(self, reply: bytes = b"") -> None:
        self._reply = reply
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.02)  # so that the serving thread sees `close` soon
        self.port: int = self._socket.getsockname()[1]
        self.accepted = 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            self.accepted += 1
            with connection:
                if self._reply:
                    connection.settimeout(1.0)
                    with contextlib.suppress(OSError):
                        connection.recv(65536)
                        connection.sendall(self._reply)

    def close(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self._socket.close()

    def __enter__(self) -> Dropping:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
