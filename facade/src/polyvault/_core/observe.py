"""What polyvault tells the outside world about its calls: log lines, each request's attempts, the current call.

Loggers: `polyvault` (the package; only OpenTelemetry failures are logged on it directly) and one child per vault,
`polyvault.vgs`, `polyvault.apideck`, `polyvault.vaultpam`, `polyvault.vaultera`. Every line is built
from an allow-list - operation, method, path *template* (a raw path carries aliases and tokens),
status, error type and code, latency, attempt, delay, request id - never from a URL, a header, a
body or an error message:

- DEBUG, each HTTP attempt: `Aliases.reveal: GET /aliases/{alias} -> 200 in 3.1 ms (attempt 1, request id ...)`
- INFO, each retry: `Aliases.reveal: retrying GET /aliases/{alias} in 0.42 s (attempt 2 of 3) after 503 Service Unavailable`
- INFO, each call that raises a `VaultError`: `Aliases.reveal failed: NotFoundError (404 ...) after 1 attempt`

A failed call is INFO, not WARNING: the exception reaches the caller, who decides whether it is a
problem (a `NotFoundError` is often an answer). `POLYVAULT_LOG=debug|info` attaches a stderr handler
(see `configure_from_env`). Logging never fails a call: the standard library reports handler errors itself.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from contextvars import ContextVar
from time import perf_counter
from typing import Any

import httpx

from ..errors import Attempt, VaultError, VaultStatusError
from . import telemetry
from .runtime import Plan

PACKAGE_LOGGER = "polyvault"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
REQUEST_ID_HEADERS = ("request-id", "x-request-id", "vgs-request-id", "x-apideck-request-id")
"""Where vaults put their request id: Apideck `Request-Id`, VGS `VGS-Request-Id`; `X-Request-Id` for proxies in front."""


def vault_logger(vault: str) -> logging.Logger:
    """The logger of one vault's calls, `polyvault.<vault>`."""
    return logging.getLogger(f"{PACKAGE_LOGGER}.{vault}")


def request_id(response: httpx.Response) -> str | None:
    """The vault's id for the request `response` answers, if it sent one."""
    headers = response.headers
    for name in REQUEST_ID_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


class Operation:
    """One public operation of one client (`Aliases.tokenize` on VGS): what its log lines and spans are named after.

    It is also the call context of an untraced call (`start()` returns it), so a call costs no allocation.
    """

    __slots__ = ("log", "name", "vault")
    span: Any = None

    def __init__(self, vault: str, name: str, log: logging.Logger) -> None:
        self.vault = vault
        self.name = name
        self.log = log

    def start(self, *, current: bool = True) -> Operation | telemetry.TracedCall:
        """Begin one call: a traced call when OpenTelemetry is on (its span current if `current`), else this operation."""
        tracer = telemetry.tracer()
        if tracer is None:
            return self
        return telemetry.TracedCall.start(self, tracer, current=current)

    def end(self, error: BaseException | None) -> None:
        """The call is over; one INFO line when it raised a `VaultError`."""
        if isinstance(error, VaultError) and self.log.isEnabledFor(logging.INFO):
            self.log.info("%s failed: %s", self.name, describe_failure(error))


CURRENT: ContextVar[Operation | telemetry.TracedCall | None] = ContextVar("polyvault_call", default=None)
"""The facade call running in this context: set by every bound operation, read by the request pipeline."""


def describe_failure(error: VaultError) -> str:
    """`NotFoundError (404, code ..., request id ...) after 2 attempts`: the allow-listed facts of a failure."""
    facts = []
    if isinstance(error, VaultStatusError):
        facts.append(str(error.status_code))
        if error.code is not None:
            facts.append(f"code {_short(error.code)}")
        if error.request_id is not None:
            facts.append(f"request id {_short(error.request_id)}")
    tried = len(error.attempts)
    text = type(error).__name__ + (f" ({', '.join(facts)})" if facts else "")
    return text + (f" after {tried} attempt{'s' if tried != 1 else ''}" if tried else "")


def _short(text: str) -> str:
    """A vault-supplied code or id, bounded and printable (a code is data from outside)."""
    return "".join(char if char.isprintable() else "?" for char in text[:80])


def _reason(response: httpx.Response | None, error: Exception | None) -> str:
    if response is not None:
        return f"{response.status_code} {response.reason_phrase}".rstrip()
    return type(error).__name__


