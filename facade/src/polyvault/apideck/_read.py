"""Reading Apideck's JSON bodies into the records of `_records`, by the tolerant-reading rule (`_core.reading`).

Every body is read from the decoded JSON (the generated models are not used for responses: they
refuse a whole body for one odd field). What a call cannot do without fails it: the envelope's
`data`, a page's items and next cursor, a log's or consent record's id, a session's
URL and token, a callback state. Anything else that cannot be read is None (or empty), with a
DEBUG line on `polyvault.apideck`; every record keeps its JSON object as `.raw`.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, TypeVar

from .._core.reading import MissingFieldError, Reader
from ._records import (
    Connection,
    ConsentRecord,
    Consumer,
    ConsumerMetadata,
    CustomField,
    CustomMapping,
    DataScopes,
    FieldPermission,
    FormField,
    FormFieldOption,
    Log,
    RequestCounts,
    ResourceConfiguration,
    ResourceDefault,
    ScopeResources,
    ValidatedConnection,
    WebhookSubscription,
)

T = TypeVar("T")

READ = Reader("apideck", epoch_ms=True)
"""Apideck sends some date-times as ISO 8601 strings, others as Unix milliseconds (0 meaning none)."""


def _known(record: type, *json_names: str, given: frozenset[str] = frozenset()) -> frozenset[str]:
    """The JSON fields a record's reader consumes: its plain fields read by name (minus those given), and `json_names`."""
    return (READ.plain_names(record) - given) | frozenset(json_names)


