"""The client machinery every vault shares: the request pipeline, copies, lifecycle and `.raw`.

A vault client is `BaseClient[Sync]` or `BaseClient[Async]` plus the matching lifecycle mixin. Its
resources (`vgs.aliases`, `apideck.consumers`, ...) are `Resource` objects whose methods are plans
(see runtime.py and ops.py), so each facade operation is written once for both modes.

At run time a resource is an instance of its class's twin for the client's mode (`Resource._for_mode`),
and the client class shows that twin as the resource attribute (`VGS.aliases`), so introspection
(`help`, `inspect.signature`, `unittest.mock.create_autospec(VGS, instance=True)`) sees the methods
with the signatures of that mode.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import ModuleType
from typing import Any, ClassVar, Generic, Self, TypeVar

import httpx

from .. import __version__
from ..errors import ClientClosedError, InvalidRequestError
from . import checks, config, coordination, observe
from .auth import HostBoundAuth
from .failures import ErrorParser, status_error, transport_error, unreadable
from .ratelimit import RateLimit, RateLimited, read_rate_limit, retry_after
from .redact import install_log_redaction
from .retry import GONE_AFTER_RETRY, IDEMPOTENT_METHODS, RetryPolicy, send_with_retries
from .runtime import Plan, Stream, iter_async, iter_sync, run_async, run_sync
from .transport import AsyncLazyTransport, LazyTransport

T = TypeVar("T")
_PATH_PARAMETER = re.compile(r"\\\{(\w+)\\\}")
_LAZY_RESOURCE = re.compile(r"[A-Za-z_]\w*\[M\]")


def _identity(value: Any) -> Any:
    return value


class Sync:
    """Mode marker: methods return results and iterators."""


class Async:
    """Mode marker: methods return awaitables and async iterators."""


M = TypeVar("M", Sync, Async)


def mode_of(cls: type[Any]) -> type[Sync] | type[Async] | None:
    """The mode a client or resource class runs in: Sync, Async, or None for a class shared by both."""
    mode: type[Sync] | type[Async] | None = getattr(cls, "_mode", None)
    return mode


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
    _modules: dict[str, ModuleType] = field(default_factory=dict, compare=False, repr=False)
    _templates: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def require(self) -> None:
        """Raise the missing-extra error now if the generated package is not installed.

        A vault module calls this at import: the package is found without importing it (nor attrs), and is
        loaded on first use (`models`, `unset`, `endpoint`), so importing and constructing a client load neither.
        """
        if importlib.util.find_spec(self.package) is None:
            raise missing_extra(self, ModuleNotFoundError(f"No module named {self.package!r}", name=self.package))

    @property
    def models(self) -> Any:
        """The generated package's `models` (the request bodies), imported on first use."""
        return self._module("models")

    @property
    def unset(self) -> Any:
        """The generated package's `UNSET` (an optional argument left out), imported on first use."""
        return self._module("types").UNSET

    def endpoint(self, path: str) -> ModuleType:
        """The generated endpoint module `<package>.api.<path>` (`"logs.logs_all"`), imported on first use:
        a vault names its endpoints instead of importing them all, so importing and constructing it stays cheap."""
        module = self._endpoints.get(path)
        if module is None:
            module = self._endpoints[path] = self._module(f"api.{path}")
        return module

    def _module(self, name: str) -> ModuleType:
        """`<package>.<name>`, imported once (a bulk call asks for `models` per value; `import_module` is not free)."""
        module = self._modules.get(name)
        if module is None:
            try:
                module = self._modules[name] = importlib.import_module(f"{self.package}.{name}")
            except ModuleNotFoundError as exc:
                raise missing_extra(self, exc) from None
        return module

    def template(self, path: str) -> str:
        """The path template of a generated endpoint (`"/aliases/{alias}"` for `"aliases.reveal_alias"`).

        Read from the endpoint's own `_get_kwargs`, whose URL is the one path literal among its constants
        (`"/aliases/{alias}".format(alias=...)`); logs and spans name requests by it, never by the raw path.
        """
        template = self._templates.get(path)
        if template is None:
            literals = [
                value for value in self.endpoint(path)._get_kwargs.__code__.co_consts if isinstance(value, str) and value.startswith("/")
            ]
            template = self._templates[path] = literals[0] if len(literals) == 1 else "/{path}"
        return template

    def match_template(self, raw_path: str) -> str:
        """The template of the endpoint a raw relative path (`/cards/2f97.../send`) belongs to, among those in use.

        A path no endpoint in use matches is shown as `/{path}`: a raw path is never logged.
        """
        for path in list(self._endpoints):
            template = self.template(path)
            if re.fullmatch(_PATH_PARAMETER.sub("[^/]+", re.escape(template)), raw_path):
                return template
        return "/{path}"


