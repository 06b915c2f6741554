"""Argument checks shared by every vault: a bad argument is refused with `InvalidRequestError` before sending.

Messages name the argument and what was expected, never the value itself (it may be a secret).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, TypeVar

from ..errors import InvalidRequestError

S = TypeVar("S", bound=str)


def text(value: object, name: str, vault: str, *, allow_empty: bool = False) -> str:
    """A string argument (non-empty unless `allow_empty`)."""
    if not isinstance(value, str):
        raise InvalidRequestError(f"{name} must be a string, not {type(value).__name__}", vault=vault)
    if not value and not allow_empty:
        raise InvalidRequestError(f"{name} must not be empty", vault=vault)
    _encodable(value, name, vault)
    return value


def _encodable(value: str, name: str, vault: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequestError(f"{name} is not valid text (it contains a lone surrogate)", vault=vault) from None


def path_segment(value: str, name: str, vault: str) -> str:
    """A value sent as one URL path segment: `.` and `..` are refused (they are path steps, and would reach another route)."""
    if value in (".", ".."):
        raise InvalidRequestError(f"{name} must not be '.' or '..': it is sent as a URL path segment", vault=vault)
    return value


def header_value(value: str, name: str, vault: str) -> str:
    """A value sent as an HTTP header (a key, an id, a token): printable ASCII (tabs allowed), as headers must be."""
    if not value.isascii() or not value.replace("\t", " ").isprintable():
        raise InvalidRequestError(f"{name} must be printable ASCII: it is sent as an HTTP header", vault=vault)
    return value


def optional_text(value: object, name: str, vault: str) -> str | None:
    """A string argument that may be None."""
    return None if value is None else text(value, name, vault)


def texts(values: object, name: str, vault: str, *, allow_empty_list: bool = False, allow_empty_items: bool = False) -> list[str]:
    """A list or tuple of strings. A bare string is refused: it would be taken character by character."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InvalidRequestError(f"{name} must be a list of strings, not {type(values).__name__}", vault=vault)
    if not values and not allow_empty_list:
        raise InvalidRequestError(f"{name} must not be empty", vault=vault)
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise InvalidRequestError(f"{name}[{index}] must be a string, not {type(value).__name__}", vault=vault)
        if not value and not allow_empty_items:
            raise InvalidRequestError(f"{name}[{index}] must not be empty", vault=vault)
        _encodable(value, f"{name}[{index}]", vault)
    return list(values)


def choice(value: object, allowed: Collection[S], name: str, vault: str) -> S:
    """One of a closed set of strings."""
    if not isinstance(value, str) or value not in allowed:
        raise InvalidRequestError(f"{name} must be one of {', '.join(sorted(allowed))}", vault=vault)
    return value  # type: ignore[return-value]


def optional_choice(value: object, allowed: Collection[S], name: str, vault: str) -> S | None:
    """One of a closed set of strings, or None."""
    return None if value is None else choice(value, allowed, name, vault)


def integer(value: object, name: str, vault: str, *, low: int, high: int | None) -> int:
    """A whole number in [low, high] (no upper bound when `high` is None)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < low or (high is not None and value > high):
        bounds = f", at least {low}" if high is None else f" from {low} to {high}"
        raise InvalidRequestError(f"{name} must be a whole number{bounds}", vault=vault)
    return value


def flag(value: object, name: str, vault: str) -> bool:
    """A real bool (not a truthy string)."""
    if not isinstance(value, bool):
        raise InvalidRequestError(f"{name} must be True or False", vault=vault)
    return value


def optional_flag(value: object, name: str, vault: str) -> bool | None:
    """A bool or None."""
    return None if value is None else flag(value, name, vault)


def json_object(value: object, name: str, vault: str) -> dict[str, Any]:
    """A JSON-serialisable mapping with string keys."""
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise InvalidRequestError(f"{name} must be a mapping with string keys", vault=vault)
    _json_value(value, name, vault, depth=0)
    return dict(value)


def optional_json_object(value: object, name: str, vault: str) -> dict[str, Any] | None:
    """A JSON mapping or None."""
    return None if value is None else json_object(value, name, vault)


_MAX_DEPTH = 64


def _json_value(value: object, name: str, vault: str, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise InvalidRequestError(f"{name} is nested too deeply", vault=vault)
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidRequestError(f"{name} contains a number JSON cannot carry (NaN or infinity)", vault=vault)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidRequestError(f"{name} has a key that is not a string", vault=vault)
            _json_value(item, name, vault, depth + 1)
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _json_value(item, name, vault, depth + 1)
        return
    raise InvalidRequestError(f"{name} contains a {type(value).__name__}, which JSON cannot carry", vault=vault)
