"""The client machinery every vault shares: the request pipeline, copies, lifecycle and `.raw`.

A vault client is `BaseClient[Sync]` or `BaseClient[Async]` plus the matching lifecycle mixin. Its
resources (`vgs.aliases`, `apideck.consumers`, ...) are `Resource` objects whose methods are plans
(see runtime.py and ops.py), so each facade operation is written once for both modes.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import ModuleType
from typing import Any, ClassVar, Generic, Self, TypeVar

import httpx

from .. import __version__
from ..errors import InvalidRequestError
from . import checks, config, coordination
from .auth import HostBoundAuth
from .failures import ErrorParser, status_error, transport_error, unreadable
from .ratelimit import RateLimit, RateLimited, read_rate_limit, retry_after
from .redact import install_log_redaction
from .retry import GONE_AFTER_RETRY, IDEMPOTENT_METHODS, RetryPolicy, send_with_retries
from .runtime import Plan, Stream, iter_async, iter_sync, run_async, run_sync
from .transport import AsyncLazyTransport, LazyTransport

T = TypeVar("T")
_log = logging.getLogger("polyvault")


def _identity(value: Any) -> Any:
    return value


class Sync:
    """Mode marker: methods return results and iterators."""


class Async:
    """Mode marker: methods return awaitables and async iterators."""


M = TypeVar("M", Sync, Async)


@dataclass(frozen=True, slots=True)
class VaultProfile:
    """What the shared machinery needs to know about one vault."""

    name: str
    package: str
    extra: str
    parse_error: ErrorParser
    rate_budget: tuple[int, float] | None = None
    """The documented rate limit fleet mode shares, as (requests, per seconds); None if the vendor documents none."""
    _endpoints: dict[str, ModuleType] = field(default_factory=dict, compare=False, repr=False)

    def endpoint(self, path: str) -> ModuleType:
        """The generated endpoint module `<package>.api.<path>` (`"logs.logs_all"`), imported on first use:
        a vault names its endpoints instead of importing them all, so importing and constructing it stays cheap."""
        module = self._endpoints.get(path)
        if module is None:
            module = self._endpoints[path] = _generated(self, f"api.{path}")
        return module


def missing_extra(profile: VaultProfile, error: ModuleNotFoundError) -> ModuleNotFoundError:
    """The error to raise when importing the vault's generated package failed: it names the extra to install."""
    if error.name is None or not error.name.startswith(profile.package):
        return error
    return ModuleNotFoundError(
        f"polyvault's {profile.name} client needs the {profile.package} package: pip install 'polyvault[{profile.extra}]'",
        name=error.name,
    )


def _generated(profile: VaultProfile, module: str) -> ModuleType:
    try:
        return importlib.import_module(f"{profile.package}.{module}")
    except ModuleNotFoundError as exc:
        raise missing_extra(profile, exc) from None


class _State:
    """What a client shares with its copies: the connection pool, the last rate limit seen, fleet mode's Redis link."""

    def __init__(self, http: httpx.Client | httpx.AsyncClient, owns_http: bool, fleet: Any = None) -> None:
        self.http = http
        self.owns_http = owns_http
        self.rate_limit: RateLimit | None = None
        self.fleet = fleet