def _extra(data: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """Fields Apideck sent beyond those read into attributes (newer fields, for example)."""
    return {key: value for key, value in data.items() if key not in known}


def envelope(parsed: Any) -> Any:
    """The `data` of a success envelope (`{status_code, status, data}`); only `data` is needed."""
    return READ.need_mapping(parsed, "body").get("data")


def _next_cursor(parsed: dict[str, Any]) -> str | None:
    """The next page's cursor (`meta.cursors.next`); None or empty ends the listing. Needed when present."""
    meta = parsed.get("meta")
    if meta is None:
        return None
    cursors = READ.need_mapping(meta, "meta").get("cursors")
    if cursors is None:
        return None
    cursor = READ.need_mapping(cursors, "meta.cursors").get("next")
    return None if cursor is None else READ.need_text(cursor, "meta.cursors.next")


def _permissions(value: Any, label: str) -> ScopeResources | None:
    """Data Scopes resources: `"*"`, or `{resource: {field: {read, write}}}` (entries that are not objects are left out)."""
    if value is None or isinstance(value, str):
        return value
    resources = READ.mapping(value, label)
    if resources is None:
        return None
    out: dict[str, dict[str, FieldPermission]] = {}
    for resource, fields in resources.items():
        paths = READ.mapping(fields, label + "{}")
        if paths is None:
            continue
        out[resource] = {}
        for path, permission in paths.items():
            flags = READ.mapping(permission, label + "{}{}")
            if flags is not None:
                out[resource][path] = FieldPermission(
                    READ.flag(flags.get("read"), label + ".read"), READ.flag(flags.get("write"), label + ".write")
                )
    return out


def consent(data: dict[str, Any]) -> ConsentRecord:
    """A consent record (its `id` is needed)."""
    return READ.record(ConsentRecord, data, "consent", resources=_permissions(data.get("resources"), "consent.resources"))


def _options(data: dict[str, Any], label: str) -> tuple[FormFieldOption, ...]:
    return tuple(
        READ.record(FormFieldOption, item, "option", value=item.get("value"), options=_options(item, "option.options"))
        for item in READ.objects(data.get("options"), label)
    )


def _form_field(data: dict[str, Any]) -> FormField:
    return READ.record(FormField, data, "form_field", options=_options(data, "form_field.options"))


def _configuration(data: dict[str, Any]) -> ResourceConfiguration:
    defaults = tuple(
        READ.record(ResourceDefault, item, "configuration.defaults", value=item.get("value"), options=_options(item, "default.options"))
        for item in READ.objects(data.get("defaults"), "configuration.defaults")
    )
    return READ.record(ResourceConfiguration, data, "configuration", defaults=defaults)


def _data_scopes(value: Any) -> DataScopes | None:
    data = READ.mapping(value, "connection.application_data_scopes")
    if data is None:
        return None
    return READ.record(DataScopes, data, "data_scopes", resources=_permissions(data.get("resources"), "data_scopes.resources"))


_CONNECTION_PARTS = (
    "settings",
    "metadata",
    "form_fields",
    "configuration",
    "subscriptions",
    "custom_mappings",
    "consents",
    "latest_consent",
    "application_data_scopes",
)
_CONNECTION_FIELDS = _known(Connection, *_CONNECTION_PARTS)


def connection(data: dict[str, Any]) -> Connection:
    """A connection (as listed, fetched or embedded in a consumer, which has fewer fields)."""

    def many(name: str, convert: Callable[[dict[str, Any]], T]) -> tuple[T, ...]:
        return tuple(convert(item) for item in READ.objects(data.get(name), f"connection.{name}"))

    latest = READ.mapping(data.get("latest_consent"), "connection.latest_consent")
    return READ.record(
        Connection,
        data,
        "connection",
        settings=READ.mapping(data.get("settings"), "connection.settings"),
        metadata=READ.mapping(data.get("metadata"), "connection.metadata"),
        form_fields=many("form_fields", _form_field),
        configuration=many("configuration", _configuration),
        subscriptions=many("subscriptions", lambda item: READ.record(WebhookSubscription, item, "subscription")),
        custom_mappings=many("custom_mappings", custom_mapping),
        consents=many("consents", consent),
        latest_consent=None if latest is None else consent(latest),
        data_scopes=_data_scopes(data.get("application_data_scopes")),
        extra=_extra(data, _CONNECTION_FIELDS),
    )


def custom_mapping(data: dict[str, Any]) -> CustomMapping:
    """A custom mapping."""
    return READ.record(CustomMapping, data, "custom_mapping")


def custom_field(data: dict[str, Any]) -> CustomField:
    """A custom field and its finder."""
    return READ.record(CustomField, data, "custom_field", value=data.get("value"))


def counts(data: dict[str, Any], label: str, **range_fields: Any) -> RequestCounts | None:
    """The request counts of `data` (`request_counts` per product, `aggregated_request_count` in total), or None."""
    per_product = data.get("request_counts")
    total = data.get("aggregated_request_count")
    if per_product is None and total is None:
        return None
    products = READ.mapping(per_product, f"{label}.request_counts") or {}
    return RequestCounts(
        total=READ.number(total, f"{label}.aggregated_request_count"),
        unify=READ.number(products.get("unify"), "request_counts.unify"),
        proxy=READ.number(products.get("proxy"), "request_counts.proxy"),
        vault=READ.number(products.get("vault"), "request_counts.vault"),
        raw=MappingProxyType(data),
        **range_fields,
    )


_CONSUMER_FIELDS = _known(
    Consumer,
    "metadata",
    "connections",
    "request_counts",
    "aggregated_request_count",
    "created",
    "modified",
    "request_count_updated",
    given=frozenset({"created_at", "updated_at", "request_count_updated_at"}),
)


def consumer(data: dict[str, Any], consumer_id: str | None = None) -> Consumer:
    """A consumer as fetched, created or updated (with connections) or listed (without).

    `consumer_id` is the id the call named (get, create, update): the record's id when the body has none.
    """
    metadata = READ.mapping(data.get("metadata"), "consumer.metadata")
    return READ.record(
        Consumer,
        data,
        "consumer",
        consumer_id=READ.text(data.get("consumer_id"), "consumer.consumer_id") or consumer_id,
        metadata=ConsumerMetadata() if metadata is None else READ.record(ConsumerMetadata, metadata, "metadata"),
        request_counts=counts(data, "consumer"),
        connections=tuple(connection(item) for item in READ.objects(data.get("connections"), "consumer.connections")),
        created_at=READ.when(data.get("created"), "consumer.created"),
        updated_at=READ.when(data.get("modified"), "consumer.modified"),
        request_count_updated_at=READ.when(data.get("request_count_updated"), "consumer.request_count_updated"),
        extra=_extra(data, _CONSUMER_FIELDS),
    )


log = READ.reader(
    Log,
    "log",
    nested={"service_id": "service.id", "service_name": "service.name", "operation_id": "operation.id", "operation_name": "operation.name"},
    extra="extra",
)
"""A log entry (its `id` is needed): logs are read by the page, so this reader is compiled once."""


def validated(data: dict[str, Any]) -> ValidatedConnection:
    """The id and state a validation answers."""
    return READ.record(ValidatedConnection, data, "validated_connection")


def one(convert: Callable[[dict[str, Any]], T]) -> Callable[[Any], T]:
    """Converter for an envelope whose `data` is one object."""
    return lambda parsed: convert(READ.need_mapping(envelope(parsed), "data"))


def many(convert: Callable[[dict[str, Any]], T]) -> Callable[[Any], builtins.list[T]]:
    """Converter for an envelope whose `data` is a list of objects (each one needed)."""
    return lambda parsed: [convert(item) for item in _listed(parsed)]


def page(convert: Callable[[dict[str, Any]], T]) -> Callable[[Any], tuple[builtins.list[T], str | None]]:
    """Converter for one page: its items and the next cursor."""

    def read(parsed: Any) -> tuple[builtins.list[T], str | None]:
        items = [convert(item) for item in _listed(parsed)]
        return items, _next_cursor(parsed)

    return read


def _listed(parsed: Any) -> builtins.list[dict[str, Any]]:
    """The items of a success envelope's `data` list: each must be an object."""
    items = READ.need_array(envelope(parsed), "data")
    for item in items:
        if not isinstance(item, dict):
            raise MissingFieldError("data[]", "an object", item)
    return items
