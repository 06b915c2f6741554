"""Tolerant reading, one rule for every vault's responses.

A response field the facade cannot convert never fails the call:

- the typed attribute gets the value coerced without loss (a JSON number where text is expected
  becomes its decimal text: `122105155` -> `"122105155"`; a whole float where an integer is
  expected becomes that integer; an ISO 8601 string where a date-time is expected becomes an aware
  `datetime`), or else None (an empty tuple for a list);
- the record keeps the JSON object it was read from (`.raw`, a read-only mapping, never in repr:
  it may hold secrets);
- a DEBUG line on the vault's logger (`polyvault.<vault>`) names the field and what was expected,
  never its value.

Only what a call cannot do without (ids, aliases, tokens, revealed values, cursors) fails it: the
`need_*` readers raise `MissingFieldError`, which the pipeline reports as an `UnexpectedResponseError`
naming the field (again never its value). Field names in messages are labels written in our code
(`connection.created_at`), never keys taken from the response.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
import operator
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, TypeAlias, TypeVar

R = TypeVar("R")

NO_RAW: Mapping[str, Any] = MappingProxyType({})
"""The `raw` of a record built by hand rather than read from a response."""


def no_raw() -> Mapping[str, Any]:
    """`NO_RAW`, as a dataclass `default_factory` (a mapping cannot be a field's plain default)."""
    return NO_RAW


_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,30})")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,30})(?:\.[0-9]{1,30})?(?:[eE][-+]?[0-9]{1,3})?")
_JSON_TYPES = {str: "string", bool: "boolean", int: "number", float: "number", dict: "object", list: "array", type(None): "null"}


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type (`"string"`, `"number"`, `"object"`...): safe to log, unlike the value."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


class MissingFieldError(ValueError):
    """A field the call cannot do without is absent or cannot be converted (reported as an `UnexpectedResponseError`).

    The message names the field and the JSON type found, never the value.
    """

    def __init__(self, label: str, expected: str, value: Any = None) -> None:
        super().__init__(f"{label}: {expected} needed, found {_described(value)}")


def _described(value: Any) -> str:
    """What was found, by JSON type (and size, for a list), never by value."""
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return _a(json_type(value))


