"""Apideck through the public API, against FakeApideck: every operation sync and async, errors, bad input, secrets."""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from polyvault import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    VaultError,
)
from polyvault.apideck import (
    Apideck,
    AsyncApideck,
    Connection,
    ConsentRecord,
    Consumer,
    CustomField,
    CustomMapping,
    FieldPermission,
    Log,
    RequestCounts,
    Session,
    ValidatedConnection,
)
from polyvault.testing import FakeApideck

NOW = datetime.now(UTC)
FAST = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0)


# --- every operation, sync and async -------------------------------------------------------------

Step = Callable[[Any, FakeApideck], Any]


def _steps() -> list[tuple[str, Step]]:
    """Every facade operation once, in an order that makes each one meaningful."""
    return [
        ("consumers.create", lambda c, f: c.consumers.create("acct-1", account_name="Acme", email="ops@acme.example")),
        ("consumers.get", lambda c, f: c.consumers.get("acct-1")),
        ("consumers.update", lambda c, f: c.consumers.update("acct-1", user_name="Jane")),
        ("consumers.list", lambda c, f: c.consumers.list(limit=1)),
        (
            "consumers.request_counts",
            lambda c, f: c.consumers.request_counts("test-consumer", start=NOW - timedelta(days=1), end=NOW + timedelta(days=1)),
        ),
        ("connections.list", lambda c, f: c.connections.list(unified_api="crm")),
        (
            "connections.add",
            lambda c, f: c.connections.add("crm", "pipedrive", settings={"api_key": "pd-key-0001"}, metadata={"plan": "pro"}),
        ),
        ("connections.get", lambda c, f: c.connections.get("crm", "pipedrive")),
        (
            "connections.update",
            lambda c, f: c.connections.update("crm", "pipedrive", enabled=False, configuration={"leads": {"lead_score": 5}}),
        ),
        ("connections.settings", lambda c, f: c.connections.settings("crm", "pipedrive", "leads")),
        (
            "connections.update_settings",
            lambda c, f: c.connections.update_settings("crm", "pipedrive", "leads", defaults={"ProductInterest": "GC6000 series"}),
        ),
        ("connections.custom_fields", lambda c, f: c.connections.custom_fields("crm", "pipedrive", "leads", resource_id="00Q1")),
        ("connections.custom_mappings", lambda c, f: c.connections.custom_mappings("crm", "pipedrive", "leads")),
        ("connections.custom_mappings(service)", lambda c, f: c.connections.custom_mappings("hris", "workday")),
        ("connections.validate", lambda c, f: c.connections.validate("crm", "pipedrive")),
        (
            "connections.update_consent",
            lambda c, f: c.connections.update_consent(
                "crm", "pipedrive", granted=True, resources={"crm.leads": {"name": FieldPermission(read=True, write=False)}}
            ),
        ),
        ("connections.consents", lambda c, f: c.connections.consents("crm", "pipedrive")),
        (
            "connections.callback_state",
            lambda c, f: c.connections.callback_state("crm", "pipedrive", redirect_uri="https://app.example/cb"),
        ),
        (
            "connections.import_",
            lambda c, f: c.connections.import_(
                "accounting", "quickbooks", access_token="at-imported-1", refresh_token="rt-imported-1", issued_at=NOW, expires_in=3600
            ),
        ),
        (
            "connections.migrate",
            lambda c, f: c.connections.migrate("accounting", "quickbooks", target_service_id="intuit-enterprise-suite"),
        ),
        (
            "connections.add(workday)",
            lambda c, f: c.connections.add("hris", "workday", settings={"client_id": "cid", "client_secret": "cs-secret-1"}),
        ),
        ("connections.token", lambda c, f: c.connections.token("hris", "workday")),
        ("authorize", lambda c, f: f.authorize("crm", "salesforce", nonce="n-1")),
        ("connections.confirm", lambda c, f: c.connections.confirm("crm", "salesforce", confirm_token=f.connection_confirm_token)),
        ("connections.delete", lambda c, f: c.connections.delete("crm", "salesforce")),
        (
            "sessions.create",
            lambda c, f: c.sessions.create(
                redirect_uri="https://app.example/done",
                settings={"session_length": "30m", "unified_apis": ["crm"]},
                theme={"vault_name": "Acme"},
            ),
        ),
        ("add_logs", lambda c, f: f.add_logs(30)),
        ("logs.list", lambda c, f: c.logs.list(limit=7)),
        ("consumers.delete", lambda c, f: c.consumers.delete("acct-1")),
    ]