class BaseClient(Generic[M]):
    """Configuration and the request pipeline shared by every vault client, sync or async."""

    _profile: ClassVar[VaultProfile]

    def _setup(
        self,
        options: Mapping[str, Any],
        *,
        default_url: str,
        url_env: str,
        make_auth: Callable[[str], HostBoundAuth],
        secrets: Iterable[str],
        headers: Mapping[str, str] | None = None,
        account: str = "",
    ) -> None:
        """Resolve the common options, build the auth for the resolved base URL, and open (or adopt) the pool.

        `account` names whose credentials these are when `secrets` alone do not (VaultPAM's email): with
        the vault and base URL it keys fleet mode's shared state (never in clear).
        """
        name = self._profile.name
        unknown = sorted(set(options) - config.OPTION_NAMES)
        if unknown:
            raise InvalidRequestError(f"unknown option(s) {', '.join(unknown)}", vault=name)
        allow_http = checks.flag(options.get("allow_http", False), "allow_http", name)
        self._base_url = config.base_url(options.get("base_url"), url_env, default_url, vault=name, allow_http=allow_http)
        self._auth = make_auth(self._base_url)
        self._secrets = tuple(secret for secret in secrets if secret)
        self._headers = dict(headers or {})
        self._options = config.Options(
            config.timeout(options.get("timeout", config.DEFAULT_TIMEOUT), name),
            config.retry_policy(options.get("max_retries"), options.get("retry_policy"), name),
            config.rate_limit_hook(options.get("on_rate_limit"), name),
        )
        fleet, self._pacer = self._fleet_mode(options.get("coordination"), account)
        self._concurrency = checks.integer(
            options.get("max_concurrency", config.DEFAULT_CONCURRENCY), "max_concurrency", name, low=1, high=256
        )
        http_type: type[httpx.Client] | type[httpx.AsyncClient] = getattr(self, "_http_type")  # noqa: B009 - set by the mode mixin
        http_client = options.get("http_client")
        if http_client is not None and not isinstance(http_client, http_type):
            raise InvalidRequestError(f"http_client must be an httpx.{http_type.__name__}", vault=name)
        install_log_redaction()
        http = http_client or http_type(
            timeout=self._options.timeout,
            headers={"User-Agent": f"polyvault/{__version__} ({name})"},
            follow_redirects=False,
            transport=getattr(self, "_lazy_transport")(),  # noqa: B009 - set by the mode mixin; opened on first request
        )
        self._state = _State(http, owns_http=http_client is None, fleet=fleet)

    def _fleet_mode(self, value: object, account: str) -> tuple[Any, Any]:
        """Fleet mode's link and pacer when `coordination` (or its environment variable) asks for it, else (None, None)."""
        settings = coordination.resolve(value, self._profile.name)
        if settings is None:
            return None, None
        from .coordination.fleet import Fleet
        from .coordination.pacing import Pacer

        name, budget = self._profile.name, self._profile.rate_budget
        fleet = Fleet(settings, vault=name, base_url=self._base_url, account=account, secrets=self._secrets, budget=budget)
        return fleet, Pacer(fleet.budget)

    # --- public surface shared by every client -------------------------------------------------

    @property
    def base_url(self) -> str:
        """The vault's base URL requests go to."""
        return self._base_url

    @property
    def rate_limit(self) -> RateLimit | None:
        """The last limit/remaining/reset the vault reported (shared with copies), or None."""
        return self._state.rate_limit

    @property
    def timeout(self) -> httpx.Timeout:
        """This client's per-request timeout."""
        return self._options.timeout

    @property
    def retry_policy(self) -> RetryPolicy:
        """This client's retry policy."""
        return self._options.retry

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None, retry_policy: RetryPolicy | None = None
    ) -> Self:
        """A copy with another timeout or retry policy, sharing this client's connection pool."""
        name = self._profile.name
        options = self._options
        if timeout is not None:
            options = replace(options, timeout=config.timeout(timeout, name))
        if max_retries is not None or retry_policy is not None:
            options = replace(options, retry=config.retry_policy(max_retries, retry_policy or options.retry, name))
        return self._copy(_options=options)

    def _copy(self, **changes: Any) -> Self:
        """A copy sharing pool and state, without this copy's cached resources."""
        clone = object.__new__(type(self))
        clone.__dict__.update({key: value for key, value in self.__dict__.items() if not isinstance(value, Resource) and key != "raw"})
        clone.__dict__.update(changes)
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    @cached_property
    def raw(self) -> Any:
        """The generated client for this vault, signed like this client and sharing its connection pool.

        For anything the facade does not cover; calls through it get no retries and no error mapping.
        """
        generated = _generated(self._profile, "client")
        headers = {**self._headers, **self._raw_headers()}
        raw = generated.Client(base_url=self._base_url, headers=headers, timeout=self._options.timeout)
        wrapper = _pool_client(self._state.http, base_url=self._base_url, auth=self._auth, headers=headers, timeout=self._options.timeout)
        if isinstance(wrapper, httpx.AsyncClient):
            raw.set_async_httpx_client(wrapper)
        else:
            raw.set_httpx_client(wrapper)
        return raw

    def _raw_headers(self) -> dict[str, str]:
        """Headers `.raw` sends on every call besides the credentials (a vault may add per-copy ones)."""
        return {}

    # --- the pipeline ------------------------------------------------------------------------

    @cached_property
    def _parser(self) -> Any:
        return _generated(self._profile, "client").Client(base_url=self._base_url, raise_on_unexpected_status=True)

    def _request(self, kwargs: Mapping[str, Any], headers: Mapping[str, str] | None) -> httpx.Request:
        merged = {**self._headers, **kwargs.get("headers", {}), **(headers or {})}
        return self._state.http.build_request(
            kwargs["method"],
            self._base_url + kwargs["url"],
            params=kwargs.get("params") or None,  # an empty dict would make httpx parse the URL a second time
            json=kwargs.get("json"),
            content=kwargs.get("content"),
            headers=merged or None,
            timeout=self._options.timeout,
        )

    def _observe(self, response: httpx.Response) -> None:
        limit = read_rate_limit(response.headers.raw)
        if limit is not None:
            self._state.rate_limit = limit
            if self._pacer is not None:
                self._pacer.note(limit, response.status_code)
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug("%s %s %s -> %s", self._profile.name, response.request.method, response.request.url.path, response.status_code)

    def _exchange(
        self,
        kwargs: Mapping[str, Any],
        *,
        idempotent: bool | None = None,
        secrets: Sequence[str] = (),
        headers: Mapping[str, str] | None = None,
        raise_for_status: bool = True,
    ) -> Plan[httpx.Response]:
        """Send one request (built from a generated `_get_kwargs` result) with retries; map failures to VaultErrors."""
        try:
            request = self._request(kwargs, headers)
            if idempotent is None:
                idempotent = request.method in IDEMPOTENT_METHODS
            response = yield from send_with_retries(
                request,
                self._auth,
                policy=self._options.retry,
                idempotent=idempotent,
                on_response=self._observe,
                pacer=self._pacer,
                on_rate_limit=self._rate_limited if self._options.on_rate_limit is not None else None,
            )
        except httpx.TransportError as exc:
            raise transport_error(self._profile.name, exc, request, self._masked(secrets)) from None
        except httpx.InvalidURL as exc:  # too long for httpx as built, or once signed (a query-parameter credential)
            raise InvalidRequestError(
                f"{kwargs['method'].upper()} {kwargs['url'].split('?')[0][:80]}: the request cannot be sent ({exc})",
                vault=self._profile.name,
            ) from None
        if raise_for_status and response.status_code >= 300 and not response.extensions.get(GONE_AFTER_RETRY):
            raise status_error(self._profile.name, response, self._profile.parse_error, self._masked(secrets))
        return response

    def _rate_limited(self, response: httpx.Response, attempt: int) -> bool:
        """Ask the caller's `on_rate_limit` hook whether to go on retrying a 429."""
        hook = self._options.on_rate_limit
        event = RateLimited(
            vault=self._profile.name,
            attempt=attempt,
            retry_after=retry_after(response.headers),
            rate_limit=read_rate_limit(response.headers.raw),
            shared=self._pacer is not None,
        )
        return hook is None or hook(event) is not False

    def _masked(self, secrets: Sequence[str]) -> tuple[str, ...]:
        """Everything an error about this call must mask: the client's credentials, what its auth was issued
        (read now, so a token issued during the failing call is included) and the call's own secrets."""
        return (*self._secrets, *self._auth.issued_secrets(), *secrets)

    def _call(
        self,
        endpoint: str,
        *,
        convert: Callable[[Any], T] = _identity,
        json_status: int | None = None,
        idempotent: bool | None = None,
        secrets: Sequence[str] = (),
        headers: Mapping[str, str] | None = None,
        **arguments: Any,
    ) -> Plan[T]:
        """Call one generated endpoint: build its request, send it with retries, parse its documented response.

        `endpoint` names the generated module under the package's `api` (`"logs.logs_all"`).
        `convert` turns the generated model into the facade's record. With `json_status` (the one
        documented success status), `convert` gets the decoded JSON instead, skipping the generated
        model: for hot paths whose records are built straight from the body. A body that fails either
        step (wrong shape, wrong type, not JSON, another success status) becomes an `UnexpectedResponseError`.
        """
        generated = self._profile.endpoint(endpoint)
        response = yield from self._exchange(generated._get_kwargs(**arguments), idempotent=idempotent, secrets=secrets, headers=headers)
        if response.extensions.get(GONE_AFTER_RETRY):
            return None  # type: ignore[return-value]  # a retried DELETE whose first attempt did it: done, nothing to read
        try:
            if json_status is not None:
                if response.status_code != json_status:
                    raise ValueError(f"status {response.status_code} is not the documented {json_status}")
                return convert(response.json())
            return convert(generated._parse_response(client=self._parser, response=response))
        except Exception as exc:  # noqa: BLE001 - any parse failure means the body is not what the spec says
            raise unreadable(self._profile.name, response, exc) from None


