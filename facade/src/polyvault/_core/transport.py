"""The connection pool polyvault opens for a client: lazily, with one TLS trust store for the whole process.

Building an SSL context reads the whole CA bundle (tens to hundreds of milliseconds). httpx does
it for every client it constructs; polyvault builds one verifying context per process, shared by
every vault client, and only when the first request needs a pool. So constructing a client does
no I/O, and four vault clients cost one trust-store load. Verification stays on.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable
from typing import Any

import httpx

_context: ssl.SSLContext | None = None
_context_lock = threading.Lock()


def shared_ssl_context() -> ssl.SSLContext:
    """The process-wide verifying SSL context (httpx's defaults, including `SSL_CERT_FILE`/`SSL_CERT_DIR`)."""
    global _context
    if _context is None:
        with _context_lock:
            if _context is None:
                _context = httpx.create_ssl_context()
    return _context


class _Lazy:
    """Creates the real transport (`_factory`) on first use, once, under a lock."""

    _factory: Callable[..., Any]

    def __init__(self) -> None:
        self._transport: Any = None
        self._lock = threading.Lock()

    def _open(self) -> Any:
        if self._transport is None:
            with self._lock:
                if self._transport is None:
                    self._transport = self._factory(verify=shared_ssl_context())
        return self._transport


class LazyTransport(_Lazy, httpx.BaseTransport):
    """An `httpx.HTTPTransport` created on the first request."""

    _factory = httpx.HTTPTransport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = self._open().handle_request(request)
        return response

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()


class AsyncLazyTransport(_Lazy, httpx.AsyncBaseTransport):
    """An `httpx.AsyncHTTPTransport` created on the first request."""

    _factory = httpx.AsyncHTTPTransport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = await self._open().handle_async_request(request)
        return response

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()
