"""VaultPAM: privileged-access safes of an organization.

```
with VaultPAM() as pam:          # VAULTPAM_EMAIL + VAULTPAM_PASSWORD, or VAULTPAM_TOKEN (a PAT)
    for safe in pam.safes.list():
        print(safe.name or safe.id)
```
With email and password the client logs in on first use, keeps the session token until shortly
before `expires_in` runs out, and logs in again (once) when the vault answers 401: one login
however many threads or tasks need it at the same moment. Session tokens cannot be refreshed;
a personal access token is used as it is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Unpack

import httpx

from ._core import checks
from ._core.auth import HeaderAuth, HostBoundAuth
from ._core.client import Async as _Async
from ._core.client import AsyncLifecycle, BaseClient, M, Resource, Sync, SyncLifecycle, VaultProfile, missing_extra
from ._core.config import ClientOptions, required, setting
from ._core.failures import ErrorBody
from ._core.ops import operation
from ._core.runtime import Plan
from .errors import InvalidRequestError

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


_PROFILE = VaultProfile(name=_NAME, package="polyvault_vaultpam_client", extra="vaultpam", parse_error=_parse_error)
try:
    from polyvault_vaultpam_client.models import LoginRequest, LoginResponse
except ModuleNotFoundError as _missing:
    raise missing_extra(_PROFILE, _missing) from None


@dataclass(frozen=True, slots=True)
class Membership:
    """The user's role in one organization."""

    org_id: str
    role: str | None


@dataclass(frozen=True, slots=True)
class Memberships:
    """The organizations the user belongs to, and the active one."""

    active_org_id: str
    memberships: tuple[Membership, ...]


@dataclass(frozen=True, slots=True)
class Safe:
    """A safe. Only `id` and `name` are documented; every other field the vault sends is in `extra`."""

    id: str
    name: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


# --- authentication ----------------------------------------------------------------------------

_ACQUIRE, _RELEASE = object(), object()
_KEEP_ISSUED = 8


class _SessionAuth(HostBoundAuth):
    """Email+password sessions as an `httpx.Auth` flow (httpx's own extension point for token auth).

    The flow is written once (`_flow`); it yields lock markers that the sync and async drivers turn
    into a thread lock or a task lock, so one login serves every waiting thread or task.
    """

    def __init__(self, base_url: str, email: str, password: str) -> None:
        super().__init__(base_url)
        self._login_kwargs = _PROFILE.endpoint("auth.login")._get_kwargs(body=LoginRequest(email=email, password=password))
        self._url = base_url + self._login_kwargs["url"]
        self._token: str | None = None
        self._good_until = 0.0
        self._thread_lock = threading.Lock()
        self._task_lock: Any = None  # an anyio.Lock, made by the first async flow (sync users never import anyio)
        self._issued: tuple[str, ...] = ()  # the last session tokens this auth was issued (secrets to mask)
        self.clock: Callable[[], float] = time.monotonic  # what session lifetimes are timed by (a fake's clock in tests)

    def issued_secrets(self) -> tuple[str, ...]:
        return self._issued

    def _valid_token(self) -> str | None:
        return self._token if self._token is not None and self.clock() < self._good_until else None

    def _login_request(self, request: httpx.Request) -> httpx.Request:
        """The login, bounded by the timeout of the request it serves (httpx sets none on requests it did not build)."""
        kwargs = self._login_kwargs
        extensions = {"timeout": request.extensions["timeout"]} if "timeout" in request.extensions else {}
        return httpx.Request(kwargs["method"].upper(), self._url, json=kwargs["json"], headers=kwargs["headers"], extensions=extensions)

    def _adopt(self, response: httpx.Response) -> str | None:
        """Keep the token of a successful login; None if the login failed (its response then stands)."""
        if response.status_code != 200:
            return None
        try:
            parsed = LoginResponse.from_dict(response.json())
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        token, lifetime = parsed.access_token, parsed.expires_in
        # Wrong-typed fields make no session (no coercion: `str(12345)` is not a token the vault issued).
        if not isinstance(token, str) or not token or isinstance(lifetime, bool) or not isinstance(lifetime, (int, float)):
            return None
        if not 0 < lifetime < float("inf"):
            return None
        self._token = token
        self._issued = (*self._issued[-(_KEEP_ISSUED - 1) :], token)
        self._good_until = self.clock() + lifetime - min(REFRESH_MARGIN, lifetime / 10)
        return token

    def _flow(self, request: httpx.Request) -> Generator[object, httpx.Response | None, None]:
        token = self._valid_token()
        if token is None:
            yield _ACQUIRE
            token = self._valid_token()
            if token is None:
                token = self._adopt((yield self._login_request(request)))  # type: ignore[arg-type]
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
            fresh = self._adopt((yield self._login_request(request)))  # type: ignore[arg-type]
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
        try:
            while True:
                step = flow.send(sent)
                sent = None
                if step is _ACQUIRE:
                    held = self._thread_lock.acquire()
                elif step is _RELEASE:
                    self._thread_lock.release()
                    held = False
                else:
                    sent = yield step  # type: ignore[misc]
                    sent.read()
        except StopIteration:
            return
        finally:
            if held:
                self._thread_lock.release()
            flow.close()

    async def async_auth_flow(self, request: httpx.Request) -> Any:
        if not self.signs(request):
            yield request
            return
        if self._task_lock is None:  # one event loop: nothing awaits between this check and the assignment
            import anyio

            self._task_lock = anyio.Lock()
        flow, held, sent = self._flow(request), False, None
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
                else:
                    sent = yield step
                    await sent.aread()
        except StopIteration:
            return
        finally:
            if held:
                self._task_lock.release()
            flow.close()


