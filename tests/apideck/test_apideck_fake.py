"""FakeApideck on the wire (raw httpx, in-process and over 127.0.0.1): auth, headers, states, paging, filters, errors."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from polyvault import VaultConnectionError
from polyvault.testing import FakeApideck, ManualClock
from polyvault.testing.apideck import CATALOG

CONSUMER_ROUTES = {route for route in FakeApideck.routes() if route.split(" ", 1)[1].startswith("/vault/consumers")}


@contextmanager
def raw(fake: FakeApideck, *, consumer: str | None = "default", base_url: str | None = None, **headers: str) -> Iterator[httpx.Client]:
    """A plain httpx client for the fake, with Apideck's credential headers (override or drop any)."""
    sent = {"Authorization": f"Bearer {fake.api_key}", "x-apideck-app-id": fake.app_id}
    if consumer is not None:
        sent["x-apideck-consumer-id"] = fake.consumer_id if consumer == "default" else consumer
    sent.update(headers)
    transport = None if base_url else fake.transport
    with httpx.Client(transport=transport, base_url=base_url or fake.in_process_url, headers=sent) as client:
        yield client


def _path(route: str) -> tuple[str, str]:
    method, template = route.split(" ", 1)
    values = {"unified_api": "crm", "service_id": "pipedrive", "resource": "leads", "consumer_id": "test-consumer"}
    return method, template.format(**values)


def _state(client: httpx.Client, api: str, service: str) -> tuple[str, str]:
    data = client.get(f"/vault/connections/{api}/{service}").json()["data"]
    return data["state"], data["health"]


# --- headers and authentication -------------------------------------------------------------------


