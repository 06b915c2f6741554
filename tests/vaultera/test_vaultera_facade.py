"""polyvault.Vaultera / AsyncVaultera through the public API, against FakeVaultera (in-process and on 127.0.0.1)."""

from __future__ import annotations

import inspect
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
import httpx
import pytest
from polyvault import (
    AuthenticationError,
    BadRequestError,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    VaultConnectionError,
    VaultError,
    VaultTimeoutError,
)
from polyvault.testing.vaultera import FakeVaultera
from polyvault.vaultera import DROP_INS, TOKENS_HEADER, ApiKey, AsyncVaultera, CaptureResult, Card, SessionToken, Vaultera

CARD = "4111111111111111"
CVV = "737"


def contains(text: str, secret: str) -> bool:
    """Whether `secret` appears in `text` as a value (a short code inside a hex card token does not count)."""
    return re.search(rf"(?<![0-9a-f]){re.escape(secret)}(?![0-9a-f])", text) is not None


SEND = "POST /cards/{card_token}/send"
CAPTURE = "POST /capture"
BOOKINGS = {
    "data": [
        {
            "id": "b1",
            "attributes": {"guarantee": {"card_number": "5555555555554444", "cardholder_name": "ANA", "expiration_date": "09/2031"}},
        },
        {"id": "b2", "attributes": {"guarantee": None}},
        {"id": "b3", "attributes": {"guarantee": {"card_number": CARD, "expiration_date": "12/2030", "cvv": CVV}}},
    ]
}


class Gateway:
    """A third party for send/capture: records what it received, answers what the test says."""

    def __init__(self, status: int = 200, payload: Any = None, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.payload = {"ok": True} if payload is None else payload
        self.headers = headers or {}
        self.received: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.received.append(request)
        return httpx.Response(self.status, json=self.payload, headers=self.headers)


async def _wait(awaitable: Any) -> Any:
    return await awaitable


@dataclass
class Driver:
    """One facade client in sync or async mode; `run(x)` awaits x when the client is async."""

    mode: str
    client: Any
    fake: FakeVaultera
    gateway: Gateway

    def run(self, result: Any) -> Any:
        return anyio.run(_wait, result) if inspect.isawaitable(result) else result

    def raises(self, error: type[BaseException], call: Callable[[], Any]) -> pytest.ExceptionInfo[Any]:
        with pytest.raises(error) as info:
            self.run(call())
        return info


@pytest.fixture(params=["sync", "async"])
def v(request: pytest.FixtureRequest, fake_vaultera: FakeVaultera) -> Iterator[Driver]:
    gateway = Gateway()
    fake_vaultera.target = gateway
    client = fake_vaultera.client() if request.param == "sync" else fake_vaultera.async_client()
    driver = Driver(request.param, client, fake_vaultera, gateway)
    yield driver
    driver.run(client.close())


def _store(v: Driver, **extra: Any) -> Card:
    card: Card = v.run(v.client.cards.store(card_number=CARD, expiration_month="12", expiration_year="2030", **extra))
    return card


# --- construction -----------------------------------------------------------------------------------


def test_missing_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VAULTERA_API_KEY", raising=False)
    with pytest.raises(InvalidRequestError, match="VAULTERA_API_KEY"):
        Vaultera()
    with pytest.raises(InvalidRequestError, match="VAULTERA_API_KEY"):
        AsyncVaultera()


def test_defaults_and_environment(monkeypatch: pytest.MonkeyPatch, fake_vaultera: FakeVaultera) -> None:
    monkeypatch.delenv("VAULTERA_BASE_URL", raising=False)
    with Vaultera(api_key="k" * 32) as vaultera:
        assert vaultera.base_url == "https://pci.vaultera.co/api/v1"
        assert vaultera.timeout.read is not None
        assert "k" * 32 not in repr(vaultera)
    for name, value in fake_vaultera.env_vars(fake_vaultera.in_process_url).items():
        monkeypatch.setenv(name, value)
    with Vaultera(http_client=httpx.Client(transport=fake_vaultera.transport)) as vaultera:
        assert vaultera.base_url == fake_vaultera.in_process_url
        assert vaultera.api_keys.list() == []
    assert fake_vaultera.requests[-1].secret_query("api_key") == fake_vaultera.master_key


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="https"):
        Vaultera(api_key="key-123456", base_url="http://pci.example.com/api/v1")


def test_key_travels_as_query_parameter_only_to_the_configured_host() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": []})

    key = "master-key-0123456789"
    with Vaultera(
        api_key=key, base_url="https://pci.example.test/api/v1", http_client=httpx.Client(transport=httpx.MockTransport(record))
    ) as v:
        assert v.api_keys.list() == []
        v.raw.get_httpx_client().get("https://elsewhere.test/api/v1/api_keys")
        v.raw.get_httpx_client().get("https://pci.example.test:8443/api/v1/api_keys")
    assert seen[0].url.params["api_key"] == key
    assert all(key not in value for value in seen[0].headers.values())
    assert "api_key" not in seen[1].url.params
    assert "api_key" not in seen[2].url.params


