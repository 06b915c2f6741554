"""VGS Vault API (v1): sensitive values exchanged for aliases.

```
with VGS(environment="sandbox") as vgs:          # VGS_USERNAME, VGS_PASSWORD
    aliases = vgs.aliases.tokenize(["4111111111111111"], format="FPE_SIX_T_FOUR")
    record = vgs.aliases.reveal(aliases[0])       # record.value is the card number
```
Any number of values per call: they are sent 20 at a time (the API's limit), up to
`max_concurrency` requests at once (`VGS`: worker threads, `AsyncVGS`: tasks), and come back in
input order. A create is never retried once it may have reached
the vault (VGS would store the value twice); see `BulkOperationError`.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, cast, get_args

from ._core import checks
from ._core.auth import basic_auth
from ._core.bulk import BulkProgress, run_chunked
from ._core.client import Async as _Async
from ._core.client import AsyncLifecycle, BaseClient, M, Resource, Sync, SyncLifecycle, VaultProfile
from ._core.config import ClientOptions, required
from ._core.failures import ErrorBody
from ._core.ops import operation
from ._core.reading import MissingFieldError, Reader, no_raw
from ._core.runtime import Plan
from .errors import InvalidRequestError, NotFoundError, UnexpectedResponseError

if TYPE_CHECKING:
    from polyvault_vgs_client import Client as RawClient

__all__ = ["ALIAS_FORMATS", "VGS", "Alias", "AliasFormat", "AliasRecord", "AsyncVGS", "Storage"]

AliasFormat = Literal[
    "UUID",
    "RAW_UUID",
    "NUM_LENGTH_PRESERVING",
    "GENERIC_T_FOUR",
    "FPE_ACC_NUM_T_FOUR",
    "FPE_ALPHANUMERIC_ACC_NUM_T_FOUR",
    "FPE_SIX_T_FOUR",
    "FPE_T_FOUR",
    "PFPT",
    "NON_LUHN_FPE_ALPHANUMERIC",
    "FPE_SSN_T_FOUR",
    "ALPHANUMERIC_SIX_T_FOUR",
    "VGS_FIXED_LEN_GENERIC",
]
"""The alias formats VGS can create (CUSTOM and JS exist only on read)."""
ALIAS_FORMATS: frozenset[AliasFormat] = frozenset(get_args(AliasFormat))
"""Every format `create`, `tokenize` and `reference` accept (the members of `AliasFormat`)."""
Storage = Literal["PERSISTENT", "VOLATILE"]
"""Where VGS keeps a value: `PERSISTENT` (the default) or `VOLATILE` (in memory, for one hour)."""
STORAGES: frozenset[Storage] = frozenset(get_args(Storage))
ENVIRONMENTS = {
    "sandbox": "https://api.sandbox.verygoodvault.com",
    "live": "https://api.live.verygoodvault.com",
    "live-eu-1": "https://api.live-eu-1.verygoodvault.com",
}
CHUNK = 20  # items per request, the API's documented limit
PAYLOAD_LIMIT = 32 * 1024 * 1024  # bytes per request body, the API's documented limit
_NAME = "vgs"
T = TypeVar("T")


def _parse_error(body: Any) -> ErrorBody | None:
    """VGS errors: `{"errors": [{"status", "title", "detail", "href"}]}`."""
    if not isinstance(body, dict) or not isinstance(body.get("errors"), list):
        return None
    errors = [error for error in body["errors"] if isinstance(error, dict)]
    texts = [str(error.get("detail") or error.get("title") or "") for error in errors]
    first = errors[0] if errors else {}
    title = first.get("title")
    return ErrorBody(
        code=str(title) if title else None,
        message="; ".join(text for text in texts if text) or None,
        detail=[{key: value for key, value in error.items() if key != "href"} for error in errors] or None,
    )


# Fleet mode shares VGS's documented limit: 3,000 requests per minute per vault, whatever credentials are used.
_PROFILE = VaultProfile(name=_NAME, package="polyvault_vgs_client", extra="vgs", parse_error=_parse_error, rate_budget=(3000, 60.0))
_PROFILE.require()  # the generated package (and attrs) load on first use: importing and constructing VGS loads neither


@dataclass(frozen=True, slots=True)
class Alias:
    """One alias of a stored value, in one format."""

    alias: str
    """The alias itself: what your systems keep instead of the value."""
    format: str | None
    """Its format (an `AliasFormat`, or `CUSTOM`/`JS` on read), or None when the vault did not say."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this alias was read from."""