class Exchange:
    """One request through its attempts: times each, keeps its history, logs it and traces it."""

    __slots__ = ("_locate", "_span", "_started", "_template", "_tried", "_tries", "call", "log", "request")

    def __init__(self, request: httpx.Request, log: logging.Logger, locate: Callable[[], str], tries: int) -> None:
        self.request = request
        self.log = log
        self.call = CURRENT.get()
        self._tried: list[tuple[httpx.Response | None, str | None, float, float | None]] = []
        self._locate = locate
        self._template: str | None = None
        self._tries = tries
        self._span: Any = None
        self._started = 0.0

    @property
    def operation(self) -> str:
        """The public operation this request belongs to (`?` in a thread that did not inherit the call)."""
        return self.call.name if self.call is not None else "?"

    @property
    def template(self) -> str:
        """The request's path template (`/aliases/{alias}`), worked out once, when first needed."""
        if self._template is None:
            self._template = self._locate()
        return self._template

    @property
    def attempts(self) -> tuple[Attempt, ...]:
        """Every attempt so far, first first (request ids are read only now: most requests never need them)."""
        return tuple(self._attempt(index) for index in range(len(self._tried)))

    def _attempt(self, index: int) -> Attempt:
        response, error, duration, wait = self._tried[index]
        if response is None:
            return Attempt(None, error, duration, wait, None)
        return Attempt(response.status_code, error, duration, wait, request_id(response))

    def begin(self) -> None:
        """An attempt is about to be sent."""
        if telemetry.tracer() is not None:
            self._span = telemetry.start_attempt(self.call, self.request, self.template, len(self._tried))
        self._started = perf_counter()

    def end(self, response: httpx.Response | None, error: Exception | None, wait: float | None) -> None:
        """The attempt ended with `response` or `error`; `wait` is the delay before a retry (None: no retry)."""
        duration = perf_counter() - self._started
        self._tried.append((response, None if error is None else type(error).__name__, duration, wait))
        number = len(self._tried)
        debug = self.log.isEnabledFor(logging.DEBUG)
        histogram = telemetry.meter()
        if debug or self._span is not None or histogram is not None:
            attempt = self._attempt(number - 1)
            if debug:
                self.log.debug(
                    "%s: %s %s -> %s in %.1f ms (attempt %d%s)",
                    self.operation,
                    self.request.method,
                    self.template,
                    attempt.status_code if attempt.status_code is not None else attempt.error,
                    duration * 1000,
                    number,
                    f", request id {_short(attempt.request_id)}" if attempt.request_id else "",
                )
            if self._span is not None or histogram is not None:
                telemetry.end_attempt(self._span, histogram, self.call, self.request, self.template, attempt)
                self._span = None
        if wait is not None:
            reason = _reason(response, error)
            if self.log.isEnabledFor(logging.INFO):
                self.log.info(
                    "%s: retrying %s %s in %.2f s (attempt %d of %d) after %s",
                    self.operation,
                    self.request.method,
                    self.template,
                    wait,
                    number + 1,
                    self._tries,
                    reason,
                )
            if self.call is not None and self.call.span is not None:
                telemetry.retrying(self.call, number + 1, wait, reason)

    def abandon(self, error: BaseException) -> None:
        """The attempt ended with something other than a response or a transport error (cancellation, a closed client)."""
        if self._span is not None:
            telemetry.abandon_attempt(self._span, error)
            self._span = None

    def keep(self, error: VaultError) -> VaultError:
        """`error`, carrying this request's attempts."""
        error.attempts = self.attempts
        return error


def observed(operation: Operation, plan: Plan[Any]) -> Plan[Any]:
    """`plan` (a listing's) run under `operation`: the call is current while the plan runs, and traced across pages.

    A listing is lazy, so its call starts with the first page and ends when the listing ends, fails or
    is closed; its span is not made current (the caller's code runs between pages).
    """
    call = operation.start(current=False)
    value: Any = None
    error: BaseException | None = None
    outcome: BaseException | None = None
    try:
        while True:
            token = CURRENT.set(call)
            try:
                effect = plan.send(value) if error is None else plan.throw(error)
            except StopIteration as stop:
                return stop.value
            finally:
                CURRENT.reset(token)
            try:
                value, error = (yield effect), None
            except Exception as exc:  # noqa: BLE001 - the driver throws transport errors in: the plan decides
                value, error = None, exc
    except BaseException as exc:
        outcome = exc
        raise
    finally:
        plan.close()
        call.end(None if isinstance(outcome, GeneratorExit) else outcome)


def configure_from_env(environ: dict[str, str] | None = None) -> logging.Handler | None:
    """`POLYVAULT_LOG=debug|info|warning|error`: log polyvault at that level to stderr (once; never twice).

    For a quick look without touching the application's logging setup. Anything else leaves
    logging alone. Returns the handler it attached, if any.
    """
    value = (os.environ if environ is None else environ).get("POLYVAULT_LOG", "").strip().lower()
    level = LEVELS.get(value)
    logger = logging.getLogger(PACKAGE_LOGGER)
    if level is None:
        if value:
            print(f"polyvault: POLYVAULT_LOG={value!r} is not one of {', '.join(LEVELS)}; ignored", file=sys.stderr)
        return None
    logger.setLevel(level)
    if any(getattr(handler, "_polyvault_env", False) for handler in logger.handlers):
        return None
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler._polyvault_env = True  # type: ignore[attr-defined]  # marks the handler this switch added
    logger.addHandler(handler)
    return handler
