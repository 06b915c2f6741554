"""The generated clients at the edges the vendors' answers reach: non-standard statuses, empty error bodies,
the vendor's own example shapes."""

from __future__ import annotations

import importlib
from http import HTTPStatus

import httpx
import pytest
from polyvault_vaultera_client import Client as VaulteraClient
from polyvault_vaultera_client.api.capture import capture
from polyvault_vaultera_client.api.cards import send_card
from polyvault_vaultpam_client.models import MembershipList
from polyvault_vgs_client import Client as VGSClient
from polyvault_vgs_client.api.aliases import delete_aliases, reveal_multiple_aliases
from polyvault_vgs_client.models import DeleteAliasesRequest, RevealMultipleAliasesResponse

PACKAGES = ("polyvault_vgs_client", "polyvault_apideck_client", "polyvault_vaultpam_client", "polyvault_vaultera_client")


def _answering(status: int, content: bytes = b"", content_type: str = "text/plain") -> httpx.Client:
    return httpx.Client(
        base_url="https://vault.test",
        transport=httpx.MockTransport(lambda request: httpx.Response(status, content=content, headers={"content-type": content_type})),
    )


@pytest.mark.parametrize("status", [520, 599, 999, 299])
def test_a_third_partys_non_standard_status_is_returned_as_an_int(status: int) -> None:
    """Vaultera returns the third party's answer as it is; `HTTPStatus(520)` used to raise ValueError."""
    client = VaulteraClient(base_url="https://vault.test").set_httpx_client(_answering(status, b"origin is unreachable"))
    sent = send_card.sync_detailed("f" * 32, client=client, method="post", url_query="https://gw.test/pay")
    captured = capture.sync_detailed(client=client, method="get", url_query="https://gw.test/b", profile="channex")
    for response in (sent, captured):
        assert response.status_code == status and not isinstance(response.status_code, HTTPStatus)
        assert response.parsed is not None and response.parsed.payload.read() == b"origin is unreachable"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_maps_known_statuses_to_httpstatus_and_keeps_the_others(package: str) -> None:
    http_status = importlib.import_module(f"{package}.types").http_status
    assert http_status(404) is HTTPStatus.NOT_FOUND and http_status(520) == 520 and type(http_status(520)) is int


def test_an_empty_404_on_batch_delete_is_no_error_body() -> None:
    """VGS documents deleteAliases' 404 without a body; the client used to raise JSONDecodeError on it."""
    client = VGSClient(base_url="https://vault.test").set_httpx_client(_answering(404))
    response = delete_aliases.sync_detailed(client=client, body=DeleteAliasesRequest(data=["tok_sandbox_gone"]))
    assert (response.status_code, response.content, response.parsed) == (HTTPStatus.NOT_FOUND, b"", None)


def test_the_vendors_reveal_example_parses_with_the_generated_client() -> None:
    """The reveal-many example puts aliases under `value`: no more KeyError('alias'); the key is kept as data."""
    body = b'{"data": {"tok_a": {"value": "476673481", "aliases": [{"value": "tok_a", "format": "UUID"}]}}}'
    client = VGSClient(base_url="https://vault.test").set_httpx_client(_answering(200, body, "application/json"))
    parsed = reveal_multiple_aliases.sync(client=client, aliases="tok_a")
    assert isinstance(parsed, RevealMultipleAliasesResponse)
    (alias,) = parsed.data["tok_a"].aliases
    assert alias.additional_properties == {"value": "tok_a"} and alias.format_ == "UUID"


def test_a_membership_without_role_parses_with_the_generated_client() -> None:
    parsed = MembershipList.from_dict({"active_org_id": "org-1", "memberships": [{"org_id": "org-1"}, {}]})
    assert parsed.active_org_id == "org-1" and len(parsed.memberships) == 2
