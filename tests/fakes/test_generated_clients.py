"""The generated clients drive every operation of every fake: happy paths and documented errors (issue 3).

Each vault gets a happy-path scenario that calls every operation of its spec, in a sensible order,
through the GENERATED package (`<package>.api.<tag>.<operation>.sync_detailed`, not the polyvault
facade), and tests for each documented error status the fake can produce, parsed into the vault's
error model. Every test runs twice (pytest parametrization): in-process (an httpx client over
`fake.transport`, base URL `fake.in_process_url`) and over loopback (`with fake.serve() as url`).
A few calls run again through `asyncio_detailed`, in-process.

Every test ends with `fake.violations == []`: the fakes validate each request and each answer
against our specs. Which operations a test drove is recorded per call (`Wire.call`) and, for the
happy paths, checked against the spec's operationIds both from the client side (2xx answers) and
from the fake's side (`fake.requests` route keys).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import polyvault_apideck_client
import polyvault_vaultera_client
import polyvault_vaultpam_client
import polyvault_vgs_client
import pytest
from polyvault.testing import FakeApideck, FakeVault, FakeVaultera, FakeVaultPAM, FakeVGS, ManualClock
from polyvault.testing._openapi import load_spec
from polyvault_apideck_client.api.connections import (
    connection_consent_update,
    connection_consents_all,
    connection_custom_mappings_all,
    connection_settings_all,
    connection_settings_update,
    connections_add,
    connections_all,
    connections_confirm,
    connections_delete,
    connections_import,
    connections_migrate,
    connections_one,
    connections_token,
    connections_update,
    create_callback_state,
    custom_fields_all,
    validate_connection_state,
)
from polyvault_apideck_client.api.consumers import (
    consumer_request_counts_all,
    consumers_add,
    consumers_all,
    consumers_delete,
    consumers_one,
    consumers_update,
)
from polyvault_apideck_client.api.custom_mappings import custom_mappings_all
from polyvault_apideck_client.api.logs import logs_all
from polyvault_apideck_client.api.sessions import sessions_create
from polyvault_apideck_client.models import (
    ConfirmConnection,
    ConfirmConnectionResponse,
    ConnectionImportData,
    ConnectionMigrateData,
    ConsumerRequestCountsInDateRangeResponse,
    CreateCallbackState,
    CreateCallbackStateResponse,
    CreateConnectionRequest,
    CreateConnectionResponse,
    CreateConsumerRequest,
    CreateConsumerResponse,
    CreateSessionResponse,
    DeleteConsumerResponse,
    EmptyRequest,
    ErrorResponse,
    GetConnectionResponse,
    GetConnectionsResponse,
    GetConsentRecordsResponse,
    GetConsumerResponse,
    GetConsumersResponse,
    GetCustomFieldsResponse,
    GetCustomMappingsResponse,
    GetLogsResponse,
    Session,
    UpdateConnectionRequest,
    UpdateConnectionResponse,
    UpdateConsentRequest,
    UpdateConsentResponse,
    UpdateConsumerRequest,
    UpdateConsumerResponse,
    ValidateConnectionStateResponse,
)
from polyvault_vaultera_client.api.api_keys import create_api_key, get_api_key, list_api_keys, revoke_api_key
from polyvault_vaultera_client.api.capture import capture
from polyvault_vaultera_client.api.cards import delete_card, send_card, store_card
from polyvault_vaultera_client.api.session_tokens import create_session_token
from polyvault_vaultera_client.models import (
    ApiKeyCreateRequest,
    ApiKeyEnvelope,
    ApiKeyList,
    CardEnvelope,
    CardStoreRequest,
    SessionTokenCreateRequest,
    SessionTokenEnvelope,
)
from polyvault_vaultera_client.models import Error as VaulteraError
from polyvault_vaultpam_client.api.auth import login
from polyvault_vaultpam_client.api.org import list_memberships
from polyvault_vaultpam_client.api.safes import list_safes
from polyvault_vaultpam_client.models import Error as VaultPAMError
from polyvault_vaultpam_client.models import LoginRequest, LoginResponse, MembershipList, Safe
from polyvault_vgs_client.api.aliases import (
    create_aliases,
    delete_alias,
    delete_aliases,
    reveal_alias,
    reveal_multiple_aliases,
    update_alias,
)
from polyvault_vgs_client.models import (
    ApiErrors,
    CreateAliasesRequest,
    CreateAliasesResponse,
    DeleteAliasesRequest,
    RevealAliasResponse,
    RevealMultipleAliasesResponse,
    UpdateAliasRequest,
)

MODES = ("in_process", "loopback")
PACKAGES = {
    "vgs": polyvault_vgs_client,
    "apideck": polyvault_apideck_client,
    "vaultpam": polyvault_vaultpam_client,
    "vaultera": polyvault_vaultera_client,
}
TIMEOUT = httpx.Timeout(10.0)  # every call is bounded; none of these exchanges takes more than milliseconds
CARD = "4111111111111111"
BASE58_UUID_ALIAS = re.compile(r"^tok_sandbox_[1-9A-HJ-NP-Za-km-z]{22}$")


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char) * (2 if index % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


def test_luhn_valid_known_answers() -> None:
    """The check the alias tests lean on, against known numbers: a test card passes, one digit off does not."""
    assert luhn_valid(CARD) and luhn_valid("4111111111111111") and luhn_valid("5555555555554444")
    assert not luhn_valid("4111111111111112") and not luhn_valid("5555555555554445")


# --- the specs' operations, and which generated module serves each -------------------------------


def spec_routes(vault: str) -> dict[str, str]:
    """`METHOD /path` → operationId, for every operation of `specs/<vault>.yaml`."""
    spec = load_spec(vault)
    return {
        f"{method.upper()} {path}": definition["operationId"]
        for path, item in spec["paths"].items()
        for method, definition in item.items()
        if isinstance(definition, dict) and "operationId" in definition
    }


def snake_case(name: str) -> str:
    """`revealMultipleAliases` → `reveal_multiple_aliases` (the generator's module names for our operationIds)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


OPERATION_OF_MODULE: dict[str, str] = {}  # generated module name → operationId
for _vault, _package in PACKAGES.items():
    _ids = {snake_case(operation_id): operation_id for operation_id in spec_routes(_vault).values()}
    for _found in pkgutil.walk_packages(_package.api.__path__, f"{_package.__name__}.api."):
        if not _found.ispkg and _found.name.rsplit(".", 1)[1] in _ids:
            OPERATION_OF_MODULE[_found.name] = _ids[_found.name.rsplit(".", 1)[1]]


def operations_of(vault: str) -> set[str]:
    return set(spec_routes(vault).values())


@pytest.mark.parametrize("vault", sorted(PACKAGES))
def test_every_spec_operation_has_a_generated_module(vault: str) -> None:
    """The recorder below names calls by module; every operationId must have exactly one module with `sync_detailed`."""
    package = PACKAGES[vault].__name__
    modules = {name: op for name, op in OPERATION_OF_MODULE.items() if name.startswith(package + ".")}
    assert sorted(modules.values()) == sorted(operations_of(vault))
    for name in modules:
        module = importlib.import_module(name)
        assert callable(module.sync_detailed) and callable(module.asyncio_detailed)


# --- reaching a fake: in-process or over 127.0.0.1 ---------------------------------------------


class Wire:
    """Builds generated clients for one fake and records every call made through them."""

    def __init__(self, fake: FakeVault, mode: str, base_url: str) -> None:
        self.fake = fake
        self.mode = mode
        self.base_url = base_url
        self.calls: list[tuple[str, int]] = []  # (operationId, status)
        self._clients: list[Any] = []

    def client(self, cls: type, **kwargs: Any) -> Any:
        """A generated `Client`/`AuthenticatedClient` for the fake (in-process: over `fake.transport`)."""
        httpx_args = dict(kwargs.pop("httpx_args", {}))
        if self.mode == "in_process":
            httpx_args["transport"] = self.fake.transport
        kwargs.setdefault("timeout", TIMEOUT)
        client = cls(base_url=self.base_url, httpx_args=httpx_args, **kwargs)
        self._clients.append(client)
        return client

    def call(self, module: Any, *args: Any, **kwargs: Any) -> Any:
        """`module.sync_detailed(...)`, recorded as (operationId, status)."""
        response = module.sync_detailed(*args, **kwargs)
        self.calls.append((OPERATION_OF_MODULE[module.__name__], int(response.status_code)))
        return response

    def succeeded(self) -> set[str]:
        return {operation for operation, status in self.calls if 200 <= status < 300}

    def close(self) -> None:
        for client in self._clients:
            client.get_httpx_client().close()


@contextmanager
def wired(fake: FakeVault, mode: str) -> Iterator[Wire]:
    """A `Wire` to `fake`, in-process or with the fake served on 127.0.0.1 for the block's duration."""
    if mode == "in_process":
        wire = Wire(fake, mode, fake.in_process_url)
        try:
            yield wire
        finally:
            wire.close()
        return
    with fake.serve() as url:
        wire = Wire(fake, mode, url)
        try:
            yield wire
        finally:
            wire.close()


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def routes_reached(fake: FakeVault, vault: str) -> set[str]:
    """The operationIds the fake saw requests for (from its recorded route keys)."""
    routes = spec_routes(vault)
    return {routes[request.route] for request in fake.requests if request.route is not None}


def parsed_as(response: Any, status: int, model: type) -> Any:
    """Assert `response` is `status` with `.parsed` an instance of `model` (an answer or error model); return `.parsed`."""
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert isinstance(response.parsed, model), type(response.parsed)
    return response.parsed


error_of = parsed_as  # the same check, where the model is the vault's error model


# ================================================================================================
# VGS
# ================================================================================================


def vgs_client(wire: Wire, *, password: str | None = None) -> polyvault_vgs_client.Client:
    fake = wire.fake
    assert isinstance(fake, FakeVGS)
    auth = httpx.BasicAuth(fake.username, fake.password if password is None else password)
    return wire.client(polyvault_vgs_client.Client, httpx_args={"auth": auth})


def vgs_create(values: list[dict[str, Any]]) -> CreateAliasesRequest:
    return CreateAliasesRequest.from_dict({"data": values})


def vgs_every_operation(wire: Wire, client: Any, alias: str) -> dict[str, Any]:
    """Each VGS operation called once (about `alias`), by operationId."""
    return {
        "createAliases": wire.call(create_aliases, client=client, body=vgs_create([{"value": CARD, "format": "UUID"}])),
        "revealAlias": wire.call(reveal_alias, alias, client=client),
        "revealMultipleAliases": wire.call(reveal_multiple_aliases, client=client, aliases=alias),
        "updateAlias": wire.call(update_alias, alias, client=client, body=UpdateAliasRequest.from_dict({"data": {"classifiers": []}})),
        "deleteAlias": wire.call(delete_alias, alias, client=client),
        "deleteAliases": wire.call(delete_aliases, client=client, body=DeleteAliasesRequest.from_dict({"data": [alias]})),
    }


def test_vgs_happy_path(mode: str) -> None:
    clock = ManualClock()
    fake = FakeVGS(clock=clock)
    with wired(fake, mode) as wire:
        vgs = vgs_client(wire)

        created = wire.call(
            create_aliases,
            client=vgs,
            body=vgs_create(
                [
                    {"value": CARD, "format": "FPE_SIX_T_FOUR", "classifiers": ["credit-card"]},
                    {"value": "078-05-1120", "format": "FPE_SSN_T_FOUR", "storage": "PERSISTENT"},
                    {"value": "session secret", "format": "UUID", "storage": "VOLATILE", "classifiers": ["ignored"]},
                ]
            ),
        )
        parsed_as(created, 201, CreateAliasesResponse)
        card, ssn, volatile = created.parsed.data
        card_alias, ssn_alias, volatile_alias = card.aliases[0].alias, ssn.aliases[0].alias, volatile.aliases[0].alias
        assert (card.value, card.storage, card.classifiers, card.aliases[0].format_) == (
            CARD,
            "PERSISTENT",
            ["credit-card"],
            "FPE_SIX_T_FOUR",
        )
        assert len(card_alias) == 16 and card_alias[:6] == "411111" and card_alias[-4:] == "1111" and luhn_valid(card_alias)
        assert re.fullmatch(r"\d{3}-\d{2}-1120", ssn_alias)
        assert BASE58_UUID_ALIAS.match(volatile_alias)
        # VOLATILE: VGS's default metadata, whatever was sent
        assert (volatile.storage, volatile.classifiers, volatile.created_at) == ("VOLATILE", [], dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
        assert created.headers["x-ratelimit-remaining"].isdigit()

        # the reference variant: one more alias (another format) for the stored card, listed with the first
        referenced = wire.call(create_aliases, client=vgs, body=vgs_create([{"alias": card_alias, "format": "UUID"}]))
        parsed_as(referenced, 201, CreateAliasesResponse)
        both = {dto.format_: dto.alias for dto in referenced.parsed.data[0].aliases}
        assert referenced.parsed.data[0].value == CARD and both["FPE_SIX_T_FOUR"] == card_alias
        assert BASE58_UUID_ALIAS.match(both["UUID"])
        assert fake.stored_values() == [CARD, "078-05-1120"]  # a reference stores nothing new

        one = wire.call(reveal_alias, both["UUID"], client=vgs)
        parsed_as(one, 200, RevealAliasResponse)
        [revealed] = one.parsed.data
        assert revealed.value == CARD and {dto.alias for dto in revealed.aliases} == set(both.values())

        one_volatile = wire.call(reveal_alias, volatile_alias, client=vgs, storage="VOLATILE")
        parsed_as(one_volatile, 200, RevealAliasResponse)
        assert one_volatile.parsed.data[0].value == "session secret"
        assert wire.call(reveal_alias, volatile_alias, client=vgs).status_code == 404  # not in PERSISTENT storage

        many = wire.call(reveal_multiple_aliases, client=vgs, aliases=f"{card_alias},{ssn_alias}")
        parsed_as(many, 200, RevealMultipleAliasesResponse)
        shown = many.parsed.data.additional_properties
        assert {alias: data.value for alias, data in shown.items()} == {card_alias: CARD, ssn_alias: "078-05-1120"}

        many_volatile = wire.call(reveal_multiple_aliases, client=vgs, aliases=volatile_alias, storage="VOLATILE")
        parsed_as(many_volatile, 200, RevealMultipleAliasesResponse)
        assert many_volatile.parsed.data.additional_properties[volatile_alias].value == "session secret"

        updated = wire.call(
            update_alias, card_alias, client=vgs, body=UpdateAliasRequest.from_dict({"data": {"classifiers": ["pci", "pan"]}})
        )
        assert (updated.status_code, updated.parsed) == (204, None)
        again = wire.call(reveal_alias, both["UUID"], client=vgs)  # classifiers belong to the value: every alias shows them
        assert isinstance(again.parsed, RevealAliasResponse)
        assert again.parsed.data[0].classifiers == ["pci", "pan"]

        deleted = wire.call(delete_alias, ssn_alias, client=vgs)
        assert (deleted.status_code, deleted.parsed) == (204, None)
        assert wire.call(reveal_alias, ssn_alias, client=vgs).status_code == 404
        assert wire.call(delete_alias, volatile_alias, client=vgs, storage="VOLATILE").status_code == 204
        assert fake.stored_values("VOLATILE") == []

        batch = wire.call(
            delete_aliases, client=vgs, body=DeleteAliasesRequest.from_dict({"data": [both["UUID"]], "storage": "PERSISTENT"})
        )
        assert (batch.status_code, batch.parsed) == (204, None)
        assert fake.stored_values() == []
        assert wire.call(reveal_alias, card_alias, client=vgs).status_code == 404  # every alias of the value went with it

        assert wire.succeeded() == operations_of("vgs")
    assert routes_reached(fake, "vgs") == operations_of("vgs")
    assert fake.violations == []


def test_vgs_volatile_values_expire_after_an_hour(mode: str) -> None:
    clock = ManualClock()
    fake = FakeVGS(clock=clock)
    with wired(fake, mode) as wire:
        vgs = vgs_client(wire)
        created = wire.call(create_aliases, client=vgs, body=vgs_create([{"value": "otp", "format": "UUID", "storage": "VOLATILE"}]))
        alias = created.parsed.data[0].aliases[0].alias
        clock.advance(3599)
        assert wire.call(reveal_alias, alias, client=vgs, storage="VOLATILE").status_code == 200
        clock.advance(1)
        gone = error_of(wire.call(reveal_alias, alias, client=vgs, storage="VOLATILE"), 404, ApiErrors)
        assert gone.errors[0].status == 404
    assert fake.violations == []


def test_vgs_400_bad_requests(mode: str) -> None:
    fake = FakeVGS()
    with wired(fake, mode) as wire:
        vgs = vgs_client(wire)
        twenty_one = [{"value": f"v{index}", "format": "UUID"} for index in range(21)]
        # the generated model does not enforce maxItems, so the client can send 21 items: VGS's documented 400
        too_many = error_of(wire.call(create_aliases, client=vgs, body=vgs_create(twenty_one)), 400, ApiErrors)
        assert too_many.errors[0].detail == "Too many values (limit: 20)" and too_many.errors[0].status == 400
        too_many_deletes = wire.call(
            delete_aliases, client=vgs, body=DeleteAliasesRequest.from_dict({"data": [f"a{i}" for i in range(21)]})
        )
        assert error_of(too_many_deletes, 400, ApiErrors).errors[0].detail == "Too many values (limit: 20)"
        empty = wire.call(delete_aliases, client=vgs, body=DeleteAliasesRequest.from_dict({"data": []}))
        assert error_of(empty, 400, ApiErrors).errors[0].title == "Bad request"
        unfit = wire.call(create_aliases, client=vgs, body=vgs_create([{"value": "not a card", "format": "FPE_SIX_T_FOUR"}]))
        assert "card number" in error_of(unfit, 400, ApiErrors).errors[0].detail
        assert fake.stored_values() == []  # nothing of a refused request is stored
    assert fake.violations == []


def test_vgs_404_unknown_aliases(mode: str) -> None:
    fake = FakeVGS()
    with wired(fake, mode) as wire:
        vgs = vgs_client(wire)
        kept = wire.call(create_aliases, client=vgs, body=vgs_create([{"value": CARD, "format": "UUID"}])).parsed.data[0].aliases[0].alias
        unknown = "tok_sandbox_5vYNqFb1rNR8SLhNM2P4PD"
        responses = {
            "createAliases (reference)": wire.call(create_aliases, client=vgs, body=vgs_create([{"alias": unknown, "format": "UUID"}])),
            "revealAlias": wire.call(reveal_alias, unknown, client=vgs),
            "revealMultipleAliases": wire.call(reveal_multiple_aliases, client=vgs, aliases=f"{kept},{unknown}"),
            "updateAlias": wire.call(update_alias, unknown, client=vgs, body=UpdateAliasRequest.from_dict({"data": {"classifiers": []}})),
            "deleteAlias": wire.call(delete_alias, unknown, client=vgs),
            "deleteAliases": wire.call(delete_aliases, client=vgs, body=DeleteAliasesRequest.from_dict({"data": [kept, unknown]})),
            "deleteAlias (other storage)": wire.call(delete_alias, kept, client=vgs, storage="VOLATILE"),
        }
        batch = responses.pop("deleteAliases")  # the vendor documents this 404 without a body
        assert (batch.status_code, batch.content, batch.parsed) == (404, b"", None)
        for name, response in responses.items():
            parsed = error_of(response, 404, ApiErrors)
            assert parsed.errors[0].status == 404 and parsed.errors[0].title == "Not found", name
        assert fake.stored_values() == [CARD]  # the batch delete with one unknown alias deleted nothing
        assert {operation for operation, status in wire.calls if status == 404} == operations_of("vgs")
    assert fake.violations == []


def test_vgs_401_wrong_credentials(mode: str) -> None:
    fake = FakeVGS()
    with wired(fake, mode) as wire:
        alias = wire.call(create_aliases, client=vgs_client(wire), body=vgs_create([{"value": CARD, "format": "UUID"}]))
        alias = alias.parsed.data[0].aliases[0].alias
        for client in (vgs_client(wire, password="wrong"), wire.client(polyvault_vgs_client.Client)):  # wrong password, no auth at all
            for name, response in vgs_every_operation(wire, client, alias).items():
                parsed = error_of(response, 401, ApiErrors)
                assert parsed.errors[0].title == "Unauthorized", name
        assert fake.stored_values() == [CARD]
    assert fake.violations == []


def test_vgs_403_reveal_disabled(mode: str) -> None:
    fake = FakeVGS(reveal_enabled=False)
    with wired(fake, mode) as wire:
        vgs = vgs_client(wire)
        alias = wire.call(create_aliases, client=vgs, body=vgs_create([{"value": CARD, "format": "UUID"}])).parsed.data[0].aliases[0].alias
        for response in (wire.call(reveal_alias, alias, client=vgs), wire.call(reveal_multiple_aliases, client=vgs, aliases=alias)):
            assert error_of(response, 403, ApiErrors).errors[0].title == "Forbidden"
        # everything but reveal still works
        assert (
            wire.call(update_alias, alias, client=vgs, body=UpdateAliasRequest.from_dict({"data": {"classifiers": ["x"]}})).status_code
            == 204
        )
        assert wire.call(delete_alias, alias, client=vgs).status_code == 204
    assert fake.violations == []


def test_vgs_429_past_the_rate_limit(mode: str) -> None:
    fake = FakeVGS(rate_limit=1, clock=ManualClock())
    with wired(fake, mode) as wire:
        vgs = vgs_client(wire)
        first = wire.call(create_aliases, client=vgs, body=vgs_create([{"value": CARD, "format": "UUID"}]))
        assert first.status_code == 201 and first.headers["x-ratelimit-remaining"] == "0"
        alias = first.parsed.data[0].aliases[0].alias
        for name, response in vgs_every_operation(wire, vgs, alias).items():
            parsed = error_of(response, 429, ApiErrors)
            assert parsed.errors[0].title == "Too many requests", name
            assert response.headers["x-ratelimit-remaining"] == "0"
            assert int(response.headers["Retry-After"]) >= 1
        assert fake.stored_values() == [CARD]
    assert fake.violations == []


@pytest.mark.parametrize("kind", ["500", "503"])
def test_vgs_5xx_parse_as_default_errors(mode: str, kind: str) -> None:
    """5xx are undocumented by VGS, so they fall under `default`: still the ApiErrors body."""
    fake = FakeVGS()
    with wired(fake, mode) as wire:
        fake.inject(kind, route="GET /aliases/{alias}")  # type: ignore[arg-type]
        parsed = error_of(wire.call(reveal_alias, "tok_sandbox_x", client=vgs_client(wire)), int(kind), ApiErrors)
        assert parsed.errors[0].status == int(kind)
    assert fake.violations == []


# ================================================================================================
# Apideck
# ================================================================================================

UNIFIED, SERVICE, RESOURCE = "crm", "salesforce", "leads"


def apideck_client(wire: Wire, *, consumer: str | None = "", api_key: str | None = None) -> polyvault_apideck_client.AuthenticatedClient:
    """An AuthenticatedClient with the fake's API key and app id, and `consumer` (default: the fake's; None: no header)."""
    fake = wire.fake
    assert isinstance(fake, FakeApideck)
    headers = {"x-apideck-app-id": fake.app_id}
    if consumer is not None:
        headers["x-apideck-consumer-id"] = consumer or fake.consumer_id
    return wire.client(polyvault_apideck_client.AuthenticatedClient, token=api_key or fake.api_key, headers=headers)


def apideck_every_operation(
    wire: Wire, client: Any, *, consumer: str = "test-consumer", unified: str = UNIFIED, service: str = SERVICE, resource: str = RESOURCE
) -> dict[str, Any]:
    """Each Apideck operation called once with valid arguments (for the sweeps of 401, 402, 400 and 404), by operationId."""
    connection = (unified, service)
    return {
        "consumersAdd": wire.call(consumers_add, client=client, body=CreateConsumerRequest.from_dict({"consumer_id": "sweep"})),
        "consumersAll": wire.call(consumers_all, client=client),
        "consumersOne": wire.call(consumers_one, consumer, client=client),
        "consumersUpdate": wire.call(consumers_update, consumer, client=client, body=UpdateConsumerRequest.from_dict({})),
        "consumerRequestCountsAll": wire.call(
            consumer_request_counts_all, consumer, client=client, start_datetime="2024-01-01T00:00:00Z", end_datetime="2024-02-01T00:00:00Z"
        ),
        "consumersDelete": wire.call(consumers_delete, consumer, client=client),
        "connectionsAll": wire.call(connections_all, client=client),
        "connectionsAdd": wire.call(connections_add, *connection, client=client, body=CreateConnectionRequest.from_dict({})),
        "connectionsOne": wire.call(connections_one, *connection, client=client),
        "connectionsUpdate": wire.call(connections_update, *connection, client=client, body=UpdateConnectionRequest.from_dict({})),
        "connectionSettingsAll": wire.call(connection_settings_all, *connection, resource, client=client),
        "connectionSettingsUpdate": wire.call(
            connection_settings_update, *connection, resource, client=client, body=UpdateConnectionRequest.from_dict({})
        ),
        "customFieldsAll": wire.call(custom_fields_all, *connection, resource, client=client),
        "connectionCustomMappingsAll": wire.call(connection_custom_mappings_all, *connection, resource, client=client),
        "customMappingsAll": wire.call(custom_mappings_all, *connection, client=client),
        "connectionConsentsAll": wire.call(connection_consents_all, *connection, client=client),
        "connectionConsentUpdate": wire.call(
            connection_consent_update, *connection, client=client, body=UpdateConsentRequest.from_dict({"granted": True, "resources": "*"})
        ),
        "connectionsToken": wire.call(connections_token, *connection, client=client, body=EmptyRequest()),
        "validateConnectionState": wire.call(validate_connection_state, *connection, client=client),
        "createCallbackState": wire.call(create_callback_state, *connection, client=client, body=CreateCallbackState.from_dict({})),
        "connectionsConfirm": wire.call(
            connections_confirm, *connection, client=client, body=ConfirmConnection(confirm_token=str(uuid.UUID(int=7)))
        ),
        "connectionsImport": wire.call(connections_import, *connection, client=client, body=ConnectionImportData.from_dict({})),
        "connectionsMigrate": wire.call(
            connections_migrate, *connection, client=client, body=ConnectionMigrateData(target_service_id="intuit-enterprise-suite")
        ),
        "connectionsDelete": wire.call(connections_delete, *connection, client=client),
        "sessionsCreate": wire.call(sessions_create, client=client, body=Session.from_dict({})),
        "logsAll": wire.call(logs_all, client=client),
    }


def apideck_error(response: Any, status: int, type_name: str) -> ErrorResponse:
    parsed = error_of(response, status, ErrorResponse)
    assert (parsed.status_code, parsed.type_name) == (status, type_name), (parsed.status_code, parsed.type_name, parsed.message)
    assert response.headers["Request-Id"] == response.headers["x-apideck-request-id"]
    return parsed


def test_apideck_happy_path(mode: str) -> None:
    fake = FakeApideck(clock=ManualClock())
    with wired(fake, mode) as wire:
        apideck = apideck_client(wire)

        # --- consumers: add, one, all (filtered, paged), update, request counts, delete
        added = wire.call(
            consumers_add,
            client=apideck,
            body=CreateConsumerRequest.from_dict(
                {"consumer_id": "acme-1", "metadata": {"account_name": "Acme", "email": "ops@acme.example"}}
            ),
        )
        parsed_as(added, 200, CreateConsumerResponse)
        assert added.parsed.data.consumer_id == "acme-1" and added.parsed.data.metadata.account_name == "Acme"
        assert added.headers["Request-Id"]

        one = wire.call(consumers_one, "acme-1", client=apideck)
        assert isinstance(one.parsed, GetConsumerResponse)
        assert (one.status_code, one.parsed.data.application_id, one.parsed.data.metadata.email) == (200, fake.app_id, "ops@acme.example")

        wire.call(consumers_add, client=apideck, body=CreateConsumerRequest.from_dict({"consumer_id": "acme-2"}))
        first_page = wire.call(consumers_all, client=apideck, limit=2)
        parsed_as(first_page, 200, GetConsumersResponse)
        assert [item.consumer_id for item in first_page.parsed.data] == [fake.consumer_id, "acme-1"]
        next_cursor = first_page.parsed.meta.cursors.next_
        assert isinstance(next_cursor, str) and next_cursor
        second_page = wire.call(consumers_all, client=apideck, limit=2, cursor=next_cursor)
        assert isinstance(second_page.parsed, GetConsumersResponse)
        assert [item.consumer_id for item in second_page.parsed.data] == ["acme-2"]
        assert second_page.parsed.meta.cursors.next_ is None
        filtered = wire.call(consumers_all, client=apideck, filterconsumer_id="acme-", filtersearch="acme.example")
        assert isinstance(filtered.parsed, GetConsumersResponse)
        assert [item.consumer_id for item in filtered.parsed.data] == ["acme-1"]

        updated = wire.call(
            consumers_update, "acme-1", client=apideck, body=UpdateConsumerRequest.from_dict({"metadata": {"user_name": "Ada"}})
        )
        parsed_as(updated, 200, UpdateConsumerResponse)
        assert (updated.parsed.data.metadata.user_name, updated.parsed.data.metadata.account_name) == ("Ada", "Acme")

        counts = wire.call(
            consumer_request_counts_all,
            "acme-1",
            client=apideck,
            start_datetime="2024-01-01T00:00:00Z",
            end_datetime="2030-01-01T00:00:00Z",
        )
        parsed_as(counts, 200, ConsumerRequestCountsInDateRangeResponse)
        assert counts.parsed.data.consumer_id == "acme-1" and counts.parsed.data.start_datetime == "2024-01-01T00:00:00Z"

        deleted = wire.call(consumers_delete, "acme-2", client=apideck)
        parsed_as(deleted, 200, DeleteConsumerResponse)
        assert deleted.parsed.data.consumer_id == "acme-2" and "acme-2" not in fake.consumer_ids()

        # --- connections: list, add, OAuth (simulated browser) + confirm, one, update, settings, fields, mappings, consents
        catalog = wire.call(connections_all, client=apideck, api=UNIFIED)
        parsed_as(catalog, 200, GetConnectionsResponse)
        listed = {item.service_id: item for item in catalog.parsed.data}
        assert {item.unified_api for item in catalog.parsed.data} == {UNIFIED}
        assert listed[SERVICE].state == "available" and listed[SERVICE].authorize_url.startswith(wire.base_url.split("/vault")[0])
        only_configured = wire.call(connections_all, client=apideck, configured=False)
        assert isinstance(only_configured.parsed, GetConnectionsResponse)
        assert [item.service_id for item in only_configured.parsed.data] == ["hubspot"]

        created = wire.call(
            connections_add,
            UNIFIED,
            SERVICE,
            client=apideck,
            body=CreateConnectionRequest.from_dict(
                {"settings": {"instance_url": "https://acme.my.salesforce.example"}, "metadata": {"team": "sales"}}
            ),
        )
        parsed_as(created, 200, CreateConnectionResponse)
        assert (created.parsed.data.id, created.parsed.data.state, created.parsed.data.health) == ("crm+salesforce", "added", "needs_auth")

        confirm_token = fake.authorize(UNIFIED, SERVICE, nonce="n-1")
        assert confirm_token is not None
        pending = wire.call(connections_one, UNIFIED, SERVICE, client=apideck)
        parsed_as(pending, 200, GetConnectionResponse)
        assert (pending.parsed.data.state, pending.parsed.data.health) == ("authorized", "pending_confirmation")
        confirmed = wire.call(connections_confirm, UNIFIED, SERVICE, client=apideck, body=ConfirmConnection(confirm_token=confirm_token))
        parsed_as(confirmed, 200, ConfirmConnectionResponse)
        assert confirmed.parsed.data.confirmed is True
        callable_now = wire.call(connections_one, UNIFIED, SERVICE, client=apideck)
        assert (callable_now.parsed.data.state, callable_now.parsed.data.health) == ("callable", "ok")
        assert callable_now.parsed.data.settings == {"instance_url": "https://acme.my.salesforce.example"}

        changed = wire.call(
            connections_update, UNIFIED, SERVICE, client=apideck, body=UpdateConnectionRequest.from_dict({"enabled": False})
        )
        parsed_as(changed, 200, UpdateConnectionResponse)
        assert changed.parsed.data.enabled is False and changed.parsed.data.metadata == {"team": "sales"}

        settings = wire.call(connection_settings_all, UNIFIED, SERVICE, RESOURCE, client=apideck)
        parsed_as(settings, 200, GetConnectionResponse)
        assert settings.parsed.data.id == "crm+salesforce"
        new_defaults = UpdateConnectionRequest.from_dict(
            {"configuration": [{"resource": RESOURCE, "defaults": [{"id": "ProductInterest", "value": "GC5000 series"}]}]}
        )
        configured = wire.call(connection_settings_update, UNIFIED, SERVICE, RESOURCE, client=apideck, body=new_defaults)
        parsed_as(configured, 200, UpdateConnectionResponse)
        defaults = {item.id: item.value for entry in configured.parsed.data.configuration for item in entry.defaults}
        assert defaults["ProductInterest"] == "GC5000 series"

        fields = wire.call(custom_fields_all, UNIFIED, SERVICE, RESOURCE, client=apideck)
        parsed_as(fields, 200, GetCustomFieldsResponse)
        assert {item.id: item.value for item in fields.parsed.data} == {"lead_score__c": 87, "region__c": "EMEA"}
        sampled = wire.call(custom_fields_all, UNIFIED, SERVICE, RESOURCE, client=apideck, resource_id="L-9")
        assert isinstance(sampled.parsed, GetCustomFieldsResponse)
        assert {item.id: item.value for item in sampled.parsed.data}["region__c"] == "EMEA-L-9"

        mine = wire.call(connection_custom_mappings_all, UNIFIED, SERVICE, RESOURCE, client=apideck)
        parsed_as(mine, 200, GetCustomMappingsResponse)
        assert [(item.key, item.value) for item in mine.parsed.data] == [("lead_score", "$.root.lead_score__c")]
        everyone = wire.call(custom_mappings_all, UNIFIED, SERVICE, client=apideck)
        parsed_as(everyone, 200, GetCustomMappingsResponse)
        assert [item.id for item in everyone.parsed.data] == ["crm+leads+lead_score"]

        consent = wire.call(
            connection_consent_update,
            UNIFIED,
            SERVICE,
            client=apideck,
            body=UpdateConsentRequest.from_dict({"granted": True, "resources": "*"}),
        )
        parsed_as(consent, 200, UpdateConsentResponse)
        assert consent.parsed.data.granted is True and consent.parsed.data.resources == "*"
        consents = wire.call(connection_consents_all, UNIFIED, SERVICE, client=apideck)
        parsed_as(consents, 200, GetConsentRecordsResponse)
        assert [record.id for record in consents.parsed.data] == [consent.parsed.data.id]

        valid = wire.call(validate_connection_state, UNIFIED, SERVICE, client=apideck, body=EmptyRequest())
        parsed_as(valid, 200, ValidateConnectionStateResponse)
        assert (valid.parsed.data.id, valid.parsed.data.state) == ("crm+salesforce", "callable")

        state = wire.call(
            create_callback_state,
            UNIFIED,
            SERVICE,
            client=apideck,
            body=CreateCallbackState.from_dict({"redirect_uri": "https://app.example/back"}),
        )
        parsed_as(state, 200, CreateCallbackStateResponse)
        assert uuid.UUID(state.parsed.data.state)

        # --- a client-credentials connector takes its token by API
        workday = CreateConnectionRequest.from_dict({"settings": {"client_id": "cid", "client_secret": "secret"}})
        assert wire.call(connections_add, "hris", "workday", client=apideck, body=workday).status_code == 200
        token = wire.call(connections_token, "hris", "workday", client=apideck, body=EmptyRequest())
        parsed_as(token, 200, GetConnectionResponse)
        assert token.parsed.data.state == "callable"
        assert fake.stored_credentials(fake.consumer_id, "hris", "workday")["access_token"].startswith("at_")

        # --- import tokens obtained elsewhere, then migrate the connection to its declared target
        imported = wire.call(
            connections_import,
            "accounting",
            "quickbooks",
            client=apideck,
            body=ConnectionImportData.from_dict(
                {
                    "credentials": {
                        "access_token": "imported-at",
                        "refresh_token": "imported-rt",
                        "issued_at": "2030-01-01T00:00:00Z",
                        "expires_in": 3600,
                    }
                }
            ),
        )
        parsed_as(imported, 200, CreateConnectionResponse)
        assert imported.parsed.data.id == "accounting+quickbooks"
        assert fake.stored_credentials(fake.consumer_id, "accounting", "quickbooks")["access_token"] == "imported-at"
        migrated = wire.call(
            connections_migrate,
            "accounting",
            "quickbooks",
            client=apideck,
            body=ConnectionMigrateData(target_service_id="intuit-enterprise-suite"),
        )
        parsed_as(migrated, 200, CreateConnectionResponse)
        assert migrated.parsed.data.service_id == "intuit-enterprise-suite"
        assert fake.connection(fake.consumer_id, "accounting", "quickbooks") is None
        assert fake.stored_credentials(fake.consumer_id, "accounting", "intuit-enterprise-suite")["access_token"] == "imported-at"

        removed = wire.call(connections_delete, UNIFIED, SERVICE, client=apideck)
        assert (removed.status_code, removed.parsed) == (204, None)
        assert fake.connection(fake.consumer_id, UNIFIED, SERVICE) is None

        # --- sessions
        session = wire.call(
            sessions_create,
            client=apideck,
            body=Session.from_dict(
                {
                    "consumer_metadata": {"account_name": "Test consumer"},
                    "redirect_uri": "https://app.example/done",
                    "settings": {"session_length": "30m", "unified_apis": ["crm"], "sandbox_mode": True},
                }
            ),
        )
        parsed_as(session, 200, CreateSessionResponse)
        assert session.parsed.data.session_uri.endswith(session.parsed.data.session_token)
        stored = fake.session(session.parsed.data.session_token)
        assert stored is not None and stored["consumer_id"] == fake.consumer_id and stored["redirect_uri"] == "https://app.example/done"

        # --- logs: filters and cursor paging (newest first)
        fake.add_logs(25)
        fake.add_logs(5, status_code=500, http_method="POST", path="/crm/leads/failing")
        seen: list[str] = []
        cursor: str | None = None
        for _ in range(10):  # bounded: 30 entries, 7 per page
            page = wire.call(logs_all, client=apideck, limit=7, **({"cursor": cursor} if cursor else {}))
            parsed_as(page, 200, GetLogsResponse)
            seen += [log.id for log in page.parsed.data]
            cursor = page.parsed.meta.cursors.next_
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 30
        failing = wire.call(logs_all, client=apideck, filterstatus_code=500, filterpath="/failing", filterpath_match_mode="ENDS_WITH")
        assert isinstance(failing.parsed, GetLogsResponse)
        assert [log.status_code for log in failing.parsed.data] == [500] * 5
        assert seen[:5] == [log.id for log in failing.parsed.data]  # the newest come first
        posts = wire.call(
            logs_all,
            client=apideck,
            filterhttp_methods=["POST", "PATCH"],
            filterstatus_codes=[500],
            filterstart_date=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
            filterend_date=dt.datetime(2100, 1, 1, tzinfo=dt.UTC),
            filterexclude_unified_apis="vault",
            filterconnector_id="crm+salesforce",  # documented as not applied
        )
        assert isinstance(posts.parsed, GetLogsResponse)
        assert posts.parsed.data and {(log.http_method, log.status_code) for log in posts.parsed.data} <= {("POST", 500), ("PATCH", 500)}
        assert all(log.unified_api != "vault" for log in posts.parsed.data)
        one_method = wire.call(logs_all, client=apideck, filterhttp_method="DELETE", limit=200)
        assert isinstance(one_method.parsed, GetLogsResponse)
        assert one_method.parsed.data and {log.http_method for log in one_method.parsed.data} == {"DELETE"}

        assert wire.succeeded() == operations_of("apideck")
    assert routes_reached(fake, "apideck") == operations_of("apideck")
    assert fake.violations == []


def test_apideck_401_wrong_api_key(mode: str) -> None:
    fake = FakeApideck()
    with wired(fake, mode) as wire:
        for client in (
            apideck_client(wire, api_key="sk_live_wrong"),
            wire.client(polyvault_apideck_client.Client, headers={"x-apideck-app-id": fake.app_id}),
        ):
            responses = apideck_every_operation(wire, client)
            assert set(responses) == operations_of("apideck")
            for name, response in responses.items():
                assert apideck_error(response, 401, "UnauthorizedError").message == "Unauthorized Request", name
        # the right key with another application's id
        other_app = wire.client(
            polyvault_apideck_client.AuthenticatedClient,
            token=fake.api_key,
            headers={"x-apideck-app-id": "other-app", "x-apideck-consumer-id": "c"},
        )
        apideck_error(wire.call(consumers_all, client=other_app), 401, "UnauthorizedError")
        assert fake.consumer_ids() == [fake.consumer_id]
    assert fake.violations == []


def test_apideck_402_request_limit(mode: str) -> None:
    fake = FakeApideck(request_limit=1)
    with wired(fake, mode) as wire:
        apideck = apideck_client(wire)
        assert wire.call(consumers_all, client=apideck).status_code == 200
        for name, response in apideck_every_operation(wire, apideck).items():
            assert apideck_error(response, 402, "RequestLimitError").message == "Request Limit Reached", name
    assert fake.violations == []


def test_apideck_400_missing_consumer_header(mode: str) -> None:
    """Every connection, custom-mapping, session and log call needs `x-apideck-consumer-id` (optional on connectionsAll)."""
    fake = FakeApideck()
    with wired(fake, mode) as wire:
        responses = apideck_every_operation(wire, apideck_client(wire, consumer=None))
        without_header = {name for name, response in responses.items() if response.status_code == 400}
        assert without_header == operations_of("apideck") - {
            "consumersAdd",
            "consumersAll",
            "consumersOne",
            "consumersUpdate",
            "consumersDelete",
            "consumerRequestCountsAll",
            "connectionsAll",
        }
        for name in without_header:
            parsed = apideck_error(responses[name], 400, "RequestHeadersValidationError")
            assert parsed.detail == "Missing Header: x-apideck-consumer-id", name
        assert responses["connectionsAll"].status_code == 200  # lists the catalog without a consumer
        catalog = responses["connectionsAll"].parsed.data
        assert catalog and all(state.state == "available" for state in catalog)
        # and without the app id, every call is refused the same way
        no_app = wire.client(
            polyvault_apideck_client.AuthenticatedClient, token=fake.api_key, headers={"x-apideck-consumer-id": fake.consumer_id}
        )
        parsed = apideck_error(wire.call(consumers_all, client=no_app), 400, "RequestHeadersValidationError")
        assert parsed.detail == "Missing Header: x-apideck-app-id"
    assert fake.violations == []


def test_apideck_400_invalid_requests(mode: str) -> None:
    fake = FakeApideck()
    with wired(fake, mode) as wire:
        apideck = apideck_client(wire)
        # paging: bad cursors (another listing's, or garbage) and limits outside 1..200 (the client sends what it is given)
        logs_cursor = "bG9nczoxMjM="  # base64 of "logs:123": a logs cursor, not a consumers one
        for response in (
            wire.call(consumers_all, client=apideck, cursor="not-a-cursor"),
            wire.call(consumers_all, client=apideck, cursor=logs_cursor),
            wire.call(logs_all, client=apideck, cursor="%%%"),
            wire.call(consumers_all, client=apideck, limit=0),
            wire.call(logs_all, client=apideck, limit=201),
        ):
            assert apideck_error(response, 400, "RequestValidationError").message == "Invalid Params"
        # dates in the wrong order, a session length out of range
        backwards = wire.call(
            consumer_request_counts_all,
            fake.consumer_id,
            client=apideck,
            start_datetime="2024-02-01T00:00:00Z",
            end_datetime="2024-01-01T00:00:00Z",
        )
        apideck_error(backwards, 400, "RequestValidationError")
        backwards_logs = wire.call(
            logs_all,
            client=apideck,
            filterstart_date=dt.datetime(2024, 2, 1, tzinfo=dt.UTC),
            filterend_date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        )
        apideck_error(backwards_logs, 400, "RequestValidationError")
        for length in ("2w", "forever"):
            too_long = wire.call(sessions_create, client=apideck, body=Session.from_dict({"settings": {"session_length": length}}))
            apideck_error(too_long, 400, "RequestValidationError")
        # connection updates that do not fit the connector; migration to a connector that is not a target
        assert wire.call(connections_add, UNIFIED, SERVICE, client=apideck, body=CreateConnectionRequest.from_dict({})).status_code == 200
        unknown_field = UpdateConnectionRequest.from_dict(
            {"configuration": [{"resource": RESOURCE, "defaults": [{"id": "nope", "value": 1}]}]}
        )
        apideck_error(
            wire.call(connection_settings_update, UNIFIED, SERVICE, RESOURCE, client=apideck, body=unknown_field),
            400,
            "RequestValidationError",
        )
        apideck_error(
            wire.call(connections_migrate, UNIFIED, SERVICE, client=apideck, body=ConnectionMigrateData(target_service_id="pipedrive")),
            400,
            "RequestValidationError",
        )
        # a CSRF confirmation with the wrong token
        fake.authorize(UNIFIED, SERVICE, nonce="n")
        wrong = wire.call(
            connections_confirm, UNIFIED, SERVICE, client=apideck, body=ConfirmConnection(confirm_token=str(uuid.UUID(int=1)))
        )
        assert apideck_error(wrong, 400, "RequestValidationError").detail == "Invalid or expired confirm token"
    assert fake.violations == []


def test_apideck_404_unknown_ids(mode: str) -> None:
    fake = FakeApideck()
    with wired(fake, mode) as wire:
        apideck = apideck_client(wire)
        # an unknown consumer, and an unknown connector, for every operation that names one
        responses = apideck_every_operation(wire, apideck, consumer="nobody", service="no-such-connector")
        not_found = {name for name, response in responses.items() if response.status_code == 404}
        by_path = {operation for route, operation in spec_routes("apideck").items() if "{" in route}
        assert not_found == by_path
        for name in not_found:
            parsed = apideck_error(responses[name], 404, "EntityNotFoundError")
            assert parsed.detail.additional_properties["not_found"]["entity"] in ("consumer", "connector"), name
        # a known connector the consumer has not added, and an unknown resource of an added connection
        not_added = apideck_error(wire.call(connections_one, UNIFIED, SERVICE, client=apideck), 404, "EntityNotFoundError")
        assert not_added.detail.additional_properties["not_found"] == {"entity": "connection", "id": "crm+salesforce"}
        assert wire.call(connections_add, UNIFIED, SERVICE, client=apideck, body=CreateConnectionRequest.from_dict({})).status_code == 200
        for module in (connection_settings_all, custom_fields_all, connection_custom_mappings_all):
            parsed = apideck_error(wire.call(module, UNIFIED, SERVICE, "invoices", client=apideck), 404, "EntityNotFoundError")
            assert parsed.detail.additional_properties["not_found"]["entity"] == "resource"
    assert fake.violations == []


def test_apideck_409_migrate_conflict_and_422_invalid_state(mode: str) -> None:
    fake = FakeApideck()
    with wired(fake, mode) as wire:
        apideck = apideck_client(wire)
        empty = CreateConnectionRequest.from_dict({})
        for service in ("quickbooks", "intuit-enterprise-suite"):
            assert wire.call(connections_add, "accounting", service, client=apideck, body=empty).status_code == 200
        conflict = wire.call(
            connections_migrate,
            "accounting",
            "quickbooks",
            client=apideck,
            body=ConnectionMigrateData(target_service_id="intuit-enterprise-suite"),
        )
        assert apideck_error(conflict, 409, "ConflictError").detail == "A connection already exists for the target connector"
        assert fake.connection(fake.consumer_id, "accounting", "quickbooks") is not None  # nothing moved

        apideck_error(wire.call(connections_add, "accounting", "quickbooks", client=apideck, body=empty), 422, "InvalidStateError")  # twice
        apideck_error(
            wire.call(connections_token, "accounting", "quickbooks", client=apideck), 422, "InvalidStateError"
        )  # not client credentials
        assert wire.call(connections_add, "hris", "workday", client=apideck, body=empty).status_code == 200
        missing = wire.call(connections_token, "hris", "workday", client=apideck)  # client credentials, but no client id/secret yet
        assert "Missing settings" in apideck_error(missing, 422, "InvalidStateError").detail
        not_waiting = wire.call(connections_confirm, "accounting", "quickbooks", client=apideck, body=ConfirmConnection(confirm_token="t"))
        apideck_error(not_waiting, 422, "InvalidStateError")
    assert fake.violations == []


def test_apideck_429_rate_limit_parses_as_default(mode: str) -> None:
    """Apideck documents no 429 for Vault: the fake's 429 falls under `default`, still the ErrorResponse envelope."""
    fake = FakeApideck(rate_limit=1, clock=ManualClock())
    with wired(fake, mode) as wire:
        apideck = apideck_client(wire)
        assert wire.call(consumers_all, client=apideck).status_code == 200
        for name, response in apideck_every_operation(wire, apideck).items():
            apideck_error(response, 429, "TooManyRequestsError")
            assert int(response.headers["Retry-After"]) >= 1, name
    assert fake.violations == []


# ================================================================================================
# VaultPAM
# ================================================================================================


def vaultpam_login(wire: Wire, *, password: str | None = None) -> Any:
    fake = wire.fake
    assert isinstance(fake, FakeVaultPAM)
    body = LoginRequest(email=fake.email, password=fake.password if password is None else password)
    return wire.call(login, client=wire.client(polyvault_vaultpam_client.Client), body=body)


def vaultpam_every_operation(wire: Wire, token: str, org: str, *, password: str | None = None) -> dict[str, Any]:
    client = wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=token)
    return {
        "login": vaultpam_login(wire, password=password),
        "listMemberships": wire.call(list_memberships, client=client),
        "listSafes": wire.call(list_safes, client=client, x_active_org_id=org),
    }


def vaultpam_error(response: Any, status: int, code: str) -> VaultPAMError:
    parsed = error_of(response, status, VaultPAMError)
    assert parsed.error == code, (parsed.error, parsed.message)
    for header in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"):
        assert response.headers[header].isdigit(), header
    return parsed


def test_vaultpam_happy_path(mode: str) -> None:
    clock = ManualClock()
    fake = FakeVaultPAM(clock=clock)
    with wired(fake, mode) as wire:
        logged_in = vaultpam_login(wire)
        parsed_as(logged_in, 200, LoginResponse)
        assert logged_in.parsed.expires_in == fake.expires_in
        assert int(logged_in.headers["x-ratelimit-reset"]) > clock()
        session = wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=logged_in.parsed.access_token)

        memberships = wire.call(list_memberships, client=session)
        parsed_as(memberships, 200, MembershipList)
        assert memberships.parsed.active_org_id == fake.org_ids[0]
        assert {item.org_id: item.role for item in memberships.parsed.memberships} == dict(
            zip(fake.org_ids, ("admin", "member"), strict=True)
        )

        safes = wire.call(list_safes, client=session, x_active_org_id=memberships.parsed.active_org_id)
        assert safes.status_code == 200
        assert isinstance(safes.parsed, list) and all(isinstance(safe, Safe) for safe in safes.parsed)
        assert [(safe.id, safe.name) for safe in safes.parsed] == [("safe_01", "Production databases"), ("safe_02", "Payment gateways")]
        assert safes.parsed[0].additional_properties == {"description": "Root credentials"}  # undocumented fields are kept

        fake.add_safe(fake.org_ids[1], {"id": "safe_11"})  # no name: clients fall back to the id
        other = wire.call(list_safes, client=session, x_active_org_id=fake.org_ids[1])
        assert [(safe.id, safe.name) for safe in other.parsed] == [
            ("safe_10", "Staging"),
            ("safe_11", polyvault_vaultpam_client.types.UNSET),
        ]

        pat = wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=fake.add_pat())  # a personal access token works the same way
        assert wire.call(list_memberships, client=pat).status_code == 200

        assert wire.succeeded() == operations_of("vaultpam")
    assert routes_reached(fake, "vaultpam") == operations_of("vaultpam")
    assert fake.violations == []


