"""Reading generated models (or JSON decoded straight from a body) into the records of `_records`."""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeAlias, TypeVar

from polyvault_apideck_client.types import UNSET, Unset

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
    WebhookSubscription,
)

T = TypeVar("T")


def _absent(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def _str(value: Any, name: str) -> str | None:
    if type(value) is str:  # the common case first: records are read field by field, page by page
        return value
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} is {type(value).__name__}, not a string")
    return value


def _need_str(value: Any, name: str) -> str:
    text = _str(value, name)
    if text is None:
        raise TypeError(f"{name} is missing")
    return text


def _bool(value: Any, name: str) -> bool | None:
    if type(value) is bool:
        return value
    if _absent(value):
        return None
    if not isinstance(value, bool):
        raise TypeError(f"{name} is {type(value).__name__}, not a boolean")
    return value


def _int(value: Any, name: str) -> int | None:
    if _absent(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} is {type(value).__name__}, not an integer")
    return value


def _number(value: Any, name: str) -> float | None:
    """A JSON number; whole numbers come back as int."""
    if _absent(value):
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f"{name} is {type(value).__name__}, not a number")
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _when(value: Any, name: str) -> datetime | None:
    """An ISO 8601 string or Unix milliseconds (0 means "none") as an aware datetime."""
    if _absent(value):
        return None
    if isinstance(value, str):
        when = datetime.fromisoformat(value)
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    milliseconds = _number(value, name)
    return None if not milliseconds else datetime.fromtimestamp(milliseconds / 1000, UTC)


def _strs(value: Any, name: str) -> tuple[str, ...]:
    if _absent(value):
        return ()
    return tuple(_need_str(item, name) for item in value)


def _items(value: Any) -> list[Any]:
    return [] if _absent(value) else list(value)


def _json_object(value: Any, name: str) -> dict[str, Any] | None:
    if _absent(value):
        return None
    if not isinstance(value, dict):
        raise TypeError(f"{name} is {type(value).__name__}, not an object")
    return value


_NO_ATTRIBUTE = object()


def _get(data: Any, name: str, absent: Any = UNSET) -> Any:
    """Field `name` of a generated model (`next` is its attribute `next_`) or of a JSON object decoded
    straight from the body (hot paths skip the generated model); `absent` when it has none."""
    if isinstance(data, dict):
        return data.get(name, absent)
    value = getattr(data, name, _NO_ATTRIBUTE)
    return getattr(data, name + "_", absent) if value is _NO_ATTRIBUTE else value