def test_with_options_shares_the_pool(fake_vaultera: FakeVaultera) -> None:
    with fake_vaultera.client() as vaultera:
        quick = vaultera.with_options(timeout=2.0, max_retries=0)
        assert quick.timeout.read == 2.0
        assert quick.retry_policy.max_retries == 0
        assert quick.api_keys.list() == []
        vaultera.close()


# --- api keys ------------------------------------------------------------------------------------


def test_api_keys_lifecycle(v: Driver) -> None:
    keys = v.client.api_keys
    assert v.run(keys.list()) == []
    created = v.run(keys.create("billing service"))
    assert isinstance(created, ApiKey)
    assert created.active and created.status == "active" and created.revoked_at is None
    assert created.description == "billing service"
    assert created.masked == "..." + created.api_key[-6:]
    assert created.api_key not in repr(created) and created.api_key not in str(created)
    fetched = v.run(keys.get(created.id))
    assert fetched.id == created.id
    assert fetched.api_key == created.masked  # the full key is shown only once
    assert [item.id for item in v.run(keys.list())] == [created.id]
    assert v.run(keys.list())[0].api_key.startswith("...")
    anonymous = v.run(keys.create())
    assert anonymous.description is None
    v.run(keys.revoke(str(created.id)))
    revoked = v.run(keys.get(created.id))
    assert revoked.status == "revoked" and not revoked.active and revoked.revoked_at is not None


def test_a_revoked_key_is_refused(v: Driver) -> None:
    created = v.run(v.client.api_keys.create("soon revoked"))
    factory = v.fake.client if v.mode == "sync" else v.fake.async_client
    second = factory(api_key=created.api_key)
    try:
        assert v.run(second.api_keys.list())  # the new key works
        v.run(v.client.api_keys.revoke(created.id))
        error = v.raises(AuthenticationError, second.api_keys.list).value
    finally:
        v.run(second.close())
    assert error.status_code == 401 and error.code == "unauthorized" and error.vault == "vaultera"
    assert "revoked" in error.message
    assert error.detail is None and error.request_id is None
    assert created.api_key not in str(error) and created.api_key not in repr(error)


def test_wrong_key_is_an_authentication_error(v: Driver) -> None:
    factory = v.fake.client if v.mode == "sync" else v.fake.async_client
    stranger = factory(api_key="not-a-key-at-all")
    try:
        error = v.raises(AuthenticationError, lambda: stranger.cards.delete("0" * 32)).value
    finally:
        v.run(stranger.close())
    assert error.code == "unauthorized" and error.message.endswith("Invalid API key")
    assert "not-a-key-at-all" not in str(error)


def test_unknown_api_key_is_not_found(v: Driver) -> None:
    error = v.raises(NotFoundError, lambda: v.client.api_keys.get(uuid.uuid4())).value
    assert error.status_code == 404 and error.code == "not_found" and "API key not found" in error.message
    v.raises(NotFoundError, lambda: v.client.api_keys.revoke(uuid.uuid4()))


@pytest.mark.parametrize("bad", ["", "not-a-uuid", 42, None])
def test_bad_key_ids_are_refused_before_sending(v: Driver, bad: Any) -> None:
    v.raises(InvalidRequestError, lambda: v.client.api_keys.get(bad))
    v.raises(InvalidRequestError, lambda: v.client.api_keys.revoke(bad))
    assert v.fake.count() == 0


def test_bad_description_is_refused(v: Driver) -> None:
    v.raises(InvalidRequestError, lambda: v.client.api_keys.create(12))
    v.raises(InvalidRequestError, lambda: v.client.api_keys.create(""))
    assert v.fake.count() == 0


# --- session tokens and URL builders ----------------------------------------------------------------


@pytest.mark.parametrize("scope", ["card", "show_card", "show_service_code"])
def test_session_tokens(v: Driver, scope: str) -> None:
    token = v.run(v.client.session_tokens.create(scope))
    assert isinstance(token, SessionToken)
    assert token.scope == scope and token.id
    assert token.session_token not in repr(token)
    assert v.fake.session_scopes() == [scope]


@pytest.mark.parametrize("scope", ["", "CARD", "service_code", None, 1])
def test_bad_scopes_are_refused_before_sending(v: Driver, scope: Any) -> None:
    v.raises(InvalidRequestError, lambda: v.client.session_tokens.create(scope))
    assert v.fake.count() == 0


