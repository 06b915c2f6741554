"""JSON-shaped arguments (Apideck `settings`/`metadata`, Vaultera `json`): what is refused before sending, and why."""

from __future__ import annotations

from typing import Any

import pytest
from polyvault import InvalidRequestError
from polyvault.testing import FakeApideck


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth):
        value = {"inner": value}
    return value


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ([("api_key", "k")], "settings must be a mapping with string keys"),
        ({1: "k"}, "settings must be a mapping with string keys"),
        ({"a": {2: "k"}}, "settings has a key that is not a string"),
        ({"a": float("nan")}, "settings contains a number JSON cannot carry (NaN or infinity)"),
        ({"a": [1.0, float("-inf")]}, "settings contains a number JSON cannot carry (NaN or infinity)"),
        ({"a": ({"b": float("inf")},)}, "settings contains a number JSON cannot carry (NaN or infinity)"),
        ({"a": {"b"}}, "settings contains a set, which JSON cannot carry"),
        ({"a": [b"bytes"]}, "settings contains a bytes, which JSON cannot carry"),
        (_nested(64), "settings is nested too deeply"),  # a value 65 levels down; 64 is the most (see below)
    ],
)
def test_a_json_argument_json_cannot_carry_is_refused_before_sending(settings: Any, message: str) -> None:
    fake = FakeApideck()
    with fake.client() as apideck, pytest.raises(InvalidRequestError) as caught:
        apideck.connections.add("crm", "pipedrive", settings=settings)
    assert str(caught.value) == f"[apideck] {message}"
    assert fake.count() == 0


@pytest.mark.parametrize(
    "settings",
    [
        {"api_key": "k", "n": None, "ok": True, "i": 3, "f": 1.5, "list": [1, "a", None], "t": (1, 2), "deep": _nested(62)}
    ],  # a value 64 levels down
)
def test_every_json_shape_is_accepted_and_sent_as_json(settings: dict[str, Any]) -> None:
    fake = FakeApideck(validate=False)
    with fake.client() as apideck:
        apideck.connections.add("crm", "pipedrive", settings=settings)
    sent = next(request for request in fake.requests if request.method == "POST").body()["settings"]
    assert sent == {**settings, "t": [1, 2]}
