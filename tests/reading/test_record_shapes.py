"""Record shapes the compiled readers read besides the vaults' own: every field nested or given, no `raw`,
no prefix, a nested key holding dots. No vault record has these shapes yet, so the private `Reader` is used."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from polyvault._core.reading import MissingFieldError, Reader


@dataclass(frozen=True, slots=True)
class Service:
    service_id: str | None = None
    service_env: str | None = None
    raw: Any = None


@dataclass(frozen=True, slots=True)
class Bare:
    id: str
    name: str | None = None


def test_a_record_whose_every_field_is_nested_or_given_is_read() -> None:
    reader = Reader("test")
    read = reader.reader(Service, "service", nested={"service_id": "service.id", "service_env": "meta.labels.env"})
    data = {"service": {"id": 7}, "meta": {"labels.env": "prod", "labels": {"env": "other"}}}
    record = read(data)
    assert (record.service_id, record.service_env, dict(record.raw)) == ("7", "prod", data)
    given = reader.record(Bare, {"id": "ignored"}, "bare", id="id-1", name="given")
    assert given == Bare("id-1", "given")


def test_a_record_without_raw_and_prefix_names_its_fields_bare() -> None:
    reader = Reader("test")
    assert reader.record(Bare, {"id": "id-1", "name": "n"}, "") == Bare("id-1", "n")
    with pytest.raises(MissingFieldError) as caught:
        reader.record(Bare, {"name": "n"}, "")
    assert str(caught.value) == "id: a string needed, found nothing"