def test_vaultpam_401_auth_failed(mode: str) -> None:
    clock = ManualClock()
    fake = FakeVaultPAM(clock=clock, expires_in=60)
    with wired(fake, mode) as wire:
        org = fake.org_ids[0]
        responses = vaultpam_every_operation(wire, "vps_not-a-token", org, password="wrong password")
        for response in responses.values():
            vaultpam_error(response, 401, "AUTH_FAILED")
        # every login failure looks the same: unknown user, wrong password, a body the spec refuses
        unknown = wire.call(
            login, client=wire.client(polyvault_vaultpam_client.Client), body=LoginRequest(email="mallory@example.com", password="x")
        )
        odd = wire.call(
            login,
            client=wire.client(polyvault_vaultpam_client.Client),
            body=LoginRequest.from_dict({"email": "a", "password": "b", "otp": "1"}),
        )
        assert vaultpam_error(unknown, 401, "AUTH_FAILED").message == vaultpam_error(odd, 401, "AUTH_FAILED").message
        assert vaultpam_error(unknown, 401, "AUTH_FAILED").message == vaultpam_error(responses["login"], 401, "AUTH_FAILED").message
        # a session token expires after expires_in (no refresh), a personal access token does not
        token = vaultpam_login(wire).parsed.access_token
        pat = fake.add_pat()
        clock.advance(60)
        expired = vaultpam_every_operation(wire, token, org)
        assert expired["login"].status_code == 200
        vaultpam_error(expired["listMemberships"], 401, "AUTH_FAILED")
        vaultpam_error(expired["listSafes"], 401, "AUTH_FAILED")
        assert (
            wire.call(
                list_safes, client=wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=pat), x_active_org_id=org
            ).status_code
            == 200
        )
    assert fake.violations == []


