"""VaultPAM: privileged-access safes of an organization.

```
with VaultPAM() as pam:          # VAULTPAM_EMAIL + VAULTPAM_PASSWORD, or VAULTPAM_TOKEN (a PAT)
    for safe in pam.safes.list():
        print(safe.name or safe.id)
```
With email and password the client logs in on first use, keeps the session token until shortly
before `expires_in` runs out, and logs in again (once) when the vault answers 401: one login
however many threads or tasks need it at the same moment. Session tokens cannot be refreshed;
a personal access token is used as it is. In fleet mode (`coordination=`) that one login serves
every process of the account: the token is shared, sealed, through Redis.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Unpack

import httpx

from ._core import checks
from ._core.auth import HeaderAuth, HostBoundAuth
from ._core.client import Async as _Async
from ._core.client import AsyncLifecycle, BaseClient, M, Resource, Sync, SyncLifecycle, VaultProfile
from ._core.config import ClientOptions, required, setting
from ._core.failures import ErrorBody
from ._core.ops import operation
from ._core.reading import Reader, no_raw
from ._core.runtime import Plan
from .errors import InvalidRequestError

if TYPE_CHECKING:
    from polyvault_vaultpam_client import Client as RawClient

    from ._core.coordination.link import Op
    from ._core.coordination.session import SharedSession

__all__ = ["AsyncVaultPAM", "Membership", "Memberships", "Safe", "VaultPAM"]

_NAME = "vaultpam"
DEFAULT_BASE_URL = "https://api.vaultpam.com"
# Log in again this long before the token's `expires_in` runs out (capped at a tenth of the lifetime).
REFRESH_MARGIN = 30.0


def _parse_error(body: Any) -> ErrorBody | None:
    """VaultPAM errors: `{"error": "UPPER_SNAKE_CODE", "message": "..."}`."""
    if not isinstance(body, dict) or "error" not in body:
        return None
    message = body.get("message")
    return ErrorBody(code=str(body["error"]), message=str(message) if message is not None else None)


# Fleet mode shares the documented per-user limit (120 per minute; the vault's x-ratelimit-limit replaces it).
_PROFILE = VaultProfile(
    name=_NAME, package="polyvault_vaultpam_client", extra="vaultpam", parse_error=_parse_error, rate_budget=(120, 60.0)
)
_PROFILE.require()  # the generated package (and attrs) load on first use: importing and constructing VaultPAM loads neither

# Responses are read from the decoded JSON by the tolerant-reading rule (polyvault._core.reading): only
# `active_org_id` (org discovery needs it) and each safe's `id` are needed.
_READ = Reader(_NAME)


@dataclass(frozen=True, slots=True)
class Membership:
    """The user's role in one organization.

    Attributes:
        org_id: The organization's id (send it as `org_id=` to list that organization's safes), or
            None when the vault did not say.
        role: The user's role there (for example `admin`), or None when the vault did not say.
    """

    org_id: str | None
    role: str | None
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this membership was read from."""


@dataclass(frozen=True, slots=True)
class Memberships:
    """The organizations the user belongs to, and the active one (what `VaultPAM.memberships()` returns).

    Attributes:
        active_org_id: The organization the vault treats as the user's current one; safes are
            listed for it unless the client was given `org_id`.
        memberships: Every organization the user belongs to, with the user's role in it.
    """

    active_org_id: str
    memberships: tuple[Membership, ...]
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from."""


@dataclass(frozen=True, slots=True)
class Safe:
    """A safe. Only `id` and `name` are documented; every other field the vault sends is in `extra`.

    Attributes:
        id: The safe's id.
        name: The safe's name, or None when the vault sent none.
        extra: Every other field of the safe as the vault sent it (for example `description`).
    """

    id: str
    name: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this safe was read from."""


# --- authentication ----------------------------------------------------------------------------

_ACQUIRE, _RELEASE = object(), object()
_KEEP_ISSUED = 8
# Fleet mode: how long the login lock lives (at most; about one login's timeout), and how often a process
# waiting for another's login looks for its token.
_LOCK_MAX, _POLL_FIRST, _POLL_MAX = 15.0, 0.02, 0.25


@dataclass(frozen=True, slots=True)
class _Shared:
    """A flow step for the fleet's session in Redis (fleet mode): the wrappers run `op` and send back its result."""

    op: Op
    locks: bool = False  # taking the login lock: if it answers True, the wrapper releases it should the flow die
    unlocks: bool = False


@dataclass(frozen=True, slots=True)
class _Wait:
    """A flow step: wait `seconds` (for another process's login)."""

    seconds: float