@dataclass(frozen=True, slots=True)
class AliasRecord:
    """A stored value with its aliases. `value` is the secret: it never appears in repr, nor does `raw`.

    `value` is None only when a `reference` answer left it out (a reveal without it fails; a
    create's record carries the value sent).
    """

    value: str | None = field(repr=False)
    """The stored value (a secret: never in repr); None only when a `reference` answer left it out."""
    aliases: tuple[Alias, ...]
    """Every alias of the value, one per format it was tokenized in."""
    classifiers: tuple[str, ...] = ()
    """The value's classifiers (tags such as `pci`), shared by all its aliases; empty for VOLATILE values."""
    created_at: datetime | None = None
    """When the value was stored (aware datetime); None when the vault did not say. VOLATILE values report 1970-01-01."""
    storage: str | None = None
    """Where the value is kept (`PERSISTENT` or `VOLATILE`), or None when the vault did not say."""
    raw: Mapping[str, Any] = field(default_factory=no_raw, repr=False, compare=False)
    """The JSON object this record was read from (it holds the value)."""

    def alias_for(self, format: str) -> str | None:
        """The alias of this value in `format`, if it has one."""
        return next((alias.alias for alias in self.aliases if alias.format == format), None)


# --- reading responses (tolerant: see polyvault._core.reading) -----------------------------------

_READ = Reader(_NAME)


def _alias(item: dict[str, Any]) -> Alias | None:
    """One `AliasDto`; the alias is under `alias` (or, as in VGS's own reveal examples, under `value`)."""
    alias = item.get("alias")
    if type(alias) is not str:
        alias = _READ.text(alias, "aliases[].alias")
        if alias is None and "value" in item:
            alias = _READ.text(item["value"], "aliases[].value")
        if alias is None:
            _READ.unreadable("aliases[].alias", "a string", item.get("alias"), "nothing (the alias is left out)")
            return None
    return _READ.record(Alias, item, "aliases[]", alias=alias)


def _record(data: Any, *, sent: str | None = None, need_value: bool = True) -> AliasRecord:
    """A `RevealedData` object as an `AliasRecord`, read from the decoded JSON.

    The revealed value is needed (`need_value`); a create's record falls back to the value `sent`.
    Built straight from the JSON (not through the generated model): reveal and create are the hot
    paths, and the generated model would refuse a whole answer for one odd field.
    """
    data = _READ.need_mapping(data, "data[]")
    value = data.get("value")
    if need_value:
        value = _READ.need_text(value, "data[].value")
    else:
        value = _READ.text(value, "data[].value")
        if value is None and sent is not None:
            value = sent
    return _READ.record(AliasRecord, data, "data[]", value=value, aliases=_aliases(data))


def _aliases(data: dict[str, Any]) -> tuple[Alias, ...]:
    """The readable aliases of a `RevealedData` object."""
    return tuple(alias for item in _READ.objects(data.get("aliases"), "data[].aliases") if (alias := _alias(item)) is not None)


def _created(sent: Sequence[str | None], read: Callable[[Any, str | None], T]) -> Callable[[Any], list[T]]:
    """Converter for a create response (`{"data": [RevealedData]}`): `read(item, value sent)` for each item
    `sent`, in order (one item per value sent, or the answer is refused)."""

    def convert(body: Any) -> list[T]:
        items = _READ.need_array(_READ.need_mapping(body, "body").get("data"), "data")
        if len(items) != len(sent):
            raise MissingFieldError("data", f"one record per item sent ({len(sent)})", items)
        return [read(item, value) for item, value in zip(items, sent, strict=True)]

    return convert


def _created_record(item: Any, sent: str | None) -> AliasRecord:
    """A created value's record: it needs an alias (the call's point); its value falls back to the one sent."""
    record = _record(item, sent=sent, need_value=False)
    if not record.aliases:
        raise MissingFieldError("data[].aliases", "an alias")
    return record


_TEXT = (str, type(None))