def _a(kind: str) -> str:
    """`kind` with its article: `a string`, `an object`, `an array`."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


class Reader:
    """Converts the fields of one vault's decoded JSON responses by the tolerant-reading rule.

    One instance per vault (module-level); every method takes the field's value and its label (the
    name a DEBUG line or an error gives it). `epoch_ms=True` reads a number where a date-time is
    expected as Unix milliseconds (0 meaning "none"), as Apideck sends them.
    """

    def __init__(self, vault: str, *, epoch_ms: bool = False) -> None:
        self.log = logging.getLogger(f"polyvault.{vault}")
        self._epoch_ms = epoch_ms
        self._builders: dict[tuple[type, str, tuple[str, ...]], _Build] = {}

    # --- what is logged -----------------------------------------------------------------------------

    def unreadable(self, label: str, expected: str, value: Any, instead: str = "None") -> None:
        """Log (DEBUG) that a field could not be read as `expected`: its label and JSON type, never its value."""
        if self.log.isEnabledFor(logging.DEBUG):
            self.log.debug(
                "response field %s: expected %s, got %s; read as %s (the record's .raw keeps the JSON)",
                label,
                expected,
                _a(json_type(value)),
                instead,
            )

    def _coerced(self, label: str, expected: str, value: Any) -> None:
        if self.log.isEnabledFor(logging.DEBUG):
            self.log.debug("response field %s: expected %s, got %s; converted without loss", label, expected, _a(json_type(value)))

    # --- plain values (None when absent, null or unconvertible) ------------------------------------

    def text(self, value: Any, label: str) -> str | None:
        """A string; a JSON number becomes its decimal text (`122105155` -> `"122105155"`, `1.5` -> `"1.5"`)."""
        if type(value) is str:  # the common case first: records are read field by field, page by page
            return value
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            self._coerced(label, "a string", value)
            return str(value)
        if isinstance(value, float) and math.isfinite(value):
            self._coerced(label, "a string", value)
            return repr(value)
        self.unreadable(label, "a string", value)
        return None

    def flag(self, value: Any, label: str) -> bool | None:
        """A boolean (nothing else is one: neither `1` nor `"true"`)."""
        if type(value) is bool or value is None:
            return value
        self.unreadable(label, "a boolean", value)
        return None

    def integer(self, value: Any, label: str) -> int | None:
        """An integer; also a whole float (`201.0`) or the decimal text of an integer (`"201"`)."""
        if type(value) is int or value is None:
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            self._coerced(label, "an integer", value)
            return int(value)
        if isinstance(value, str) and _INTEGER.fullmatch(value):
            self._coerced(label, "an integer", value)
            return int(value)
        self.unreadable(label, "an integer", value)
        return None

    def number(self, value: Any, label: str) -> float | None:
        """A finite number (whole numbers come back as int); also a number's decimal text (`"12.5"`)."""
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return int(value) if isinstance(value, float) and value.is_integer() else value
        if isinstance(value, str) and _NUMBER.fullmatch(value):
            parsed = float(value) if any(char in value for char in ".eE") else int(value)
            if math.isfinite(parsed):
                self._coerced(label, "a number", value)
                return parsed
        self.unreadable(label, "a number", value)
        return None

    def when(self, value: Any, label: str) -> datetime | None:
        """An ISO 8601 date-time (naive ones are taken as UTC); with `epoch_ms`, also Unix milliseconds (0: none)."""
        if value is None:
            return None
        if isinstance(value, str):
            try:
                when = datetime.fromisoformat(value)
            except ValueError:
                self.unreadable(label, "an ISO 8601 date-time", value)
                return None
            return when if when.tzinfo else when.replace(tzinfo=UTC)
        if self._epoch_ms and isinstance(value, (int, float)) and not isinstance(value, bool):
            if not value:
                return None
            try:
                return datetime.fromtimestamp(value / 1000, UTC)
            except (OverflowError, OSError, ValueError):  # out of datetime's range, or NaN
                self.unreadable(label, "Unix milliseconds within the datetime range", value)
                return None
        self.unreadable(label, "a date-time", value)
        return None

    def texts(self, value: Any, label: str) -> tuple[str, ...]:
        """A list of strings; items that cannot be read are left out."""
        if value is None:
            return ()
        if not isinstance(value, list):
            self.unreadable(label, "a list", value, "()")
            return ()
        items = [self.text(item, label + "[]") for item in value]
        return tuple(item for item in items if item is not None)

    def mapping(self, value: Any, label: str) -> dict[str, Any] | None:
        """A JSON object, or None."""
        if value is None or isinstance(value, dict):
            return value
        self.unreadable(label, "an object", value)
        return None

    def array(self, value: Any, label: str) -> list[Any]:
        """A JSON array (empty when absent or not an array)."""
        if isinstance(value, list):
            return value
        if value is not None:
            self.unreadable(label, "a list", value, "[]")
        return []

    def objects(self, value: Any, label: str) -> list[dict[str, Any]]:
        """The JSON objects of an array of objects; other items are left out."""
        items = []
        for item in self.array(value, label):
            if isinstance(item, dict):
                items.append(item)
            else:
                self.unreadable(label + "[]", "an object", item, "nothing (left out)")
        return items

    # --- what the call cannot do without (MissingFieldError otherwise) ----------------------------------

    def need_text(self, value: Any, label: str) -> str:
        """A string the call needs (an id, alias, token, revealed value or cursor); a number's text is accepted."""
        if type(value) is str:
            return value
        text = self.text(value, label)
        if text is None:
            raise MissingFieldError(label, "a string", value)
        return text

    def need_mapping(self, value: Any, label: str) -> dict[str, Any]:
        """A JSON object the call needs (an envelope's `data`, a record to read)."""
        if isinstance(value, dict):
            return value
        raise MissingFieldError(label, "an object", value)

    def need_array(self, value: Any, label: str) -> list[Any]:
        """A JSON array the call needs (a page's items)."""
        if isinstance(value, list):
            return value
        raise MissingFieldError(label, "a list", value)

    # --- records ------------------------------------------------------------------------------------

    def record(self, cls: type[R], data: Mapping[str, Any], prefix: str, **given: Any) -> R:
        """The dataclass record `cls` read from the JSON object `data`.

        Each plain field (annotated `str`, `str | None`, `bool | None`, `int | None`,
        `float | None`, `datetime | None` or `tuple[str, ...]`) not in `given` is the JSON field of
        the same name, read by the reader its annotation names (`str` alone: needed). Every other
        field must be given, except `raw`, which is `data` itself (read-only). The reading is done by
        a function compiled on first use for this class, prefix and set of given fields.
        """
        key = (cls, prefix, tuple(given))
        build = self._builders.get(key)
        if build is None:
            build = self._builders[key] = _compile(self, cls, prefix, given=key[2])
        return build(data, given)  # type: ignore[no-any-return]

    def reader(
        self, cls: type[R], prefix: str, *, nested: Mapping[str, str] | None = None, extra: str | None = None
    ) -> Callable[[Mapping[str, Any]], R]:
        """A function that reads `cls` from a JSON object as `record` does, for records read by the page.

        Args:
            cls: The record: every field plain, `nested`, `extra` or `raw`.
            prefix: What DEBUG lines and errors call the record (`log` -> `log.status_code`).
            nested: Plain fields read from a JSON object inside the record instead of by name, as
                `{"service_id": "service.id"}`; such an object that is not one is read as empty.
            extra: The field that gets the JSON fields no other field reads (newer ones, for example).

        Returns:
            The reader: one function compiled for `cls`, with nothing left to look up per record.
        """
        return _compile(self, cls, prefix, nested=nested or {}, extra=extra)

    def plain_names(self, cls: type) -> frozenset[str]:
        """The names of a record's plain fields (those `record` reads by name)."""
        return frozenset(each.name for each in dataclasses.fields(cls) if _fast_path(each) is not None)


