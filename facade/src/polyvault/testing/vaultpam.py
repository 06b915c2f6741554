"""FakeVaultPAM: the public VaultPAM API (login, memberships, safes) as VaultPAM documents it.

- `POST /api/v1/auth/login` answers every failure with the same 401 `AUTH_FAILED` body; session
  tokens expire after `expires_in` seconds on the fake's clock and cannot be refreshed. With a
  `ManualClock`, `fake.client()` makes the client time its sessions by that clock too.
- Personal access tokens (`fake.add_pat()`) are long-lived Bearer tokens.
- Memberships with an `active_org_id`; safes scoped by the `X-Active-Org-Id` header (403 for an
  organization the user does not belong to, 401 for a missing, wrong or expired token).
- Rate limits per window of one minute (or `rate_window` seconds): logins (default 60, per IP: every
  client of a fake is one IP) and authenticated requests per user (default 120). Every response
  carries `x-ratelimit-limit/-remaining/-reset` (reset as an absolute Unix time); a 429 adds
  `retry-after`. `fake.logins` counts successful logins, `fake.throttled` the 429s for volume.
"""

from __future__ import annotations

import hmac
import json
import math
import secrets
from dataclasses import dataclass, field
from typing import Any

import httpx

from ..vaultpam import AsyncVaultPAM, VaultPAM
from ._base import FakeVault, ManualClock, route

_LOGIN = "POST /api/v1/auth/login"


@dataclass
class _User:
    email: str
    password: str
    orgs: dict[str, str]  # org id -> role
    active_org_id: str


@dataclass
class _Token:
    email: str
    expires_at: float | None  # None: a personal access token


@dataclass
class _Window:
    minute: int = -1
    used: dict[str, int] = field(default_factory=dict)