# --- resources -----------------------------------------------------------------------------------


def _memberships(parsed: Any) -> Memberships:
    if not isinstance(parsed.active_org_id, str):
        raise TypeError("active_org_id is not a string")
    return Memberships(
        active_org_id=parsed.active_org_id,
        memberships=tuple(Membership(str(item.org_id), item.role if isinstance(item.role, str) else None) for item in parsed.memberships),
    )


def _safes(parsed: Any) -> list[Safe]:
    safes = []
    for item in parsed:
        if not isinstance(item.id, str):
            raise TypeError("safe id is not a string")
        safes.append(Safe(id=item.id, name=item.name if isinstance(item.name, str) else None, extra=dict(item.additional_properties)))
    return safes


class Safes(Resource[M]):
    """The safes of the active organization (`pam.safes`)."""

    @operation
    def list(self) -> Plan[list[Safe]]:
        """Every safe of the organization (`org_id`, else the user's active organization)."""
        client: _VaultPAMClient[M] = self._client  # type: ignore[assignment]
        org_id = yield from client._org_id()
        return (yield from client._call("safes.list_safes", x_active_org_id=org_id, convert=_safes))


class _VaultPAMClient(BaseClient[M]):
    """Shared constructor and resources of `VaultPAM` and `AsyncVaultPAM`."""

    _profile = _PROFILE

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

        A token given here or in `VAULTPAM_TOKEN` (when no email/password is given) is sent as it is.
        `org_id` (else `VAULTPAM_ORG_ID`, else the membership's `active_org_id`) scopes safes.
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
        )

    @property
    def org_id(self) -> str | None:
        """The organization safes are listed for, once known (explicit, or learned from the membership)."""
        return self._org["id"]

    @operation
    def memberships(self) -> Plan[Memberships]:
        """The user's organizations and the active one."""
        return (yield from self._call("org.list_memberships", convert=_memberships))

    def _org_id(self) -> Plan[str]:
        known = self._org["id"]
        if known is None:
            known = (yield from self._call("org.list_memberships", convert=_memberships)).active_org_id
            self._org["id"] = known
        return known

    @cached_property
    def safes(self) -> Safes[M]:
        """Safes: list."""
        return Safes(self)


class VaultPAM(SyncLifecycle, _VaultPAMClient[Sync]):
    """VaultPAM, synchronous. Thread-safe; use as a context manager or call `close()`."""


class AsyncVaultPAM(AsyncLifecycle, _VaultPAMClient[_Async]):
    """VaultPAM for asyncio/trio: the same methods as `VaultPAM`, awaited."""