class Resource(Generic[M]):
    """A group of operations (`vgs.aliases`, `apideck.consumers`) bound to one client copy."""

    def __init__(self, client: BaseClient[M]) -> None:
        self._client: BaseClient[M] = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class SyncLifecycle:
    """Sync mode: a pooled `httpx.Client`, context manager and `close()`."""

    _http_type: ClassVar[type[httpx.Client]] = httpx.Client
    _lazy_transport: ClassVar[type[LazyTransport]] = LazyTransport
    _state: _State

    def _run(self, plan: Plan[T]) -> T:
        return run_sync(plan, self._state.http)  # type: ignore[arg-type]

    def _iterate(self, stream: Stream[Any]) -> Any:
        return iter_sync(stream.plan, self._state.http)  # type: ignore[arg-type]

    def close(self) -> None:
        """Close the connection pool (unless it belongs to a caller-supplied http_client)."""
        if self._state.fleet is not None:
            self._state.fleet.close()
        if self._state.owns_http:
            self._state.http.close()  # type: ignore[union-attr]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncLifecycle:
    """Async mode: a pooled `httpx.AsyncClient`, async context manager and `await close()`."""

    _http_type: ClassVar[type[httpx.AsyncClient]] = httpx.AsyncClient
    _lazy_transport: ClassVar[type[AsyncLazyTransport]] = AsyncLazyTransport
    _state: _State

    def _run(self, plan: Plan[T]) -> Any:
        return run_async(plan, self._state.http)  # type: ignore[arg-type]

    def _iterate(self, stream: Stream[Any]) -> Any:
        return iter_async(stream.plan, self._state.http)  # type: ignore[arg-type]

    async def close(self) -> None:
        """Close the connection pool (unless it belongs to a caller-supplied http_client)."""
        if self._state.fleet is not None:
            await self._state.fleet.aclose()
        if self._state.owns_http:
            await self._state.http.aclose()  # type: ignore[union-attr]

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class _PoolTransport(httpx.BaseTransport):
    """Hands `.raw`'s requests to the facade client's pool (a custom httpx transport)."""

    def __init__(self, http: httpx.Client) -> None:
        self._http = http

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._http.send(request, stream=True, auth=None, follow_redirects=False)

    def close(self) -> None:
        """The pool belongs to the facade client, which closes it."""


class _AsyncPoolTransport(httpx.AsyncBaseTransport):
    """The async twin of `_PoolTransport`."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._http.send(request, stream=True, auth=None, follow_redirects=False)

    async def aclose(self) -> None:
        """The pool belongs to the facade client, which closes it."""


def _pool_client(http: httpx.Client | httpx.AsyncClient, **settings: Any) -> httpx.Client | httpx.AsyncClient:
    """A client of the same mode as `http` that sends through `http`'s pool."""
    if isinstance(http, httpx.AsyncClient):
        return httpx.AsyncClient(transport=_AsyncPoolTransport(http), **settings)
    return httpx.Client(transport=_PoolTransport(http), **settings)