class FakeVaultPAM(FakeVault[VaultPAM, AsyncVaultPAM]):
    """A fake VaultPAM control plane with one user (`fake.email` / `fake.password`) in two organizations.

    The user is `admin` of the active organization (`fake.org_ids[0]`, two safes) and `member` of
    a second one (one safe). Every other keyword (`validate`, `seed`, `clock`) is `FakeVault`'s.

    Attributes:
        email: The user's email (`VAULTPAM_EMAIL` for a client).
        password: The user's password (`VAULTPAM_PASSWORD`); change it with `set_password`.
        expires_in: Lifetime in seconds of the session tokens logins issue (on the fake's clock).
        login_limit: Logins allowed per one-minute window before 429.
        user_limit: Authenticated requests allowed per user per one-minute window before 429.
        logins: How many logins succeeded so far (a test of session reuse reads this).
    """

    name = "vaultpam"
    facade = ("polyvault.vaultpam", "VaultPAM")

    def __init__(
        self,
        *,
        email: str = "alice@example.com",
        password: str | None = None,
        expires_in: int = 900,
        login_limit: int = 60,
        user_limit: int = 120,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.email = email
        self.password = password or secrets.token_urlsafe(16)
        self.expires_in = expires_in
        self.login_limit = login_limit
        self.user_limit = user_limit
        self.logins = 0
        primary, other = "org_01HXZPRIMARY0000000000000", "org_01HXZSECOND00000000000000"
        self._users = {email: _User(email, self.password, {primary: "admin", other: "member"}, primary)}
        self._tokens: dict[str, _Token] = {}
        self._safes: dict[str, list[dict[str, Any]]] = {
            primary: [
                {"id": "safe_01", "name": "Production databases", "description": "Root credentials"},
                {"id": "safe_02", "name": "Payment gateways"},
            ],
            other: [{"id": "safe_10", "name": "Staging"}],
        }
        self._windows = _Window()

    # --- for tests ---------------------------------------------------------------------------------

    def credentials(self) -> dict[str, str]:
        return {"email": self.email, "password": self.password}

    def _client(self, http_type: Any, prefix: str, options: dict[str, Any]) -> Any:
        """With a `ManualClock`, the client's session expiry follows it too, so tests expire sessions without waiting."""
        client = super()._client(http_type, prefix, options)
        auth = client._auth
        if isinstance(self.clock, ManualClock) and hasattr(auth, "clock"):
            auth.clock = self.clock
        return client

    def add_pat(self) -> str:
        """Issue a personal access token for the user (long-lived)."""
        token = "vpat_" + secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = _Token(self.email, None)
        return token

    def set_password(self, password: str) -> None:
        """Change the user's password (later logins with the old one fail)."""
        with self._lock:
            self.password = password
            self._users[self.email].password = password

    def add_safe(self, org_id: str, safe: dict[str, Any]) -> None:
        """Add a safe (any fields; `id` required) to an organization."""
        with self._lock:
            self._safes.setdefault(org_id, []).append(dict(safe))

    def expire_sessions(self) -> None:
        """Make every session token invalid now (the server's view), as if they had all expired."""
        with self._lock:
            self._tokens = {token: held for token, held in self._tokens.items() if held.expires_at is None}

    @property
    def org_ids(self) -> list[str]:
        """The user's organizations, active one first."""
        user = self._users[self.email]
        return [user.active_org_id, *(org for org in user.orgs if org != user.active_org_id)]

    # --- the vault's conventions -------------------------------------------------------------------

    def error(self, status: int, message: str, *, code: str | None = None) -> httpx.Response:
        default = {400: "BAD_REQUEST", 401: "AUTH_FAILED", 403: "FORBIDDEN", 404: "NOT_FOUND", 429: "RATE_LIMITED"}
        return self.json_response(status, {"error": code or default.get(status, "INTERNAL_ERROR"), "message": message})

    def authenticate(self, request: httpx.Request, route_key: str) -> httpx.Response | None:
        bucket = self._bucket(request, route_key)
        limit = self.login_limit if route_key == _LOGIN else self.user_limit
        used = self._use(bucket)
        if used > limit:
            self.throttled += 1
            wait = self.seconds_to_reset()
            response = self.error(429, f"Too many requests. Retry after {wait} seconds.", code="RATE_LIMITED")
            response.headers["retry-after"] = str(wait)
            return response
        if route_key == _LOGIN:
            return None
        if self._holder(request) is None:
            return self.error(401, "Authentication failed.")
        return None

    def decorate(self, request: httpx.Request, response: httpx.Response) -> None:
        route_key = f"{request.method} {request.url.path}"
        limit = self.login_limit if route_key == _LOGIN else self.user_limit
        window = self.window_index()
        used = self._windows.used.get(self._bucket(request, route_key), 0) if self._windows.minute == window else 0
        response.headers["x-ratelimit-limit"] = str(limit)
        response.headers["x-ratelimit-remaining"] = str(max(0, limit - used))
        response.headers["x-ratelimit-reset"] = str(math.ceil((window + 1) * self.rate_window))
        if response.status_code == 429 and "retry-after" not in response.headers:
            response.headers["retry-after"] = str(self.seconds_to_reset())

    def unknown_enum(self, payload: Any) -> Any:
        """Memberships: a role VaultPAM has not documented (roles are open strings in our spec)."""
        if isinstance(payload, dict) and payload.get("memberships"):
            first, *rest = payload["memberships"]
            return {**payload, "memberships": [{**first, "role": "break_glass_approver"}, *rest]}
        return payload

    def refuse_invalid(self, request: httpx.Request, route_key: str, problems: list[str]) -> httpx.Response:
        if route_key == _LOGIN:  # every login failure looks the same
            return self.error(401, "Authentication failed.")
        return self.error(400, "Invalid request.", code="BAD_REQUEST")

    # --- routes --------------------------------------------------------------------------------------

    @route("POST", "/api/v1/auth/login")
    def login(self, request: httpx.Request) -> httpx.Response:
        """`POST /api/v1/auth/login`: a session token for the right email and password, else 401."""
        body = json.loads(request.content)
        user = self._users.get(body.get("email", ""))
        if user is None or not hmac.compare_digest(user.password.encode(), str(body.get("password", "")).encode()):
            return self.error(401, "Authentication failed.")
        token = "vps_" + secrets.token_urlsafe(24)
        self._tokens[token] = _Token(user.email, self.clock() + self.expires_in)
        self.logins += 1
        return self.json_response(200, {"access_token": token, "expires_in": self.expires_in})

    @route("GET", "/api/v1/org/memberships")
    def list_memberships(self, request: httpx.Request) -> httpx.Response:
        """`GET /api/v1/org/memberships`: the user's organizations, roles and active organization."""
        user = self._users[self._holder(request) or ""]
        return self.json_response(
            200,
            {"active_org_id": user.active_org_id, "memberships": [{"org_id": org, "role": role} for org, role in user.orgs.items()]},
        )

    @route("GET", "/api/v1/safes")
    def list_safes(self, request: httpx.Request) -> httpx.Response:
        """`GET /api/v1/safes`: the safes of the organization in `X-Active-Org-Id` (403 if not the user's)."""
        user = self._users[self._holder(request) or ""]
        org = request.headers.get("x-active-org-id", "")
        if org not in user.orgs:
            return self.error(403, "You are not a member of this organization.", code="FORBIDDEN")
        return self.json_response(200, list(self._safes.get(org, [])))

    # --- helpers -------------------------------------------------------------------------------------

    def _holder(self, request: httpx.Request) -> str | None:
        """The email of the valid token's owner, or None."""
        header = request.headers.get("authorization", "")
        token = header[7:] if header.startswith("Bearer ") else ""
        held = self._tokens.get(token)
        if held is None or (held.expires_at is not None and self.clock() >= held.expires_at):
            return None
        return held.email

    def _bucket(self, request: httpx.Request, route_key: str) -> str:
        return "login" if route_key == _LOGIN else f"user:{self._holder(request)}"

    def _use(self, bucket: str) -> int:
        if self._windows.minute != self.window_index():
            self._windows = _Window(self.window_index())
        self._windows.used[bucket] = self._windows.used.get(bucket, 0) + 1
        return self._windows.used[bucket]