def test_capture_form_url_round_trip(v: Driver) -> None:
    token = v.run(v.client.session_tokens.create("card"))
    url = v.client.capture_form_url(token)
    assert isinstance(url, str)
    assert url == v.client.capture_form_url(token.session_token)
    assert url.startswith(v.client.base_url + "/capture_form?session_token=")
    assert "api_key" not in url and v.fake.master_key not in url
    card_token = v.fake.submit_capture_form(url, card_number=CARD, expiration_month="01", expiration_year="2031")
    assert v.fake.stored_cards()[card_token]["card_number"] == CARD
    with pytest.raises(PermissionError):  # one-off
        v.fake.submit_capture_form(url, card_number=CARD, expiration_month="01", expiration_year="2031")
    assert v.fake.count("POST /session_tokens") == 1


def test_show_card_url_round_trip(v: Driver) -> None:
    card = _store(v, service_code=CVV)
    show = v.run(v.client.session_tokens.create("show_card"))
    cvv = v.run(v.client.session_tokens.create("show_service_code"))
    url = v.client.show_card_url(card.card_token, show, service_code_token=cvv)
    query = parse_qs(urlsplit(url).query)
    assert query == {"card_token": [card.card_token], "session_token": [show.session_token], "service_code_token": [cvv.session_token]}
    assert "api_key" not in url
    shown = v.fake.show_card(url)
    assert shown["card_number"] == CARD and shown["service_code"] == CVV
    with pytest.raises(PermissionError):  # the tokens are used up
        v.fake.show_card(url)
    plain = v.client.show_card_url(card.card_token, v.run(v.client.session_tokens.create("show_card")).session_token)
    assert "service_code_token" not in plain
    assert "service_code" not in v.fake.show_card(plain)


def test_url_builders_encode_their_arguments() -> None:
    with Vaultera(api_key="key-0123456789", base_url="https://pci.example.test/api/v1") as vaultera:
        url = vaultera.capture_form_url("a+b/c=d&e%f?g#h")
        assert url == "https://pci.example.test/api/v1/capture_form?session_token=a%2Bb%2Fc%3Dd%26e%25f%3Fg%23h"
        assert parse_qs(urlsplit(url).query) == {"session_token": ["a+b/c=d&e%f?g#h"]}
        url = vaultera.show_card_url("tok/1", "s&2", service_code_token="c=3")
        assert parse_qs(urlsplit(url).query) == {"card_token": ["tok/1"], "session_token": ["s&2"], "service_code_token": ["c=3"]}


def test_url_builders_refuse_bad_tokens(v: Driver) -> None:
    builders = v.client
    for bad in ("", "has space", "line\nbreak", None, 7):
        with pytest.raises(InvalidRequestError) as info:
            builders.capture_form_url(bad)
        assert repr(bad) not in info.value.message or bad in ("", None, 7)
        with pytest.raises(InvalidRequestError):
            builders.show_card_url(bad, "session")
        with pytest.raises(InvalidRequestError):
            builders.show_card_url("card", bad)
    wrong = SessionToken(id="1", scope="show_card", session_token="secret-session-token")
    with pytest.raises(InvalidRequestError, match="scope 'card'") as info:
        builders.capture_form_url(wrong)
    assert "secret-session-token" not in str(info.value)
    with pytest.raises(InvalidRequestError, match="show_service_code"):
        builders.show_card_url("card", wrong, service_code_token=wrong)
    assert v.fake.count() == 0


# --- cards -----------------------------------------------------------------------------------------


def test_store_and_delete(v: Driver) -> None:
    card = _store(v, card_type="visa", cardholder_name="JOHN DOE", service_code=CVV)
    assert isinstance(card, Card)
    assert len(card.card_token) == 32 and int(card.card_token, 16) >= 0
    assert card.card_number == "411111******1111"
    assert (card.card_type, card.expiration_month, card.expiration_year, card.cardholder_name) == ("visa", "12", "2030", "JOHN DOE")
    assert card.extra == {"service_code": "***"}  # an undeclared field is data
    assert CARD not in repr(card) and "JOHN DOE" not in repr(card) and not contains(repr(card), CVV)
    sent = v.fake.requests[-1].body()["card"]
    assert sent == {
        "card_number": CARD,
        "expiration_month": "12",
        "expiration_year": "2030",
        "card_type": "visa",
        "cardholder_name": "JOHN DOE",
        "service_code": CVV,
    }
    assert v.fake.stored_cards()[card.card_token]["card_number"] == CARD
    assert v.run(v.client.cards.delete(card.card_token)) is None
    assert v.fake.stored_cards() == {}
    error = v.raises(NotFoundError, lambda: v.client.cards.delete(card.card_token)).value
    assert error.code == "not_found" and error.message.endswith("Card not found")


