"""A fake vault on 127.0.0.1: a threaded HTTP/1.1 server (stdlib) around `FakeVault.handle`.

The standard library server is used on purpose: it gives direct control of the socket, so an
injected reset is a real TCP reset (SO_LINGER 0), and injected latency really delays the bytes.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._base import FakeVault

_HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "content-length"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog is 5: a client opening 8 connections at once had some of its SYNs dropped
    # and retransmitted a second later (the ~1 s first-call wait of concurrent clients, the fake's own, not the client's).
    request_queue_size = 128
    fake: FakeVault[Any, Any]
    stopping: threading.Event
    connections: set[socket.socket]
    connections_lock: threading.Lock
    tls: ssl.SSLContext | None = None

    def get_request(self) -> tuple[socket.socket, object]:
        """Accept a connection; with TLS, wrap it (the handshake runs in the connection's own thread)."""
        connection, address = super().get_request()
        if self.tls is not None:
            connection = self.tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up first (its timeout ran out during injected latency), or refused our certificate, is
        normal here: no traceback."""
        if isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()
        # Answer at once: without it, Nagle's algorithm and delayed ACKs cost ~40 ms per loopback exchange.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the fake records requests itself (and request lines may carry credentials)."""

    def _serve(self) -> None:
        with self.server.fake.exchange():
            self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        host = f"127.0.0.1:{self.server.server_address[1]}"
        scheme = "https" if self.server.tls is not None else "http"
        request = httpx.Request(self.command, f"{scheme}://{host}{self.path}", headers=list(self.headers.items()), content=body)
        fake = self.server.fake
        try:
            reply = fake.handle(request)
        except AssertionError as exc:  # a SpecViolation: recorded by the fake, reported to the client as a 500
            self._write(httpx.Response(500, text=f"fake vault bug: {exc}"[:2000]))
            return
        if reply.delay and self.server.stopping.wait(reply.delay):
            self._reset()
            return
        if reply.reset or reply.response is None:
            self._reset()
            return
        self._write(reply.response)

    def _write(self, response: httpx.Response) -> None:
        content = response.content
        self.send_response(response.status_code)
        for name, value in response.headers.multi_items():
            if name.lower() not in _HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    def _reset(self) -> None:
        """Close the connection with a TCP reset instead of an answer."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    # Every method reaches the fake, which answers unknown ones in the vault's own error format.
    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = do_QUERY = _serve  # noqa: N815 - the stdlib's names


class FakeServer:
    """Runs one fake on 127.0.0.1 in a background thread until `stop()`."""

    def __init__(self, fake: FakeVault[Any, Any], port: int = 0, tls: ssl.SSLContext | None = None) -> None:
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.fake = fake
        self._server.tls = tls
        self._server.stopping = threading.Event()
        self._server.connections = set()
        self._server.connections_lock = threading.Lock()
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        scheme = "https" if tls is not None else "http"
        self.base_url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}{fake.base_path}"

    def start(self) -> None:
        """Start serving."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, wake any delayed reply, close the socket, join the thread."""
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._server.connections_lock:
            open_connections = list(self._server.connections)
        for connection in open_connections:  # wake handler threads parked on kept-alive connections
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)