# --- compiled record readers ----------------------------------------------------------------------------
#
# A record is read by one function generated for it (as `dataclasses` generates `__init__`): the JSON
# fields it reads are fetched at once; per field, a type test lets the common JSON value through as it
# is and hands anything else to the Reader method its annotation names, which converts it or logs it,
# so what a record holds and what is logged are the same as field-by-field reading. The record is built
# in a plain class with the same slots and then given its own class: a frozen dataclass's `__init__`
# sets each field through `object.__setattr__`, several times slower than a plain attribute store.

_FAST_PATHS: dict[str, str] = {
    "str": """
if type(value) is not str:
    value = reader.need_text(value, {label})""",
    "str | None": """
if type(value) is not str and value is not None:
    value = reader.text(value, {label})""",
    "bool | None": """
if type(value) is not bool and value is not None:
    value = reader.flag(value, {label})""",
    "int | None": """
if type(value) is not int and value is not None:
    value = reader.integer(value, {label})""",
    "float | None": """
if type(value) is float and isfinite(value):
    if value.is_integer():
        value = int(value)
elif type(value) is not int and value is not None:
    value = reader.number(value, {label})""",
    "datetime | None": """
if type(value) is str:
    try:
        value = fromisoformat(value)
    except ValueError:
        value = reader.when(value, {label})
    else:
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
elif value is not None:
    value = reader.when(value, {label})""",
    "tuple[str, ...]": """
value = () if value is None else reader.texts(value, {label})""",
}
"""How a plain field is read, by its annotation (records use `from __future__ import annotations`): the
value passes as it is when its JSON type is the field's, else the Reader method converts or logs it."""

_Build: TypeAlias = Callable[..., Any]


def _fast_path(field: dataclasses.Field[Any]) -> str | None:
    return _FAST_PATHS.get(field.type) if isinstance(field.type, str) else None