def test_store_normalises_what_it_safely_can(v: Driver) -> None:
    _store(v)
    v.run(v.client.cards.store(card_number="4111-1111 1111-1111", expiration_month=7, expiration_year=2031))
    sent = v.fake.requests[-1].body()["card"]
    assert sent == {"card_number": CARD, "expiration_month": "07", "expiration_year": "2031"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("card_number", "4111"),
        ("card_number", "41111111111111111111"),
        ("card_number", "4111x11111111111"),
        ("card_number", 4111111111111111),
        ("card_number", "٤١١١١١١١١١١١١١١١"),  # non-ASCII digits
        ("expiration_month", "13"),
        ("expiration_month", "0"),
        ("expiration_month", "ab"),
        ("expiration_month", True),
        ("expiration_year", "30"),
        ("expiration_year", "20301"),
        ("expiration_year", None),
        ("service_code", "12"),
        ("service_code", "12345"),
        ("service_code", "abc"),
        ("card_type", ""),
        ("cardholder_name", 5),
    ],
)
def test_bad_cards_are_refused_before_sending_without_echo(v: Driver, field: str, value: Any) -> None:
    arguments: dict[str, Any] = {"card_number": CARD, "expiration_month": "12", "expiration_year": "2030", field: value}
    error = v.raises(InvalidRequestError, lambda: v.client.cards.store(**arguments)).value
    assert field in error.message
    if isinstance(value, str) and len(value) >= 3:
        assert value not in str(error)
    assert v.fake.count() == 0


def test_a_card_the_vault_refuses_is_a_bad_request(v: Driver) -> None:
    v.fake.luhn_check = True
    luhn_invalid = "4111111111111112"
    error = v.raises(
        BadRequestError, lambda: v.client.cards.store(card_number=luhn_invalid, expiration_month="1", expiration_year="2030")
    ).value
    assert error.status_code == 422 and error.code == "validation_error"
    assert error.message.endswith("Validation error")
    assert error.detail == {"card_number": ["is invalid"]}
    assert luhn_invalid not in str(error)


def test_card_numbers_echoed_by_the_vault_never_reach_error_text() -> None:
    number = "4000056655665556"

    def echo(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)["card"]
        return httpx.Response(
            422,
            json={"errors": {"code": "validation_error", "title": f"card {body['card_number']} refused", "details": {"card": body}}},
        )

    with (
        Vaultera(
            api_key="key-0123456789",
            base_url="https://pci.example.test/api/v1",
            http_client=httpx.Client(transport=httpx.MockTransport(echo)),
        ) as vaultera,
        pytest.raises(BadRequestError) as info,
    ):
        vaultera.cards.store(card_number="4000 0566 5566 5556", expiration_month="1", expiration_year="2030", service_code="9876")
    error = info.value
    for secret in (number, "4000 0566 5566 5556", "9876"):
        assert not any(contains(text, secret) for text in (str(error), repr(error), str(error.detail)))


@pytest.mark.parametrize("bad", ["", " " * 3, "abc def", "tok\n", None, 12])
def test_bad_card_tokens_are_refused_before_sending(v: Driver, bad: Any) -> None:
    v.raises(InvalidRequestError, lambda: v.client.cards.delete(bad))
    v.raises(InvalidRequestError, lambda: v.client.cards.send(bad, method="get", url="https://gw.test/"))
    assert v.fake.count() == 0


# --- send -------------------------------------------------------------------------------------------


def test_send_replaces_drop_ins_and_returns_the_raw_answer(v: Driver) -> None:
    card = _store(v, card_type="visa", cardholder_name='JOHN "JJ" DOE', service_code=CVV)
    v.gateway.status, v.gateway.payload = 402, {"error": {"code": "card_declined"}}
    v.gateway.headers = {"X-Gateway": "yes"}
    body = {"card": {name.strip("%").lower(): name for name in DROP_INS}, "amount": 1000}
    response = v.run(
        v.client.cards.send(
            card.card_token,
            method="POST",
            url="https://gateway.test/v1/charges?expand=card&x=a%20b",
            json=body,
            headers={"Authorization": "Bearer sk_test_gateway_secret", "Idempotency-Key": "order-42"},
        )
    )
    assert isinstance(response, httpx.Response)
    assert response.status_code == 402  # the third party's status is data, not an error
    assert response.json() == {"error": {"code": "card_declined"}}
    assert response.headers["x-gateway"] == "yes"
    assert "api_key" not in str(response.request.url) and v.fake.master_key not in str(response.request.url)
    [received] = v.gateway.received
    assert received.method == "POST"
    assert str(received.url) == "https://gateway.test/v1/charges?expand=card&x=a%20b"
    assert received.headers["authorization"] == "Bearer sk_test_gateway_secret"
    assert received.headers["idempotency-key"] == "order-42"
    assert json.loads(received.content) == {
        "card": {
            "card_number": CARD,
            "cardholder_name": 'JOHN "JJ" DOE',
            "service_code": CVV,
            "expiration_mm": "12",
            "expiration_yyyy": "2030",
            "expiration_yy": "30",
            "card_type": "visa",
        },
        "amount": 1000,
    }
    wire = v.fake.requests[-1]
    assert wire.query["method"] == "post" and wire.query["url"] == "https://gateway.test/v1/charges?expand=card&x=a%20b"