def _lock_seconds(request: httpx.Request) -> float:
    """How long the login lock may be held: the login's own timeout (connect + read), at most `_LOCK_MAX`."""
    timeout = request.extensions.get("timeout") or {}
    spent = sum(value for phase in ("connect", "read") if isinstance(value := timeout.get(phase), (int, float)))
    return min(_LOCK_MAX, max(1.0, spent or _LOCK_MAX))


class _SessionAuth(HostBoundAuth):
    """Email+password sessions as an `httpx.Auth` flow (httpx's own extension point for token auth).

    The flow is written once (`_flow`); it yields lock markers that the sync and async drivers turn
    into a thread lock or a task lock, so one login serves every waiting thread or task.
    """

    def __init__(self, base_url: str, email: str, password: str) -> None:
        super().__init__(base_url)
        self._base_url = base_url
        self._credentials = (email, password)
        self._token: str | None = None
        self._good_until = 0.0
        self._thread_lock = threading.Lock()
        self._task_lock: Any = None  # an anyio.Lock, made by the first async flow (sync users never import anyio)
        self._issued: tuple[str, ...] = ()  # the last session tokens this auth was issued (secrets to mask)
        self._lifetime = 0.0  # seconds the current token was issued for
        self.shared: SharedSession | None = None  # fleet mode: the account's session in Redis
        self.clock: Callable[[], float] = time.monotonic  # what session lifetimes are timed by (a fake's clock in tests)

    def issued_secrets(self) -> tuple[str, ...]:
        return self._issued

    def _valid_token(self) -> str | None:
        return self._token if self._token is not None and self.clock() < self._good_until else None

    @cached_property
    def _login(self) -> tuple[str, dict[str, Any]]:
        """The login's URL and generated request parts, made for the first login (the generated package loads then)."""
        email, password = self._credentials
        kwargs = _PROFILE.endpoint("auth.login")._get_kwargs(body=_PROFILE.models.LoginRequest(email=email, password=password))
        return self._base_url + kwargs["url"], kwargs

    def _login_request(self, request: httpx.Request) -> httpx.Request:
        """The login, bounded by the timeout of the request it serves (httpx sets none on requests it did not build)."""
        url, kwargs = self._login
        extensions = {"timeout": request.extensions["timeout"]} if "timeout" in request.extensions else {}
        return httpx.Request(kwargs["method"].upper(), url, json=kwargs["json"], headers=kwargs["headers"], extensions=extensions)

    def _adopt(self, response: httpx.Response) -> str | None:
        """Keep the token of a successful login; None if the login failed (its response then stands).

        The token is sent exactly as issued, so only a non-empty string is one (the auth flow makes no
        request error of its own: a number here is no session, and the call fails). A lifetime that
        cannot be read (tolerant reading) leaves the token good for this request only.
        """
        if response.status_code != 200:
            return None
        try:
            body = response.json()
        except ValueError:
            return None
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            return None
        lifetime = _READ.number(body.get("expires_in"), "login.expires_in")
        if lifetime is None or not 0 < lifetime < float("inf"):
            if lifetime is not None:
                _READ.unreadable("login.expires_in", "a positive number of seconds", lifetime, "0 (the token serves this request only)")
            lifetime = 0.0
        return self._keep(token, lifetime, lifetime - min(REFRESH_MARGIN, lifetime / 10))

    def _keep(self, token: str, lifetime: float, usable: float) -> str:
        """Use `token` (issued for `lifetime` seconds) for the next `usable` seconds."""
        self._token = token
        self._lifetime = float(lifetime)
        self._issued = (*self._issued[-(_KEEP_ISSUED - 1) :], token)
        self._good_until = self.clock() + usable
        return token

    def _obtain(self, request: httpx.Request, refused: str | None) -> Generator[object, Any, str | None]:
        """A session token: in fleet mode the fleet's (one login per fleet), else from a login of our own.

        The fleet's token is used unless it is the one the vault just `refused`; else one process
        takes the login lock and logs in, the others wait for the token it shares. No Redis (or a
        lock held past its time) means logging in ourselves: the fleet never stops a login.
        """
        shared = self.shared
        if shared is None or not shared.usable():
            return self._adopt((yield self._login_request(request)))
        if refused is not None:
            yield _Shared(shared.discard(refused))  # for everyone, unless another process already replaced it
        ttl = _lock_seconds(request)
        deadline = time.monotonic() + 2 * ttl
        poll = _POLL_FIRST
        while True:
            found = yield _Shared(shared.fetch())
            if found is not None and found.token != refused:
                return self._keep(found.token, found.lifetime, found.left)
            mine = yield _Shared(shared.lock(ttl), locks=True)
            if mine is False and time.monotonic() < deadline:
                yield _Wait(poll)  # another process is logging in: its token will be in Redis
                poll = min(_POLL_MAX, poll * 1.5)
                continue
            if mine:  # someone may have shared a token between our look and our lock
                found = yield _Shared(shared.fetch())
                if found is not None and found.token != refused:
                    yield _Shared(shared.unlock(), unlocks=True)
                    return self._keep(found.token, found.lifetime, found.left)
            token = self._adopt((yield self._login_request(request)))
            if token is not None:
                yield _Shared(shared.store(token, self._lifetime, self._good_until - self.clock()))
            if mine:
                yield _Shared(shared.unlock(), unlocks=True)
            return token

    def _flow(self, request: httpx.Request) -> Generator[object, httpx.Response | None, None]:
        token = self._valid_token()
        if token is None:
            yield _ACQUIRE
            token = self._valid_token()
            if token is None:
                token = yield from self._obtain(request, None)
            yield _RELEASE
            if token is None:
                return
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response is None or response.status_code != 401:
            return
        yield _ACQUIRE
        fresh = self._valid_token()
        if fresh in (None, token):  # nobody logged in since our token was refused: we do it, once
            self._token = None
            fresh = yield from self._obtain(request, token)
        yield _RELEASE
        if fresh is None:
            return
        request.headers["Authorization"] = f"Bearer {fresh}"
        yield request

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not self.signs(request):
            yield request
            return
        flow, held, sent = self._flow(request), False, None
        locked: SharedSession | None = None  # fleet mode: we hold the fleet's login lock
        try:
            while True:
                step = flow.send(sent)
                sent = None
                if step is _ACQUIRE:
                    held = self._thread_lock.acquire()
                elif step is _RELEASE:
                    self._thread_lock.release()
                    held = False
                elif isinstance(step, _Shared):
                    assert self.shared is not None
                    sent = self.shared.fleet.link.run(step.op)
                    locked = self.shared if (step.locks and sent) else None if step.unlocks else locked
                elif isinstance(step, _Wait):
                    time.sleep(step.seconds)
                else:
                    sent = yield step  # type: ignore[misc]
                    sent.read()
        except StopIteration:
            return
        finally:
            if held:
                self._thread_lock.release()
            if locked is not None:  # the flow died holding the fleet's login lock: free it now, not at its expiry
                locked.fleet.link.run(locked.unlock())
            flow.close()

    async def async_auth_flow(self, request: httpx.Request) -> Any:
        if not self.signs(request):
            yield request
            return
        import anyio

        if self._task_lock is None:  # one event loop: nothing awaits between this check and the assignment
            self._task_lock = anyio.Lock()
        if self.shared is not None:
            await self.shared.fleet.akeyring()  # derived off the event loop, once, before the flow needs it
        flow, held, sent = self._flow(request), False, None
        locked: SharedSession | None = None
        try:
            while True:
                step = flow.send(sent)
                sent = None
                if step is _ACQUIRE:
                    await self._task_lock.acquire()
                    held = True
                elif step is _RELEASE:
                    self._task_lock.release()
                    held = False
                elif isinstance(step, _Shared):
                    assert self.shared is not None
                    sent = await self.shared.fleet.link.arun(step.op)
                    locked = self.shared if (step.locks and sent) else None if step.unlocks else locked
                elif isinstance(step, _Wait):
                    await anyio.sleep(step.seconds)
                else:
                    sent = yield step
                    await sent.aread()
        except StopIteration:
            return
        finally:
            if held:
                self._task_lock.release()
            if locked is not None:
                with anyio.CancelScope(shield=True):  # bounded by the Redis timeout
                    await locked.fleet.link.arun(locked.unlock())
            flow.close()