def missing_extra(profile: VaultProfile, error: ModuleNotFoundError) -> ModuleNotFoundError:
    """The error to raise when importing the vault's generated package failed: it names the extra to install."""
    if error.name is None or not error.name.startswith(profile.package):
        return error
    return ModuleNotFoundError(
        f"polyvault's {profile.name} client needs the {profile.package} package: pip install 'polyvault[{profile.extra}]'",
        name=error.name,
    )


def user_agent(vault: str, application_id: str | None = None) -> str:
    """`[<application_id> ]polyvault/<version> (<vault>) Python/<version> (<platform>)`."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    agent = f"polyvault/{__version__} ({vault}) Python/{python} ({sys.platform})"
    return f"{application_id} {agent}" if application_id else agent


class _State:
    """What a client shares with its copies: the pool, whether it is closed, the last rate limit seen, fleet mode's Redis link."""

    def __init__(self, http: httpx.Client | httpx.AsyncClient, owns_http: bool, fleet: Any = None) -> None:
        self.http = http
        self.owns_http = owns_http
        self.closed = False
        self.rate_limit: RateLimit | None = None
        self.fleet = fleet

    def check_open(self, vault: str) -> None:
        """Refuse to send once the client (or a copy sharing this pool) was closed, or a caller closed their http_client."""
        if self.closed or self.http.is_closed:
            raise closed_error(vault)


def closed_error(vault: str) -> ClientClosedError:
    """The error for a call on a closed client."""
    return ClientClosedError(
        "this client is closed: no request can be sent after close() or the end of its `with` block "
        "(copies from with_options() share the closed connection pool); create a new client",
        vault=vault,
    )


class _ResourceAttribute(cached_property[Any]):
    """A client's resource (`vgs.aliases`): made once per client copy; on the class, the resource class for its mode."""

    def __init__(self, func: Callable[[Any], Any], resource: Callable[[], type[Resource[Any]]]) -> None:
        super().__init__(func)
        self.resource = resource

    def __get__(self, instance: Any, owner: type[Any] | None = None) -> Any:
        if instance is None:
            mode = mode_of(owner) if owner is not None else None
            return self if mode is None else self.resource()._for_mode(mode)
        return super().__get__(instance, owner)


def _resource_class(func: Callable[..., Any]) -> Callable[[], type[Resource[Any]]] | None:
    """How to find the `Resource` subclass a cached property returns, from its annotation (`-> Aliases[M]`), else None.

    The class itself when the property's module has it; else, for an annotation `Name[M]`, the module's attribute
    `Name` on first use (a vault whose resources load on first use gives its client module a `__getattr__` for them).
    """
    annotation = getattr(func, "__annotations__", {}).get("return")
    name = annotation.split("[")[0].strip() if isinstance(annotation, str) else getattr(annotation, "__name__", None)
    found = getattr(func, "__globals__", {}).get(name) if name else None
    if isinstance(found, type) and issubclass(found, Resource):
        return lambda: found
    if found is None and isinstance(annotation, str) and _LAZY_RESOURCE.fullmatch(annotation):
        return lambda: getattr(importlib.import_module(func.__module__), annotation.split("[")[0])
    return None