def _token_in(format: str) -> Callable[[Any, str | None], str]:
    """A created value's alias in `format` (else its first), read without the rest of its record (`tokenize`)."""

    def token(item: Any, sent: str | None) -> str:
        entries = item.get("aliases") if type(item) is dict else None
        if type(entries) is list:  # the usual answer, read as `_aliases` would read it, without building its records
            found = first = None
            for entry in entries:
                if type(entry) is not dict or type(alias := entry.get("alias")) is not str or type(entry.get("format")) not in _TEXT:
                    break
                if first is None:
                    first = alias
                if found is None and entry.get("format") == format:
                    found = alias
            else:
                if first is not None:
                    return found if found is not None else first
        aliases = _aliases(_READ.need_mapping(item, "data[]"))
        if not aliases:
            raise MissingFieldError("data[].aliases", "an alias")
        return next((alias.alias for alias in aliases if alias.format == format), aliases[0].alias)

    return token


def _unset(value: Any) -> Any:
    return _PROFILE.unset if value is None else value


class Aliases(Resource[M]):
    """Store values under aliases, reveal them, classify and delete them (`vgs.aliases`)."""

    @operation
    def create(
        self,
        values: Sequence[str],
        *,
        format: AliasFormat = "UUID",
        classifiers: Sequence[str] = (),
        storage: Storage | None = None,
        progress: BulkProgress | None = None,
    ) -> Plan[list[AliasRecord]]:
        """Store `values` and return one record per value, in input order, each with its new alias.

        Any number of values: they are sent 20 per request, up to `max_concurrency` requests at once.
        Not retried once a request may have reached the vault. If any request fails, no further one
        is started and `BulkOperationError` (also an instance of the first error's class) says which
        values were stored, which certainly were not, and which are unknown; `progress` (a
        `BulkProgress`) says so even if the call is cancelled or interrupted.
        """
        return (yield from self._create(values, format, classifiers, storage, progress, "aliases.create", _created_record))

    @operation
    def tokenize(
        self,
        values: Sequence[str],
        *,
        format: AliasFormat = "UUID",
        storage: Storage | None = None,
        progress: BulkProgress | None = None,
    ) -> Plan[list[str]]:
        """Store `values` and return just their new aliases (in `format`), in input order (see `create`)."""
        return (yield from self._create(values, format, (), storage, progress, "aliases.tokenize", _token_in(format)))

    def _create(
        self,
        values: object,
        format: object,
        classifiers: object,
        storage: object,
        progress: BulkProgress | None,
        what: str,
        read: Callable[[Any, str | None], T],
    ) -> Plan[list[T]]:
        values = checks.texts(values, "values", _NAME)
        item_format = checks.choice(format, ALIAS_FORMATS, "format", _NAME)
        tags = checks.texts(classifiers, "classifiers", _NAME, allow_empty_list=True)
        kept = checks.optional_choice(storage, STORAGES, "storage", _NAME)

        def chunk(part: Sequence[str]) -> Plan[list[T]]:
            models, item_tags, item_storage = _PROFILE.models, tags or _unset(None), _unset(kept)
            body = models.CreateAliasesRequest(
                data=[
                    models.CreateAliasesRequestNew(value=value, format_=item_format, classifiers=item_tags, storage=item_storage)
                    for value in part
                ]
            )
            _check_payload(part, tags, body)
            convert = _created(part, read)
            return (yield from self._client._call("aliases.create_aliases", body=body, convert=convert, json_status=201, secrets=part))

        return (
            yield from run_chunked(values, CHUNK, chunk, vault=_NAME, what=what, concurrency=self._client._concurrency, progress=progress)
        )

    @operation
    def reference(self, alias: str, *, format: AliasFormat, storage: Storage | None = None) -> Plan[AliasRecord]:
        """Create an alias in another `format` for the value behind an existing `alias`."""
        models = _PROFILE.models
        item = models.CreateAliasesRequestReference(
            alias=checks.text(alias, "alias", _NAME),
            format_=checks.choice(format, ALIAS_FORMATS, "format", _NAME),
            storage=_unset(checks.optional_choice(storage, STORAGES, "storage", _NAME)),
        )
        body, convert = models.CreateAliasesRequest(data=[item]), _created([None], _created_record)
        records = yield from self._client._call("aliases.create_aliases", body=body, convert=convert, json_status=201)
        return records[0]

    @operation
    def reveal(self, alias: str, *, storage: Storage | None = None) -> Plan[AliasRecord]:
        """The value (and all aliases) behind one alias."""
        return (
            yield from self._client._call(
                "aliases.reveal_alias",
                alias=_alias_arg(alias),
                storage=_unset(checks.optional_choice(storage, STORAGES, "storage", _NAME)),
                convert=_single_record,
                json_status=200,
            )
        )

    @operation
    def reveal_many(
        self, aliases: Sequence[str], *, storage: Storage | None = None, progress: BulkProgress | None = None
    ) -> Plan[dict[str, AliasRecord]]:
        """The values behind many aliases, keyed by alias (20 aliases per request, up to `max_concurrency` at once).

        An unknown alias fails the call with a `BulkOperationError` that is also a `NotFoundError`,
        naming exactly the unknown aliases and carrying every other record in `.results` (VGS answers
        404 for a whole request without saying which alias; the aliases of that request are then
        revealed one by one to tell).
        """
        wanted = [_alias_arg(alias, f"aliases[{index}]") for index, alias in enumerate(checks.texts(aliases, "aliases", _NAME))]
        kept = _unset(checks.optional_choice(storage, STORAGES, "storage", _NAME))

        def reveal(part: Sequence[str]) -> Plan[dict[str, AliasRecord]]:
            return (
                yield from self._client._call(
                    "aliases.reveal_multiple_aliases", aliases=",".join(part), storage=kept, convert=_record_map, json_status=200
                )
            )

        def chunk(part: Sequence[str]) -> Plan[list[AliasRecord | Exception]]:
            try:
                found = yield from reveal(part)
            except NotFoundError:
                if len(part) == 1:
                    raise
                one_by_one: list[AliasRecord | Exception] = []
                for alias in part:
                    one_by_one.append((yield from _one(alias)))
                return one_by_one
            return [found.get(alias) or _left_out(alias) for alias in part]

        def _one(alias: str) -> Plan[AliasRecord | Exception]:
            try:
                found = yield from reveal([alias])
            except NotFoundError as exc:
                return exc
            return found.get(alias) or _left_out(alias)

        records = yield from run_chunked(
            wanted,
            CHUNK,
            chunk,
            vault=_NAME,
            what="aliases.reveal_many",
            concurrency=self._client._concurrency,
            idempotent=True,
            progress=progress,
            label="aliases",
            show_items=True,
        )
        return dict(zip(wanted, cast(list[AliasRecord], records), strict=True))  # a failed item fails the call

    @operation
    def update(self, alias: str, *, classifiers: Sequence[str], storage: Storage | None = None) -> Plan[None]:
        """Replace the classifiers of the value behind `alias` (so of all its aliases)."""
        models = _PROFILE.models
        body = models.UpdateAliasRequest(
            data=models.UpdateAliasRequestData(classifiers=checks.texts(classifiers, "classifiers", _NAME, allow_empty_list=True))
        )
        yield from self._client._call(
            "aliases.update_alias",
            alias=_alias_arg(alias),
            body=body,
            storage=_unset(checks.optional_choice(storage, STORAGES, "storage", _NAME)),
        )

    @operation
    def delete(self, alias: str, *, storage: Storage | None = None) -> Plan[None]:
        """Delete the value behind `alias`."""
        yield from self._client._call(
            "aliases.delete_alias", alias=_alias_arg(alias), storage=_unset(checks.optional_choice(storage, STORAGES, "storage", _NAME))
        )

    @operation
    def delete_many(self, aliases: Sequence[str], *, storage: Storage | None = None, progress: BulkProgress | None = None) -> Plan[None]:
        """Delete the values behind many aliases (20 per request, up to `max_concurrency` at once).

        VGS refuses a whole request (404) when one of its aliases is unknown, without saying which:
        the `BulkOperationError` (also a `NotFoundError`) names the aliases of that request.
        """
        wanted = [_alias_arg(alias, f"aliases[{index}]") for index, alias in enumerate(checks.texts(aliases, "aliases", _NAME))]
        kept = _unset(checks.optional_choice(storage, STORAGES, "storage", _NAME))

        def chunk(part: Sequence[str]) -> Plan[list[bool]]:
            yield from self._client._call(
                "aliases.delete_aliases", body=_PROFILE.models.DeleteAliasesRequest(data=list(part), storage=kept)
            )
            return [True] * len(part)

        yield from run_chunked(
            wanted,
            CHUNK,
            chunk,
            vault=_NAME,
            what="aliases.delete_many",
            concurrency=self._client._concurrency,
            progress=progress,
            label="aliases",
            show_items=True,
        )