def test_vaultpam_403_foreign_organization(mode: str) -> None:
    fake = FakeVaultPAM()
    with wired(fake, mode) as wire:
        session = wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=fake.add_pat())
        for org in ("org_01HXZSOMEONEELSE000000000", ""):
            refused = vaultpam_error(wire.call(list_safes, client=session, x_active_org_id=org), 403, "FORBIDDEN")
            assert "not a member" in refused.message
    assert fake.violations == []


def test_vaultpam_429_with_retry_after(mode: str) -> None:
    fake = FakeVaultPAM(clock=ManualClock(), login_limit=1, user_limit=2)
    with wired(fake, mode) as wire:
        token = vaultpam_login(wire).parsed.access_token
        org = fake.org_ids[0]
        assert (
            wire.call(list_memberships, client=wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=token)).status_code == 200
        )
        assert (
            wire.call(
                list_safes, client=wire.client(polyvault_vaultpam_client.AuthenticatedClient, token=token), x_active_org_id=org
            ).status_code
            == 200
        )
        for name, response in vaultpam_every_operation(wire, token, org).items():
            parsed = vaultpam_error(response, 429, "RATE_LIMITED")
            assert int(response.headers["retry-after"]) >= 1 and response.headers["x-ratelimit-remaining"] == "0", name
            assert parsed.message.startswith("Too many requests")
    assert fake.violations == []