def _compile(
    reader: Reader,
    cls: type,
    prefix: str,
    *,
    given: tuple[str, ...] = (),
    nested: Mapping[str, str] | None = None,
    extra: str | None = None,
) -> _Build:
    """The function `build(data, given)` that reads `cls` from `data` (see `Reader.record` and `Reader.reader`)."""
    fields = dataclasses.fields(cls)
    names = [each.name for each in fields]
    paths = dict(nested or {})
    kinds = {each.name: path for each in fields if (path := _fast_path(each)) is not None}
    special = {name for name in ("raw", extra) if name in names and name not in given}
    unknown = sorted((set(given) | set(paths) | ({extra} if extra else set())) - set(names))
    needed = [name for name in names if name not in kinds and name not in given and name not in special]
    parents = list(dict.fromkeys(path.partition(".")[0] for path in paths.values()))
    by_name = [name for name in names if name in kinds and name not in given and name not in paths]
    if unknown or needed or not paths.keys() <= kinds.keys() or set(parents) & set(by_name):
        raise TypeError(f"{cls.__name__}: no fields {unknown}, needs {needed}, nested {paths}")  # a bug here, not in the response

    def label(path: str) -> str:
        return f"{prefix}.{path}" if prefix else path

    def read(name: str, path: str, source: str) -> list[str]:
        fast = kinds[name].format(label=repr(label(path))).strip().splitlines()
        return [f"value = {source}", *fast, f"record.{name} = value"]

    # Every JSON field the record reads is fetched at once (`complete`: all were there); one left out reads as null.
    fetched = [*parents, *by_name]
    local = {json_name: f"json{index}" for index, json_name in enumerate(fetched)}
    targets = "".join(f"{local[json_name]}, " for json_name in fetched)
    body = ["record = new(unfrozen)", "complete = True"]
    if fetched:
        body += ["try:", f"    {targets}= fetch(data)", "except KeyError:"]
        body += [f"    {targets}= map(data.get, FETCHED)", "    complete = False"]
    for parent in parents:  # an object holding nested fields, read as empty when it is not one
        body += [f"if type({local[parent]}) is not dict:"]
        body += [f"    {local[parent]} = reader.mapping({local[parent]}, {label(parent)!r}) or {{}}"]
    for name, path in paths.items():
        parent, _, key = path.partition(".")
        body += read(name, path, f"{local[parent]}.get({key!r})")
    for name in names:
        if name in given:
            body.append(f"record.{name} = given[{name!r}]")
        elif name in local:
            body += read(name, name, local[name])
    if "raw" in special:
        body.append("record.raw = proxy(data)")
    if extra and extra in special:  # the JSON fields not read: none when every field read was there and nothing else
        body += [f"if len(data) == {len(fetched)} if complete else READ.issuperset(data):", f"    record.{extra} = {{}}", "else:"]
        body += [f"    record.{extra} = {{key: value for key, value in data.items() if key not in READ}}"]
    body += ["record.__class__ = cls", "return record"]
    source = "def build(data, given=NOTHING):\n" + "".join(f"    {line}\n" for line in body)
    namespace: dict[str, Any] = {
        "reader": reader, "cls": cls, "unfrozen": _unfrozen(cls), "new": object.__new__, "proxy": MappingProxyType,
        "fetch": _fetcher(fetched) if fetched else None, "FETCHED": tuple(fetched), "READ": frozenset(fetched), "NOTHING": NO_RAW,
        "isfinite": math.isfinite, "fromisoformat": datetime.fromisoformat, "UTC": UTC,
    }  # fmt: skip
    exec(compile(source, f"<polyvault reader of {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - our own source, from field names
    return namespace["build"]  # type: ignore[no-any-return]


def _fetcher(keys: list[str]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """`operator.itemgetter(*keys)`, always returning a tuple (KeyError when a key is missing)."""
    if len(keys) == 1:
        return lambda data: (data[keys[0]],)
    return operator.itemgetter(*keys)


@functools.cache
def _unfrozen(cls: type) -> type:
    """A plain class with the slots of the record `cls`, whose instances may be given `cls` as their class."""
    slots = cls.__dict__.get("__slots__")
    fields = {each.name for each in dataclasses.fields(cls)}
    if cls.__bases__ != (object,) or slots is None or set(slots) != fields or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: a record is a slotted dataclass of its own, with no __post_init__")
    return type(cls.__name__, (), {"__slots__": tuple(slots), "__module__": cls.__module__})