def test_every_answer_carries_a_request_id(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("503", route="GET /vault/logs")
    with raw(fake_apideck) as client:
        responses = [
            client.get("/vault/consumers"),
            client.post("/vault/connections/crm/pipedrive", json={"settings": {"api_key": "k"}}),
            client.delete("/vault/connections/crm/pipedrive"),
            client.get("/vault/consumers/nobody"),
            client.get("/vault/logs"),
            client.get("/vault/no-such-route"),
        ]
    assert [response.status_code for response in responses] == [200, 200, 204, 404, 503, 404]
    ids = [response.headers["Request-Id"] for response in responses]
    assert ids == [response.headers["x-apideck-request-id"] for response in responses]
    assert len(set(ids)) == len(ids)
    assert responses[3].json() == {
        "status_code": 404,
        "error": "Not Found",
        "type_name": "EntityNotFoundError",
        "message": "Unknown Consumer",
        "detail": {"not_found": {"entity": "consumer", "id": "nobody"}},
        "ref": "https://developers.apideck.com/errors#entitynotfounderror",
    }


@pytest.mark.parametrize(
    ("headers", "status", "type_name", "detail"),
    [
        ({"Authorization": ""}, 401, "UnauthorizedError", "Missing authentication"),
        ({"Authorization": "Bearer wrong"}, 401, "UnauthorizedError", "Invalid API key"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "UnauthorizedError", "Invalid API key"),
        ({"x-apideck-app-id": ""}, 400, "RequestHeadersValidationError", "Missing Header: x-apideck-app-id"),
        ({"x-apideck-app-id": "another-app"}, 401, "UnauthorizedError", "The API key does not belong to this application"),
    ],
)
def test_credentials_are_checked_first(
    fake_apideck: FakeApideck, headers: dict[str, str], status: int, type_name: str, detail: str
) -> None:
    with raw(fake_apideck, **headers) as client:
        response = client.get("/vault/consumers")
    assert response.status_code == status
    assert (response.json()["type_name"], response.json()["detail"]) == (type_name, detail)


@pytest.mark.parametrize("route", sorted(set(FakeApideck.routes()) - CONSUMER_ROUTES - {"GET /vault/connections"}))
def test_consumer_calls_without_the_consumer_header_get_the_documented_400(fake_apideck: FakeApideck, route: str) -> None:
    method, path = _path(route)
    with raw(fake_apideck, consumer=None) as client:
        response = client.request(method, path, json={} if method in ("POST", "PATCH") else None)
    assert response.status_code == 400
    assert response.json() == {
        "status_code": 400,
        "error": "Bad Request",
        "type_name": "RequestHeadersValidationError",
        "message": "Invalid Params",
        "detail": "Missing Header: x-apideck-consumer-id",
        "ref": "https://developers.apideck.com/errors#requestheadersvalidationerror",
    }


@pytest.mark.parametrize("route", sorted(CONSUMER_ROUTES | {"GET /vault/connections"}))
def test_consumer_routes_and_the_connection_list_need_no_consumer_header(fake_apideck: FakeApideck, route: str) -> None:
    method, path = _path(route)
    body = {"consumer_id": "new-one"} if method == "POST" else {"metadata": {"email": "a@b.example"}} if method == "PATCH" else None
    params = {"start_datetime": "2024-01-01T00:00:00Z", "end_datetime": "2030-01-01T00:00:00Z"} if path.endswith("/stats") else None
    with raw(fake_apideck, consumer=None) as client:
        response = client.request(method, path, json=body, params=params)
    assert response.status_code == 200, response.text


def test_request_limit_answers_402(fake_apideck: FakeApideck) -> None:
    fake_apideck.request_limit = 2
    with raw(fake_apideck) as client:
        statuses = [client.get("/vault/consumers").status_code for _ in range(3)]
        refused = client.get("/vault/consumers").json()
    assert statuses == [200, 200, 402]
    assert (refused["type_name"], refused["message"], refused["detail"]) == (
        "RequestLimitError",
        "Request Limit Reached",
        "You have reached your limit of 2",
    )


def test_a_request_our_spec_rejects_gets_a_request_validation_error(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck) as client:
        response = client.post("/vault/consumers", json={"consumer_id": "x", "colour": "red"})
    assert response.status_code == 400 and response.json()["type_name"] == "RequestValidationError"
    assert fake_apideck.consumer_ids() == ["test-consumer"]


# --- consumers -----------------------------------------------------------------------------------


def test_consumer_crud_and_request_counts(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck) as client:
        created = client.post("/vault/consumers", json={"consumer_id": "account:1", "metadata": {"account_name": "Acme"}})
        assert created.status_code == 200 and created.json()["data"]["connections"] == []
        again = client.post("/vault/consumers", json={"consumer_id": "account:1", "metadata": {"user_name": "Jane"}}).json()["data"]
        assert again["metadata"] == {"account_name": "Acme", "user_name": "Jane"}  # upserted, not refused
        updated = client.patch("/vault/consumers/account:1", json={"metadata": {"email": "ops@acme.example"}}).json()["data"]
        assert updated["metadata"] == {"account_name": "Acme", "user_name": "Jane", "email": "ops@acme.example"}
        fake_apideck.add_logs(4, consumer_id="account:1", unified_api="crm")
        fake_apideck.add_logs(2, consumer_id="account:1", unified_api="vault")
        fake_apideck.add_logs(1, consumer_id="account:1", unified_api="proxy")
        fake_apideck.add_logs(3, consumer_id="account:1", unified_api="crm", timestamp="2020-01-01T00:00:00.000Z")
        stats = client.get(
            "/vault/consumers/account:1/stats", params={"start_datetime": "2021-01-01T00:00:00Z", "end_datetime": "2099-01-01T00:00:00Z"}
        ).json()["data"]
        assert (stats["aggregated_request_count"], stats["request_counts"]) == (7, {"unify": 4, "proxy": 1, "vault": 2})
        reversed_range = client.get(
            "/vault/consumers/account:1/stats", params={"start_datetime": "2099-01-01T00:00:00Z", "end_datetime": "2021-01-01T00:00:00Z"}
        )
        assert reversed_range.status_code == 400
        one = client.get("/vault/consumers/account:1").json()["data"]
        assert one["aggregated_request_count"] == 10
        assert client.delete("/vault/consumers/account:1").json()["data"] == {"consumer_id": "account:1"}
        assert client.get("/vault/consumers/account:1").status_code == 404
        assert client.delete("/vault/consumers/account:1").status_code == 404
        assert client.get("/vault/consumers/account:1/stats", params={"start_datetime": "x", "end_datetime": "y"}).status_code == 404


def test_consumers_are_upserted_by_sessions_add_and_import(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck, consumer="by-session") as client:
        client.post("/vault/sessions", json={"consumer_metadata": {"user_name": "Jane"}})
    with raw(fake_apideck, consumer="by-add") as client:
        client.post("/vault/connections/crm/pipedrive", json={})
    with raw(fake_apideck, consumer="by-import") as client:
        client.post("/vault/connections/crm/salesforce/import", json={"credentials": {"access_token": "at"}})
    with raw(fake_apideck, consumer="by-nothing") as client:
        assert client.get("/vault/connections/crm/pipedrive").status_code == 404
        client.get("/vault/connections")
    assert fake_apideck.consumer_ids() == ["test-consumer", "by-session", "by-add", "by-import"]
    with raw(fake_apideck) as client:
        assert client.get("/vault/consumers/by-session").json()["data"]["metadata"] == {"user_name": "Jane"}
        embedded = client.get("/vault/consumers/by-add").json()["data"]["connections"][0]
    assert (embedded["id"], embedded["state"], embedded["health"]) == ("crm+pipedrive", "added", "missing_settings")
    assert embedded["created_at"].endswith("Z")  # ISO strings inside a consumer, Unix ms on a connection


# --- connections through their states ------------------------------------------------------------


def test_catalog_offers_several_connectors_per_unified_api(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck, consumer=None) as client:
        listed = client.get("/vault/connections").json()["data"]
        crm = client.get("/vault/connections", params={"api": "crm"}).json()["data"]
        unconfigured = client.get("/vault/connections", params={"configured": "false"}).json()["data"]
    assert len(listed) == len(CATALOG) and {item["state"] for item in listed} == {"available"}
    per_api: dict[str, int] = {}
    for item in listed:
        per_api[item["unified_api"]] = per_api.get(item["unified_api"], 0) + 1
    assert per_api == {"crm": 3, "accounting": 3, "hris": 2, "file-storage": 2}
    assert [item["service_id"] for item in crm] == ["salesforce", "pipedrive", "hubspot"]
    assert [item["service_id"] for item in unconfigured] == ["hubspot"]
    salesforce = listed[0]
    assert salesforce["authorize_url"].startswith(f"{fake_apideck.in_process_url}/vault/authorize/salesforce/{fake_apideck.app_id}?state=")
    assert salesforce["revoke_url"] is None


def test_oauth_connection_from_available_to_callable_and_invalid() -> None:
    clock = ManualClock()
    fake = FakeApideck(clock=clock)
    with raw(fake) as client:
        assert client.get("/vault/connections/crm/salesforce").status_code == 404
        assert client.post("/vault/connections/crm/salesforce", json={"metadata": {"team": "sales"}}).json()["data"]["state"] == "added"
        assert _state(client, "crm", "salesforce") == ("added", "needs_auth")
        token = fake.authorize("crm", "salesforce", nonce="browser-nonce")
        assert token is not None and _state(client, "crm", "salesforce") == ("authorized", "pending_confirmation")
        wrong = client.post("/vault/connections/crm/salesforce/confirm", json={"confirm_token": "not-it"})
        assert wrong.status_code == 400 and wrong.json()["detail"] == "Invalid or expired confirm token"
        assert client.post("/vault/connections/crm/salesforce/confirm", json={"confirm_token": token}).json()["data"] == {"confirmed": True}
        assert _state(client, "crm", "salesforce") == ("callable", "ok")
        again = client.post("/vault/connections/crm/salesforce/confirm", json={"confirm_token": token})
        assert again.status_code == 422 and again.json()["type_name"] == "InvalidStateError"
        first_tokens = fake.stored_credentials(fake.consumer_id, "crm", "salesforce")
        assert client.post("/vault/connections/crm/salesforce/validate", json={}).json()["data"] == {
            "id": "crm+salesforce",
            "state": "callable",
        }
        assert fake.stored_credentials(fake.consumer_id, "crm", "salesforce") != first_tokens  # a forced refresh
        fake.fail_refresh("crm", "salesforce")
        clock.advance(60)
        assert client.post("/vault/connections/crm/salesforce/validate").json()["data"]["state"] == "invalid"
        data = client.get("/vault/connections/crm/salesforce").json()["data"]
        assert (data["state"], data["health"], data["last_refresh_failed_at"]) == ("invalid", "needs_auth", int(clock() * 1000))
        fake.authorize("crm", "salesforce")
        assert _state(client, "crm", "salesforce") == ("callable", "ok")
        assert client.get("/vault/connections/crm/salesforce").json()["data"]["revoke_url"] is not None
        assert client.delete("/vault/connections/crm/salesforce").status_code == 204
        assert client.get("/vault/connections/crm/salesforce").status_code == 404
        assert client.get("/vault/connections").json()["data"][0]["state"] == "available"
    assert not fake.violations


def test_confirm_tokens_expire_after_thirty_minutes() -> None:
    clock = ManualClock()
    fake = FakeApideck(clock=clock)
    token = fake.authorize("accounting", "xero", nonce="n")
    clock.advance(30 * 60 + 1)
    with raw(fake) as client:
        response = client.post("/vault/connections/accounting/xero/confirm", json={"confirm_token": token})
    assert response.status_code == 400 and _state_of(fake, "accounting", "xero") == ("authorized", "pending_confirmation")


def _state_of(fake: FakeApideck, api: str, service: str) -> tuple[str, str]:
    data = fake.connection(fake.consumer_id, api, service)
    assert data is not None
    return data["state"], data["health"]


def test_settings_decide_between_added_authorized_and_callable(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck) as client:
        client.post("/vault/connections/hris/workday", json={"settings": {"client_id": "cid"}})
        assert _state(client, "hris", "workday") == ("added", "missing_settings")
        missing = client.post("/vault/connections/hris/workday/token")
        assert missing.status_code == 422 and missing.json()["detail"] == "Missing settings: client_secret"
        fake_apideck.authorize("hris", "workday")
        assert _state(client, "hris", "workday") == ("authorized", "missing_settings")
        client.patch("/vault/connections/hris/workday", json={"settings": {"client_secret": "cs"}})
        assert _state(client, "hris", "workday") == ("callable", "ok")
        assert client.post("/vault/connections/hris/workday/token", json={}).json()["data"]["state"] == "callable"
        client.post("/vault/connections/hris/bamboohr", json={"settings": {"api_key": "k"}})
        assert _state(client, "hris", "bamboohr") == ("added", "missing_settings")
        assert client.post("/vault/connections/hris/bamboohr/validate").json()["data"]["state"] == "added"
        client.patch("/vault/connections/hris/bamboohr", json={"settings": {"subdomain": "acme"}, "enabled": False})
        data = client.get("/vault/connections/hris/bamboohr").json()["data"]
        assert (data["state"], data["health"], data["enabled"], data["settings"]) == (
            "callable",
            "ok",
            False,
            {"api_key": "k", "subdomain": "acme"},
        )
        assert client.post("/vault/connections/hris/bamboohr", json={}).json()["type_name"] == "InvalidStateError"
        assert client.post("/vault/connections/hris/bamboohr/token").json()["type_name"] == "InvalidStateError"
        assert client.post("/vault/connections/hris/nosuch", json={}).json()["message"] == "Unknown Connector"


def test_consents_are_an_append_only_trail(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck) as client:
        client.post("/vault/connections/crm/pipedrive", json={"settings": {"api_key": "k"}})
        denied = client.patch("/vault/connections/crm/pipedrive/consent", json={"granted": False, "resources": "*"}).json()["data"]
        assert _state(client, "crm", "pipedrive") == ("callable", "needs_consent")
        fields = {"crm.leads": {"name": {"read": True, "write": False}}}
        granted = client.patch("/vault/connections/crm/pipedrive/consent", json={"granted": True, "resources": fields}).json()["data"]
        client.patch("/vault/connections/crm/pipedrive/consent", json={"granted": False, "resources": "*"})
        trail = client.get("/vault/connections/crm/pipedrive/consent").json()["data"]
        data = client.get("/vault/connections/crm/pipedrive").json()["data"]
    assert [record["granted"] for record in trail] == [False, True, False]
    assert trail[:2] == [denied, granted] and granted["resources"] == fields
    assert (data["consent_state"], data["latest_consent"]) == ("revoked", trail[-1])


def test_import_migrate_and_callback_state(fake_apideck: FakeApideck) -> None:
    clock_now = fake_apideck.clock()
    with raw(fake_apideck) as client:
        imported = client.post(
            "/vault/connections/accounting/quickbooks/import", json={"credentials": {"access_token": "at", "refresh_token": "rt"}}
        )
        assert imported.json()["data"]["state"] == "callable"
        queued = fake_apideck.stored_credentials(fake_apideck.consumer_id, "accounting", "quickbooks")
        assert queued is not None and queued["expires_at"] == pytest.approx(clock_now, abs=5)  # no expiry given: due for refresh
        assert client.post("/vault/connections/accounting/quickbooks/migrate", json={"target_service_id": "xero"}).status_code == 400
        client.post("/vault/connections/accounting/intuit-enterprise-suite", json={})
        conflict = client.post("/vault/connections/accounting/quickbooks/migrate", json={"target_service_id": "intuit-enterprise-suite"})
        assert conflict.status_code == 409 and conflict.json()["type_name"] == "ConflictError"
        client.delete("/vault/connections/accounting/intuit-enterprise-suite")
        moved = client.post("/vault/connections/accounting/quickbooks/migrate", json={"target_service_id": "intuit-enterprise-suite"})
        assert moved.json()["data"]["id"] == "accounting+intuit-enterprise-suite"
        assert client.get("/vault/connections/accounting/quickbooks").status_code == 404
        assert fake_apideck.stored_credentials(fake_apideck.consumer_id, "accounting", "intuit-enterprise-suite") == queued
        state = client.post("/vault/connections/crm/hubspot/callback-state", json={"redirect_uri": "https://a.example"}).json()["data"][
            "state"
        ]
        assert len(state) == 36
        assert client.post("/vault/connections/crm/nope/callback-state", json={}).status_code == 404


def test_resource_settings_custom_fields_and_mappings(fake_apideck: FakeApideck) -> None:
    with raw(fake_apideck) as client:
        client.post("/vault/connections/crm/salesforce", json={})
        config = client.get("/vault/connections/crm/salesforce/leads/config").json()["data"]
        assert [item["id"] for item in config["form_fields"]] == ["ProductInterest", "lead_score"] and config["configuration"] == []
        body = {
            "configuration": [
                {"resource": "leads", "defaults": [{"id": "ProductInterest", "value": "GC5000 series"}, {"id": "lead_score", "value": 10}]}
            ]
        }
        updated = client.patch("/vault/connections/crm/salesforce/leads/config", json=body).json()["data"]
        assert updated["configuration"][0]["defaults"] == [
            {"target": "custom_fields", "id": "ProductInterest", "value": "GC5000 series"},
            {"target": "resource", "id": "lead_score", "value": 10},
        ]
        no_value = {"configuration": [{"resource": "leads", "defaults": [{"id": "lead_score", "options": []}, {"value": 3}]}]}
        kept = client.patch("/vault/connections/crm/salesforce/leads/config", json=no_value).json()["data"]["configuration"][0]["defaults"]
        assert kept[1] == {"target": "resource", "id": "lead_score"}  # no value sent: none shown (the spec's value is not nullable)
        wrong_resource = client.patch("/vault/connections/crm/salesforce/contacts/config", json=body)
        assert wrong_resource.status_code == 400
        assert client.get("/vault/connections/crm/salesforce/deals/config").status_code == 404
        fields = client.get("/vault/connections/crm/salesforce/leads/custom-fields", params={"resource_id": "00Q7"}).json()["data"]
        assert [(item["id"], item["value"]) for item in fields] == [("lead_score__c", 87), ("region__c", "EMEA-00Q7")]
        client.patch("/vault/connections/crm/salesforce", json={"custom_mappings": [{"value": "$.root.score"}]})
        mappings = client.get("/vault/connections/crm/salesforce/leads/custom-mappings").json()["data"]
        assert [(item["id"], item["value"], item["consumer_id"]) for item in mappings] == [
            ("crm+leads+lead_score", "$.root.score", "test-consumer")
        ]
        service = client.get("/vault/custom-mappings/hris/workday").json()["data"]
        assert [(item["key"], item.get("value"), item["consumer_id"]) for item in service] == [
            ("first_aid_training", "$.root.training.first_aid", None),
            ("badge_number", None, None),
        ]
        assert client.get("/vault/custom-mappings/hris/nope").status_code == 404


def test_sessions_are_signed_short_lived_and_bounded() -> None:
    clock = ManualClock()
    fake = FakeApideck(clock=clock)
    with raw(fake) as client:
        default = client.post("/vault/sessions").json()["data"]
        short = client.post("/vault/sessions", json={"settings": {"session_length": "30m"}, "redirect_uri": "https://a.example"}).json()[
            "data"
        ]
        too_long = client.post("/vault/sessions", json={"settings": {"session_length": "8d"}})
        nonsense = client.post("/vault/sessions", json={"settings": {"session_length": "forever"}})
    assert default["session_uri"] == f"https://vault.apideck.com/session/{default['session_token']}"
    _header, payload, signature = default["session_token"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["consumer_id"] == "test-consumer" and claims["exp"] - claims["iat"] == 3600 and signature
    stored = fake.session(short["session_token"])
    assert stored is not None and stored["expires_at"] == clock() + 1800 and stored["redirect_uri"] == "https://a.example"
    assert too_long.status_code == nonsense.status_code == 400
    assert too_long.json()["detail"] == "session_length must be more than 0 and at most 1 week"


# --- paging and log filters ------------------------------------------------------------------------


def test_pages_cursors_and_links(fake_apideck: FakeApideck) -> None:
    added = fake_apideck.add_logs(45)
    newest_first = [entry["id"] for entry in reversed(added)]
    with raw(fake_apideck) as client:
        first = client.get("/vault/logs").json()
        assert len(first["data"]) == 20 and first["meta"]["items_on_page"] == 20  # server default
        assert first["meta"]["cursors"]["previous"] is None and first["links"]["previous"] is None
        second = client.get("/vault/logs", params={"cursor": first["meta"]["cursors"]["next"]}).json()
        third = client.get("/vault/logs", params={"cursor": second["meta"]["cursors"]["next"]}).json()
        assert [entry["id"] for entry in first["data"] + second["data"] + third["data"]] == newest_first
        assert third["meta"]["cursors"]["next"] is None and third["links"]["next"] is None
        back = client.get("/vault/logs", params={"cursor": third["meta"]["cursors"]["previous"]}).json()
        assert back["data"] == second["data"]
        assert client.get(first["links"]["next"].replace(fake_apideck.in_process_url, "")).json()["data"] == second["data"]
        for bad in ({"limit": 0}, {"limit": 201}, {"cursor": "garbage!"}, {"cursor": base64.urlsafe_b64encode(b"consumers:3").decode()}):
            refused = client.get("/vault/logs", params=bad)
            assert refused.status_code == 400 and refused.json()["type_name"] == "RequestValidationError", bad
        assert len(client.get("/vault/logs", params={"limit": 200}).json()["data"]) == 45


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"filter[path]": "contacts"}, {"c1", "c2", "c3"}),
        ({"filter[path]": "/crm", "filter[path_match_mode]": "STARTS_WITH"}, {"c1", "c2", "c3", "d1"}),
        ({"filter[path]": "/42", "filter[path_match_mode]": "ENDS_WITH"}, {"c1"}),
        ({"filter[path]": "/crm/contacts", "filter[path_match_mode]": "EXACT"}, {"c2", "c3"}),
        ({"filter[http_method]": "post"}, {"c2", "v1"}),
        ({"filter[http_methods]": ["DELETE", "GET"]}, {"c1", "c3", "d1"}),
        ({"filter[status_code]": 201}, {"c2"}),
        ({"filter[status_codes]": [404, 500]}, {"c1", "v1"}),
        ({"filter[exclude_unified_apis]": "vault,hris"}, {"c1", "c2", "c3", "d1"}),
        ({"filter[start_date]": "2024-02-01T00:00:00Z"}, {"c3", "d1", "v1"}),
        ({"filter[end_date]": "2024-02-01T00:00:00Z"}, {"c1", "c2"}),
        ({"filter[start_date]": "2024-02-01T00:00:00Z", "filter[end_date]": "2024-03-01T00:00:00Z"}, {"c3", "v1"}),
        ({"filter[connector_id]": "crm+pipedrive"}, {"c1", "c2", "c3", "d1", "v1"}),  # documented as not applied
    ],
)
def test_log_filters(params: dict[str, Any], expected: set[str]) -> None:
    fake = FakeApideck()
    _seed_logs(fake)
    with raw(fake) as client:
        data = client.get("/vault/logs", params=params).json()["data"]
    assert {entry["id"] for entry in data} == expected
    assert not fake.violations