class BaseClient(Generic[M]):
    """Configuration and the request pipeline shared by every vault client, sync or async."""

    _profile: ClassVar[VaultProfile]
    _mode: ClassVar[type[Sync] | type[Async] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Resource attributes declared as `@cached_property def aliases(self) -> Aliases[M]` learn their class."""
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if type(value) is cached_property and (resource := _resource_class(value.func)) is not None:
                attribute = _ResourceAttribute(value.func, resource)
                attribute.__set_name__(cls, name)
                attribute.__doc__ = value.__doc__
                setattr(cls, name, attribute)

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
        self._log = observe.vault_logger(name)
        agent = user_agent(name, config.application_id(options.get("application_id"), name))
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
            headers={"User-Agent": agent},
            follow_redirects=False,
            transport=getattr(self, "_lazy_transport")(),  # noqa: B009 - set by the mode mixin; opened on first request
        )
        if http_client is not None:
            self._headers["User-Agent"] = agent  # per request: the caller's client keeps its own defaults
        self._user_agent = agent
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

        For anything the facade does not cover; calls through it get no retries, no error mapping, no
        logs and no spans (only the User-Agent). Once the client is closed they raise `ClientClosedError`.
        """
        generated = self._profile._module("client")
        headers = {"User-Agent": self._user_agent, **self._headers, **self._raw_headers()}
        raw = generated.Client(base_url=self._base_url, headers=headers, timeout=self._options.timeout)
        wrapper = _pool_client(
            self._state, self._profile.name, base_url=self._base_url, auth=self._auth, headers=headers, timeout=self._options.timeout
        )
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
        return self._profile._module("client").Client(base_url=self._base_url, raise_on_unexpected_status=True)

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

    def _exchange(
        self,
        kwargs: Mapping[str, Any],
        *,
        idempotent: bool | None = None,
        secrets: Sequence[str] = (),
        headers: Mapping[str, str] | None = None,
        raise_for_status: bool = True,
        template: str | None = None,
    ) -> Plan[httpx.Response]:
        """Send one request (built from a generated `_get_kwargs` result) with retries; map failures to VaultErrors.

        `template` is the request's path template (found from the path when not given); the errors
        raised carry the request's attempts, and the response its `observe.Exchange` in `extensions["polyvault.exchange"]`.
        """
        profile = self._profile
        self._state.check_open(profile.name)
        try:
            request = self._request(kwargs, headers)
            if idempotent is None:
                idempotent = request.method in IDEMPOTENT_METHODS
            watch = observe.Exchange(
                request,
                self._log,
                lambda: httpx.URL(self._base_url).path.rstrip("/") + (template or profile.match_template(kwargs["url"].split("?")[0])),
                self._options.retry.max_retries + 1,
            )
            response = yield from send_with_retries(
                request,
                self._auth,
                policy=self._options.retry,
                idempotent=idempotent,
                on_response=self._observe,
                watch=watch,
                pacer=self._pacer,
                on_rate_limit=self._rate_limited if self._options.on_rate_limit is not None else None,
            )
        except httpx.TransportError as exc:
            raise watch.keep(transport_error(profile.name, exc, request, self._masked(secrets))) from None
        except httpx.InvalidURL as exc:  # too long for httpx as built, or once signed (a query-parameter credential)
            raise InvalidRequestError(
                f"{kwargs['method'].upper()} {kwargs['url'].split('?')[0][:80]}: the request cannot be sent ({exc})",
                vault=profile.name,
            ) from None
        except RuntimeError:
            if self._state.closed or self._state.http.is_closed:  # closed while the request was under way
                raise closed_error(profile.name) from None
            raise
        response.extensions["polyvault.exchange"] = watch  # its attempts, should reading the body fail
        if raise_for_status and response.status_code >= 300 and not response.extensions.get(GONE_AFTER_RETRY):
            raise watch.keep(status_error(profile.name, response, profile.parse_error, self._masked(secrets)))
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
        response = yield from self._exchange(
            generated._get_kwargs(**arguments),
            idempotent=idempotent,
            secrets=secrets,
            headers=headers,
            template=self._profile.template(endpoint),
        )
        if response.extensions.get(GONE_AFTER_RETRY):
            return None  # type: ignore[return-value]  # a retried DELETE whose first attempt did it: done, nothing to read
        try:
            if json_status is not None:
                if response.status_code != json_status:
                    raise ValueError(f"status {response.status_code} is not the documented {json_status}")
                return convert(response.json())
            return convert(generated._parse_response(client=self._parser, response=response))
        except Exception as exc:  # noqa: BLE001 - any parse failure means the body is not what the spec says
            error = unreadable(self._profile.name, response, exc)
            raise response.extensions["polyvault.exchange"].keep(error) from None


class Resource(Generic[M]):
    """A group of operations (`vgs.aliases`, `apideck.consumers`) bound to one client copy."""

    _mode: ClassVar[type[Sync] | type[Async] | None] = None

    def __new__(cls, client: BaseClient[M]) -> Self:
        if cls._mode is None:
            mode = mode_of(type(client))
            if mode is not None:
                cls = cls._for_mode(mode)  # the twin whose methods show this mode's signatures
        return object.__new__(cls)

    def __init__(self, client: BaseClient[M]) -> None:
        self._client: BaseClient[M] = client

    @classmethod
    def _for_mode(cls, mode: type[Sync] | type[Async]) -> type[Self]:
        """This resource class for clients of `mode`: same name, methods and docs, one per class and mode."""
        twins: dict[type, type[Self]] = cls.__dict__.get("_twins") or {}
        if not twins:
            cls._twins = twins  # type: ignore[attr-defined]  # set on this very class, not inherited
        twin = twins.get(mode)
        if twin is None:
            namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__, "_mode": mode}
            twin = twins.setdefault(mode, type(cls.__name__, (cls,), namespace))  # two threads racing keep one twin
        return twin

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class SyncLifecycle:
    """Sync mode: a pooled `httpx.Client`, context manager and `close()`."""

    _mode: ClassVar[type[Sync] | type[Async] | None] = Sync
    _http_type: ClassVar[type[httpx.Client]] = httpx.Client
    _lazy_transport: ClassVar[type[LazyTransport]] = LazyTransport
    _state: _State

    def _run(self, plan: Plan[T]) -> T:
        return run_sync(plan, self._state.http)  # type: ignore[arg-type]

    def _iterate(self, stream: Stream[Any]) -> Any:
        return iter_sync(stream.plan, self._state.http)  # type: ignore[arg-type]

    def close(self) -> None:
        """Close the client and its copies: later calls raise `ClientClosedError`.

        The connection pool is closed too, unless it belongs to a caller-supplied http_client.
        """
        self._state.closed = True
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

    _mode: ClassVar[type[Sync] | type[Async] | None] = Async
    _http_type: ClassVar[type[httpx.AsyncClient]] = httpx.AsyncClient
    _lazy_transport: ClassVar[type[AsyncLazyTransport]] = AsyncLazyTransport
    _state: _State

    def _run(self, plan: Plan[T]) -> Any:
        return run_async(plan, self._state.http)  # type: ignore[arg-type]

    def _iterate(self, stream: Stream[Any]) -> Any:
        return iter_async(stream.plan, self._state.http)  # type: ignore[arg-type]

    async def close(self) -> None:
        """Close the client and its copies: later calls raise `ClientClosedError`.

        The connection pool is closed too, unless it belongs to a caller-supplied http_client.
        """
        self._state.closed = True
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

    def __init__(self, state: _State, vault: str) -> None:
        self._state = state
        self._vault = vault

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._state.check_open(self._vault)
        http: httpx.Client = self._state.http  # type: ignore[assignment]
        return http.send(request, stream=True, auth=None, follow_redirects=False)

    def close(self) -> None:
        """The pool belongs to the facade client, which closes it."""


class _AsyncPoolTransport(httpx.AsyncBaseTransport):
    """The async twin of `_PoolTransport`."""

    def __init__(self, state: _State, vault: str) -> None:
        self._state = state
        self._vault = vault

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._state.check_open(self._vault)
        http: httpx.AsyncClient = self._state.http  # type: ignore[assignment]
        return await http.send(request, stream=True, auth=None, follow_redirects=False)

    async def aclose(self) -> None:
        """The pool belongs to the facade client, which closes it."""


def _pool_client(state: _State, vault: str, **settings: Any) -> httpx.Client | httpx.AsyncClient:
    """A client of the same mode as the state's pool that sends through that pool."""
    if isinstance(state.http, httpx.AsyncClient):
        return httpx.AsyncClient(transport=_AsyncPoolTransport(state, vault), **settings)
    return httpx.Client(transport=_PoolTransport(state, vault), **settings)