def _check(results: dict[str, Any], fake: FakeApideck) -> None:
    created = results["consumers.create"]
    assert isinstance(created, Consumer) and created.consumer_id == "acct-1" and created.metadata.account_name == "Acme"
    assert results["consumers.get"].metadata.email == "ops@acme.example"
    assert results["consumers.update"].metadata.user_name == "Jane"
    assert [item.consumer_id for item in results["consumers.list"]] == ["test-consumer", "acct-1"]
    assert isinstance(results["consumers.request_counts"], RequestCounts) and results["consumers.request_counts"].total == 0
    listed = results["connections.list"]
    assert {item.service_id for item in listed} == {"salesforce", "pipedrive", "hubspot"}
    assert all(isinstance(item, Connection) and item.state == "available" for item in listed)
    added = results["connections.add"]
    assert (added.state, added.health, added.enabled) == ("callable", "ok", True) and added.is_callable
    assert added.settings == {"api_key": "pd-key-0001"} and added.metadata == {"plan": "pro"}
    assert results["connections.get"].form_fields[0].id == "api_key" and results["connections.get"].form_fields[0].sensitive
    assert results["connections.update"].enabled is False
    settings = results["connections.update_settings"]
    assert {default.id: default.value for default in settings.configuration[0].defaults} == {
        "lead_score": 5,
        "ProductInterest": "GC6000 series",
    }
    assert results["connections.settings"].form_fields[0].id == "ProductInterest"
    fields = results["connections.custom_fields"]
    assert all(isinstance(item, CustomField) for item in fields) and fields[1].value == "EMEA-00Q1"
    mappings = results["connections.custom_mappings"]
    assert [item.id for item in mappings] == ["crm+leads+lead_score"] and all(isinstance(item, CustomMapping) for item in mappings)
    assert mappings[0].consumer_id == "test-consumer"
    assert [item.key for item in results["connections.custom_mappings(service)"]] == ["first_aid_training", "badge_number"]
    assert results["connections.validate"] == ValidatedConnection("crm+pipedrive", "callable")
    consent = results["connections.update_consent"]
    assert isinstance(consent, ConsentRecord) and consent.granted is True
    assert consent.resources == {"crm.leads": {"name": FieldPermission(read=True, write=False)}}
    assert results["connections.consents"] == [consent]
    assert len(results["connections.callback_state"]) == 36
    assert results["connections.import_"].state == "callable"
    migrated = results["connections.migrate"]
    assert (migrated.service_id, migrated.state) == ("intuit-enterprise-suite", "callable")
    assert results["connections.add(workday)"].state == "added" and results["connections.token"].state == "callable"
    assert results["connections.confirm"] is True
    assert results["connections.delete"] is None
    session = results["sessions.create"]
    assert isinstance(session, Session) and session.url.endswith(session.token) and session.consumer_id == "test-consumer"
    logs = results["logs.list"]
    assert len(logs) == 30 and all(isinstance(item, Log) for item in logs)
    assert [item.id for item in logs] == [entry["id"] for entry in reversed(results["add_logs"])]
    assert results["consumers.delete"] is None
    assert fake.consumer_ids() == ["test-consumer"]
    assert fake.stored_credentials("test-consumer", "accounting", "intuit-enterprise-suite") == {
        "access_token": "at-imported-1",
        "refresh_token": "rt-imported-1",
        "expires_at": pytest.approx(NOW.timestamp() + 3600, abs=1),
    }


class _Tracking(FakeApideck):
    """FakeApideck that remembers the confirm token its simulated OAuth callback issued."""

    connection_confirm_token = ""

    def authorize(self, *args: Any, **kwargs: Any) -> str | None:
        token = super().authorize(*args, **kwargs)
        self.connection_confirm_token = token or ""
        return token


def test_every_operation_sync() -> None:
    fake = _Tracking()
    results: dict[str, Any] = {}
    with fake.client() as apideck:
        for name, step in _steps():
            result = step(apideck, fake)
            results[name] = list(result) if isinstance(result, Iterator) else result
    _check(results, fake)
    assert not fake.violations


@pytest.mark.anyio
async def test_every_operation_async() -> None:
    fake = _Tracking()
    results: dict[str, Any] = {}
    async with fake.async_client() as apideck:
        for name, step in _steps():
            result = step(apideck, fake)
            if inspect.isawaitable(result):
                result = await result
            elif hasattr(result, "__aiter__"):
                result = [item async for item in result]
            results[name] = result
    _check(results, fake)
    assert not fake.violations


def test_every_operation_over_loopback() -> None:
    fake = _Tracking()
    results: dict[str, Any] = {}
    with fake.serve() as url, fake.client(base_url=url) as apideck:
        assert url.startswith("http://127.0.0.1:")
        for name, step in _steps():
            result = step(apideck, fake)
            results[name] = list(result) if isinstance(result, Iterator) else result
    _check(results, fake)
    assert not fake.violations


# --- the consumer header -------------------------------------------------------------------------


