"""What every fake vault shares: routing, spec validation, faults, rate limits, recording, transports.

A fake is a stateful, thread-safe object whose single entry point, `handle(request)`, turns an
`httpx.Request` into a `Reply` (a response, possibly late, or a connection reset). The in-process
transport and the 127.0.0.1 server both call it, so a fake behaves the same in both modes.
"""

from __future__ import annotations

import importlib
import itertools
import json
import math
import re
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeGuard, TypeVar
from urllib.parse import unquote

import anyio
import anyio.lowlevel
import httpx

from .._core.redact import MASK, redact
from ._faults import AFTER, BEFORE, Fault, FaultKind, FaultPlan
from ._openapi import SpecValidator

Handler = Callable[..., httpx.Response]


def ascii_digits(value: Any) -> TypeGuard[str]:
    """A string of ASCII digits (str.isdigit alone also takes '²' and other digits int() refuses)."""
    return isinstance(value, str) and value.isascii() and value.isdigit()


def luhn_valid(digits: str) -> bool:
    """Whether a digit string passes the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char) * (2 if index % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


class SpecViolationError(AssertionError):
    """A fake answered something our spec does not allow: a bug in the fake (or the spec)."""

    __module__ = "polyvault.testing"  # its public home (repr, help, docs)


class ManualClock:
    """A clock tests move by hand: `clock.advance(3600)` expires what lives an hour."""

    __module__ = "polyvault.testing"  # its public home (repr, help, docs)

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        with self._lock:
            self._now += seconds


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    """Mark a fake's method as the handler of `METHOD /path/{param}` (the spec's path template)."""

    def mark(handler: Handler) -> Handler:
        handler._route = (method.upper(), template)  # type: ignore[attr-defined]
        return handler

    return mark


@dataclass(frozen=True)
class Reply:
    """What the fake does with one request: answer (after `delay` seconds), or reset the connection."""

    response: httpx.Response | None
    """The response to send; None when the connection is reset instead."""
    delay: float = 0.0
    """Seconds to wait before answering (an injected latency or timeout; 0 for none)."""
    reset: bool = False
    """Whether to reset the connection instead of answering."""


_HUGE = 10 * 1024 * 1024  # bytes of padding the `huge_body` fault adds
_SECRET_HEADERS = frozenset({"authorization", "x-apideck-app-id", "x-apideck-consumer-id", "cookie"})


@dataclass(frozen=True)
class RecordedRequest:
    """One request a fake received. Secrets are masked in every field; read them only through the accessors."""

    __module__ = "polyvault.testing"  # its public home (repr, help, docs)

    method: str
    """The HTTP method (`GET`, `POST`, ...)."""
    path: str
    """The URL path as received (percent-decoded, without the query string)."""
    route: str | None
    """The route that served it, as `METHOD /template` (the key `inject(route=...)` and `count()` take); None when no route matched."""
    fault: str | None
    """The kind of fault injected into this exchange (`"429"`, `"reset_after"`, ... see `FaultKind`); None when none was."""
    at: float
    """When the fake received it, in seconds since the epoch by the fake's clock."""
    _request: httpx.Request = field(repr=False, compare=False)

    @property
    def headers(self) -> dict[str, str]:
        """The request headers, credentials masked."""
        return {name: MASK if name in _SECRET_HEADERS else value for name, value in self._request.headers.items()}

    @property
    def query(self) -> dict[str, str]:
        """The query parameters, credential-like ones masked."""
        return dict(httpx.QueryParams(redact(self._request.url.query.decode())))

    def secret_header(self, name: str) -> str | None:
        """A header's real value (explicit accessor: it may be a credential)."""
        value: str | None = self._request.headers.get(name)
        return value

    def secret_query(self, name: str) -> str | None:
        """A query parameter's real value (explicit accessor: it may be a credential)."""
        value: str | None = self._request.url.params.get(name)
        return value

    def body(self) -> Any:
        """The JSON body, or None (explicit accessor: it may carry card numbers or revealed values)."""
        content = self._request.content
        return json.loads(content) if content else None


SyncClient = TypeVar("SyncClient")
AsyncClient = TypeVar("AsyncClient")