def test_send_raw_content_and_no_body(v: Driver) -> None:
    card = _store(v)
    form = "number=%CARD_NUMBER%&exp=%EXPIRATION_MM%%2F%EXPIRATION_YY%"
    v.run(
        v.client.cards.send(
            card.card_token,
            method="put",
            url="https://gw.test/form",
            content=form,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
    )
    received = v.gateway.received[-1]
    assert received.method == "PUT"
    assert received.content == f"number={CARD}&exp=12%2F30".encode()
    assert received.headers.get_list("content-type") == ["application/x-www-form-urlencoded"]
    v.run(v.client.cards.send(card.card_token, method="get", url="https://gw.test/status"))
    received = v.gateway.received[-1]
    assert received.method == "GET" and received.content == b""
    assert "content-type" not in received.headers
    v.run(v.client.cards.send(card.card_token, method="post", url="https://gw.test/bytes", content=b'{"n": "%CARD_NUMBER%"}'))
    assert json.loads(v.gateway.received[-1].content) == {"n": CARD}


def test_send_passes_vault_refusals_through(v: Driver) -> None:
    response = v.run(v.client.cards.send("f" * 32, method="post", url="https://gw.test/", json={}))
    assert response.status_code == 404
    assert response.json()["errors"]["code"] == "not_found"
    assert v.gateway.received == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"method": "connect"},
        {"method": None},
        {"url": "http://gw.test/"},
        {"url": "gw.test/charge"},
        {"url": "https://"},
        {"url": 5},
        {"json": {"a": 1}, "content": b"x"},
        {"json": {"a": float("nan")}},
        {"json": {"a": object()}},
        {"content": 12},
        {"headers": {"bad name": "x"}},
        {"headers": {"X-A": "line\r\nbreak"}},
        {"headers": ["X-A"]},
    ],
)
def test_bad_send_arguments_are_refused_before_sending(v: Driver, arguments: dict[str, Any]) -> None:
    call = {"method": "post", "url": "https://gw.test/charge", **arguments}
    v.raises(InvalidRequestError, lambda: v.client.cards.send("a" * 32, **call))
    v.raises(InvalidRequestError, lambda: v.client.capture(profile="channex", **call))
    assert v.fake.count() == 0


def test_a_vault_429_is_retried_and_the_card_sent_once(v: Driver) -> None:
    card = _store(v)
    fault = v.fake.inject("429", route=SEND, retry_after=0)
    response = v.run(v.client.cards.send(card.card_token, method="post", url="https://gw.test/", json={"n": "%CARD_NUMBER%"}))
    assert response.status_code == 200 and fault.hits == 1
    assert v.fake.count(SEND) == 2 and len(v.gateway.received) == 1


def test_send_is_not_resent_once_it_may_have_arrived(v: Driver) -> None:
    card = _store(v)
    v.fake.inject("reset_after", route=SEND)
    error = v.raises(
        VaultConnectionError, lambda: v.client.cards.send(card.card_token, method="post", url="https://gw.test/", json={})
    ).value
    assert error.request_sent
    assert v.fake.count(SEND) == 1 and len(v.gateway.received) == 1
    v.fake.inject("502", route=SEND)
    response = v.run(v.client.cards.send(card.card_token, method="post", url="https://gw.test/", json={}))
    assert response.status_code == 502  # not retried (POST), and passed through as data
    assert v.fake.count(SEND) == 2


# --- capture ----------------------------------------------------------------------------------------


def test_capture_with_header_tokens(v: Driver) -> None:
    v.gateway.payload = BOOKINGS
    result = v.run(
        v.client.capture(
            method="get", url="https://ota.test/bookings?page=1", profile="channex", headers={"user-api-key": "ota-secret-key"}
        )
    )
    assert isinstance(result, CaptureResult)
    assert result.source == "header" and result.status_code == 200
    first, missing, last = result.tokens
    assert missing is None and first and last
    assert result.card_tokens == [first, last]
    stored = v.fake.stored_cards()
    assert stored[first]["card_number"] == "5555555555554444" and stored[last]["service_code"] == CVV
    assert stored[first]["expiration_month"] == "09" and stored[first]["expiration_year"] == "2031"
    body = result.json()
    assert body["data"][0]["attributes"]["guarantee"]["card_number"] == "555555******4444"
    assert body["data"][2]["attributes"]["guarantee"]["cvv"] == "***"
    assert CARD not in result.response.text
    received = v.gateway.received[-1]
    assert received.method == "GET" and str(received.url) == "https://ota.test/bookings?page=1"
    assert received.headers["user-api-key"] == "ota-secret-key"
    assert "api_key" not in str(result.response.request.url)
    assert CARD not in repr(result)
    # a captured card can be sent on
    v.gateway.payload = {"ok": True}
    v.run(v.client.cards.send(last, method="post", url="https://gw.test/", json={"n": "%CARD_NUMBER%", "c": "%SERVICE_CODE%"}))
    assert json.loads(v.gateway.received[-1].content) == {"n": CARD, "c": CVV}