def test_consumer_header_goes_only_where_it_belongs(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        apideck.consumers.get("test-consumer")
        apideck.connections.list()
        apideck.sessions.create()
    consumer_call, list_call, session_call = fake_apideck.requests
    assert consumer_call.secret_header("x-apideck-consumer-id") is None
    assert list_call.secret_header("x-apideck-consumer-id") == "test-consumer"
    assert session_call.secret_header("x-apideck-consumer-id") == "test-consumer"
    assert all(request.secret_header("authorization") == f"Bearer {fake_apideck.api_key}" for request in fake_apideck.requests)
    assert all(request.secret_header("x-apideck-app-id") == fake_apideck.app_id for request in fake_apideck.requests)


def test_without_a_consumer_consumer_calls_are_refused_before_sending(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client(consumer_id=None) as apideck:
        assert apideck.consumer_id is None
        listed = apideck.connections.list()  # optional there: the application's view
        assert {item.state for item in listed} == {"available"}
        assert fake_apideck.requests[-1].secret_header("x-apideck-consumer-id") is None
        sent = fake_apideck.count()
        for call in (
            lambda: apideck.connections.get("crm", "salesforce"),
            lambda: apideck.sessions.create(),
            lambda: apideck.logs.list(),
            lambda: apideck.connections.custom_mappings("crm", "salesforce"),
        ):
            with pytest.raises(InvalidRequestError) as caught:
                call()
            assert "APIDECK_CONSUMER_ID" in str(caught.value) and "with_consumer" in str(caught.value)
        assert fake_apideck.count() == sent
        assert apideck.consumers.get("test-consumer").consumer_id == "test-consumer"


def test_with_consumer_is_a_copy_sharing_the_pool(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        other = apideck.with_consumer("acct-77")
        assert isinstance(other, Apideck) and other.consumer_id == "acct-77" and apideck.consumer_id == "test-consumer"
        assert other._state is apideck._state  # one pool, one rate-limit view
        other.connections.add("crm", "pipedrive", settings={"api_key": "k-123456"})
        assert fake_apideck.requests[-1].secret_header("x-apideck-consumer-id") == "acct-77"
        with pytest.raises(NotFoundError):
            apideck.connections.get("crm", "pipedrive")  # the original still acts for test-consumer
        assert other.connections.get("crm", "pipedrive").is_callable
        assert "acct-77" in repr(other)
        with pytest.raises(InvalidRequestError):
            apideck.with_consumer(" acct ")
    assert "acct-77" in fake_apideck.consumer_ids()


@pytest.mark.anyio
async def test_async_with_consumer(fake_apideck: FakeApideck) -> None:
    async with fake_apideck.async_client() as apideck:
        other = apideck.with_consumer("acct-async")
        assert isinstance(other, AsyncApideck)
        session = await other.sessions.create()
        assert session.consumer_id == "acct-async"
    assert fake_apideck.session(session.token) is not None


def test_raw_client_is_signed_and_carries_the_consumer(fake_apideck: FakeApideck) -> None:
    from polyvault_apideck_client.api.connections import connections_one

    with fake_apideck.client() as apideck:
        apideck.connections.add("crm", "pipedrive", settings={"api_key": "k-123456"})
        response = connections_one.sync_detailed("crm", "pipedrive", client=apideck.raw)
    assert response.status_code == 200 and response.parsed.data.state == "callable"
    assert fake_apideck.requests[-1].secret_header("x-apideck-consumer-id") == "test-consumer"


# --- paging --------------------------------------------------------------------------------------


def test_logs_are_paged_lazily(fake_apideck: FakeApideck) -> None:
    fake_apideck.add_logs(25)
    with fake_apideck.client() as apideck:
        pages = apideck.logs.list(limit=10)
        assert fake_apideck.count() == 0  # nothing sent until iterated
        first = next(pages)
        assert fake_apideck.count() == 1
        rest = [next(pages) for _ in range(9)]
        assert fake_apideck.count() == 1
        eleventh = next(pages)
        assert fake_apideck.count() == 2
        remaining = list(pages)
    ids = [log.id for log in [first, *rest, eleventh, *remaining]]
    assert len(ids) == len(set(ids)) == 25
    assert fake_apideck.count("GET /vault/logs") == 3
    assert [request.query.get("limit") for request in fake_apideck.requests] == ["10", "10", "10"]
    assert "cursor" not in fake_apideck.requests[0].query and "cursor" in fake_apideck.requests[1].query


@pytest.mark.parametrize("asked", [201, 500, 10**6])
def test_a_page_size_over_200_is_capped_at_200(fake_apideck: FakeApideck, asked: int) -> None:
    fake_apideck.add_logs(450)
    with fake_apideck.client() as apideck:
        assert len(list(apideck.logs.list(limit=asked))) == 450
        assert len(list(apideck.consumers.list(limit=asked))) == 1
    assert {request.query.get("limit") for request in fake_apideck.requests} == {"200"}
    assert fake_apideck.count("GET /vault/logs") == 3


def test_consumers_list_pages_and_filters(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        for index in range(7):
            apideck.consumers.create(f"account:{index}", email=f"user{index}@example.com")
        apideck.consumers.create("team:1", account_name="Searchable Corp")
        assert len(list(apideck.consumers.list(limit=3))) == 9
        assert fake_apideck.count("GET /vault/consumers") == 3
        assert [c.consumer_id for c in apideck.consumers.list(consumer_id_prefix="account:")] == [f"account:{i}" for i in range(7)]
        assert [c.consumer_id for c in apideck.consumers.list(search="searchable")] == ["team:1"]
        assert [c.consumer_id for c in apideck.consumers.list(search="USER3")] == ["account:3"]


@pytest.mark.anyio
async def test_async_paging_of_many_logs(fake_apideck: FakeApideck) -> None:
    fake_apideck.add_logs(450)
    async with fake_apideck.async_client() as apideck:
        seen = [log.id async for log in apideck.logs.list(limit=200)]
    assert len(seen) == len(set(seen)) == 450
    assert fake_apideck.count("GET /vault/logs") == 3


def test_stopping_early_fetches_no_more_pages(fake_apideck: FakeApideck) -> None:
    fake_apideck.add_logs(100)
    with fake_apideck.client() as apideck:
        for index, _ in enumerate(apideck.logs.list(limit=10)):
            if index == 14:
                break
    assert fake_apideck.count() == 2


def test_entries_added_while_paging_do_not_repeat_or_shift(fake_apideck: FakeApideck) -> None:
    original = [entry["id"] for entry in fake_apideck.add_logs(30)]
    with fake_apideck.client() as apideck:
        seen = []
        for log in apideck.logs.list(limit=10):
            seen.append(log.id)
            if len(seen) == 10:
                fake_apideck.add_logs(5)
    assert seen == list(reversed(original))


def test_log_filters_reach_the_vault_under_their_filter_names(fake_apideck: FakeApideck) -> None:
    fake_apideck.add_logs(200)
    fake_apideck.add_logs(3, path="/crm/contacts/42", http_method="DELETE", status_code=404, unified_api="crm")
    with fake_apideck.client() as apideck:
        found = list(
            apideck.logs.list(
                path="/crm/contacts/",
                path_match_mode="STARTS_WITH",
                http_methods=["delete", "PATCH"],
                status_codes=[404, 410],
                exclude_unified_apis=["vault", "proxy"],
                start_date=NOW - timedelta(days=1),
                end_date=(NOW + timedelta(days=1)).isoformat(),
                connector_id="crm+salesforce",
                limit=200,
            )
        )
        assert len(found) == 3 and {log.path for log in found} == {"/crm/contacts/42"}
        only_500 = list(apideck.logs.list(status_code=500, http_method="get", limit=200))
        assert only_500 and all(log.status_code == 500 and log.http_method == "GET" for log in only_500)
    query = parse_qs(urlsplit(str(fake_apideck.requests[0]._request.url)).query)
    assert query["filter[http_methods]"] == ["DELETE", "PATCH"]
    assert query["filter[status_codes]"] == ["404", "410"]
    assert query["filter[exclude_unified_apis]"] == ["vault,proxy"]
    assert query["filter[path_match_mode]"] == ["STARTS_WITH"]
    assert query["filter[connector_id]"] == ["crm+salesforce"]
    assert query["filter[start_date]"][0].endswith("+00:00")


def _mock_client(handler: Callable[[httpx.Request], httpx.Response], **options: Any) -> Apideck:
    return Apideck(
        api_key="sk_test_1234567890",
        app_id="app-1",
        consumer_id="c-1",
        base_url="https://unify.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **options,
    )


def _page(data: list[dict[str, Any]], next_cursor: str | None) -> httpx.Response:
    return httpx.Response(
        200,
        json={"status_code": 200, "status": "OK", "data": data, "meta": {"cursors": {"next": next_cursor}}},
        headers={"Request-Id": "req-1"},
    )


def test_a_cursor_that_repeats_ends_the_listing_with_an_error() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        assert len(calls) <= 5, "the listing kept following a repeated cursor"
        return _page([{"id": f"log-{len(calls)}"}], "same-cursor")

    with _mock_client(handler) as apideck, pytest.raises(UnexpectedResponseError) as caught:
        list(apideck.logs.list())
    assert len(calls) == 2 and "cursor" in caught.value.message


def test_an_empty_next_cursor_is_the_last_page() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return _page([{"id": "a"}, {"id": "b"}], "" if len(calls) == 2 else "next-1")

    with _mock_client(handler) as apideck:
        assert [log.id for log in apideck.logs.list()] == ["a", "b", "a", "b"]
    assert len(calls) == 2


# --- records: open strings, extra fields, wrong types --------------------------------------------


def test_unknown_values_and_extra_fields_are_data() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        connection = {
            "id": "accounting+quickbooks",
            "service_id": "quickbooks",
            "unified_api": "accounting",
            "state": "suspended",
            "health": "rate_limited",
            "auth_type": "oauth3",
            "enabled": True,
            "migration_targets": ["intuit-enterprise-suite"],
            "created_at": 1615563533390,
            "updated_at": None,
        }
        return httpx.Response(200, json={"status_code": 200, "status": "OK", "data": [connection]})

    with _mock_client(handler) as apideck:
        (connection,) = apideck.connections.list()
    assert (connection.state, connection.health, connection.auth_type) == ("suspended", "rate_limited", "oauth3")
    assert connection.extra == {"migration_targets": ["intuit-enterprise-suite"]}
    assert connection.created_at == datetime(2021, 3, 12, 15, 38, 53, 390000, tzinfo=UTC)
    assert not connection.is_callable


def test_log_entries_keep_unknown_fields_as_extra_and_read_their_service_and_operation() -> None:
    entry = {
        "id": "log-1",
        "timestamp": "2021-07-12T14:26:17.420Z",
        "status_code": 201.0,
        "service": {"id": "salesforce", "name": "Salesforce"},
        "operation": {"id": "leadsAdd", "name": "Create lead"},
        "unified_api": "crm",
        "region": "eu-central-1",
    }
    with _mock_client(lambda request: _page([entry], None)) as apideck:
        (log,) = apideck.logs.list()
    assert (log.id, log.status_code, log.connector_id, log.operation_name) == ("log-1", 201, "crm+salesforce", "Create lead")
    assert log.timestamp == datetime(2021, 7, 12, 14, 26, 17, 420000, tzinfo=UTC)
    assert log.extra == {"region": "eu-central-1"}


@pytest.mark.parametrize(
    "body",
    [
        {"status_code": 200, "status": "OK", "data": ""},
        {"status_code": 200, "status": "OK", "data": {"id": "log-1"}},
        {"status_code": 200, "status": "OK"},
        {"status_code": 200, "status": "OK", "data": ["log-1"]},
        {"status_code": 200, "status": "OK", "data": [{"status_code": 200}]},
        {"status_code": 200, "status": "OK", "data": [{"id": {"nested": True}}]},
        {"status_code": 200, "status": "OK", "data": [], "meta": {"cursors": {"next": {"page": 2}}}},
        {"status_code": 200, "status": "OK", "data": [], "meta": "page 2"},
        [{"id": "log-1"}],
    ],
    ids=[
        "data-string",
        "data-object",
        "no-data",
        "entry-string",
        "entry-without-id",
        "entry-id-object",
        "cursor-object",
        "meta-string",
        "array-body",
    ],
)
def test_a_log_page_without_what_the_listing_needs_is_an_unexpected_response(body: Any) -> None:
    """The page's items, each entry's id and the next cursor are needed: without them the listing cannot go on."""
    with _mock_client(lambda request: httpx.Response(200, json=body)) as apideck, pytest.raises(UnexpectedResponseError) as caught:
        list(apideck.logs.list())
    assert caught.value.status_code == 200 and caught.value.vault == "apideck"


def test_a_log_page_with_odd_fields_is_still_read() -> None:
    """Tolerant reading: fields a listing can do without are None when they cannot be read; numbers are read as text."""
    pages = {
        None: {
            "status_code": "OK",
            "status": 200,
            "data": [{"id": 41, "service": "salesforce", "success": "yes", "timestamp": "yesterday", "status_code": "201"}],
            "meta": {"cursors": {"next": 7}},
        },
        "7": {"status_code": 200, "status": "OK", "data": [{"id": "log-2"}], "meta": {"cursors": {"next": None}}},
    }
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        seen.append(cursor)
        return httpx.Response(200, json=pages[cursor])

    with _mock_client(handler) as apideck:
        first, second = apideck.logs.list()
    assert seen == [None, "7"]  # the numeric cursor was followed as its text
    assert (first.id, first.service_id, first.success, first.timestamp, first.status_code) == ("41", None, None, None, 201)
    assert first.raw["service"] == "salesforce" and first.raw["success"] == "yes"  # what could not be read stays on .raw
    assert second.id == "log-2"


def test_injected_unknown_enum_passes_through(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("unknown_enum", route="GET /vault/connections/{unified_api}/{service_id}")
    with fake_apideck.client() as apideck:
        apideck.connections.add("crm", "pipedrive", settings={"api_key": "k-1234"})
        assert apideck.connections.get("crm", "pipedrive").state == "suspended_by_vendor"


@pytest.mark.parametrize("kind", ["truncated_json", "empty_body"])
def test_a_body_that_breaks_the_spec_is_an_unexpected_response(fake_apideck: FakeApideck, kind: Any) -> None:
    fake_apideck.inject(kind, route="GET /vault/consumers/{consumer_id}")
    with fake_apideck.client() as apideck, pytest.raises(UnexpectedResponseError) as caught:
        apideck.consumers.get("test-consumer")
    assert caught.value.status_code == 200


def test_an_html_error_page_is_an_unexpected_response(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("html", times=None)
    with fake_apideck.client(retry_policy=FAST) as apideck, pytest.raises(UnexpectedResponseError) as caught:
        apideck.consumers.get("test-consumer")
    assert caught.value.status_code == 502 and fake_apideck.count() == 3


# --- documented errors ---------------------------------------------------------------------------


def _expect(error: type[VaultError], call: Callable[[], Any], *, status: int, code: str, message: str) -> VaultError:
    with pytest.raises(error) as caught:
        call()
    raised = caught.value
    assert getattr(raised, "status_code", None) == status
    assert getattr(raised, "code", None) == code
    assert message in raised.message
    assert getattr(raised, "request_id", None)
    return raised


def test_documented_errors_become_typed_vault_errors(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        apideck.connections.add("crm", "pipedrive", settings={"api_key": "k-1234"})
        apideck.connections.import_("accounting", "quickbooks", access_token="at-1234")
        apideck.connections.import_("accounting", "intuit-enterprise-suite", access_token="at-5678")
        missing = _expect(
            NotFoundError, lambda: apideck.consumers.get("nobody"), status=404, code="EntityNotFoundError", message="Unknown Consumer"
        )
        assert missing.detail == {"not_found": {"entity": "consumer", "id": "nobody"}}  # type: ignore[attr-defined]
        _expect(
            NotFoundError,
            lambda: apideck.connections.get("crm", "salesforce"),
            status=404,
            code="EntityNotFoundError",
            message="Unknown Connection",
        )
        _expect(
            NotFoundError,
            lambda: apideck.connections.get("crm", "nosuch"),
            status=404,
            code="EntityNotFoundError",
            message="Unknown Connector",
        )
        _expect(
            NotFoundError,
            lambda: apideck.connections.settings("crm", "pipedrive", "deals"),
            status=404,
            code="EntityNotFoundError",
            message="Unknown",
        )
        conflict = _expect(
            ConflictError,
            lambda: apideck.connections.migrate("accounting", "quickbooks", target_service_id="intuit-enterprise-suite"),
            status=409,
            code="ConflictError",
            message="Conflict",
        )
        assert conflict.detail == "A connection already exists for the target connector"  # type: ignore[attr-defined]
        _expect(
            BadRequestError,
            lambda: apideck.connections.migrate("crm", "pipedrive", target_service_id="hubspot"),
            status=400,
            code="RequestValidationError",
            message="Invalid Params",
        )
        _expect(
            BadRequestError,
            lambda: apideck.connections.add("crm", "pipedrive"),
            status=422,
            code="InvalidStateError",
            message="Invalid State",
        )
        _expect(
            BadRequestError,
            lambda: apideck.connections.token("crm", "pipedrive"),
            status=422,
            code="InvalidStateError",
            message="Invalid State",
        )
        _expect(
            BadRequestError,
            lambda: apideck.connections.confirm("crm", "pipedrive", confirm_token="tok-1"),
            status=422,
            code="InvalidStateError",
            message="Invalid State",
        )
        bad_length = _expect(
            BadRequestError,
            lambda: apideck.sessions.create(settings={"session_length": "2w"}),
            status=400,
            code="RequestValidationError",
            message="Invalid Params",
        )
        assert "1 week" in bad_length.detail  # type: ignore[attr-defined]
        _expect(
            BadRequestError,
            lambda: apideck.connections.update_settings("crm", "pipedrive", "leads", defaults={"NoSuchField": 1}),
            status=400,
            code="RequestValidationError",
            message="Invalid Params",
        )


def test_wrong_api_key_is_an_authentication_error_without_the_key() -> None:
    fake = FakeApideck()
    with fake.client(api_key="sk_wrong_key_0123456789") as apideck:
        error = _expect(
            AuthenticationError, lambda: apideck.consumers.list().__next__(), status=401, code="UnauthorizedError", message="Unauthorized"
        )
    assert error.detail == "Invalid API key"  # type: ignore[attr-defined]
    for text in (str(error), repr(error), json.dumps(getattr(error, "detail", None))):
        assert "sk_wrong_key_0123456789" not in text and fake.api_key not in text


def test_wrong_app_id_is_an_authentication_error() -> None:
    fake = FakeApideck()
    with fake.client(app_id="another-app") as apideck:
        _expect(
            AuthenticationError,
            lambda: apideck.consumers.get("test-consumer"),
            status=401,
            code="UnauthorizedError",
            message="Unauthorized",
        )


def test_request_limit_is_payment_required() -> None:
    fake = FakeApideck(request_limit=1)
    with fake.client() as apideck:
        apideck.consumers.get("test-consumer")
        error = _expect(
            PaymentRequiredError,
            lambda: apideck.consumers.get("test-consumer"),
            status=402,
            code="RequestLimitError",
            message="Request Limit Reached",
        )
    assert error.detail == "You have reached your limit of 1"  # type: ignore[attr-defined]


def test_rate_limit_is_retried_then_reported(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("429", retry_after=0, times=1)
    with fake_apideck.client(retry_policy=FAST) as apideck:
        assert apideck.consumers.get("test-consumer").consumer_id == "test-consumer"
        fake_apideck.inject("429", retry_after=0, times=None)
        error = _expect(
            RateLimitError, lambda: apideck.consumers.get("test-consumer"), status=429, code="TooManyRequestsError", message="Too many"
        )
    assert error.retry_after == 0  # type: ignore[attr-defined]


def test_5xx_is_retried_for_idempotent_calls_only(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client(retry_policy=FAST) as apideck:
        apideck.connections.import_("accounting", "quickbooks", access_token="at-1234")
        fake_apideck.inject("503", route="POST /vault/connections/{unified_api}/{service_id}/migrate")
        migrated = apideck.connections.migrate("accounting", "quickbooks", target_service_id="intuit-enterprise-suite")
        assert migrated.service_id == "intuit-enterprise-suite"  # documented as safe to retry
        assert fake_apideck.count("POST /vault/connections/{unified_api}/{service_id}/migrate") == 2
        fake_apideck.inject("503", route="POST /vault/connections/{unified_api}/{service_id}")
        with pytest.raises(ServerError) as caught:
            apideck.connections.add("crm", "pipedrive", settings={"api_key": "k-1234"})
        assert caught.value.status_code == 503 and caught.value.code == "ServiceUnavailableError" and caught.value.request_id
        assert fake_apideck.count("POST /vault/connections/{unified_api}/{service_id}") == 1


# --- bad input is refused before sending ---------------------------------------------------------

BAD_CALLS: list[tuple[str, Callable[[Apideck], Any]]] = [
    ("consumer_id empty", lambda c: c.consumers.create("")),
    ("consumer_id not str", lambda c: c.consumers.get(12)),
    ("consumer_id spaces", lambda c: c.consumers.get(" x")),
    ("consumer_id newline", lambda c: c.consumers.delete("a\nb")),
    ("metadata not str", lambda c: c.consumers.create("x", email=5)),
    ("update nothing", lambda c: c.consumers.update("x")),
    ("list limit 0", lambda c: c.consumers.list(limit=0)),
    ("list limit bool", lambda c: c.consumers.list(limit=True)),
    ("counts naive", lambda c: c.consumers.request_counts("x", start=datetime(2024, 1, 1), end=NOW)),
    ("counts reversed", lambda c: c.consumers.request_counts("x", start=NOW, end=NOW - timedelta(1))),
    ("counts bad text", lambda c: c.consumers.request_counts("x", start="yesterday", end=NOW)),
    ("configured not bool", lambda c: c.connections.list(configured="yes")),
    ("unified_api empty", lambda c: c.connections.get("", "salesforce")),
    ("service_id missing", lambda c: c.connections.get("crm", None)),
    ("settings not mapping", lambda c: c.connections.add("crm", "pipedrive", settings=["k"])),
    ("settings NaN", lambda c: c.connections.add("crm", "pipedrive", settings={"x": float("nan")})),
    ("enabled not bool", lambda c: c.connections.update("crm", "pipedrive", enabled=1)),
    ("update nothing", lambda c: c.connections.update("crm", "pipedrive")),
    ("consent_state unknown", lambda c: c.connections.update("crm", "pipedrive", consent_state="maybe")),
    ("configuration shape", lambda c: c.connections.update("crm", "pipedrive", configuration={"leads": "x"})),
    ("configuration value", lambda c: c.connections.update("crm", "pipedrive", configuration={"leads": {"a": {"b": 1}}})),
    ("import nothing", lambda c: c.connections.import_("crm", "salesforce")),
    ("import expires_in", lambda c: c.connections.import_("crm", "salesforce", access_token="t", expires_in=-1)),
    ("import issued_at", lambda c: c.connections.import_("crm", "salesforce", access_token="t", issued_at="soon")),
    ("migrate target", lambda c: c.connections.migrate("crm", "salesforce", target_service_id="")),
    ("consent granted", lambda c: c.connections.update_consent("crm", "salesforce", granted="yes")),
    ("consent resources", lambda c: c.connections.update_consent("crm", "salesforce", granted=True, resources="all")),
    ("consent permission", lambda c: c.connections.update_consent("crm", "salesforce", granted=True, resources={"a": {"b": {"read": 1}}})),
    ("confirm token", lambda c: c.connections.confirm("crm", "salesforce", confirm_token="")),
    ("callback redirect", lambda c: c.connections.callback_state("crm", "salesforce", redirect_uri=3)),
    ("defaults empty", lambda c: c.connections.update_settings("crm", "pipedrive", "leads", defaults={})),
    ("resource empty", lambda c: c.connections.settings("crm", "pipedrive", "")),
    ("resource_id without resource", lambda c: c.connections.custom_mappings("crm", "pipedrive", resource_id="1")),
    ("session settings key", lambda c: c.sessions.create(settings={"colour": "red"})),
    ("session api", lambda c: c.sessions.create(settings={"unified_apis": ["crmm"]})),
    ("session action", lambda c: c.sessions.create(settings={"allow_actions": ["explode"]})),
    ("session flag", lambda c: c.sessions.create(settings={"show_logs": "yes"})),
    ("session theme", lambda c: c.sessions.create(theme={"font": "x"})),
    ("session metadata", lambda c: c.sessions.create(consumer_metadata={"nickname": "x"})),
    ("logs limit", lambda c: c.logs.list(limit=-1)),
    ("logs status", lambda c: c.logs.list(status_code=99)),
    ("logs statuses", lambda c: c.logs.list(status_codes=list(range(200, 251)))),
    ("logs statuses str", lambda c: c.logs.list(status_codes="200")),
    ("logs mode", lambda c: c.logs.list(path="/x", path_match_mode="REGEX")),
    ("logs methods str", lambda c: c.logs.list(http_methods="GET")),
    ("logs dates", lambda c: c.logs.list(start_date=NOW, end_date=NOW - timedelta(1))),
    ("logs exclude", lambda c: c.logs.list(exclude_unified_apis=[""])),
]


@pytest.mark.parametrize(("case", "call"), BAD_CALLS, ids=[case for case, _ in BAD_CALLS])
def test_bad_input_is_refused_before_sending(fake_apideck: FakeApideck, case: str, call: Callable[[Apideck], Any]) -> None:
    with fake_apideck.client() as apideck, pytest.raises(InvalidRequestError) as caught:
        call(apideck)
    assert isinstance(caught.value, ValueError)
    assert fake_apideck.count() == 0


def test_argument_errors_never_echo_the_value(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck, pytest.raises(InvalidRequestError) as caught:
        apideck.connections.import_("crm", "salesforce", access_token="t", issued_at="secret-looking-value")
    assert "secret-looking-value" not in str(caught.value)


# --- configuration -------------------------------------------------------------------------------


def test_configuration_from_the_environment(fake_apideck: FakeApideck, monkeypatch: pytest.MonkeyPatch) -> None:
    with fake_apideck.serve() as url:
        for name, value in fake_apideck.env_vars(url).items():
            monkeypatch.setenv(name, value)
        assert set(fake_apideck.env_vars(url)) == {"APIDECK_BASE_URL", "APIDECK_API_KEY", "APIDECK_APP_ID", "APIDECK_CONSUMER_ID"}
        with Apideck() as apideck:
            assert apideck.base_url == url and apideck.consumer_id == "test-consumer" and apideck.app_id == fake_apideck.app_id
            assert apideck.sessions.create().consumer_id == "test-consumer"


@pytest.mark.parametrize(
    ("missing", "present"), [("APIDECK_API_KEY", {"APIDECK_APP_ID": "a"}), ("APIDECK_APP_ID", {"APIDECK_API_KEY": "k"})]
)
def test_missing_credentials_fail_at_construction_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, missing: str, present: dict[str, str]
) -> None:
    for name in ("APIDECK_API_KEY", "APIDECK_APP_ID", "APIDECK_CONSUMER_ID", "APIDECK_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in present.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(InvalidRequestError) as caught:
        Apideck()
    assert missing in str(caught.value)


def test_defaults_and_options(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("APIDECK_CONSUMER_ID", "APIDECK_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with Apideck("sk_test_abcdefgh", "app-1") as apideck:
        assert apideck.base_url == "https://unify.apideck.com" and apideck.consumer_id is None
        assert apideck.timeout.read == 30.0
        faster = apideck.with_options(timeout=2.0, max_retries=0)
        assert faster.timeout.read == 2.0 and faster.retry_policy.max_retries == 0 and faster._state is apideck._state
        assert "sk_test_abcdefgh" not in repr(apideck) and "sk_test_abcdefgh" not in repr(apideck.connections)
    with pytest.raises(InvalidRequestError):
        Apideck("k", "a", base_url="http://unify.example.com")  # plain http off loopback
    with pytest.raises(InvalidRequestError):
        Apideck("k", "a", colour="blue")  # type: ignore[call-arg]


# --- URL builders --------------------------------------------------------------------------------


def test_authorize_url_encodes_every_value() -> None:
    apideck = Apideck("sk_test_abcdefgh", "app id/1", base_url="https://unify.apideck.com")
    url = apideck.authorize_url(
        "sales force",
        redirect_uri="https://app.example/cb?next=/x&y=1 2",
        state="st+ate=",
        scope=["openid", "leads:write", "profile:read"],
        nonce="n&1",
    )
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "unify.apideck.com", "/vault/authorize/sales%20force/app%20id%2F1")
    assert parts.query == (
        "state=st%2Bate%3D&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fnext%3D%2Fx%26y%3D1%202"
        "&scope=openid%20leads%3Awrite%20profile%3Aread&nonce=n%261"
    )
    assert parse_qs(parts.query) == {
        "state": ["st+ate="],
        "redirect_uri": ["https://app.example/cb?next=/x&y=1 2"],
        "scope": ["openid leads:write profile:read"],
        "nonce": ["n&1"],
    }
    assert apideck.authorize_url("xero", redirect_uri="https://a.example/", scope="accounting.read").endswith(
        "?redirect_uri=https%3A%2F%2Fa.example%2F&scope=accounting.read"
    )
    apideck.close()


def test_revoke_url_uses_the_clients_base_url(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        url = apideck.revoke_url("salesforce", redirect_uri="https://app.example/after", state="s1")
        assert url == (
            f"https://apideck.fake.test/vault/revoke/salesforce/{fake_apideck.app_id}"
            "?state=s1&redirect_uri=https%3A%2F%2Fapp.example%2Fafter"
        )
        with pytest.raises(InvalidRequestError):
            apideck.revoke_url("salesforce", redirect_uri="")
        with pytest.raises(InvalidRequestError):
            apideck.authorize_url("salesforce", redirect_uri="https://a.example", scope=[1])  # type: ignore[list-item]
        with pytest.raises(InvalidRequestError):
            apideck.authorize_url("", redirect_uri="https://a.example")
    assert fake_apideck.count() == 0


def test_authorize_url_matches_the_one_vault_lists(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck:
        listed = next(item for item in apideck.connections.list() if item.service_id == "salesforce")
    assert listed.authorize_url is not None
    state = parse_qs(urlsplit(listed.authorize_url).query)["state"][0]
    with fake_apideck.client() as apideck:
        built = apideck.authorize_url("salesforce", redirect_uri="https://app.example/cb", state=state)
    assert built == listed.authorize_url + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb"


# --- secrets -------------------------------------------------------------------------------------


def test_values_the_vault_echoes_back_are_masked_in_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        echoed = json.dumps(sent)
        body = {
            "status_code": 400,
            "error": "Bad Request",
            "type_name": "ConnectorExecutionError",
            "message": f"Connector refused {echoed}",
            "detail": {"sent": sent},
        }
        return httpx.Response(400, json=body, headers={"Request-Id": "req-9"})

    with _mock_client(handler) as apideck:
        with pytest.raises(BadRequestError) as settings_error:
            apideck.connections.add("crm", "pipedrive", settings={"api_key": "echoed-settings-secret"})
        with pytest.raises(BadRequestError) as import_error:
            apideck.connections.import_("crm", "salesforce", access_token="echoed-access-secret", refresh_token="echoed-refresh-secret")
        with pytest.raises(BadRequestError) as confirm_error:
            apideck.connections.confirm("crm", "salesforce", confirm_token="echoed-confirm-secret")
    for caught in (settings_error, import_error, confirm_error):
        error = caught.value
        assert error.code == "ConnectorExecutionError" and error.request_id == "req-9"
        for text in (str(error), repr(error), json.dumps(error.detail)):
            assert "echoed-" not in text, text
        assert "[REDACTED]" in error.message


def test_secrets_never_reach_reprs_errors_or_logs(fake_apideck: FakeApideck, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    with fake_apideck.client(retry_policy=FAST) as apideck:
        connection = apideck.connections.add("crm", "pipedrive", settings={"api_key": "pd-settings-secret-42"})
        imported = apideck.connections.import_(
            "accounting", "xero", access_token="xero-access-secret-42", refresh_token="xero-refresh-secret-42"
        )
        token = fake_apideck.authorize("crm", "salesforce", nonce="n")
        assert token is not None
        session = apideck.sessions.create()
        listed = apideck.connections.list()
        seen += [repr(connection), str(connection), repr(imported), repr(session), str(session), repr(listed), repr(apideck)]
        fake_apideck.inject("500", times=None)
        for call in (
            lambda: apideck.connections.add("crm", "hubspot", settings={"api_key": "hub-settings-secret-42"}),
            lambda: apideck.connections.import_("file-storage", "box", access_token="box-access-secret-42"),
            lambda: apideck.connections.confirm("crm", "salesforce", confirm_token=token),
        ):
            with pytest.raises(VaultError) as caught:
                call()
            seen += [str(caught.value), repr(caught.value), json.dumps(getattr(caught.value, "detail", None), default=str)]
        fake_apideck.clear_faults()
        with pytest.raises(BadRequestError) as refused:
            apideck.connections.add("crm", "pipedrive", settings={"api_key": "second-settings-secret-42"})
        seen += [str(refused.value), repr(refused.value)]
    seen += [record.getMessage() for record in caplog.records]
    secrets = [
        fake_apideck.api_key,
        "pd-settings-secret-42",
        "xero-access-secret-42",
        "xero-refresh-secret-42",
        "hub-settings-secret-42",
        "box-access-secret-42",
        "second-settings-secret-42",
        token,
        session.token,
    ]
    for text in seen:
        for secret in secrets:
            assert secret not in text, f"a secret leaked into {text[:120]!r}"
    assert caplog.records  # httpx did log the requests
