"""A record class the compiled readers cannot read is refused when its reader is made, naming what is wrong.

These are mistakes in our own record declarations, never in a response, so no public call shows them:
the tests use the private `Reader` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from polyvault._core.reading import Reader


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str | None = None
    owner: str | None = None
    tags: tuple[int, ...] = ()
    raw: Any = None


@dataclass(frozen=True, slots=True)
class Plain:
    id: str
    name: str | None = None
    raw: Any = None


def test_a_record_reader_naming_fields_the_record_lacks_or_leaving_some_unread_is_refused() -> None:
    reader = Reader("test")
    refused: list[tuple[Any, str]] = [
        (lambda: reader.record(Plain, {}, "entry", nope=1), "Plain: no fields ['nope'], needs [], nested {}"),
        (lambda: reader.reader(Plain, "entry", nested={"nope": "a.b"}), "Plain: no fields ['nope'], needs [], nested {'nope': 'a.b'}"),
        (lambda: reader.reader(Plain, "entry", extra="nope"), "Plain: no fields ['nope'], needs [], nested {}"),
        (lambda: reader.reader(Entry, "entry"), "Entry: no fields [], needs ['tags'], nested {}"),
        (lambda: reader.reader(Plain, "entry", nested={"raw": "a.b"}), "Plain: no fields [], needs [], nested {'raw': 'a.b'}"),
        (lambda: reader.reader(Plain, "entry", nested={"name": "id.name"}), "Plain: no fields [], needs [], nested {'name': 'id.name'}"),
    ]
    for make, message in refused:
        with pytest.raises(TypeError) as caught:
            make()
        assert str(caught.value) == message
