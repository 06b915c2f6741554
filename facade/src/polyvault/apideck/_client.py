"""The Apideck clients: constructor, consumer header, browser URLs and resources, sync and async."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Self, Unpack
from urllib.parse import quote, urlencode

from .._core import checks
from .._core.auth import HeaderAuth
from .._core.client import Async as _Async
from .._core.client import AsyncLifecycle, BaseClient, M, Sync, SyncLifecycle
from .._core.config import ClientOptions, required, setting
from .._core.lazy import publish
from ..errors import InvalidRequestError
from ._checks import _id, _opt_id, _scope
from ._profile import _NAME, _PROFILE, APP_HEADER, CONSUMER_HEADER, DEFAULT_URL

if TYPE_CHECKING:
    from polyvault_apideck_client import Client as RawClient

    from ._resources import Connections, Consumers, Logs, Sessions

_RESOURCES = frozenset({"Consumers", "Connections", "Sessions", "Logs"})


def __getattr__(name: str) -> Any:
    """The resource classes, imported on first use with the records they return (a constructed client needs neither)."""
    if name not in _RESOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import _resources

    return getattr(_resources, name)


class _ApideckClient(BaseClient[M]):
    """Shared constructor, resources and URL builders of `Apideck` and `AsyncApideck`."""

    _profile = _PROFILE
    raw: RawClient  # the generated client (`BaseClient.raw`), typed for this vault
    _consumer_id: str | None
    _app_id: str

    def __init__(
        self,
        api_key: str | None = None,
        app_id: str | None = None,
        *,
        consumer_id: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """Connect to Apideck Vault with an API key and application id (else `APIDECK_API_KEY` / `APIDECK_APP_ID`).

        `consumer_id` (else `APIDECK_CONSUMER_ID`) is the consumer that connection, session and log
        calls act for; it may be left out and given later with `with_consumer()`. `base_url` (else
        `APIDECK_BASE_URL`) defaults to https://unify.apideck.com.
        """
        api_key = checks.header_value(required(api_key, "APIDECK_API_KEY", name="api_key", vault=_NAME), "api_key", _NAME)
        app_id = required(app_id, "APIDECK_APP_ID", name="app_id", vault=_NAME)
        self._app_id = checks.header_value(_id(app_id, "app_id"), "app_id", _NAME)
        consumer = _opt_id(setting(consumer_id, "APIDECK_CONSUMER_ID", name="consumer_id", vault=_NAME), "consumer_id")
        self._consumer_id = None if consumer is None else checks.header_value(consumer, "consumer_id", _NAME)
        self._setup(
            options,
            default_url=DEFAULT_URL,
            url_env="APIDECK_BASE_URL",
            make_auth=lambda url: HeaderAuth(url, {"Authorization": f"Bearer {api_key}", APP_HEADER: app_id}),
            secrets=(api_key,),
        )

    @property
    def consumer_id(self) -> str | None:
        """The consumer this client acts for (None if not set)."""
        return self._consumer_id

    @property
    def app_id(self) -> str:
        """The Apideck application id."""
        return self._app_id

    def with_consumer(self, consumer_id: str) -> Self:
        """A copy of this client acting for another consumer, sharing the connection pool and options."""
        return self._copy(_consumer_id=checks.header_value(_id(consumer_id, "consumer_id"), "consumer_id", _NAME))

    def _consumer_headers(self, *, required: bool) -> dict[str, str]:
        if self._consumer_id is None:
            if required:
                raise InvalidRequestError(
                    "this call acts for a consumer and no consumer id is set: pass consumer_id=... to the client, "
                    "set APIDECK_CONSUMER_ID, or use apideck.with_consumer(consumer_id)",
                    vault=_NAME,
                )
            return {}
        return {CONSUMER_HEADER: self._consumer_id}

    def authorize_url(
        self,
        service_id: str,
        *,
        redirect_uri: str,
        state: str | None = None,
        scope: str | Sequence[str] | None = None,
        nonce: str | None = None,
    ) -> str:
        """The URL that starts a connector's OAuth flow in the user's browser (no request is made).

        `state` is the signed value Vault issues (see `Connection.authorize_url`); `scope` (one
        string or a list) is sent space-delimited; with `nonce`, the connection needs `confirm()`
        after the callback. Every value is URL-encoded.
        """
        service_id = _id(service_id, "service_id")
        params = [
            ("state", checks.optional_text(state, "state", _NAME)),
            ("redirect_uri", checks.text(redirect_uri, "redirect_uri", _NAME)),
            ("scope", _scope(scope)),
            ("nonce", checks.optional_text(nonce, "nonce", _NAME)),
        ]
        return self._browser_url("authorize", service_id, params)

    def revoke_url(self, service_id: str, *, redirect_uri: str, state: str | None = None) -> str:
        """The URL that revokes a connector's OAuth access in the user's browser (no request is made)."""
        service_id = _id(service_id, "service_id")
        params = [
            ("state", checks.optional_text(state, "state", _NAME)),
            ("redirect_uri", checks.text(redirect_uri, "redirect_uri", _NAME)),
        ]
        return self._browser_url("revoke", service_id, params)

    def _browser_url(self, action: str, service_id: str, params: builtins.list[tuple[str, str | None]]) -> str:
        query = urlencode([(key, value) for key, value in params if value is not None], quote_via=quote)
        return f"{self._base_url}/vault/{action}/{quote(service_id, safe='')}/{quote(self._app_id, safe='')}?{query}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r}, consumer_id={self._consumer_id!r})"

    def _raw_headers(self) -> dict[str, str]:
        """`.raw` sends this copy's consumer header (if any) on every call."""
        return self._consumer_headers(required=False)

    @cached_property
    def consumers(self) -> Consumers[M]:
        """Consumers: create, get, update, delete, list, request_counts."""
        from ._resources import Consumers

        return Consumers(self)

    @cached_property
    def connections(self) -> Connections[M]:
        """Connections: list, get, add, update, delete, import_, migrate, token, validate, consents, update_consent,
        confirm, callback_state, settings, update_settings, custom_fields, custom_mappings."""
        from ._resources import Connections

        return Connections(self)

    @cached_property
    def sessions(self) -> Sessions[M]:
        """Hosted Vault sessions: create."""
        from ._resources import Sessions

        return Sessions(self)

    @cached_property
    def logs(self) -> Logs[M]:
        """Request logs: list."""
        from ._resources import Logs

        return Logs(self)


class Apideck(SyncLifecycle, _ApideckClient[Sync]):
    """Apideck Vault, synchronous. Thread-safe; use as a context manager or call `close()`."""


class AsyncApideck(AsyncLifecycle, _ApideckClient[_Async]):
    """Apideck Vault for asyncio/trio: the same methods as `Apideck`, awaited; listings are async iterators."""


publish(globals())
