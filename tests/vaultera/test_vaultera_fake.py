"""FakeVaultera's documented behaviours, driven by the generated client and by plain httpx (in-process and on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from polyvault.testing.vaultera import DEFAULT_PROFILES, TOKENS_HEADER, FakeVaultera
from polyvault_vaultera_client import Client
from polyvault_vaultera_client.api.api_keys import create_api_key, get_api_key, list_api_keys, revoke_api_key
from polyvault_vaultera_client.api.capture import capture
from polyvault_vaultera_client.api.cards import delete_card, send_card, store_card
from polyvault_vaultera_client.api.session_tokens import create_session_token
from polyvault_vaultera_client.models import (
    ApiKeyCreateParams,
    ApiKeyCreateRequest,
    ApiKeyEnvelope,
    ApiKeyList,
    CardEnvelope,
    CardInput,
    CardStoreRequest,
    Error,
    SessionTokenCreateParams,
    SessionTokenCreateRequest,
    SessionTokenEnvelope,
)

CARD = "4111111111111111"
JSON = {"Content-Type": "application/json"}
HEX32 = re.compile(r"^[0-9a-f]{32}$")
BOOKING_LIST = {
    "data": [
        {
            "id": "1",
            "attributes": {"guarantee": {"card_number": CARD, "cardholder_name": "JOHN DOE", "expiration_date": "12/2030", "cvv": "123"}},
        },
        {"id": "2", "attributes": {"guarantee": {}}},
        {"id": "3", "attributes": {"guarantee": {"card_number": "1234", "expiration_date": "01/2031"}}},
    ]
}


def _card(number: str = CARD) -> CardStoreRequest:
    return CardStoreRequest(
        card=CardInput(card_number=number, expiration_month="12", expiration_year="2030", card_type="visa", service_code="123")
    )


@contextmanager
def generated(fake: FakeVaultera, mode: str, api_key: str | None = None) -> Iterator[Client]:
    """The generated client pointed at the fake, in-process or over 127.0.0.1, signed with `api_key`."""
    params = {"api_key": api_key or fake.master_key}
    if mode == "in_process":
        yield Client(base_url=fake.in_process_url, httpx_args={"transport": fake.transport, "params": params})
        return
    with fake.serve() as base_url:
        client = Client(base_url=base_url, httpx_args={"params": params})
        with client:
            yield client


def raw(fake: FakeVaultera, api_key: str | None = None) -> httpx.Client:
    """Plain httpx to the fake, in-process, signed with the master key unless told otherwise."""
    params = {} if api_key == "" else {"api_key": api_key or fake.master_key}
    return httpx.Client(transport=fake.transport, base_url=fake.in_process_url, params=params)


class Target:
    """A third party that records requests and answers with a fixed response."""

    def __init__(self, response: httpx.Response | None = None) -> None:
        self.response = response or httpx.Response(200, json={"ok": True})
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.response


# --- every operation through the generated client ---------------------------------------------------


@pytest.mark.parametrize("mode", ["in_process", "loopback"])
def test_generated_client_drives_every_operation(fake_vaultera: FakeVaultera, mode: str) -> None:
    target = Target(httpx.Response(200, json=BOOKING_LIST))
    fake_vaultera.target = target
    fake_vaultera.luhn_check = True
    with generated(fake_vaultera, mode) as client:
        created = create_api_key.sync_detailed(client=client, body=ApiKeyCreateRequest(api_key=ApiKeyCreateParams(description="d")))
        assert created.status_code == 200 and isinstance(created.parsed, ApiKeyEnvelope)
        key = created.parsed.data
        assert HEX32.match(key.attributes.api_key) and key.attributes.status == "active"
        listed = list_api_keys.sync_detailed(client=client)
        assert isinstance(listed.parsed, ApiKeyList) and listed.parsed.data[0].attributes.api_key == "..." + key.attributes.api_key[-6:]
        got = get_api_key.sync_detailed(key.id, client=client)
        assert isinstance(got.parsed, ApiKeyEnvelope) and got.parsed.data.attributes.api_key.startswith("...")
        session = create_session_token.sync_detailed(
            client=client, body=SessionTokenCreateRequest(session_token=SessionTokenCreateParams(scope="show_card"))
        )
        assert session.status_code == 201 and isinstance(session.parsed, SessionTokenEnvelope)
        stored = store_card.sync_detailed(client=client, body=_card())
        assert isinstance(stored.parsed, CardEnvelope)
        token = stored.parsed.data.attributes.card_token
        sent = send_card.sync_detailed(token, client=client, method="post", url_query="https://gw.test/", body={"n": "%CARD_NUMBER%"})
        assert sent.status_code == 200 and json.loads(sent.parsed.payload.read()) == BOOKING_LIST
        captured = capture.sync_detailed(client=client, method="get", url_query="https://ota.test/b", profile="channex")
        assert captured.status_code == 200 and len(captured.headers[TOKENS_HEADER].split(",")) == 3
        assert delete_card.sync_detailed(token, client=client).status_code == 204
        missing = delete_card.sync_detailed(token, client=client)
        assert missing.status_code == 404 and isinstance(missing.parsed, Error) and missing.parsed.errors.code == "not_found"
        refused = store_card.sync_detailed(client=client, body=_card("4111111111111112"))
        assert refused.status_code == 422 and refused.parsed.errors.details == {"card_number": ["is invalid"]}
        assert revoke_api_key.sync_detailed(key.id, client=client).status_code == 204
        assert get_api_key.sync_detailed(uuid.uuid4(), client=client).status_code == 404
    with generated(fake_vaultera, mode, api_key=key.attributes.api_key) as revoked:
        answer = list_api_keys.sync_detailed(client=revoked)
        assert answer.status_code == 401 and isinstance(answer.parsed, Error)
        assert (answer.parsed.errors.code, answer.parsed.errors.title) == ("unauthorized", "API key has been revoked")
    assert fake_vaultera.violations == []


# --- API keys and authentication ---------------------------------------------------------------------


def test_full_key_only_once_and_revocation(fake_vaultera: FakeVaultera) -> None:
    with raw(fake_vaultera) as http:
        data = http.post("/api_keys", json={"api_key": {}}).json()["data"]
        full = data["attributes"]["api_key"]
        assert data["attributes"]["description"] is None and data["id"] == data["attributes"]["id"]
        assert http.get(f"/api_keys/{data['id']}").json()["data"]["attributes"]["api_key"] == "..." + full[-6:]
        assert full not in http.get("/api_keys").text
        with raw(fake_vaultera, api_key=full) as secondary:
            assert secondary.get("/api_keys").status_code == 200
            assert secondary.delete(f"/api_keys/{data['id']}").status_code == 204  # a key may revoke itself
            refused = secondary.get("/api_keys")
        assert refused.status_code == 401 and refused.json() == {"errors": {"code": "unauthorized", "title": "API key has been revoked"}}
        [listed] = http.get("/api_keys").json()["data"]
        assert listed["attributes"]["status"] == "revoked" and listed["attributes"]["revoked_at"]
        assert http.delete(f"/api_keys/{data['id']}").status_code == 204  # revoking again changes nothing
        assert http.delete(f"/api_keys/{uuid.uuid4()}").status_code == 404


@pytest.mark.parametrize(("api_key", "title"), [("", "API key is required"), ("wrong", "Invalid API key")])
def test_unauthenticated_requests(fake_vaultera: FakeVaultera, api_key: str, title: str) -> None:
    with raw(fake_vaultera, api_key=api_key) as http:
        answer = http.post("/cards", json={"card": {"card_number": CARD, "expiration_month": "12", "expiration_year": "2030"}})
    assert answer.status_code == 401 and answer.json()["errors"] == {"code": "unauthorized", "title": title}
    assert fake_vaultera.stored_cards() == {}


def test_master_key_is_not_listed(fake_vaultera: FakeVaultera) -> None:
    with raw(fake_vaultera) as http:
        assert http.get("/api_keys").json() == {"data": []}
    assert fake_vaultera.credentials() == {"api_key": fake_vaultera.master_key}
    assert fake_vaultera.env_vars("http://127.0.0.1:1/api/v1") == {
        "VAULTERA_BASE_URL": "http://127.0.0.1:1/api/v1",
        "VAULTERA_API_KEY": fake_vaultera.master_key,
    }
    assert FakeVaultera(api_key="fixed-key").master_key == "fixed-key"


@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("POST", "/session_tokens", {"session_token": {"scope": "everything"}}),
        ("POST", "/api_keys", {"api_key": {"description": "x", "admin": True}}),
        ("POST", "/cards", {"card": {"card_number": CARD, "expiration_month": "12", "expiration_year": "2030", "cvv": "737"}}),
        ("POST", "/cards/abc/send?method=post&url=http://plain.test/", None),
        ("POST", "/capture?method=trace&url=https://x.test/&profile=channex", None),
        ("GET", "/api_keys/not-a-uuid", None),
    ],
)
def test_requests_against_the_spec_are_refused(fake_vaultera: FakeVaultera, method: str, path: str, payload: Any) -> None:
    with raw(fake_vaultera) as http:
        answer = http.request(method, path, json=payload)
    assert answer.status_code == 422
    error = answer.json()["errors"]
    assert error["code"] == "validation_error" and error["details"]["request"]
    assert fake_vaultera.forwarded == []


def test_a_card_without_its_number_month_or_year_is_refused_by_the_fake_not_the_spec(fake_vaultera: FakeVaultera) -> None:
    """The docs mark no card field required (so neither does the spec), but a card cannot be stored without them."""
    with raw(fake_vaultera) as http:
        answer = http.post("/cards", json={"card": {"card_number": CARD, "expiration_month": "12"}})
        empty = http.post("/cards", json={"card": {}})
    assert answer.status_code == 422 and answer.json()["errors"]["details"] == {"expiration_year": ["is invalid"]}
    assert empty.status_code == 422 and set(empty.json()["errors"]["details"]) == {"card_number", "expiration_month", "expiration_year"}
    assert fake_vaultera.violations == []


def test_text_errors(fake_vaultera: FakeVaultera) -> None:
    fake = FakeVaultera(text_errors=True)
    with raw(fake, api_key="wrong") as http:
        answer = http.get("/api_keys")
    assert answer.status_code == 401 and answer.headers["content-type"].startswith("text/plain") and answer.text == "Invalid API key"
    assert fake.violations == []


def test_rate_limit(fake_vaultera: FakeVaultera) -> None:
    fake = FakeVaultera(rate_limit=2)
    with raw(fake) as http:
        assert [http.get("/api_keys").status_code for _ in range(3)] == [200, 200, 429]
        limited = http.get("/api_keys")
    assert limited.json()["errors"]["code"] == "rate_limited" and int(limited.headers["retry-after"]) >= 1


# --- session tokens and the iframe pages ----------------------------------------------------------------


def test_session_tokens_are_one_off_and_scoped(fake_vaultera: FakeVaultera) -> None:
    with raw(fake_vaultera) as http:
        tokens = {
            scope: http.post("/session_tokens", json={"session_token": {"scope": scope}}).json()["data"]["attributes"]["session_token"]
            for scope in ("card", "show_card", "show_service_code")
        }
    assert all(HEX32.match(token) for token in tokens.values())
    assert fake_vaultera.session_scopes() == ["card", "show_card", "show_service_code"]
    base = fake_vaultera.in_process_url
    with pytest.raises(PermissionError):  # wrong scope
        fake_vaultera.submit_capture_form(
            f"{base}/capture_form?session_token={tokens['show_card']}", card_number=CARD, expiration_month="1", expiration_year="2030"
        )
    form = f"{base}/capture_form?session_token={tokens['card']}"
    with pytest.raises(ValueError, match="refuses"):
        fake_vaultera.submit_capture_form(form, card_number="12", expiration_month="1", expiration_year="2030")
    assert fake_vaultera.session_scopes() == ["show_card", "show_service_code"]  # used up all the same
    fake_vaultera.session_scopes()
    with raw(fake_vaultera) as http:
        card = http.post(
            "/cards", json={"card": {"card_number": CARD, "expiration_month": "2", "expiration_year": "2030", "service_code": "321"}}
        )
    token = card.json()["data"]["attributes"]["card_token"]
    show = f"{base}/show_card?card_token={token}&session_token={tokens['show_card']}&service_code_token={tokens['show_service_code']}"
    assert fake_vaultera.show_card(show)["service_code"] == "321"
    assert fake_vaultera.stored_cards()[token]["service_code"] is None  # the CVV shows once, then it is deleted
    with pytest.raises(PermissionError):
        fake_vaultera.show_card(show)
    with pytest.raises(ValueError, match="capture_form"):
        fake_vaultera.submit_capture_form(show, card_number=CARD, expiration_month="1", expiration_year="2030")
    with pytest.raises(AssertionError, match="API key"):
        fake_vaultera.show_card(f"{base}/show_card?card_token={token}&session_token=x&api_key=leak")
    with pytest.raises(KeyError):
        fake_vaultera.show_card(f"{base}/show_card?card_token=nope&session_token=x")
    assert fake_vaultera.count() == 4  # the pages are simulated, not requests


# --- cards -----------------------------------------------------------------------------------------------


def test_cards_are_masked_and_tokens_are_hex(fake_vaultera: FakeVaultera) -> None:
    with raw(fake_vaultera) as http:
        answer = http.post("/cards", json=_card().to_dict())
        assert answer.status_code == 200
        data = answer.json()["data"]
        attributes = data["attributes"]
        assert HEX32.match(attributes["card_token"]) and data["id"] == attributes["card_token"]
        assert attributes["card_number"] == "411111******1111" and attributes["service_code"] == "***"
        assert CARD not in answer.text and "123" not in json.dumps({k: v for k, v in attributes.items() if k != "card_token"})
        refused = http.post("/cards", json={"card": {"card_number": "4111x", "expiration_month": "13", "expiration_year": "30"}})
        assert refused.status_code == 422
        assert refused.json()["errors"]["details"] == {
            "card_number": ["is invalid"],
            "expiration_month": ["is invalid"],
            "expiration_year": ["is invalid"],
        }
        assert http.delete(f"/cards/{attributes['card_token']}").status_code == 204
        assert http.delete(f"/cards/{attributes['card_token']}").status_code == 404
        assert http.post("/cards", json=_card("4111111111111112").to_dict()).status_code == 200  # Luhn is not checked...
    strict = FakeVaultera(luhn_check=True)
    with raw(strict) as http:  # ...unless asked
        assert http.post("/cards", json=_card("4111111111111112").to_dict()).status_code == 422


def test_concurrent_stores_are_safe(fake_vaultera: FakeVaultera) -> None:
    tokens: list[str] = []
    lock = threading.Lock()

    def store() -> None:
        with raw(fake_vaultera) as http:
            for _ in range(5):
                token = http.post("/cards", json=_card().to_dict()).json()["data"]["attributes"]["card_token"]
                with lock:
                    tokens.append(token)

    threads = [threading.Thread(target=store) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(set(tokens)) == 40 and set(tokens) == set(fake_vaultera.stored_cards())


# --- send ------------------------------------------------------------------------------------------------


def _stored(fake: FakeVaultera, **card: str) -> str:
    with raw(fake) as http:
        body = {"card": {"card_number": CARD, "expiration_month": "3", "expiration_year": "2031", **card}}
        token: str = http.post("/cards", json=body).json()["data"]["attributes"]["card_token"]
    return token


@pytest.mark.parametrize("kind", ["handler", "transport"])
def test_send_replaces_drop_ins_and_passes_the_answer_through(fake_vaultera: FakeVaultera, kind: str) -> None:
    target = Target(httpx.Response(418, content=b"<teapot/>", headers={"Content-Type": "text/xml", "X-Trace": "t1"}))
    fake_vaultera.target = target if kind == "handler" else httpx.MockTransport(target)
    token = _stored(fake_vaultera, cardholder_name='ANNE \\ O\'NEIL "A"', card_type="visa", service_code="0123")
    body = {"all": "%CARD_NUMBER%|%CARDHOLDER_NAME%|%SERVICE_CODE%|%EXPIRATION_MM%|%EXPIRATION_YYYY%|%EXPIRATION_YY%|%CARD_TYPE%"}
    with raw(fake_vaultera) as http:
        answer = http.post(
            f"/cards/{token}/send",
            params={"method": "patch", "url": "https://gw.test/pay?x=1"},
            json=body,
            headers={"Authorization": "Bearer gw-secret", "Connection": "keep-alive"},
        )
    assert (answer.status_code, answer.content, answer.headers["content-type"], answer.headers["x-trace"]) == (
        418,
        b"<teapot/>",
        "text/xml",
        "t1",
    )
    [request] = target.requests
    assert request.method == "PATCH" and str(request.url) == "https://gw.test/pay?x=1"
    assert json.loads(request.content) == {"all": f'{CARD}|ANNE \\ O\'NEIL "A"|0123|03|2031|31|visa'}
    assert request.headers["authorization"] == "Bearer gw-secret" and "connection" not in request.headers
    assert "api_key" not in str(request.url)
    [forwarded] = fake_vaultera.forwarded
    assert forwarded.status_code == 418 and forwarded.headers["authorization"] != "Bearer gw-secret"
    assert forwarded.secret_header("authorization") == "Bearer gw-secret"
    assert forwarded.body() == json.loads(request.content) and CARD not in repr(forwarded)


def test_send_with_a_form_body_and_without_a_body(fake_vaultera: FakeVaultera) -> None:
    target = Target()
    fake_vaultera.target = target
    token = _stored(fake_vaultera, cardholder_name="A&B")
    with raw(fake_vaultera) as http:
        form = http.post(
            f"/cards/{token}/send",
            params={"method": "post", "url": "https://gw.test/"},
            content=b"pan=%CARD_NUMBER%&name=%CARDHOLDER_NAME%",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        empty = http.post(f"/cards/{token}/send", params={"method": "delete", "url": "https://gw.test/x"})
    assert form.status_code == 200 and target.requests[0].content == f"pan={CARD}&name=A&B".encode()
    assert empty.status_code == 200 and target.requests[1].method == "DELETE" and target.requests[1].content == b""
    assert fake_vaultera.violations == []


def test_send_failures(fake_vaultera: FakeVaultera) -> None:
    token = _stored(fake_vaultera)
    with raw(fake_vaultera) as http:
        unknown = http.post(f"/cards/{'0' * 32}/send", params={"method": "post", "url": "https://gw.test/"}, json={})
        assert unknown.status_code == 404 and unknown.json()["errors"]["code"] == "not_found"
        assert http.post(f"/cards/{token}/send", params={"method": "post", "url": "https://gw.test/"}, json={}).json() == {"data": []}
        fake_vaultera.target = None
        untargeted = http.post(f"/cards/{token}/send", params={"method": "post", "url": "https://gw.test/"}, json={})
        assert untargeted.status_code == 502 and untargeted.json()["errors"]["code"] == "bad_gateway"

        def unreachable(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("refused", request=request)

        fake_vaultera.target = unreachable
        assert http.post(f"/cards/{token}/send", params={"method": "post", "url": "https://gw.test/"}, json={}).status_code == 502
        bad_host = http.post(f"/cards/{token}/send", params={"method": "post", "url": "https://\x1f"}, json={})
        assert bad_host.status_code == 502
        undecodable = http.post(f"/cards/{token}/send", params={"method": "post", "url": "https://gw.test/"}, content=b"\xff", headers=JSON)
        assert undecodable.status_code == 422 and undecodable.json()["errors"]["code"] == "validation_error"
        undecodable = http.post("/api_keys", content=b"\xff", headers=JSON)
        assert undecodable.status_code == 422
    assert [item.status_code for item in fake_vaultera.forwarded] == [200, None, None]  # the default stub answered first
    with pytest.raises(TypeError):
        fake_vaultera.target = "https://gw.test"  # type: ignore[assignment]


# --- capture ---------------------------------------------------------------------------------------------


def _capture(fake: FakeVaultera, profile: str, payload: Any, *, status: int = 200, **options: Any) -> httpx.Response:
    fake.target = Target(
        httpx.Response(status, json=payload) if not isinstance(payload, bytes) else httpx.Response(status, content=payload)
    )
    with raw(fake) as http:
        return http.post("/capture", params={"method": "get", "url": "https://ota.test/bookings", "profile": profile}, **options)


def test_capture_with_header_placement(fake_vaultera: FakeVaultera) -> None:
    answer = _capture(fake_vaultera, "channex", BOOKING_LIST, json={"page": 1}, headers={"user-api-key": "ota-key"})
    first, none, invalid = answer.headers[TOKENS_HEADER].split(",")
    assert HEX32.match(first) and none == "" and invalid == ""  # no card, and a card that cannot be stored
    assert fake_vaultera.stored_cards()[first] == {
        "card_number": CARD,
        "cardholder_name": "JOHN DOE",
        "card_type": None,
        "expiration_month": "12",
        "expiration_year": "2030",
        "service_code": "123",
    }
    guarantee = answer.json()["data"][0]["attributes"]["guarantee"]
    assert guarantee == {"card_number": "411111******1111", "cardholder_name": "JOHN DOE", "expiration_date": "12/2030", "cvv": "***"}
    assert "token" not in guarantee
    request = fake_vaultera.target.requests[0]  # type: ignore[union-attr]
    assert json.loads(request.content) == {"page": 1} and request.headers["user-api-key"] == "ota-key"


def test_capture_with_card_node_placement_and_errors(fake_vaultera: FakeVaultera) -> None:
    answer = _capture(fake_vaultera, "sample", BOOKING_LIST)
    assert TOKENS_HEADER not in answer.headers
    bookings = [item["attributes"]["guarantee"] for item in answer.json()["data"]]
    assert HEX32.match(bookings[0]["token"]) and bookings[0]["card_number"] == "411111******1111"
    assert bookings[1] == {}
    assert bookings[2]["error"].startswith("invalid card") and "token" not in bookings[2]
    assert list(fake_vaultera.stored_cards()) == [bookings[0]["token"]]


def test_capture_with_a_custom_profile(fake_vaultera: FakeVaultera) -> None:
    profile = {
        "type": "json",
        "schema": {"message_node": {"selector": "$"}, "card_node": {"selector": "payment.card"}},
        "card_token_placement": {"type": "headers"},
        "card_node": {
            "card_number": {"selector": "pan"},
            "expiration_month": {"selector": "expiry", "transformation": "substring:0,2"},
            "expiration_year": {"selector": "expiry", "transformation": "substring:2,4"},
            "card_type": {"selector": "brand"},
        },
    }
    fake = FakeVaultera(profiles={"single": profile})
    assert set(fake.profiles) == {*DEFAULT_PROFILES, "single"}
    answer = _capture(fake, "single", {"booking": 7, "payment": {"card": {"pan": CARD, "expiry": "062029", "brand": "visa"}}})
    token = answer.headers[TOKENS_HEADER]
    assert fake.stored_cards()[token]["expiration_month"] == "06" and fake.stored_cards()[token]["expiration_year"] == "2029"
    assert answer.json()["payment"]["card"]["pan"] == "411111******1111"
    with pytest.raises(ValueError, match="card_token_placement"):
        FakeVaultera(profiles={"bad": {**profile, "card_token_placement": {"type": "body"}}})
    with pytest.raises(ValueError, match="JSON"):
        FakeVaultera(profiles={"xml": {**profile, "type": "xml"}})


def test_capture_passes_other_answers_through(fake_vaultera: FakeVaultera) -> None:
    assert _capture(fake_vaultera, "channex", {"error": "nope"}, status=500).json() == {"error": "nope"}
    not_json = _capture(fake_vaultera, "channex", b"<bookings/>")
    assert not_json.content == b"<bookings/>" and TOKENS_HEADER not in not_json.headers
    assert not_json.headers["content-type"] == "application/octet-stream"  # the third party gave no type
    unknown = _capture(fake_vaultera, "missing", BOOKING_LIST)
    assert unknown.status_code == 404 and unknown.json()["errors"] == {"code": "not_found", "title": "Tokenisation profile not found"}
    empty = _capture(fake_vaultera, "channex", {"data": []})
    assert TOKENS_HEADER not in empty.headers
    assert fake_vaultera.stored_cards() == {}


# --- faults and the server -------------------------------------------------------------------------------


def test_unknown_enum_fault_and_reset_over_loopback(fake_vaultera: FakeVaultera) -> None:
    with raw(fake_vaultera) as http:
        http.post("/api_keys", json={"api_key": {"description": "x"}})
        fake_vaultera.inject("unknown_enum", route="GET /api_keys")
        assert http.get("/api_keys").json()["data"][0]["attributes"]["status"] == "suspended"
    fake_vaultera.inject("reset_before", route="GET /api_keys")
    with fake_vaultera.serve() as base_url, httpx.Client(base_url=base_url, params={"api_key": fake_vaultera.master_key}) as http:
        with pytest.raises(httpx.TransportError):
            http.get("/api_keys")
        assert http.get("/api_keys").status_code == 200


@pytest.mark.slow
def test_serve_from_the_command_line() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("VAULTERA_")}
    with subprocess.Popen(
        [sys.executable, "-m", "polyvault.testing", "serve", "vaultera", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as server:
        try:
            assert server.stdout is not None
            line = json.loads(server.stdout.readline())
            assert line["base_url"].endswith("/api/v1") and set(line["env"]) == {"VAULTERA_BASE_URL", "VAULTERA_API_KEY"}
            with httpx.Client(params={"api_key": line["env"]["VAULTERA_API_KEY"]}, timeout=5) as http:
                assert http.get(line["base_url"] + "/api_keys").json() == {"data": []}
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)
    assert server.returncode == 0
