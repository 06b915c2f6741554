"""Validating httpx requests and responses against our specs with openapi-core (which ships no httpx adapter).

`SpecValidator(vault)` loads the vault's spec once per process: the `openapi.yaml` that the installed
generated client (`polyvault_<vault>_client`) was generated from and ships, so a fake always holds
requests to the spec of the client that sends them. `request_errors(request)` and
`response_errors(request, response)` return openapi-core's findings as short strings (empty when
valid). Requests are judged by their path relative to the vault's base path, so a fake on
127.0.0.1 is held to the same spec as the vendor's host.
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict


@functools.cache
def load_spec(vault: str) -> dict[str, Any]:
    """Our spec for `vault`, parsed (cached), from the vault's installed client package.

    Raises:
        ModuleNotFoundError: the vault's client is not installed; the message names the extra.
    """
    package = f"polyvault_{vault}_client"
    try:
        spec_file = resources.files(package) / "openapi.yaml"
    except ModuleNotFoundError as exc:
        if exc.name != package:
            raise
        raise ModuleNotFoundError(
            f"the {vault} fake needs the {vault} client and its spec: pip install 'polyvault[{vault}]'", name=package
        ) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with spec_file.open() as handle:
        spec: dict[str, Any] = yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader
    return spec


class _OpenAPIRequest:
    """An httpx.Request as openapi-core's Request protocol, re-rooted at the spec's first server."""

    def __init__(self, request: httpx.Request, server: httpx.URL, route_path: str) -> None:
        self._request = request
        self.host_url = f"{server.scheme}://{server.netloc.decode()}"
        self.path = server.path.rstrip("/") + route_path
        query = parse_qs(request.url.query.decode(), keep_blank_values=True)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(key, value) for key, values in query.items() for value in values]),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", "")).lower()


class _OpenAPIResponse:
    """An httpx.Response as openapi-core's Response protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = Headers(list(response.headers.multi_items()))
        self.content_type = response.headers.get("content-type", "").lower()
        self.data = response.content or None


class SpecValidator:
    """Checks requests and responses of one vault against our spec."""

    def __init__(self, vault: str) -> None:
        self.vault = vault
        spec = load_spec(vault)
        self._server = httpx.URL(spec["servers"][0]["url"])
        self._openapi = _openapi(vault)
        self._lock = threading.Lock()  # openapi-core's caches are not documented as thread-safe

    def _wrap(self, request: httpx.Request, route_path: str) -> _OpenAPIRequest:
        return _OpenAPIRequest(request, self._server, route_path)

    def request_errors(self, request: httpx.Request, route_path: str) -> list[str]:
        """What is wrong with `request` (whose path below the vault's base is `route_path`), per our spec."""
        with self._lock:
            try:
                self._openapi.validate_request(self._wrap(request, route_path))
            except Exception as exc:  # noqa: BLE001 - every openapi-core finding is reported, not raised
                return _explain(exc)
        return []

    def response_errors(self, request: httpx.Request, route_path: str, response: httpx.Response) -> list[str]:
        """What is wrong with `response` to `request`, per our spec."""
        with self._lock:
            try:
                self._openapi.validate_response(self._wrap(request, route_path), _OpenAPIResponse(response))
            except Exception as exc:  # noqa: BLE001 - every openapi-core finding is reported, not raised
                return _explain(exc)
        return []


@functools.cache
def _openapi(vault: str) -> OpenAPI:
    return OpenAPI.from_dict(load_spec(vault))


def _explain(error: BaseException) -> list[str]:
    """openapi-core wraps schema errors; flatten them into readable lines."""
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - openapi-core's messages can fail to render (a body that is not UTF-8)
        text = "(unprintable finding)"
    lines = [f"{type(error).__name__}: {text}"]
    for inner in getattr(error, "schema_errors", None) or []:
        where = "/".join(str(part) for part in getattr(inner, "absolute_path", []))
        lines.append(f"  {where or '(body)'}: {getattr(inner, 'message', inner)}")
    cause = error.__cause__ or error.__context__
    if cause is not None and cause is not error and len(lines) == 1:
        lines += [f"  {line}" for line in _explain(cause)]
    return lines