class FakeVault(Generic[SyncClient, AsyncClient]):
    """Base of the fake vaults. Subclasses declare routes with `@route` and the vault's error format.

    A fake is typed with the polyvault clients it hands out (`FakeVGS` is a `FakeVault[VGS, AsyncVGS]`),
    so `fake.client()` is a `VGS` to a type checker.
    """

    __module__ = "polyvault.testing"  # its public home (repr, help, docs)

    name: ClassVar[str]
    """The vault's name (`"vgs"`, `"apideck"`, `"vaultpam"` or `"vaultera"`): it picks the spec requests and answers are checked against,
    the host of `in_process_url` and the prefix of `env_vars`."""
    base_path: ClassVar[str] = ""
    """The path prefix every route sits under (for example `/api/v1`); empty when routes start at the root."""
    _routes: ClassVar[list[tuple[str, str, re.Pattern[str], str]]]

    def __init__(
        self,
        *,
        validate: bool = True,
        seed: int = 0,
        clock: Callable[[], float] | None = None,
        rate_limit: int | None = None,
        rate_window: float = 60.0,
    ) -> None:
        self.clock = clock or time.time
        """The fake's time source, in seconds since the epoch: `time.time` unless a clock (a `ManualClock`, for example) was given.
        Expiries, rate-limit windows and recorded times read it."""
        self.rate_limit = rate_limit
        """How many requests the fake answers per rate-limit window (`rate_window` seconds) before it answers 429; None for no limit."""
        self.rate_window = rate_window
        """Seconds per rate-limit window: a minute, as the vaults count, or shorter to scale a test's clock."""
        self.throttled = 0
        """How many 429s the fake answered for volume (past its rate limit; injected 429 faults are not counted)."""
        self.requests: list[RecordedRequest] = []
        """Every request the fake received, in order of arrival (see `RecordedRequest`; secrets masked)."""
        self.violations: list[str] = []
        """A message for each answer the fake gave against its spec (each also raised `SpecViolationError`); empty while the fake keeps
        to the spec."""
        self._validator = SpecValidator(self.name) if validate else None
        self._faults = FaultPlan(seed)
        self._lock = threading.RLock()
        self._window: tuple[int, int] = (0, 0)  # (minute, requests in it)
        self._ids = itertools.count(1)
        self.in_flight = 0
        """How many requests are being handled right now (from arrival to the end of their reply, delays included)."""
        self.max_in_flight = 0
        """The most requests ever in flight at once: how concurrent the clients really were."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._routes = []
        for attr in dir(cls):
            marked = getattr(getattr(cls, attr, None), "_route", None)
            if marked:
                method, template = marked
                pattern = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")
                cls._routes.append((method, template, pattern, attr))

    # --- vault-specific hooks ------------------------------------------------------------------

    def error(self, status: int, message: str, *, code: str | None = None) -> httpx.Response:
        """A response in the vault's own error format."""
        raise NotImplementedError

    def authenticate(self, request: httpx.Request, route_key: str) -> httpx.Response | None:
        """An error response if `request` is not properly authenticated for `route_key`, else None."""
        return None

    def refuse_invalid(self, request: httpx.Request, route_key: str, problems: list[str]) -> httpx.Response:
        """The vault's answer to a request our spec rejects (its documented 400, or 400/422)."""
        return self.error(400, "The request does not match the API: " + problems[0][:200])

    def decorate(self, request: httpx.Request, response: httpx.Response) -> None:
        """Add the vault's usual response headers (rate limits, request ids)."""

    def unknown_enum(self, payload: Any) -> Any:
        """`payload` with one open-enum field set to a value the spec does not list (for the `unknown_enum` fault)."""
        return payload

    # --- faults, recording, credentials --------------------------------------------------------

    def inject(
        self,
        kind: FaultKind,
        *,
        route: str | None = None,
        times: int | None = 1,
        probability: float = 1.0,
        retry_after: int | None = None,
        seconds: float = 0.0,
    ) -> Fault:
        """Arm a fault (see `polyvault.testing._faults`); returns it so tests can read `.hits`."""
        if route is not None and route not in self.routes():
            raise ValueError(f"{self.name} has no route {route!r}; routes: {', '.join(self.routes())}")
        fault = Fault(kind, route=route, times=times, probability=probability, retry_after=retry_after, seconds=seconds)
        return self._faults.add(fault)

    def clear_faults(self) -> None:
        """Disarm every fault."""
        self._faults.clear()

    @classmethod
    def routes(cls) -> list[str]:
        """Every `METHOD /template` the fake serves."""
        return sorted(f"{method} {template}" for method, template, _, _ in cls._routes)

    def count(self, route_key: str | None = None) -> int:
        """How many requests reached the fake (for one route, or all)."""
        with self._lock:
            return sum(1 for request in self.requests if route_key in (None, request.route))

    def credentials(self) -> dict[str, str]:
        """The credentials a client needs for this fake (keyword arguments of the polyvault client)."""
        raise NotImplementedError

    def env_vars(self, base_url: str) -> dict[str, str]:
        """The environment variables a polyvault client reads to reach this fake at `base_url`."""
        prefix = self.name.upper()
        return {f"{prefix}_BASE_URL": base_url, **{f"{prefix}_{key.upper()}": value for key, value in self.credentials().items()}}

    # --- the entry point ------------------------------------------------------------------------

    @contextmanager
    def exchange(self) -> Iterator[None]:
        """Count one request as in flight (from arrival to the end of its reply) for `max_in_flight`."""
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            yield
        finally:
            with self._lock:
                self.in_flight -= 1

    def handle(self, request: httpx.Request) -> Reply:
        """Process one request: record it, apply faults, rate limits and validation, dispatch, validate the answer."""
        path = request.url.path
        # Routing and validation see the path as sent (percent-encoded): decoding first would turn
        # `%2F` into a separator and let URL parsing strip an encoded tab or newline.
        encoded = request.url.raw_path.decode("ascii").split("?", 1)[0]
        if not encoded.startswith(self.base_path):
            return Reply(self._finish(request, self.error(404, "Not found")))
        route_path = encoded[len(self.base_path) :] or "/"
        found = self._match(request.method, route_path)
        route_key = f"{request.method} {found[0]}" if found else None
        with self._lock:
            before = self._faults.draw(route_key or "", BEFORE)
            recorded = RecordedRequest(request.method, path, route_key, before.kind if before else None, self.clock(), request)
            self.requests.append(recorded)
        delay = 0.0
        if before is not None:
            if before.kind == "reset_before":
                return Reply(None, reset=True)
            if before.kind == "latency":
                delay = before.seconds
            else:
                return Reply(self._finish(request, self._fault_response(before)), delay=delay)
        if found is None:
            return Reply(self._finish(request, self.error(404, "Not found")), delay=delay)
        _, params, handler_name = found
        response = self._process(request, route_key or "", route_path, params, handler_name)
        after = self._faults.draw(route_key or "", AFTER)
        if after is None:
            return Reply(self._finish(request, response, route_path=route_path), delay=delay)
        self._record_fault(recorded, after)
        if after.kind == "reset_after":
            return Reply(None, delay=delay, reset=True)
        if after.kind == "timeout":
            return Reply(self._finish(request, response, route_path=route_path), delay=delay + (after.seconds or 3600.0))
        return Reply(self._finish(request, self._mangle(response, after.kind)), delay=delay)

    def _process(
        self, request: httpx.Request, route_key: str, route_path: str, params: dict[str, str], handler_name: str
    ) -> httpx.Response:
        with self._lock:
            limited = self._over_rate_limit()
            if limited is not None:
                return limited
            refused = self.authenticate(request, route_key)
            if refused is not None:
                return refused
            if self._validator is not None:
                problems = self._validator.request_errors(request, route_path)
                if problems:
                    return self.refuse_invalid(request, route_key, problems)
            response: httpx.Response = getattr(self, handler_name)(request, **params)
            return response

    def _match(self, method: str, route_path: str) -> tuple[str, dict[str, str], str] | None:
        for route_method, template, pattern, handler_name in self._routes:
            matched = pattern.match(route_path)
            if matched and route_method == method:
                return template, {key: unquote(value) for key, value in matched.groupdict().items()}, handler_name
        return None

    def _finish(self, request: httpx.Request, response: httpx.Response, *, route_path: str | None = None) -> httpx.Response:
        response.request = request
        self.decorate(request, response)
        if self._validator is not None and route_path is not None:
            problems = self._validator.response_errors(request, route_path, response)
            if problems:
                message = f"{self.name} fake answered {request.method} {route_path} against the spec: " + "; ".join(problems)
                with self._lock:
                    self.violations.append(message)
                raise SpecViolationError(message)
        return response

    def _record_fault(self, recorded: RecordedRequest, fault: Fault) -> None:
        """Mark `recorded` (not merely the last entry: other requests may have arrived meanwhile) with its answer's fault."""
        with self._lock:
            for index in range(len(self.requests) - 1, -1, -1):
                if self.requests[index] is recorded:
                    self.requests[index] = RecordedRequest(
                        recorded.method, recorded.path, recorded.route, fault.kind, recorded.at, recorded._request
                    )
                    return

    def window_index(self) -> int:
        """The rate-limit window the fake's clock is in (windows of `rate_window` seconds from the epoch)."""
        return int(self.clock() // self.rate_window)

    def seconds_to_reset(self) -> int:
        """Whole seconds until the current rate-limit window ends, rounded up (what Retry-After says), at least 1."""
        return max(1, math.ceil((self.window_index() + 1) * self.rate_window - self.clock()))

    def _over_rate_limit(self) -> httpx.Response | None:
        if self.rate_limit is None:
            return None
        window = self.window_index()
        count = self._window[1] + 1 if self._window[0] == window else 1
        self._window = (window, count)
        if count > self.rate_limit:
            self.throttled += 1
            return self._rate_limited(retry_after=self.seconds_to_reset())
        return None

    def _rate_limited(self, retry_after: int | None) -> httpx.Response:
        response = self.error(429, "Too many requests")  # each vault's own code for a 429
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        return response

    def remaining(self) -> int | None:
        """Requests left in the current rate-limit window (None without a limit)."""
        if self.rate_limit is None:
            return None
        used = self._window[1] if self._window[0] == self.window_index() else 0
        return max(0, self.rate_limit - used)

    def _fault_response(self, fault: Fault) -> httpx.Response:
        if fault.kind == "html":
            page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
            return httpx.Response(502, headers={"Content-Type": "text/html"}, content=page.encode())
        status = int(fault.kind)
        if status == 429:
            return self._rate_limited(fault.retry_after if fault.retry_after is not None else 1)
        response = self.error(
            status, {500: "Internal error", 502: "Bad gateway", 503: "Service unavailable", 504: "Gateway timeout"}[status]
        )
        if fault.retry_after is not None:
            response.headers["Retry-After"] = str(fault.retry_after)
        return response

    def _mangle(self, response: httpx.Response, kind: str) -> httpx.Response:
        """The response with its body damaged the way `kind` says (headers kept)."""
        content = response.content
        headers = {key: value for key, value in response.headers.items() if key.lower() != "content-length"}
        if kind == "truncated_json":
            content = content[: max(1, len(content) // 2)]
        elif kind == "empty_body":
            content = b""
        elif content and kind in ("wrong_type", "unknown_enum", "huge_body"):
            payload = json.loads(content)
            tail = b""
            if kind == "wrong_type":
                payload = _wrong_type(payload)
            elif kind == "unknown_enum":
                payload = self.unknown_enum(payload)
            elif isinstance(payload, dict):
                payload = {**payload, "padding": "x" * _HUGE}
            elif payload and isinstance(payload[0], dict):  # an extra field of the first item (an extra item would be a malformed one)
                payload = [{**payload[0], "padding": "x" * _HUGE}, *payload[1:]]
            else:
                tail = b" " * _HUGE  # trailing whitespace: the same JSON document, 10 MB long
            content = json.dumps(payload).encode() + tail
        return httpx.Response(response.status_code, headers=headers, content=content)

    # --- helpers for subclasses -----------------------------------------------------------------

    def json_response(self, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> httpx.Response:
        """A JSON response."""
        return httpx.Response(status, json=payload, headers=dict(headers or {}))

    def new_id(self) -> str:
        """A fresh request id."""
        return str(uuid.UUID(int=next(self._ids) + (hash(self.name) & 0xFFFF) * 2**96))

    # --- the two ways to reach a fake ---------------------------------------------------------

    facade: ClassVar[tuple[str, str]]
    """(module, class name) of the polyvault client for this vault; the async one is `Async` + name."""

    @property
    def in_process_url(self) -> str:
        """The base URL in-process clients use (any host works; credentials are bound to it)."""
        return f"https://{self.name}.fake.test{self.base_path}"

    def client(self, **options: Any) -> SyncClient:
        """A polyvault client for this fake: in-process unless `base_url` is given (e.g. from `serve()`).

        `options` are the client's own keywords (credentials default to the fake's).
        """
        client: SyncClient = self._client(httpx.Client, "", options)
        return client

    def async_client(self, **options: Any) -> AsyncClient:
        """The async polyvault client for this fake (in-process unless `base_url` is given)."""
        client: AsyncClient = self._client(httpx.AsyncClient, "Async", options)
        return client

    def _client(self, http_type: type[httpx.Client] | type[httpx.AsyncClient], prefix: str, options: dict[str, Any]) -> Any:
        module, name = self.facade
        cls = getattr(importlib.import_module(module), prefix + name)
        settings = {**self.credentials(), **options}
        if "base_url" not in options:
            settings["base_url"] = self.in_process_url
            settings.setdefault("http_client", http_type(transport=self.transport))
        return cls(**settings)

    @property
    def transport(self) -> FakeTransport:
        """An in-process httpx transport (no sockets) for sync and async clients."""
        return FakeTransport(self)

    @contextmanager
    def serve(self, port: int = 0, *, tls: ssl.SSLContext | None = None) -> Iterator[str]:
        """Serve the fake on 127.0.0.1 while the `with` block runs; yields the base URL.

        With `tls` (a server-side `ssl.SSLContext` holding the certificate to present, e.g. from
        `trustme`), it serves https: clients must trust the certificate's CA.
        """
        from ._server import FakeServer

        server = FakeServer(self, port, tls)
        server.start()
        try:
            yield server.base_url
        finally:
            server.stop()


def _wrong_type(payload: Any) -> Any:
    """The payload with its first string leaf replaced by a number."""
    if isinstance(payload, str):
        return 12345
    if isinstance(payload, list):
        return [_wrong_type(payload[0]), *payload[1:]] if payload else payload
    if isinstance(payload, dict):
        for key, value in payload.items():
            changed = _wrong_type(value)
            if changed is not value:
                return {**payload, key: changed}
    return payload


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """In-process transport: requests go straight to the fake; resets and timeouts raise what httpx would."""

    def __init__(self, fake: FakeVault[Any, Any]) -> None:
        self.fake = fake
        """The fake vault every request goes to."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer `request` from the fake, for sync clients; an injected delay is slept, up to the request's read timeout.

        Args:
            request: The request an `httpx.Client` sends.

        Returns:
            The fake's response.

        Raises:
            httpx.ReadTimeout: The fake answers later than the request's read timeout (an injected `latency` or `timeout`).
            httpx.ReadError: The fake resets the connection (an injected `reset_before` or `reset_after`).
        """
        request.read()
        with self.fake.exchange():
            reply = self.fake.handle(request)
            waited = _read_timeout(request, reply.delay)
            if waited:
                time.sleep(waited)
        return _deliver(request, reply)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer `request` from the fake, for async clients; other tasks run meanwhile, as over a network.

        Args:
            request: The request an `httpx.AsyncClient` sends.

        Returns:
            The fake's response.

        Raises:
            httpx.ReadTimeout: The fake answers later than the request's read timeout (an injected `latency` or `timeout`).
            httpx.ReadError: The fake resets the connection (an injected `reset_before` or `reset_after`).
        """
        await request.aread()
        with self.fake.exchange():
            await anyio.lowlevel.checkpoint()  # a round trip lets other tasks run, as on a network: tasks interleave
            reply = self.fake.handle(request)
            waited = _read_timeout(request, reply.delay)
            if waited:
                await anyio.sleep(waited)
        return _deliver(request, reply)


def _read_timeout(request: httpx.Request, delay: float) -> float:
    """How long to really wait: the delay, but never beyond the request's read timeout."""
    timeout = request.extensions.get("timeout", {}).get("read")
    return min(delay, timeout) if timeout is not None else delay


def _deliver(request: httpx.Request, reply: Reply) -> httpx.Response:
    timeout = request.extensions.get("timeout", {}).get("read")
    if timeout is not None and reply.delay > timeout:
        raise httpx.ReadTimeout("the fake vault answered later than the read timeout (injected)", request=request)
    if reply.reset or reply.response is None:
        raise httpx.ReadError("connection reset by peer (injected)", request=request)
    return reply.response