def test_capture_with_tokens_in_the_body(v: Driver) -> None:
    v.gateway.payload = BOOKINGS
    result = v.run(v.client.capture(method="post", url="https://ota.test/bookings", profile="sample", json={"filter": {"status": "new"}}))
    assert result.source == "body"
    assert len(result.tokens) == 2 and set(result.tokens) == set(v.fake.stored_cards())
    guarantee = result.json()["data"][0]["attributes"]["guarantee"]
    assert guarantee["token"] == result.tokens[0] and guarantee["card_number"] == "555555******4444"
    assert json.loads(v.gateway.received[-1].content) == {"filter": {"status": "new"}}  # forwarded unchanged


def test_capture_passes_other_answers_through(v: Driver) -> None:
    v.gateway.status, v.gateway.payload = 503, {"message": "down"}
    result = v.run(v.client.capture(method="get", url="https://ota.test/bookings", profile="channex"))
    assert result.status_code == 503 and result.tokens == () and result.source == "none"
    assert v.fake.count(CAPTURE) == 1  # a POST: not retried
    result = v.run(v.client.capture(method="get", url="https://ota.test/bookings", profile="no-such-profile"))
    assert result.status_code == 404 and result.json()["errors"]["code"] == "not_found"


def test_capture_reads_the_header_format() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={}, headers={TOKENS_HEADER: "2f97cef45086488fa823ba3c014a3bc1, ,7c1e9a3b5d7f4e2a8c0b6d4f2a8e6c0b,"})

    with Vaultera(
        api_key="key-0123456789",
        base_url="https://pci.example.test/api/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    ) as vaultera:
        result = vaultera.capture(method="get", url="https://ota.test/", profile="p")
    assert result.tokens == ("2f97cef45086488fa823ba3c014a3bc1", None, "7c1e9a3b5d7f4e2a8c0b6d4f2a8e6c0b", None)


# --- the one error type -----------------------------------------------------------------------------


def test_rate_limit_after_the_retry_budget(v: Driver) -> None:
    v.fake.inject("429", times=None, retry_after=0)
    quick = v.client.with_options(max_retries=1)
    error = v.raises(RateLimitError, quick.api_keys.list).value
    assert error.status_code == 429 and error.retry_after == 0 and error.code == "rate_limited"
    assert v.fake.count() == 2


def test_server_errors(v: Driver) -> None:
    v.fake.inject("500", route="POST /cards")
    error = v.raises(ServerError, lambda: _store(v)).value
    assert error.status_code == 500 and error.code == "internal_error" and error.message.endswith("Internal error")
    v.fake.inject("503", route="GET /api_keys", retry_after=0)
    assert v.run(v.client.api_keys.list()) == []  # idempotent: retried
    v.fake.inject("502", route="POST /cards")
    v.raises(ServerError, lambda: _store(v))
    assert v.fake.count("POST /cards") == 2  # a store is never retried on 5xx


@pytest.mark.parametrize("fault", ["truncated_json", "empty_body"])
def test_unreadable_answers(v: Driver, fault: Any) -> None:
    v.fake.inject(fault, route="POST /session_tokens")
    error = v.raises(UnexpectedResponseError, lambda: v.client.session_tokens.create("card")).value
    assert error.status_code == 201 and fault in ("truncated_json", "empty_body")
    v.fake.inject(fault, route="POST /cards")
    error = v.raises(UnexpectedResponseError, lambda: _store(v)).value
    assert CARD not in str(error)


def test_a_number_where_a_string_was_is_read_as_its_text(v: Driver) -> None:
    """The fake's wrong_type fault puts 12345 where the answer's first string was: tolerant reading takes its text."""
    v.fake.inject("wrong_type", route="POST /session_tokens")  # the first string is data.id
    token = v.run(v.client.session_tokens.create("card"))
    assert token.id == "12345" and token.scope == "card" and token.raw["id"] == 12345
    v.fake.inject("wrong_type", route="POST /cards")  # data.id again, which a Card does not use
    assert _store(v).card_number == "411111******1111"
    key = v.run(v.client.api_keys.create("x"))
    v.fake.inject("wrong_type", route="GET /api_keys/{id}")  # the first string is the key's id, a UUID: needed, and 12345 is none
    error = v.raises(UnexpectedResponseError, lambda: v.client.api_keys.get(key.id)).value
    assert "api_key.id: a UUID needed" in error.message


def test_html_error_page(v: Driver) -> None:
    v.fake.inject("html", route="POST /session_tokens")
    error = v.raises(UnexpectedResponseError, lambda: v.client.session_tokens.create("card")).value
    assert error.status_code == 502 and "text/html" in error.message


def test_unknown_enum_values_are_data(v: Driver) -> None:
    v.run(v.client.api_keys.create("x"))
    v.fake.inject("unknown_enum", route="GET /api_keys")
    [key] = v.run(v.client.api_keys.list())
    assert key.status == "suspended" and not key.active
    v.fake.inject("unknown_enum", route="POST /session_tokens")
    assert v.run(v.client.session_tokens.create("card")).scope == "service_code"


def test_connection_failures(v: Driver) -> None:
    v.fake.inject("reset_before", route="POST /cards")
    error = v.raises(VaultConnectionError, lambda: _store(v)).value
    assert CARD not in str(error)
    card = _store(v)
    v.fake.inject("reset_after", route="DELETE /cards/{card_token}")
    # DELETE is idempotent: the lost answer is retried, and a retry that finds the card gone means the first one did it
    eager = v.client.with_options(retry_policy=RetryPolicy(backoff=0.01))
    v.run(eager.cards.delete(card.card_token))
    assert v.fake.count("DELETE /cards/{card_token}") == 2 and v.fake.stored_cards() == {}
    v.fake.inject("timeout", route="GET /api_keys", seconds=5, times=None)
    fast = v.client.with_options(timeout=0.05, max_retries=0)
    v.raises(VaultTimeoutError, fast.api_keys.list)


def test_plain_text_errors() -> None:
    fake = FakeVaultera(text_errors=True)
    with fake.client() as vaultera:
        with pytest.raises(NotFoundError) as info:
            vaultera.cards.delete("0" * 32)
        assert info.value.code is None and info.value.message.endswith("Card not found")
        with fake.client(api_key="wrong-key-123") as stranger, pytest.raises(AuthenticationError) as auth:
            stranger.api_keys.list()
        assert auth.value.code is None and auth.value.message.endswith("Invalid API key")
    assert fake.violations == []


@pytest.mark.parametrize(
    ("body", "code", "message", "detail"),
    [
        ({"errors": {"code": "x", "title": "T", "details": {"a": 1}}}, "x", "T", {"a": 1}),
        ({"errors": [{"code": "a", "title": "A"}, {"title": "B"}]}, "a", "A; B", [{"code": "a", "title": "A"}, {"title": "B"}]),
        ({"error": "plain"}, None, "plain", None),
        ({"error": {"code": "c", "message": "M"}}, "c", "M", None),
        ({"message": "only a message"}, None, "only a message", None),
    ],
)
def test_error_body_variants(body: Any, code: str | None, message: str, detail: Any) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(403, json=body))
    with (
        Vaultera(
            api_key="key-0123456789", base_url="https://pci.example.test/api/v1", http_client=httpx.Client(transport=transport)
        ) as vaultera,
        pytest.raises(VaultError) as info,
    ):
        vaultera.api_keys.list()
    assert info.value.code == code and info.value.message.endswith(message) and info.value.detail == detail  # type: ignore[attr-defined]