def _alias_arg(alias: object, name: str = "alias") -> str:
    alias = checks.text(alias, name, _NAME)
    if "," in alias or alias.strip() != alias:
        raise InvalidRequestError(f"{name} is not an alias (aliases contain no commas or surrounding spaces)", vault=_NAME)
    return checks.path_segment(alias, name, _NAME)


def _left_out(alias: str) -> UnexpectedResponseError:
    """The error of an alias a 200 reveal-many answer left out (worded as the tolerant-reading rule words a missing field)."""
    missing = MissingFieldError(f"data[{alias!r}]", "the requested alias's record")
    return UnexpectedResponseError(
        f"GET /aliases answered 200 with a body that does not match the vgs spec ({missing})", vault=_NAME, status_code=200
    )


def _single_record(body: Any) -> AliasRecord:
    """A reveal response: `{"data": [RevealedData]}`, exactly one."""
    items = _READ.need_array(_READ.need_mapping(body, "body").get("data"), "data")
    if len(items) != 1:
        raise MissingFieldError("data", "exactly one record", items)
    return _record(items[0])


def _record_map(body: Any) -> dict[str, AliasRecord]:
    """A reveal-many response: `{"data": {alias: RevealedData}}`."""
    found = _READ.need_mapping(_READ.need_mapping(body, "body").get("data"), "data")
    return {alias: _record(data) for alias, data in found.items()}