def _extra(data: Any, known: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Fields the vault sent beyond our spec: a model's additional properties, or a JSON object's keys not `known`."""
    if isinstance(data, dict):
        return {key: value for key, value in data.items() if key not in known}
    return dict(getattr(data, "additional_properties", None) or {})


def _envelope(parsed: Any) -> Any:
    """The `data` of a success envelope, after checking the envelope's own fields."""
    _int(_get(parsed, "status_code"), "status_code")
    _str(_get(parsed, "status"), "status")
    data = _get(parsed, "data")
    if _absent(data):
        raise TypeError("data is missing")
    return data


def _next_cursor(parsed: Any) -> str | None:
    meta = _get(parsed, "meta")
    cursors = UNSET if _absent(meta) else _get(meta, "cursors")
    return None if _absent(cursors) else _str(_get(cursors, "next"), "meta.cursors.next")


def _permissions(value: Any, name: str) -> ScopeResources | None:
    if _absent(value):
        return None
    if isinstance(value, str):
        return value
    return {
        resource: {
            path: FieldPermission(_bool(permission.read, name), _bool(permission.write, name))
            for path, permission in fields.additional_properties.items()
        }
        for resource, fields in value.additional_properties.items()
    }


_PLAIN: dict[str, Callable[[Any, str], Any]] = {
    "str": _need_str,
    "str | None": _str,
    "bool | None": _bool,
    "int | None": _int,
    "float | None": _number,
    "datetime | None": _when,
    "tuple[str, ...]": _strs,
}
"""How a record field is read, by its annotation: the plain JSON shapes."""

_R = TypeVar("_R")
_Fields: TypeAlias = tuple[tuple[tuple[str, Callable[[Any, str], Any], str], ...], frozenset[str]]
_FIELDS: dict[tuple[type, str], _Fields] = {}


def _fields(record: type, prefix: str) -> _Fields:
    """A record's plain fields (name, reader, label for errors), and the names of the others (which callers must give)."""
    known = _FIELDS.get((record, prefix))
    if known is None:
        fields_ = dataclasses.fields(record)
        plain = tuple(
            (each.name, _PLAIN[each.type], f"{prefix}.{each.name}")
            for each in fields_
            if isinstance(each.type, str) and each.type in _PLAIN
        )
        known = _FIELDS[record, prefix] = (plain, frozenset(each.name for each in fields_) - {name for name, _, _ in plain})
    return known


def _plain_names(record: type) -> frozenset[str]:
    """The names of a record's plain fields."""
    return frozenset(name for name, _, _ in _fields(record, "")[0])


def _read(record: type[_R], data: Any, prefix: str, **given: Any) -> _R:
    """The `record` for a generated model or a decoded JSON object: each plain field not `given` is the
    field of the same name (see `_get`), type-checked by the field's annotation; every other field must
    be given, so nothing the vault sent is silently left out."""
    plain, others = _fields(record, prefix)
    if not others <= given.keys():
        raise TypeError(f"{record.__name__} needs {sorted(others - given.keys())}")  # a bug here, not in the response
    field_of = data.get if isinstance(data, dict) else partial(_get, data)
    for name, read, label in plain:
        if name not in given:
            given[name] = read(field_of(name, UNSET), label)
    return record(**given)


def _value(data: Any) -> Any:
    """A free-form `value` field (any JSON), or None."""
    value = _get(data, "value")
    return None if _absent(value) else value


def _consent(data: Any) -> ConsentRecord:
    return _read(ConsentRecord, data, "consent", resources=_permissions(data.resources, "consent.resources"))


def _options(data: Any) -> tuple[FormFieldOption, ...]:
    return tuple(
        _read(FormFieldOption, item, "option", value=_value(item), options=_options(item)) for item in _items(_get(data, "options"))
    )


def _form_field(data: Any) -> FormField:
    return _read(FormField, data, "form_field", options=_options(data))


def _configuration(data: Any) -> ResourceConfiguration:
    defaults = tuple(
        _read(ResourceDefault, item, "configuration.defaults", value=_value(item), options=_options(item)) for item in _items(data.defaults)
    )
    return _read(ResourceConfiguration, data, "configuration", defaults=defaults)


def _data_scopes(data: Any) -> DataScopes | None:
    if _absent(data):
        return None
    return _read(DataScopes, data, "data_scopes", resources=_permissions(data.resources, "data_scopes.resources"))


def _connection(data: Any) -> Connection:
    """A generated `Connection` (or a `ConsumerConnection`, which has fewer fields) as a `Connection`."""

    def many(name: str, convert: Callable[[Any], T]) -> tuple[T, ...]:
        return tuple(convert(item) for item in _items(_get(data, name)))

    latest = _get(data, "latest_consent")
    return _read(
        Connection,
        data,
        "connection",
        settings=_json_object(data.settings, "connection.settings"),
        metadata=_json_object(data.metadata, "connection.metadata"),
        form_fields=many("form_fields", _form_field),
        configuration=many("configuration", _configuration),
        subscriptions=many("subscriptions", lambda item: _read(WebhookSubscription, item, "subscription")),
        custom_mappings=many("custom_mappings", _custom_mapping),
        consents=many("consents", _consent),
        latest_consent=None if _absent(latest) else _consent(latest),
        data_scopes=_data_scopes(_get(data, "application_data_scopes")),
        extra=_extra(data),
    )


def _custom_mapping(data: Any) -> CustomMapping:
    return _read(CustomMapping, data, "custom_mapping")


def _custom_field(data: Any) -> CustomField:
    return _read(CustomField, data, "custom_field", value=_value(data))


def _counts(data: Any, total: Any, **range_fields: Any) -> RequestCounts | None:
    if _absent(data) and _absent(total):
        return None
    return _read(RequestCounts, data, "request_counts", total=_number(total, "aggregated_request_count"), **range_fields)


def _consumer(data: Any) -> Consumer:
    """A generated `Consumer` or `ConsumerSummary` (listed consumers carry no connections)."""
    metadata = data.metadata
    return _read(
        Consumer,
        data,
        "consumer",
        metadata=ConsumerMetadata() if _absent(metadata) else _read(ConsumerMetadata, metadata, "metadata"),
        request_counts=_counts(data.request_counts, data.aggregated_request_count),
        connections=tuple(_connection(item) for item in _items(_get(data, "connections"))),
        created_at=_when(data.created, "created"),
        updated_at=_when(data.modified, "modified"),
        request_count_updated_at=_when(data.request_count_updated, "request_count_updated"),
        extra=_extra(data),
    )


def _log(data: Any) -> Log:
    """A log entry, decoded straight from the JSON body (logs are paged in bulk: no generated model)."""
    entry = _json_object(data, "log")
    if entry is None:
        raise TypeError("log is missing")
    service = _json_object(entry.get("service"), "log.service") or {}
    operation_ = _json_object(entry.get("operation"), "log.operation") or {}
    return _read(
        Log,
        entry,
        "log",
        service_id=_str(service.get("id"), "log.service.id"),
        service_name=_str(service.get("name"), "log.service.name"),
        operation_id=_str(operation_.get("id"), "log.operation.id"),
        operation_name=_str(operation_.get("name"), "log.operation.name"),
        extra=_extra(entry, _LOG_FIELDS),
    )


_LOG_FIELDS = _plain_names(Log) | {"service", "operation"}
"""The fields our spec gives a log entry: the rest are Apideck's additions (`Log.extra`)."""


def _one(convert: Callable[[Any], T]) -> Callable[[Any], T]:
    """Converter for an envelope whose `data` is one object."""
    return lambda parsed: convert(_envelope(parsed))


def _many(convert: Callable[[Any], T]) -> Callable[[Any], builtins.list[T]]:
    """Converter for an envelope whose `data` is a list."""
    return lambda parsed: [convert(item) for item in _listed(parsed)]


def _page(convert: Callable[[Any], T]) -> Callable[[Any], tuple[builtins.list[T], str | None]]:
    """Converter for one page: its items and the next cursor."""
    return lambda parsed: ([convert(item) for item in _listed(parsed)], _next_cursor(parsed))


def _listed(parsed: Any) -> builtins.list[Any]:
    """The `data` list of a success envelope."""
    items = _envelope(parsed)
    if not isinstance(items, builtins.list):
        raise TypeError(f"data is {type(items).__name__}, not a list")
    return items