# --- resources -----------------------------------------------------------------------------------


def _memberships(body: Any) -> Memberships:
    data = _READ.need_mapping(body, "body")
    return Memberships(
        active_org_id=_READ.need_text(data.get("active_org_id"), "active_org_id"),
        memberships=tuple(
            _READ.record(Membership, item, "memberships[]") for item in _READ.objects(data.get("memberships"), "memberships")
        ),
        raw=MappingProxyType(data),
    )


def _safes(body: Any) -> list[Safe]:
    return [
        _READ.record(Safe, item, "safe", extra={key: value for key, value in item.items() if key not in ("id", "name")})
        for item in (_READ.need_mapping(item, "safes[]") for item in _READ.need_array(body, "safes"))
    ]


class Safes(Resource[M]):
    """The safes of the active organization (`pam.safes`)."""

    @operation
    def list(self) -> Plan[list[Safe]]:
        """Every safe of the organization (`org_id`, else the user's active organization).

        The first call without `org_id` also asks the vault for the user's memberships to learn the
        active organization (once per client and its copies).

        Returns:
            The safes, in the vault's order (not paginated).

        Raises:
            AuthenticationError: The credentials were refused (a login is retried once on a 401).
            PermissionDeniedError: The user may not list this organization's safes.
            RateLimitError: The vault kept answering 429 after the retries.
        """
        client: _VaultPAMClient[M] = self._client  # type: ignore[assignment]
        org_id = yield from client._org_id()
        return (yield from client._call("safes.list_safes", x_active_org_id=org_id, convert=_safes, json_status=200))