def test_a_long_text_error_is_clipped_and_json_of_another_shape_is_unexpected() -> None:
    answers = iter([httpx.Response(400, text="x" * 5000), httpx.Response(400, json={"unexpected": True}), httpx.Response(400, json=[1])])
    transport = httpx.MockTransport(lambda request: next(answers))
    with Vaultera(
        api_key="key-0123456789", base_url="https://pci.example.test/api/v1", http_client=httpx.Client(transport=transport)
    ) as vaultera:
        with pytest.raises(BadRequestError) as info:
            vaultera.api_keys.list()
        assert len(info.value.message) < 400
        with pytest.raises(UnexpectedResponseError):
            vaultera.api_keys.list()
        with pytest.raises(UnexpectedResponseError):
            vaultera.api_keys.list()


# --- over 127.0.0.1 ---------------------------------------------------------------------------------


def test_every_operation_over_loopback(fake_vaultera: FakeVaultera) -> None:
    gateway = Gateway(payload=BOOKINGS)
    fake_vaultera.target = gateway
    with fake_vaultera.serve() as base_url, fake_vaultera.client(base_url=base_url) as vaultera:
        key = vaultera.api_keys.create("wire")
        assert vaultera.api_keys.get(key.id).masked == key.masked
        assert len(vaultera.api_keys.list()) == 1
        token = vaultera.session_tokens.create("card")
        assert vaultera.capture_form_url(token).startswith(base_url + "/capture_form?")
        card = vaultera.cards.store(card_number=CARD, expiration_month="12", expiration_year="2030")
        response = vaultera.cards.send(card.card_token, method="post", url="https://gw.test/?a=1&b=2", json={"n": "%CARD_NUMBER%"})
        assert response.status_code == 200 and json.loads(gateway.received[-1].content) == {"n": CARD}
        assert str(gateway.received[-1].url) == "https://gw.test/?a=1&b=2"
        assert len(vaultera.capture(method="get", url="https://ota.test/b", profile="channex").card_tokens) == 2
        vaultera.cards.delete(card.card_token)
        vaultera.api_keys.revoke(key.id)
        wire = fake_vaultera.requests[-1]
        assert wire.secret_query("api_key") == fake_vaultera.master_key and wire.query["api_key"] != fake_vaultera.master_key
        fake_vaultera.inject("reset_before", route="POST /cards")
        with pytest.raises(VaultConnectionError):
            vaultera.cards.store(card_number=CARD, expiration_month="12", expiration_year="2030")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_async_calls_run_concurrently_over_loopback(fake_vaultera: FakeVaultera) -> None:
    fake_vaultera.target = Gateway()
    with fake_vaultera.serve() as base_url:
        async with fake_vaultera.async_client(base_url=base_url) as vaultera:
            cards: list[Card] = []

            async def store(index: int) -> None:
                cards.append(await vaultera.cards.store(card_number=CARD, expiration_month=str(1 + index % 12), expiration_year="2030"))

            async with anyio.create_task_group() as group:
                for index in range(10):
                    group.start_soon(store, index)
            assert len({card.card_token for card in cards}) == 10
            result = await vaultera.capture(method="get", url="https://ota.test/", profile="channex")
            assert result.tokens == ()
            assert isinstance(vaultera.capture_form_url("token-123"), str)