def _seed_logs(fake: FakeApideck) -> None:
    entries = [
        ("c1", "/crm/contacts/42", "DELETE", 404, "crm", "salesforce", "2024-01-05T00:00:00.000Z"),
        ("c2", "/crm/contacts", "POST", 201, "crm", "pipedrive", "2024-01-20T00:00:00.000Z"),
        ("c3", "/crm/contacts", "GET", 200, "crm", "salesforce", "2024-02-10T00:00:00.000Z"),
        ("d1", "/crm/leads", "GET", 200, "crm", "pipedrive", "2024-03-10T00:00:00.000Z"),
        ("v1", "/vault/sessions", "POST", 500, "vault", "apideck-vault", "2024-02-20T00:00:00.000Z"),
    ]
    for log_id, path, method, status, api, service, when in entries:
        fake.add_logs(
            1,
            id=log_id,
            path=path,
            http_method=method,
            status_code=status,
            unified_api=api,
            service={"id": service, "name": service},
            timestamp=when,
        )


def test_the_connector_filter_applies_when_asked() -> None:
    fake = FakeApideck(apply_connector_filter=True)
    _seed_logs(fake)
    with raw(fake) as client:
        data = client.get("/vault/logs", params={"filter[connector_id]": "crm+pipedrive"}).json()["data"]
        reversed_dates = client.get(
            "/vault/logs", params={"filter[start_date]": "2024-03-01T00:00:00Z", "filter[end_date]": "2024-01-01T00:00:00Z"}
        )
    assert [entry["id"] for entry in data] == ["d1", "c2"]
    assert reversed_dates.status_code == 400