def _check_payload(values: Sequence[str], tags: Sequence[str], body: Any) -> None:
    """Refuse a request body over 32 MB. A character takes at most 6 bytes in JSON, so only a chunk whose
    upper bound reaches the limit is serialised to be measured exactly (as httpx will send it)."""
    per_item = 6 * sum(len(tag) + 3 for tag in tags) + 128
    if 6 * sum(len(value) for value in values) + per_item * len(values) < PAYLOAD_LIMIT:
        return
    size = len(json.dumps(body.to_dict(), ensure_ascii=False, separators=(",", ":")).encode())
    if size > PAYLOAD_LIMIT:
        raise InvalidRequestError(f"a request of {size} bytes exceeds VGS's 32 MB limit; send fewer or smaller values", vault=_NAME)


class _VGSClient(BaseClient[M]):
    """Shared constructor and resources of `VGS` and `AsyncVGS`."""

    _profile = _PROFILE
    raw: RawClient  # the generated client (`BaseClient.raw`), typed for this vault

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        *,
        environment: Literal["sandbox", "live", "live-eu-1"] = "sandbox",
        **options: Unpack[ClientOptions],
    ) -> None:
        """Connect to a VGS vault with its access credentials (else `VGS_USERNAME`/`VGS_PASSWORD`).

        `environment` picks the vendor's server; `base_url` (or `VGS_BASE_URL`) overrides it.
        """
        username = required(username, "VGS_USERNAME", name="username", vault=_NAME)
        password = required(password, "VGS_PASSWORD", name="password", vault=_NAME)
        server = ENVIRONMENTS[checks.choice(environment, ENVIRONMENTS.keys(), "environment", _NAME)]
        self._setup(
            options,
            default_url=server,
            url_env="VGS_BASE_URL",
            make_auth=lambda url: basic_auth(url, username, password),
            # The Basic header's token too: a vault or proxy that echoes request headers in an error would show it.
            secrets=(password, username + ":" + password, base64.b64encode(f"{username}:{password}".encode()).decode("ascii")),
        )

    @cached_property
    def aliases(self) -> Aliases[M]:
        """Aliases: create, tokenize, reference, reveal, reveal_many, update, delete, delete_many."""
        return Aliases(self)


class VGS(SyncLifecycle, _VGSClient[Sync]):
    """The VGS Vault API, synchronous. Thread-safe; use as a context manager or call `close()`.

    Bulk calls send their chunks from up to `max_concurrency` short-lived worker threads (ended before the call returns).
    """


class AsyncVGS(AsyncLifecycle, _VGSClient[_Async]):
    """The VGS Vault API for asyncio/trio: the same methods as `VGS`, awaited. Bulk chunks run concurrently."""
