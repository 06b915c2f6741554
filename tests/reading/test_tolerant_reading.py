"""The tolerant-reading rule, through the public clients: convert without loss, else None; keep the raw JSON;
say which field at DEBUG (never its value); fail only for what the call cannot do without."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from polyvault import BulkOperationError, UnexpectedResponseError
from polyvault.apideck import Connection, Consumer, Log
from polyvault.vgs import AliasRecord

from ._logged import fields_logged
from ._operations import client_for

SECRET = "sk_live_SECRET-IN-A-FIELD-9Qz"  # what a field might hold: it must never reach a log line or a repr


def _always(body: Any, status: int = 200) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, json=body)


def _envelope(data: Any, **extra: Any) -> dict[str, Any]:
    return {"status_code": 200, "status": "OK", "data": data, **extra}


# --- convert without loss ----------------------------------------------------------------------------


def test_a_number_where_a_string_is_declared_is_its_decimal_text(caplog: pytest.LogCaptureFixture) -> None:
    """VGS's own published example reveals `"value": 122105155`, a number."""
    body = {"data": [{"value": 122105155, "classifiers": ["bank-account"], "aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}]}]}
    with fields_logged(caplog, "vgs") as lines, client_for("vgs", _always(body)) as vgs:
        record = vgs.aliases.reveal("tok_sandbox_a")
    assert (record.value, record.aliases[0].alias, record.classifiers) == ("122105155", "tok_sandbox_a", ("bank-account",))
    assert record.raw["value"] == 122105155  # the JSON as sent
    assert lines == ["response field data[].value: expected a string, got a number; converted without loss"]


def test_the_vendors_reveal_example_with_aliases_under_value_is_read() -> None:
    """VGS's reveal-many example puts each alias under `value`; the generated client used to raise KeyError('alias')."""
    body = {
        "data": {
            "tok_sandbox_5UpnbMvaihRuRwz5QXwBFw": {
                "value": "476673481",
                "classifiers": ["bank-account"],
                "aliases": [{"value": "tok_sandbox_5UpnbMvaihRuRwz5QXwBFw", "format": "UUID"}],
                "created_at": "2019-08-10T11:45:30Z",
                "storage": "VOLATILE",
            }
        }
    }
    with client_for("vgs", _always(body)) as vgs:
        found = vgs.aliases.reveal_many(["tok_sandbox_5UpnbMvaihRuRwz5QXwBFw"])
    record = found["tok_sandbox_5UpnbMvaihRuRwz5QXwBFw"]
    assert record.value == "476673481" and record.alias_for("UUID") == "tok_sandbox_5UpnbMvaihRuRwz5QXwBFw"
    assert record.created_at == datetime(2019, 8, 10, 11, 45, 30, tzinfo=UTC) and record.storage == "VOLATILE"


@pytest.mark.parametrize(
    ("sent", "read"),
    [(201, 201), (201.0, 201), ("201", 201), (201.5, None), ("201.0", None), ("0x1F", None), (True, None), ([201], None)],
)
def test_an_integer_is_read_without_loss_or_not_at_all(sent: Any, read: int | None) -> None:
    body = _envelope([{"id": "log-1", "status_code": sent}], meta={"cursors": {"next": None}})
    with client_for("apideck", _always(body)) as apideck:
        (log,) = apideck.logs.list()
    assert log.status_code == read and log.raw["status_code"] == sent


@pytest.mark.parametrize(("sent", "read"), [(True, True), (False, False), (1, None), ("true", None), (None, None)])
def test_a_boolean_is_only_a_boolean(sent: Any, read: bool | None) -> None:
    with client_for("apideck", _always(_envelope({"id": "crm+salesforce", "enabled": sent}))) as apideck:
        assert apideck.connections.get("crm", "salesforce").enabled is read


def test_text_lists_keep_the_items_they_can_read() -> None:
    with client_for("apideck", _always(_envelope({"consumer_id": "acct-1", "services": ["xero", 7, {"id": "x"}, None]}))) as apideck:
        assert apideck.consumers.get("acct-1").services == ("xero", "7")


# --- else None, raw kept, DEBUG names the field (never the value) ----------------------------------


def test_a_plain_string_that_is_no_date_is_none_not_a_failure(caplog: pytest.LogCaptureFixture) -> None:
    """Apideck's own consumer example has `"credentials_expire_at": "string"`; one such field used to fail the call."""
    connection = {"id": "crm+salesforce", "state": "callable", "credentials_expire_at": "string", "created_at": SECRET}
    body = _envelope({"consumer_id": "acct-1", "created": "2021-05-07T12:55:42.242Z", "modified": "yesterday", "connections": [connection]})
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", _always(body)) as apideck:
        consumer = apideck.consumers.get("acct-1")
    (read,) = consumer.connections
    assert (read.state, read.credentials_expire_at, read.created_at) == ("callable", None, None)
    assert consumer.created_at == datetime(2021, 5, 7, 12, 55, 42, 242000, tzinfo=UTC) and consumer.updated_at is None
    assert read.raw["credentials_expire_at"] == "string" and read.raw["created_at"] == SECRET  # the JSON is kept
    assert consumer.raw["modified"] == "yesterday"
    kept = "; read as None (the record's .raw keeps the JSON)"
    assert lines == [
        "response field connection.credentials_expire_at: expected an ISO 8601 date-time, got a string" + kept,
        "response field connection.created_at: expected an ISO 8601 date-time, got a string" + kept,
        "response field consumer.modified: expected an ISO 8601 date-time, got a string" + kept,
    ]
    assert not any(SECRET in line or "yesterday" in line for line in lines)  # the field, never its value


def test_raw_is_never_in_repr_and_cannot_be_changed() -> None:
    body = {"data": [{"value": SECRET, "aliases": [{"alias": "tok_sandbox_a"}], "note": SECRET}]}
    with client_for("vgs", _always(body)) as vgs:
        record = vgs.aliases.reveal("tok_sandbox_a")
    assert record.raw["note"] == SECRET
    assert SECRET not in repr(record) and SECRET not in str(record)
    with pytest.raises(TypeError):
        record.raw["note"] = "changed"  # type: ignore[index]
    assert record == AliasRecord(SECRET, record.aliases)  # equality is the typed view's; raw is not compared


def test_records_made_by_hand_have_an_empty_raw() -> None:
    assert dict(Connection("crm+xero", "crm", "xero").raw) == {} and dict(Log("log-1").raw) == {}
    assert dict(Consumer("acct-1").raw) == {}


def test_nested_records_that_are_not_objects_are_left_out(caplog: pytest.LogCaptureFixture) -> None:
    connection = {"id": "crm+salesforce", "form_fields": ["not a field", {"id": "instance_url", "label": 5}], "settings": "x"}
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", _always(_envelope(connection))) as apideck:
        read = apideck.connections.get("crm", "salesforce")
    assert [(field.id, field.label) for field in read.form_fields] == [("instance_url", "5")]
    assert read.settings is None and read.raw["settings"] == "x"
    kept = " (the record's .raw keeps the JSON)"
    assert lines == [
        "response field connection.settings: expected an object, got a string; read as None" + kept,
        "response field connection.form_fields[]: expected an object, got a string; read as nothing (left out)" + kept,
        "response field form_field.label: expected a string, got a number; converted without loss",
    ]


def test_a_membership_without_role_or_org_id_does_not_break_org_discovery() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/org/memberships"):
            return httpx.Response(200, json={"active_org_id": "org-7", "memberships": [{"org_id": "org-7"}, {}]})
        assert request.headers["x-active-org-id"] == "org-7"
        return httpx.Response(200, json=[{"id": "safe-1", "owner": "ops"}])

    http = httpx.Client(transport=httpx.MockTransport(handler))
    from polyvault import VaultPAM

    with http, VaultPAM(token="vp-pat", base_url="https://vaultpam.test", http_client=http) as pam:
        memberships = pam.memberships()
        safes = pam.safes.list()
    assert [(item.org_id, item.role) for item in memberships.memberships] == [("org-7", None), (None, None)]
    assert [(safe.id, safe.name, dict(safe.extra)) for safe in safes] == [("safe-1", None, {"owner": "ops"})]


# --- what the call cannot do without fails it, naming the field -------------------------------------


_CARD = {"card_number": "4111111111111111", "expiration_month": "12", "expiration_year": "2030"}
NEEDED: list[tuple[str, str, int, Any, Callable[[Any], Any], str]] = [
    ("vgs-reveal-no-value", "vgs", 200, {"data": [{"aliases": [{"alias": "tok_a"}]}]}, lambda c: c.aliases.reveal("tok_a"), "data[].value"),
    ("vgs-reveal-value-object", "vgs", 200, {"data": [{"value": {"v": SECRET}}]}, lambda c: c.aliases.reveal("tok_a"), "data[].value"),
    (
        "vgs-reveal-many-value-list",
        "vgs",
        200,
        {"data": {"tok_a": {"value": [SECRET]}}},
        lambda c: c.aliases.reveal_many(["tok_a"]),
        "data[].value",
    ),
    (
        "vgs-reference-no-alias",
        "vgs",
        201,
        {"data": [{"value": SECRET, "aliases": [{"format": "UUID"}]}]},
        lambda c: c.aliases.reference("tok_a", format="UUID"),
        "data[].aliases",
    ),
    ("apideck-log-no-id", "apideck", 200, _envelope([{"status_code": 200}]), lambda c: list(c.logs.list()), "log.id"),
    (
        "apideck-cursor-object",
        "apideck",
        200,
        _envelope([], meta={"cursors": {"next": {"page": 2}}}),
        lambda c: list(c.consumers.list()),
        "meta.cursors.next",
    ),
    (
        "apideck-session-no-token",
        "apideck",
        200,
        _envelope({"session_uri": "https://vault.test/s"}),
        lambda c: c.sessions.create(),
        "session.session_token",
    ),
    (
        "apideck-callback-state-null",
        "apideck",
        200,
        _envelope({"state": None}),
        lambda c: c.connections.callback_state("crm", "xero"),
        "callback_state.state",
    ),
    ("apideck-no-data", "apideck", 200, {"status_code": 200, "status": "OK"}, lambda c: c.consumers.get("acct-1"), "data"),
    ("vaultpam-no-active-org", "vaultpam", 200, {"memberships": []}, lambda c: c.memberships(), "active_org_id"),
    ("vaultpam-safe-no-id", "vaultpam", 200, [{"name": "no id"}], lambda c: c.safes.list(), "safe.id"),
    (
        "vaultera-session-no-token",
        "vaultera",
        201,
        {"data": {"id": "s-1", "attributes": {"scope": "card"}}},
        lambda c: c.session_tokens.create("card"),
        "session_token.attributes.session_token",
    ),
    (
        "vaultera-card-no-token",
        "vaultera",
        200,
        {"data": {"attributes": {"card_number": "411111******1111"}}},
        lambda c: c.cards.store(**_CARD),
        "card.attributes.card_token",
    ),
]


@pytest.mark.parametrize(("vault", "status", "body", "call", "named"), [case[1:] for case in NEEDED], ids=[case[0] for case in NEEDED])
def test_a_missing_needed_field_is_an_unexpected_response_naming_it(
    vault: str, status: int, body: Any, call: Callable[[Any], Any], named: str
) -> None:
    with client_for(vault, _always(body, status)) as client, pytest.raises(UnexpectedResponseError) as caught:
        call(client)
    assert f"({named}: " in caught.value.message and "needed, found" in caught.value.message
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_a_create_answer_without_aliases_is_unexpected_for_every_value_sent() -> None:
    """A create stores values (it may have been applied), so its error says so: the bulk error's cause names the field."""
    body = {"data": [{"value": "v-1", "aliases": []}, {"value": "v-2", "aliases": [{"alias": "tok_sandbox_b"}]}]}
    with client_for("vgs", _always(body, 201)) as vgs, pytest.raises(BulkOperationError) as caught:
        vgs.aliases.tokenize(["v-1", "v-2"])
    cause = caught.value.errors[0]
    assert isinstance(cause, UnexpectedResponseError) and "data[].aliases: an alias needed, found nothing" in cause.message
    assert caught.value.unknown == (0, 1)


def test_a_create_answer_keeps_the_sent_value_when_it_leaves_it_out() -> None:
    body = {"data": [{"aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}]}]}
    with client_for("vgs", _always(body, 201)) as vgs:
        (record,) = vgs.aliases.create(["4111111111111111"])
        reference = vgs.aliases.reference("tok_sandbox_a", format="UUID")
    assert record.value == "4111111111111111" and record.aliases[0].alias == "tok_sandbox_a"
    assert reference.value is None  # a reference sends no value: an answer without one leaves it unknown


_KEPT = "response field {} (the record's .raw keeps the JSON)"


@pytest.mark.parametrize(
    ("aliases", "expected", "logged"),
    [
        ([{"alias": "tok_a", "format": "RAW_UUID"}, {"alias": "tok_b", "format": "UUID"}], "tok_b", []),
        ([{"alias": "tok_a", "format": "RAW_UUID"}, {"alias": "tok_b", "format": "NUM_LENGTH_PRESERVING"}], "tok_a", []),
        ([{"alias": "tok_a"}, {"alias": "tok_b", "format": "UUID"}, {"alias": "tok_c", "format": "UUID"}], "tok_b", []),
        ([{"alias": "", "format": "UUID"}, {"alias": "tok_b", "format": "RAW_UUID"}], "", []),
        (
            [{"alias": 4111, "format": "RAW_UUID"}, {"alias": "tok_b", "format": "UUID"}],
            "tok_b",
            ["response field aliases[].alias: expected a string, got a number; converted without loss"],
        ),
        (
            [None, {"value": "tok_v", "format": "UUID"}, {"alias": "tok_c", "format": "UUID"}],
            "tok_v",
            [_KEPT.format("data[].aliases[]: expected an object, got a null; read as nothing (left out)")],
        ),
        (
            [{"alias": ["x"], "format": "UUID"}, {"alias": "tok_b", "format": 7}],
            "tok_b",
            [
                _KEPT.format("aliases[].alias: expected a string, got an array; read as None"),
                _KEPT.format("aliases[].alias: expected a string, got an array; read as nothing (the alias is left out)"),
                "response field aliases[].format: expected a string, got a number; converted without loss",
            ],
        ),
    ],
    ids=["requested-second", "none-requested-first", "first-requested", "empty-alias", "number-alias", "null-entry", "odd-entries"],
)
def test_tokenize_returns_the_alias_in_the_requested_format_else_the_first(
    aliases: list[Any], expected: str, logged: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever the order and shape of a created value's aliases, tokenize picks as `create` + `alias_for` would."""
    body = {"data": [{"value": "4111111111111111", "aliases": aliases}]}
    with fields_logged(caplog, "vgs") as lines, client_for("vgs", _always(body, 201)) as vgs:
        token = vgs.aliases.tokenize(["4111111111111111"], format="UUID")
    with client_for("vgs", _always(body, 201)) as vgs:
        (record,) = vgs.aliases.create(["4111111111111111"], format="UUID")
    assert token == [expected]
    assert token == [record.alias_for("UUID") if record.alias_for("UUID") is not None else record.aliases[0].alias]
    assert lines == logged
