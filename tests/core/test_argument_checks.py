"""The argument checks all four vaults share, through their public calls: each refusal's exact text and vault, nothing
sent; each value at a bound accepted and sent as given. (VGS's own cases: tests/vgs/test_vgs_facade.py.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from polyvault import InvalidRequestError
from polyvault.apideck import Apideck
from polyvault.testing import FakeApideck
from polyvault.testing.vaultera import FakeVaultera

TEN_YEARS = 10 * 365 * 24 * 3600  # the longest `expires_in` Apideck's import takes


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: a.connections.list(configured="yes"), "configured must be True or False"),
        (lambda a: a.connections.update("crm", "pipedrive", enabled=1), "enabled must be True or False"),
        (
            lambda a: a.connections.import_("crm", "salesforce", access_token="t", expires_in=-1),
            f"expires_in must be a whole number from 0 to {TEN_YEARS}",
        ),
        (
            lambda a: a.connections.import_("crm", "salesforce", access_token="t", expires_in=TEN_YEARS + 1),
            f"expires_in must be a whole number from 0 to {TEN_YEARS}",
        ),
        (
            lambda a: a.connections.import_("crm", "salesforce", access_token="t", expires_in=True),
            f"expires_in must be a whole number from 0 to {TEN_YEARS}",
        ),
        (lambda a: list(a.logs.list(limit=0)), "limit must be a whole number, at least 1"),
        (
            lambda a: a.connections.update("crm", "pipedrive", consent_state="maybe"),
            "consent_state must be one of denied, granted, implicit, pending, requires_reconsent, revoked",
        ),
        (lambda a: a.sessions.create(custom_consumer_settings=["k"]), "custom_consumer_settings must be a mapping with string keys"),
        (
            lambda a: a.sessions.create(custom_consumer_settings={"k": {1}}),
            "custom_consumer_settings contains a set, which JSON cannot carry",
        ),
    ],
)
def test_an_apideck_argument_is_refused_with_its_name_and_what_was_expected(call: Callable[[Apideck], Any], message: str) -> None:
    fake = FakeApideck()
    with fake.client() as apideck, pytest.raises(InvalidRequestError) as caught:
        call(apideck)
    assert str(caught.value) == f"[apideck] {message}"
    assert fake.count() == 0


def test_values_at_the_bounds_and_optional_ones_given_are_sent_as_given() -> None:
    fake = FakeApideck(validate=False)
    with fake.client() as apideck:
        apideck.connections.import_("crm", "salesforce", access_token="t", expires_in=TEN_YEARS)
        apideck.connections.import_("crm", "salesforce", access_token="t", expires_in=0)
        apideck.sessions.create(custom_consumer_settings={"k": [1, {"x": None}]})
        apideck.connections.list(configured=True)
        apideck.connections.list(configured=False)
    imports, session, configured, unconfigured = (
        [request.body() for request in fake.requests if request.path.endswith("/import")],
        next(request.body() for request in fake.requests if request.path == "/vault/sessions"),
        *[request.query for request in fake.requests if request.path == "/vault/connections"],
    )
    assert imports == [
        {"credentials": {"access_token": "t", "expires_in": TEN_YEARS}},
        {"credentials": {"access_token": "t", "expires_in": 0}},
    ]
    assert session == {"custom_consumer_settings": {"k": [1, {"x": None}]}}
    assert (configured, unconfigured) == ({"configured": "true"}, {"configured": "false"})


def _nested_lists(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("json", "message"),
    [
        (_nested_lists(64), "json is nested too deeply"),  # {"json": [[...[1]...]]}: the 1 is 65 levels down
        ([1.0, float("inf")], "json contains a number JSON cannot carry (NaN or infinity)"),
        ({"a": (float("-inf"),)}, "json contains a number JSON cannot carry (NaN or infinity)"),
    ],
)
def test_a_proxied_json_body_json_cannot_carry_is_refused(json: Any, message: str) -> None:
    fake = FakeVaultera()
    with fake.client() as vaultera, pytest.raises(InvalidRequestError) as caught:
        vaultera.cards.send("a" * 32, method="post", url="https://gw.test/charge", json=json)
    assert str(caught.value) == f"[vaultera] {message}"
    assert fake.count() == 0


def test_a_proxied_json_body_64_lists_deep_and_a_header_with_a_tab_are_sent_as_given() -> None:
    received: list[httpx.Request] = []
    fake = FakeVaultera()
    fake.target = lambda request: (received.append(request), httpx.Response(200, json={}))[1]
    with fake.client() as vaultera:
        card = vaultera.cards.store(card_number="4111111111111111", expiration_month="12", expiration_year="2030")
        vaultera.cards.send(card.card_token, method="post", url="https://gw.test/x", json=_nested_lists(63), headers={"X-Trace": "a\tb"})
    assert received[0].content == (b"[" * 63 + b"1" + b"]" * 63)
    assert received[0].headers["x-trace"] == "a\tb"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda v: v.api_keys.create(description=5), "description must be a string, not int"),
        (lambda v: v.api_keys.create(description=""), "description must not be empty"),
        (
            lambda v: v.cards.send("a" * 32, method="post", url="https://gw.test/x", headers={"X-Trace": "é"}),
            "header X-Trace must be printable ASCII: it is sent as an HTTP header",
        ),
        (
            lambda v: v.cards.send("a" * 32, method="post", url="https://gw.test/x", headers={"X-Trace": "a\x7fb"}),
            "header X-Trace must be printable ASCII: it is sent as an HTTP header",
        ),
    ],
)
def test_a_vaultera_argument_is_refused_with_its_name_and_what_was_expected(call: Callable[[Any], Any], message: str) -> None:
    fake = FakeVaultera()
    with fake.client() as vaultera, pytest.raises(InvalidRequestError) as caught:
        call(vaultera)
    assert str(caught.value) == f"[vaultera] {message}"
    assert fake.count() == 0