def test_logs_belong_to_their_consumer(fake_apideck: FakeApideck) -> None:
    fake_apideck.add_logs(3)
    fake_apideck.add_logs(2, consumer_id="other")
    with raw(fake_apideck, consumer="other") as client:
        assert len(client.get("/vault/logs").json()["data"]) == 2
    with raw(fake_apideck, consumer="nobody") as client:
        assert client.get("/vault/logs").json()["data"] == []
    with pytest.raises(ValueError, match="count"):
        fake_apideck.add_logs(-1)


def test_add_logs_in_bulk_is_cheap_and_ordered() -> None:
    fake = FakeApideck(validate=False)
    added = fake.add_logs(10_000)
    more = fake.add_logs(10)
    stamps = [entry["timestamp"] for entry in added + more]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert len({entry["id"] for entry in added}) == 10_000
    assert {entry["unified_api"] for entry in added} >= {"crm", "accounting", "hris", "vault"}


# --- faults, threads, wire ------------------------------------------------------------------------


def test_unknown_enum_fault_changes_a_state(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("unknown_enum", route="GET /vault/connections")
    with raw(fake_apideck) as client:
        states = {item["state"] for item in client.get("/vault/connections").json()["data"]}
    assert "suspended_by_vendor" in states


def test_a_reset_after_processing_is_a_connection_error_but_the_vault_changed(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("reset_after", route="POST /vault/consumers")
    with fake_apideck.client() as apideck, pytest.raises(VaultConnectionError) as caught:
        apideck.consumers.create("made-anyway")
    assert caught.value.request_sent is True
    assert "made-anyway" in fake_apideck.consumer_ids()


def test_concurrent_clients_are_served_consistently(fake_apideck: FakeApideck) -> None:
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            with fake_apideck.client() as apideck:
                for index in range(15):
                    apideck.consumers.create(f"w{worker}-{index}")
                    fake_apideck.add_logs(2)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and not any(thread.is_alive() for thread in threads)
    assert len(fake_apideck.consumer_ids()) == 1 + 6 * 15
    with fake_apideck.client() as apideck:
        logs = list(apideck.logs.list(limit=200))
    assert len(logs) == len({log.id for log in logs}) == 6 * 15 * 2


def test_the_documented_errors_over_loopback(fake_apideck: FakeApideck) -> None:
    with fake_apideck.serve() as url:
        with raw(fake_apideck, consumer=None, base_url=url) as client:
            response = client.get("/vault/logs")
            assert response.status_code == 400 and response.json()["detail"] == "Missing Header: x-apideck-consumer-id"
            assert response.headers["Request-Id"]
        with raw(fake_apideck, base_url=url) as client:
            fake_apideck.add_logs(3)
            response = client.get("/vault/logs", params={"filter[status_codes]": [200, 201, 204, 400, 401, 404, 429, 500]})
            assert response.status_code == 200 and len(response.json()["data"]) == 3


def test_the_generated_client_reaches_the_fake_as_its_readme_says(fake_apideck: FakeApideck) -> None:
    from polyvault_apideck_client import AuthenticatedClient
    from polyvault_apideck_client.api.consumers import consumers_all
    from polyvault_apideck_client.api.sessions import sessions_create

    client = AuthenticatedClient(
        base_url=fake_apideck.in_process_url,
        token=fake_apideck.api_key,
        headers={"x-apideck-app-id": fake_apideck.app_id, "x-apideck-consumer-id": fake_apideck.consumer_id},
        httpx_args={"transport": fake_apideck.transport},
    )
    with client:
        page = consumers_all.sync(client=client, limit=5)
        session = sessions_create.sync(client=client)
    assert page is not None and [item.consumer_id for item in page.data] == ["test-consumer"]
    assert session is not None and session.data.session_token


def test_serve_from_the_command_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "polyvault.testing", "serve", "apideck", "--json"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        started = json.loads(process.stdout.readline())
        env = started["env"]
        assert set(env) == {"APIDECK_BASE_URL", "APIDECK_API_KEY", "APIDECK_APP_ID", "APIDECK_CONSUMER_ID"}
        headers = {"Authorization": f"Bearer {env['APIDECK_API_KEY']}", "x-apideck-app-id": env["APIDECK_APP_ID"]}
        response = httpx.get(f"{started['base_url']}/vault/consumers", headers=headers, timeout=10)
        assert response.status_code == 200 and response.json()["data"][0]["consumer_id"] == env["APIDECK_CONSUMER_ID"]
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