class _VaultPAMClient(BaseClient[M]):
    """Shared constructor and resources of `VaultPAM` and `AsyncVaultPAM`."""

    _profile = _PROFILE
    raw: RawClient  # the generated client (`BaseClient.raw`), typed for this vault

    def __init__(
        self,
        email: str | None = None,
        password: str | None = None,
        *,
        token: str | None = None,
        org_id: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """Connect with email+password (else `VAULTPAM_EMAIL`/`VAULTPAM_PASSWORD`) or a personal access token.

        With email and password the client logs in on its first request and keeps the session
        token until shortly before `expires_in` runs out; one login serves every thread or task.
        A token given here or in `VAULTPAM_TOKEN` (when no email/password is given) is sent as it is.

        Args:
            email: The user's email (else `VAULTPAM_EMAIL`).
            password: The user's password (else `VAULTPAM_PASSWORD`).
            token: A personal access token, used instead of logging in (else `VAULTPAM_TOKEN`,
                read only when neither email nor password is given).
            org_id: The organization whose safes to list (else `VAULTPAM_ORG_ID`, else the
                membership's `active_org_id`).
            **options: The keywords every client takes: `base_url` (else `VAULTPAM_BASE_URL`),
                `timeout`, `max_retries`, `retry_policy`, `http_client`, `allow_http`, `max_concurrency`.

        Raises:
            InvalidRequestError: No credentials were given or found in the environment (the message
                names the variables), or an option is invalid. Nothing is sent at construction.
        """
        explicit_login = email is not None or password is not None
        pat = checks.optional_text(token, "token", _NAME) or (
            None if explicit_login else setting(None, "VAULTPAM_TOKEN", name="token", vault=_NAME)
        )
        org = setting(org_id, "VAULTPAM_ORG_ID", name="org_id", vault=_NAME)
        self._org = {"id": None if org is None else checks.header_value(org, "org_id", _NAME)}
        pat = None if pat is None else checks.header_value(pat, "token", _NAME)
        if pat is not None:
            bearer = {"Authorization": f"Bearer {pat}"}
            self._setup(
                options,
                default_url=DEFAULT_BASE_URL,
                url_env="VAULTPAM_BASE_URL",
                make_auth=lambda url: HeaderAuth(url, bearer),
                secrets=(pat,),
            )
            return
        if not explicit_login and setting(None, "VAULTPAM_EMAIL", name="email", vault=_NAME) is None:
            raise InvalidRequestError(
                "missing credentials: pass email= and password= (or set VAULTPAM_EMAIL and VAULTPAM_PASSWORD), "
                "or a personal access token with token= (or VAULTPAM_TOKEN)",
                vault=_NAME,
            )
        user = required(email, "VAULTPAM_EMAIL", name="email", vault=_NAME)
        secret = required(password, "VAULTPAM_PASSWORD", name="password", vault=_NAME)
        self._setup(
            options,
            default_url=DEFAULT_BASE_URL,
            url_env="VAULTPAM_BASE_URL",
            make_auth=lambda url: _SessionAuth(url, user, secret),
            secrets=(secret,),
            account=user,
        )
        if self._state.fleet is not None:
            self._auth.shared = self._state.fleet.session  # type: ignore[attr-defined]  # one login per fleet

    @property
    def org_id(self) -> str | None:
        """The organization safes are listed for, once known (explicit, or learned from the membership)."""
        return self._org["id"]

    @operation
    def memberships(self) -> Plan[Memberships]:
        """The user's organizations and the active one.

        Returns:
            The memberships and the active organization's id.

        Raises:
            AuthenticationError: The credentials were refused.
        """
        return (yield from self._call("org.list_memberships", convert=_memberships, json_status=200))

    def _org_id(self) -> Plan[str]:
        known = self._org["id"]
        if known is None:
            known = (yield from self._call("org.list_memberships", convert=_memberships, json_status=200)).active_org_id
            self._org["id"] = known
        return known

    @cached_property
    def safes(self) -> Safes[M]:
        """The safes of the organization: `pam.safes.list()`."""
        return Safes(self)


class VaultPAM(SyncLifecycle, _VaultPAMClient[Sync]):
    """VaultPAM, synchronous. Thread-safe; use as a context manager or call `close()`."""


class AsyncVaultPAM(AsyncLifecycle, _VaultPAMClient[_Async]):
    """VaultPAM for asyncio/trio: the same methods as `VaultPAM`, awaited."""
