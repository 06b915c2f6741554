"""Credentials as `httpx.Auth` flows that only ever sign requests for the configured vault host."""

from __future__ import annotations

import base64
from collections.abc import Generator, Mapping, Sequence

import httpx

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port filled in."""
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


class HostBoundAuth(httpx.Auth):
    """Signs a request only when it goes to the configured origin; any other host gets no credentials."""

    def __init__(self, base_url: str) -> None:
        self._origin = origin(httpx.URL(base_url))

    def signs(self, request: httpx.Request) -> bool:
        """Whether `request` goes to the vault this auth belongs to."""
        return origin(request.url) == self._origin

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.signs(request):
            self.apply(request)
        yield request

    def apply(self, request: httpx.Request) -> None:
        """Add the credentials to `request`."""
        raise NotImplementedError

    def issued_secrets(self) -> Sequence[str]:
        """Secrets the vault issued to this auth while signing (session tokens): masked in errors like the configured ones."""
        return ()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} for {self._origin[1]}>"


class HeaderAuth(HostBoundAuth):
    """Fixed credential headers (HTTP Basic, a Bearer key, an app id)."""

    def __init__(self, base_url: str, headers: Mapping[str, str]) -> None:
        super().__init__(base_url)
        self._headers = dict(headers)

    def apply(self, request: httpx.Request) -> None:
        headers = request.headers
        for name, value in self._headers.items():  # item by item: `update` would build a Headers object per request
            headers[name] = value


def basic_auth(base_url: str, username: str, password: str) -> HeaderAuth:
    """HTTP Basic credentials, encoded once."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return HeaderAuth(base_url, {"Authorization": f"Basic {token}"})


class QueryAuth(HostBoundAuth):
    """A credential carried as a query parameter (Vaultera's `api_key`)."""

    def __init__(self, base_url: str, name: str, value: str) -> None:
        super().__init__(base_url)
        self._param = {name: value}

    def apply(self, request: httpx.Request) -> None:
        request.url = request.url.copy_merge_params(self._param)