# --- secrets ----------------------------------------------------------------------------------------


def test_no_secret_in_any_log_record_repr_or_error(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    gateway = Gateway(payload=BOOKINGS)
    fake = FakeVaultera(target=gateway, luhn_check=True)
    secrets: list[str] = [fake.master_key, CARD, CVV, "gateway-secret-value"]
    shown: list[str] = []
    with fake.serve() as base_url, fake.client(base_url=base_url) as vaultera:
        key = vaultera.api_keys.create("logged")
        secrets.append(key.api_key)
        shown += [repr(key), str(key), repr(vaultera.api_keys.list()), repr(vaultera.api_keys.get(key.id))]
        for scope in ("card", "show_card", "show_service_code"):
            token = vaultera.session_tokens.create(scope)
            secrets.append(token.session_token)
            shown.append(repr(token))
        card = vaultera.cards.store(
            card_number=CARD, expiration_month="12", expiration_year="2030", service_code=CVV, cardholder_name="JOHN DOE"
        )
        shown.append(repr(card))
        shown.append(
            repr(
                vaultera.cards.send(
                    card.card_token,
                    method="post",
                    url="https://gw.test/",
                    json={"n": "%CARD_NUMBER%"},
                    headers={"X-Key": "gateway-secret-value"},
                )
            )
        )
        shown.append(repr(vaultera.capture(method="get", url="https://ota.test/", profile="channex")))
        failures: list[BaseException] = []
        for call in (
            lambda: vaultera.cards.store(card_number="4111111111111112", expiration_month="1", expiration_year="2030", service_code=CVV),
            lambda: vaultera.cards.store(card_number="4111 1111 1111 111", expiration_month="1", expiration_year="2030"),
            lambda: vaultera.cards.delete("0" * 32),
            lambda: fake.client(base_url=base_url, api_key=key.api_key).api_keys.revoke(uuid.uuid4()),
        ):
            with pytest.raises(VaultError) as info:
                call()
            failures.append(info.value)
        vaultera.api_keys.revoke(key.id)
        with fake.client(base_url=base_url, api_key=key.api_key) as revoked, pytest.raises(AuthenticationError) as info:
            revoked.cards.store(card_number=CARD, expiration_month="12", expiration_year="2030", service_code=CVV)
        failures.append(info.value)
    shown += [text for error in failures for text in (str(error), repr(error), str(getattr(error, "detail", "")))]
    logged = [record.getMessage() for record in caplog.records]
    assert any("HTTP Request" in line for line in logged)  # httpx did log every request...
    for secret in secrets:
        for text in shown + logged:
            assert not contains(text, secret), f"a secret leaked into {text[:120]!r}"


def test_a_card_number_the_vault_forgot_to_mask_is_masked_in_the_record() -> None:
    def unmasked(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"type": "card", "attributes": {"card_token": "a" * 32, "card_number": CARD}}})

    transport = httpx.MockTransport(unmasked)
    with Vaultera(
        api_key="key-0123456789", base_url="https://pci.example.test/api/v1", http_client=httpx.Client(transport=transport)
    ) as vaultera:
        card = vaultera.cards.store(card_number=CARD, expiration_month="12", expiration_year="2030")
    assert card.card_number == "411111******1111" and CARD not in repr(card)