def test_vaultpam_500_internal_error(mode: str) -> None:
    fake = FakeVaultPAM()
    with wired(fake, mode) as wire:
        fake.inject("500", times=3)
        for name, response in vaultpam_every_operation(wire, fake.add_pat(), fake.org_ids[0]).items():
            assert vaultpam_error(response, 500, "INTERNAL_ERROR").message, name
    assert fake.violations == []


# ================================================================================================
# Vaultera
# ================================================================================================


class ThirdParty:
    """A third party behind Vaultera's proxy: records what it gets, answers what the test says."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.received: list[httpx.Request] = []
        self._answer = answer or (lambda request: httpx.Response(201, json={"id": "ch_1", "paid": True}))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.received.append(request)
        return self._answer(request)


BOOKINGS = {
    "data": [
        {
            "id": "b-1",
            "attributes": {
                "guarantee": {"card_number": "5555555555554444", "cardholder_name": "Ada L", "expiration_date": "09/2031", "cvv": "123"}
            },
        },
        {"id": "b-2", "attributes": {"guarantee": None}},
    ]
}


def vaultera_client(wire: Wire, key: str | None = None) -> polyvault_vaultera_client.Client:
    fake = wire.fake
    assert isinstance(fake, FakeVaultera)
    params = {} if key == "" else {"api_key": key or fake.master_key}
    return wire.client(polyvault_vaultera_client.Client, httpx_args={"params": params})


def vaultera_card(**changes: str) -> CardStoreRequest:
    card = {"card_number": CARD, "expiration_month": "12", "expiration_year": "2031", "cardholder_name": "Ada L", "card_type": "visa"}
    return CardStoreRequest.from_dict({"card": {**card, **changes}})


def vaultera_every_operation(wire: Wire, client: Any, *, key_id: uuid.UUID, card_token: str, profile: str = "channex") -> dict[str, Any]:
    return {
        "listApiKeys": wire.call(list_api_keys, client=client),
        "createApiKey": wire.call(create_api_key, client=client, body=ApiKeyCreateRequest.from_dict({"api_key": {}})),
        "getApiKey": wire.call(get_api_key, key_id, client=client),
        "revokeApiKey": wire.call(revoke_api_key, key_id, client=client),
        "createSessionToken": wire.call(
            create_session_token, client=client, body=SessionTokenCreateRequest.from_dict({"session_token": {"scope": "card"}})
        ),
        "storeCard": wire.call(store_card, client=client, body=vaultera_card()),
        "sendCard": wire.call(
            send_card, card_token, client=client, method="post", url_query="https://psp.example/charges", body={"n": "%CARD_NUMBER%"}
        ),
        "capture": wire.call(capture, client=client, method="get", url_query="https://ota.example/bookings", profile=profile),
        "deleteCard": wire.call(delete_card, card_token, client=client),
    }


def vaultera_error(response: Any, status: int, code: str) -> Any:
    """The Channex-style error body, parsed by the generated `Error` model (send/capture return the raw bytes as a File)."""
    assert response.status_code == status, (response.status_code, response.content[:300])
    parsed = VaulteraError.from_dict(json.loads(response.parsed.payload.read())) if hasattr(response.parsed, "payload") else response.parsed
    assert isinstance(parsed, VaulteraError)
    assert parsed.errors.code == code, (parsed.errors.code, parsed.errors.title)
    return parsed


def test_vaultera_happy_path(mode: str) -> None:
    psp = ThirdParty()
    ota = ThirdParty(lambda request: httpx.Response(200, json=BOOKINGS))
    fake = FakeVaultera(target=psp)
    with wired(fake, mode) as wire:
        vaultera = vaultera_client(wire)

        assert wire.call(list_api_keys, client=vaultera).parsed == ApiKeyList(data=[])
        created = wire.call(
            create_api_key, client=vaultera, body=ApiKeyCreateRequest.from_dict({"api_key": {"description": "checkout service"}})
        )
        parsed_as(created, 200, ApiKeyEnvelope)
        key = created.parsed.data
        full_key = key.attributes.api_key
        assert re.fullmatch(r"[0-9a-f]{32}", full_key) and key.attributes.status == "active"
        assert (key.type_, key.attributes.description, key.attributes.revoked_at) == ("api_key", "checkout service", None)

        listed = wire.call(list_api_keys, client=vaultera)
        parsed_as(listed, 200, ApiKeyList)
        assert [(item.id, item.attributes.api_key) for item in listed.parsed.data] == [(key.id, "..." + full_key[-6:])]  # masked afterwards
        got = wire.call(get_api_key, key.id, client=vaultera)
        parsed_as(got, 200, ApiKeyEnvelope)
        assert got.parsed.data.attributes.api_key == "..." + full_key[-6:]

        secondary = vaultera_client(wire, full_key)  # the new key works ...
        session = wire.call(
            create_session_token, client=secondary, body=SessionTokenCreateRequest.from_dict({"session_token": {"scope": "show_card"}})
        )
        parsed_as(session, 201, SessionTokenEnvelope)
        assert session.parsed.data.attributes.scope == "show_card" and fake.session_scopes() == ["show_card"]

        stored = wire.call(store_card, client=secondary, body=vaultera_card(service_code="737"))
        parsed_as(stored, 200, CardEnvelope)
        card = stored.parsed.data.attributes
        assert re.fullmatch(r"[0-9a-f]{32}", card.card_token)
        assert (card.card_number, card.expiration_month, card.expiration_year) == ("411111******1111", "12", "2031")
        assert card.additional_properties == {"service_code": "***"}
        assert fake.stored_cards()[card.card_token]["card_number"] == CARD

        sent = wire.call(
            send_card,
            card.card_token,
            client=secondary,
            method="post",
            url_query="https://psp.example/v1/charges?amount=100",
            body={
                "number": "%CARD_NUMBER%",
                "exp": "%EXPIRATION_MM%/%EXPIRATION_YY%",
                "cvc": "%SERVICE_CODE%",
                "name": "%CARDHOLDER_NAME%",
            },
        )
        parsed_as(sent, 201, polyvault_vaultera_client.types.File)
        assert json.loads(sent.parsed.payload.read()) == {"id": "ch_1", "paid": True}  # the third party's answer, unchanged
        [forwarded] = psp.received
        assert (forwarded.method, str(forwarded.url)) == ("POST", "https://psp.example/v1/charges?amount=100")
        assert json.loads(forwarded.content) == {"number": CARD, "exp": "12/31", "cvc": "737", "name": "Ada L"}
        assert "api_key" not in str(forwarded.url)

        fake.target = ota
        captured = wire.call(capture, client=secondary, method="get", url_query="https://ota.example/bookings", profile="channex")
        parsed_as(captured, 200, polyvault_vaultera_client.types.File)
        first_token, no_card = captured.headers["X-PCI-VAULTERA-TOKENS"].split(",")
        assert no_card == "" and fake.stored_cards()[first_token]["card_number"] == "5555555555554444"
        masked = json.loads(captured.parsed.payload.read())
        assert masked["data"][0]["attributes"]["guarantee"]["card_number"] == "555555******4444"
        assert masked["data"][0]["attributes"]["guarantee"]["cvv"] == "***"
        in_body = wire.call(capture, client=secondary, method="get", url_query="https://ota.example/bookings", profile="sample")
        assert in_body.status_code == 200 and "X-PCI-VAULTERA-TOKENS" not in in_body.headers
        token_in_body = json.loads(in_body.parsed.payload.read())["data"][0]["attributes"]["guarantee"]["token"]
        assert fake.stored_cards()[token_in_body]["expiration_month"] == "09"

        for token in (card.card_token, first_token, token_in_body):
            removed = wire.call(delete_card, token, client=secondary)
            assert (removed.status_code, removed.parsed) == (204, None)
        assert fake.stored_cards() == {}

        revoked = wire.call(revoke_api_key, key.id, client=vaultera)  # ... until it is revoked
        assert (revoked.status_code, revoked.parsed) == (204, None)
        after = wire.call(get_api_key, key.id, client=vaultera)
        assert after.parsed.data.attributes.status == "revoked" and after.parsed.data.attributes.revoked_at is not None
        vaultera_error(wire.call(list_api_keys, client=secondary), 401, "unauthorized")

        assert wire.succeeded() == operations_of("vaultera")
    assert routes_reached(fake, "vaultera") == operations_of("vaultera")
    assert fake.violations == []


def test_vaultera_401_wrong_missing_or_revoked_key(mode: str) -> None:
    fake = FakeVaultera()
    with wired(fake, mode) as wire:
        master = vaultera_client(wire)
        key = wire.call(create_api_key, client=master, body=ApiKeyCreateRequest.from_dict({"api_key": {}})).parsed.data
        card_token = wire.call(store_card, client=master, body=vaultera_card()).parsed.data.attributes.card_token
        assert wire.call(revoke_api_key, key.id, client=master).status_code == 204
        for client, title in (
            (vaultera_client(wire, "f" * 32), "Invalid API key"),
            (vaultera_client(wire, ""), "API key is required"),
            (vaultera_client(wire, key.attributes.api_key), "API key has been revoked"),
        ):
            responses = vaultera_every_operation(wire, client, key_id=key.id, card_token=card_token)
            assert set(responses) == operations_of("vaultera")
            for name, response in responses.items():
                assert vaultera_error(response, 401, "unauthorized").errors.title == title, name
        assert list(fake.stored_cards()) == [card_token] and fake.forwarded == []
    assert fake.violations == []


def test_vaultera_404_unknown_ids(mode: str) -> None:
    fake = FakeVaultera()
    with wired(fake, mode) as wire:
        vaultera = vaultera_client(wire)
        unknown_key, unknown_card = uuid.UUID(int=42, version=4), "0" * 32
        for response in (
            wire.call(get_api_key, unknown_key, client=vaultera),
            wire.call(revoke_api_key, unknown_key, client=vaultera),
            wire.call(delete_card, unknown_card, client=vaultera),
            wire.call(send_card, unknown_card, client=vaultera, method="get", url_query="https://psp.example/x"),
            wire.call(capture, client=vaultera, method="get", url_query="https://ota.example/x", profile="no-such-profile"),
        ):
            vaultera_error(response, 404, "not_found")
        assert fake.forwarded == []
    assert fake.violations == []


def test_vaultera_422_invalid_card(mode: str) -> None:
    fake = FakeVaultera()
    with wired(fake, mode) as wire:
        vaultera = vaultera_client(wire)
        refused = vaultera_error(
            wire.call(store_card, client=vaultera, body=vaultera_card(expiration_month="13", card_number="12ab")), 422, "validation_error"
        )
        assert refused.errors.details == {"card_number": ["is invalid"], "expiration_month": ["is invalid"]}
        short_year = vaultera_error(
            wire.call(store_card, client=vaultera, body=vaultera_card(expiration_year="31")), 422, "validation_error"
        )
        assert short_year.errors.details == {"expiration_year": ["is invalid"]}
        assert fake.stored_cards() == {}
    assert fake.violations == []


def test_vaultera_502_third_party_unreachable(mode: str) -> None:
    fake = FakeVaultera(target=None)
    with wired(fake, mode) as wire:
        vaultera = vaultera_client(wire)
        card_token = wire.call(store_card, client=vaultera, body=vaultera_card()).parsed.data.attributes.card_token
        vaultera_error(
            wire.call(send_card, card_token, client=vaultera, method="post", url_query="https://psp.example/x", body={}), 502, "bad_gateway"
        )
        vaultera_error(
            wire.call(capture, client=vaultera, method="get", url_query="https://ota.example/x", profile="sample"), 502, "bad_gateway"
        )
    assert fake.violations == []


def test_vaultera_429_rate_limit_parses_as_default(mode: str) -> None:
    fake = FakeVaultera(rate_limit=1, clock=ManualClock())
    with wired(fake, mode) as wire:
        vaultera = vaultera_client(wire)
        card_token = wire.call(store_card, client=vaultera, body=vaultera_card()).parsed.data.attributes.card_token
        for name, response in vaultera_every_operation(wire, vaultera, key_id=uuid.UUID(int=1, version=4), card_token=card_token).items():
            parsed = vaultera_error(response, 429, "rate_limited")  # status, the Error model (read from the File for send/capture), code
            assert parsed.errors.title == "Too many requests", name
            assert int(response.headers["Retry-After"]) >= 1, name
        assert list(fake.stored_cards()) == [card_token] and fake.forwarded == []
    assert fake.violations == []


def test_vaultera_429_error_code_is_lower_snake_case_like_its_other_codes() -> None:
    fake = FakeVaultera(rate_limit=0)
    with wired(fake, "in_process") as wire:
        vaultera_error(wire.call(list_api_keys, client=vaultera_client(wire)), 429, "rate_limited")
    assert fake.violations == []


def test_vaultera_text_errors_break_the_generated_parse(mode: str) -> None:
    """Documented in specs/README.md: a text/plain error makes the generated parse raise JSONDecodeError (the facade reads the raw body)."""
    fake = FakeVaultera(text_errors=True)
    with wired(fake, mode) as wire, pytest.raises(json.JSONDecodeError):
        wire.call(get_api_key, uuid.UUID(int=42, version=4), client=vaultera_client(wire))
    assert fake.violations == []


# ================================================================================================
# async: asyncio_detailed in-process
# ================================================================================================


@pytest.mark.anyio
async def test_async_generated_clients_in_process() -> None:
    vgs_fake, apideck_fake, pam_fake, vaultera_fake = FakeVGS(), FakeApideck(), FakeVaultPAM(), FakeVaultera()
    vgs = polyvault_vgs_client.Client(
        base_url=vgs_fake.in_process_url,
        timeout=TIMEOUT,
        httpx_args={"transport": vgs_fake.transport, "auth": httpx.BasicAuth(vgs_fake.username, vgs_fake.password)},
    )
    apideck = polyvault_apideck_client.AuthenticatedClient(
        base_url=apideck_fake.in_process_url,
        token=apideck_fake.api_key,
        timeout=TIMEOUT,
        headers={"x-apideck-app-id": apideck_fake.app_id, "x-apideck-consumer-id": apideck_fake.consumer_id},
        httpx_args={"transport": apideck_fake.transport},
    )
    pam = polyvault_vaultpam_client.Client(base_url=pam_fake.in_process_url, timeout=TIMEOUT, httpx_args={"transport": pam_fake.transport})
    vaultera = polyvault_vaultera_client.Client(
        base_url=vaultera_fake.in_process_url,
        timeout=TIMEOUT,
        httpx_args={"transport": vaultera_fake.transport, "params": {"api_key": vaultera_fake.master_key}},
    )
    try:
        created = await create_aliases.asyncio_detailed(client=vgs, body=vgs_create([{"value": CARD, "format": "PFPT"}]))
        parsed_as(created, 201, CreateAliasesResponse)
        alias = created.parsed.data[0].aliases[0].alias
        assert alias.startswith("99") and len(alias) == 19 and alias.endswith("1111") and luhn_valid(alias)
        revealed = await reveal_alias.asyncio_detailed(alias, client=vgs)
        assert isinstance(revealed.parsed, RevealAliasResponse) and revealed.parsed.data[0].value == CARD
        assert (await delete_alias.asyncio_detailed(alias, client=vgs)).status_code == 204
        assert isinstance((await reveal_alias.asyncio_detailed(alias, client=vgs)).parsed, ApiErrors)

        listed = await connections_all.asyncio_detailed(client=apideck, api="hris")
        assert isinstance(listed.parsed, GetConnectionsResponse) and {item.unified_api for item in listed.parsed.data} == {"hris"}
        missing = await connections_one.asyncio_detailed("hris", "bamboohr", client=apideck)
        assert missing.status_code == 404 and isinstance(missing.parsed, ErrorResponse)

        logged_in = await login.asyncio_detailed(client=pam, body=LoginRequest(email=pam_fake.email, password=pam_fake.password))
        assert isinstance(logged_in.parsed, LoginResponse)
        session = polyvault_vaultpam_client.AuthenticatedClient(
            base_url=pam_fake.in_process_url,
            token=logged_in.parsed.access_token,
            timeout=TIMEOUT,
            httpx_args={"transport": pam_fake.transport},
        )
        try:
            safes = await list_safes.asyncio_detailed(client=session, x_active_org_id=pam_fake.org_ids[0])
            assert [safe.id for safe in safes.parsed] == ["safe_01", "safe_02"]
        finally:
            await session.get_async_httpx_client().aclose()

        stored = await store_card.asyncio_detailed(client=vaultera, body=vaultera_card())
        assert isinstance(stored.parsed, CardEnvelope)
        assert (await delete_card.asyncio_detailed(stored.parsed.data.attributes.card_token, client=vaultera)).status_code == 204
    finally:
        for client in (vgs, apideck, pam, vaultera):
            await client.get_async_httpx_client().aclose()
    for fake in (vgs_fake, apideck_fake, pam_fake, vaultera_fake):
        assert fake.violations == []
