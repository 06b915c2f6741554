"""VGS through the public API, against FakeVGS: every operation, sync and async, errors and bad input."""

from __future__ import annotations

from typing import Any

import polyvault
import pytest
from _answering import answering
from polyvault import (
    AuthenticationError,
    BadRequestError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
)
from polyvault.testing import FakeVGS, ManualClock
from polyvault.testing.vgs import luhn_valid
from polyvault.vgs import AliasRecord

CARDS = ["4111111111111111", "5500000000000004", "340000000000009", "6011000000000004"]


def test_create_returns_one_record_per_value_in_order(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        records = vgs.aliases.create(CARDS, format="FPE_SIX_T_FOUR", classifiers=["pci"])
    assert [record.value for record in records] == CARDS
    for card, record in zip(CARDS, records, strict=True):
        alias = record.alias_for("FPE_SIX_T_FOUR")
        assert alias is not None
        assert (alias[:6], alias[-4:], len(alias)) == (card[:6], card[-4:], len(card))
        assert luhn_valid(alias)
        assert record.classifiers == ("pci",)
        assert record.storage == "PERSISTENT"
    assert sorted(fake_vgs.stored_values()) == sorted(CARDS)


def test_any_number_of_values_is_sent_twenty_at_a_time_in_input_order(fake_vgs: FakeVGS) -> None:
    values = [f"value-{index:03d}" for index in range(45)]
    with fake_vgs.client() as vgs:
        aliases = vgs.aliases.tokenize(values)
        revealed = vgs.aliases.reveal_many(aliases)
    assert fake_vgs.count("POST /aliases") == 3
    assert fake_vgs.count("GET /aliases") == 3
    assert [revealed[alias].value for alias in aliases] == values
    assert all(alias.startswith("tok_sandbox_") and len(alias) == len("tok_sandbox_") + 22 for alias in aliases)


@pytest.mark.anyio
async def test_async_chunks_run_concurrently_within_the_bound() -> None:
    fake = FakeVGS()
    fake.inject("latency", seconds=0.02, times=None)
    values = [f"v{index}" for index in range(200)]
    async with fake.async_client(max_concurrency=4) as vgs:
        aliases = await vgs.aliases.tokenize(values, format="RAW_UUID")
        revealed = await vgs.aliases.reveal_many(aliases)
    assert [revealed[alias].value for alias in aliases] == values
    assert fake.max_in_flight == 4
    assert not fake.violations


def test_reference_adds_a_format_to_an_existing_value(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        alias = vgs.aliases.tokenize(["4111111111111111"])[0]
        record = vgs.aliases.reference(alias, format="PFPT")
        revealed = vgs.aliases.reveal(alias)
    pfpt = record.alias_for("PFPT")
    assert pfpt is not None and pfpt.startswith("99") and len(pfpt) == 19 and pfpt.endswith("1111") and luhn_valid(pfpt)
    assert {item.format for item in revealed.aliases} == {"UUID", "PFPT"}
    assert fake_vgs.stored_values() == ["4111111111111111"]


def test_update_delete_and_delete_many(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        aliases = vgs.aliases.tokenize([f"secret-{index}" for index in range(25)])
        vgs.aliases.update(aliases[0], classifiers=["pii", "ssn"])
        assert vgs.aliases.reveal(aliases[0]).classifiers == ("pii", "ssn")
        vgs.aliases.delete(aliases[0])
        vgs.aliases.delete_many(aliases[1:])
        with pytest.raises(NotFoundError) as caught:
            vgs.aliases.reveal(aliases[0])
    assert fake_vgs.stored_values() == []
    assert fake_vgs.count("POST /aliases/delete") == 2
    assert caught.value.status_code == 404 and caught.value.code == "Not found"
    assert "Alias not found" in caught.value.message


@pytest.mark.anyio
async def test_every_operation_async(fake_vgs: FakeVGS) -> None:
    async with fake_vgs.async_client() as vgs:
        records = await vgs.aliases.create(["123-45-6789"], format="FPE_SSN_T_FOUR")
        alias = records[0].aliases[0].alias
        assert alias.endswith("-6789") and len(alias) == 11
        assert (await vgs.aliases.reveal(alias)).value == "123-45-6789"
        assert (await vgs.aliases.reference(alias, format="UUID")).alias_for("UUID")
        assert list(await vgs.aliases.reveal_many([alias])) == [alias]
        await vgs.aliases.update(alias, classifiers=["ssn"])
        await vgs.aliases.delete_many([alias])
        tokens = await vgs.aliases.tokenize(["x1234"], format="GENERIC_T_FOUR")
        await vgs.aliases.delete(tokens[0])
    assert fake_vgs.stored_values() == []


def test_volatile_values_expire_after_an_hour_with_default_metadata() -> None:
    clock = ManualClock()
    fake = FakeVGS(clock=clock)
    with fake.client() as vgs:
        alias = vgs.aliases.tokenize(["737"], storage="VOLATILE")[0]
        record = vgs.aliases.reveal(alias, storage="VOLATILE")
        assert record.value == "737" and record.classifiers == () and record.created_at is not None
        assert record.created_at.year == 1970 and record.storage == "VOLATILE"
        with pytest.raises(NotFoundError):
            vgs.aliases.reveal(alias)  # not in PERSISTENT storage
        clock.advance(3601)
        with pytest.raises(NotFoundError):
            vgs.aliases.reveal(alias, storage="VOLATILE")


def test_wrong_credentials_are_an_authentication_error_without_the_password() -> None:
    fake = FakeVGS()
    with fake.client(password="not-the-password-xyz") as vgs, pytest.raises(AuthenticationError) as caught:
        vgs.aliases.tokenize(["4111111111111111"])
    text = str(caught.value) + repr(caught.value)
    assert caught.value.status_code == 401
    assert "not-the-password-xyz" not in text and "4111111111111111" not in text


def test_reveal_disabled_is_permission_denied() -> None:
    fake = FakeVGS(reveal_enabled=False)
    with fake.client() as vgs:
        alias = vgs.aliases.tokenize(["4111111111111111"])[0]
        with pytest.raises(PermissionDeniedError) as caught:
            vgs.aliases.reveal(alias)
    assert caught.value.status_code == 403


def test_a_value_unfit_for_its_format_is_a_bad_request_with_vgs_detail(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs, pytest.raises(BadRequestError) as caught:
        vgs.aliases.create(["not-a-card"], format="FPE_SIX_T_FOUR")
    assert caught.value.code == "Bad request"
    assert caught.value.detail and caught.value.detail[0]["status"] == 400
    assert "not-a-card" not in str(caught.value)


FORMATS = (
    "ALPHANUMERIC_SIX_T_FOUR, FPE_ACC_NUM_T_FOUR, FPE_ALPHANUMERIC_ACC_NUM_T_FOUR, FPE_SIX_T_FOUR, FPE_SSN_T_FOUR, FPE_T_FOUR, "
    "GENERIC_T_FOUR, NON_LUHN_FPE_ALPHANUMERIC, NUM_LENGTH_PRESERVING, PFPT, RAW_UUID, UUID, VGS_FIXED_LEN_GENERIC"
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda vgs: vgs.aliases.create([]), "values must not be empty"),
        (lambda vgs: vgs.aliases.create("4111111111111111"), "values must be a list of strings, not str"),
        (lambda vgs: vgs.aliases.create(5), "values must be a list of strings, not int"),
        (lambda vgs: vgs.aliases.create([4111111111111111]), "values[0] must be a string, not int"),
        (lambda vgs: vgs.aliases.create(["ok", ""]), "values[1] must not be empty"),
        (lambda vgs: vgs.aliases.create(["ok", "a\ud800"]), "values[1] is not valid text (it contains a lone surrogate)"),
        (lambda vgs: vgs.aliases.create(["ok"], format="CUSTOM"), f"format must be one of {FORMATS}"),
        (lambda vgs: vgs.aliases.create(["ok"], storage="DISK"), "storage must be one of PERSISTENT, VOLATILE"),
        (lambda vgs: vgs.aliases.create(["ok"], classifiers="pci"), "classifiers must be a list of strings, not str"),
        (lambda vgs: vgs.aliases.tokenize(None), "values must be a list of strings, not NoneType"),
        (lambda vgs: vgs.aliases.reveal(""), "alias must not be empty"),
        (lambda vgs: vgs.aliases.reveal(7), "alias must be a string, not int"),
        (lambda vgs: vgs.aliases.reveal("tok\udc00"), "alias is not valid text (it contains a lone surrogate)"),
        (lambda vgs: vgs.aliases.reveal("."), "alias must not be '.' or '..': it is sent as a URL path segment"),
        (lambda vgs: vgs.aliases.reveal(".."), "alias must not be '.' or '..': it is sent as a URL path segment"),
        (lambda vgs: vgs.aliases.reveal("a,b"), "alias is not an alias (aliases contain no commas or surrounding spaces)"),
        (lambda vgs: vgs.aliases.reveal_many(["tok_a", 7]), "aliases[1] must be a string, not int"),
        (lambda vgs: vgs.aliases.reference("tok_a", format="JS"), f"format must be one of {FORMATS}"),
        (lambda vgs: vgs.aliases.update("tok_a", classifiers=[None]), "classifiers[0] must be a string, not NoneType"),
        (lambda vgs: vgs.aliases.delete(b"tok_a"), "alias must be a string, not bytes"),
        (lambda vgs: vgs.aliases.delete_many([]), "aliases must not be empty"),
        (
            lambda vgs: vgs.aliases.create(["x" * (2 * 1024 * 1024)] * 20),
            "aliases.create failed: 0 of 20 completed; 20 failed, not retryable as sent (values[0-19]); first error: "
            "a request of 41943630 bytes exceeds VGS's 32 MB limit; send fewer or smaller values",
        ),
    ],
)
def test_bad_input_is_refused_before_sending(fake_vgs: FakeVGS, call: object, message: str) -> None:
    with fake_vgs.client() as vgs, pytest.raises(InvalidRequestError) as caught:
        call(vgs)  # type: ignore[operator]
    assert str(caught.value) == f"[vgs] {message}"
    assert isinstance(caught.value, ValueError)
    assert fake_vgs.count() == 0


def test_records_never_show_the_value() -> None:
    record = AliasRecord(value="4111111111111111", aliases=())
    assert "4111111111111111" not in repr(record) and "4111111111111111" not in str(record)


def test_rate_limit_reflects_the_last_response(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        assert vgs.rate_limit is None
        vgs.aliases.tokenize(["a1234"])
        first = vgs.rate_limit
        vgs.aliases.tokenize(["b1234"])
        second = vgs.rate_limit
    assert first is not None and second is not None
    assert (first.remaining, second.remaining) == (2999, 2998)


def test_over_the_wire_on_loopback(fake_vgs: FakeVGS) -> None:
    with fake_vgs.serve() as base_url, fake_vgs.client(base_url=base_url) as vgs:
        aliases = vgs.aliases.tokenize(CARDS, format="FPE_T_FOUR")
        assert [vgs.aliases.reveal(alias).value for alias in aliases] == CARDS
    assert base_url.startswith("http://127.0.0.1:")


def test_environment_selects_the_server_and_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VGS_USERNAME", "user")
    monkeypatch.setenv("VGS_PASSWORD", "pass-word")
    monkeypatch.delenv("VGS_BASE_URL", raising=False)
    assert polyvault.VGS().base_url == "https://api.sandbox.verygoodvault.com"
    assert polyvault.VGS(environment="live-eu-1").base_url == "https://api.live-eu-1.verygoodvault.com"
    with pytest.raises(InvalidRequestError, match="environment must be one of"):
        polyvault.VGS(environment="prod")  # type: ignore[arg-type]
    monkeypatch.delenv("VGS_PASSWORD")
    with pytest.raises(InvalidRequestError, match="VGS_PASSWORD"):
        polyvault.VGS()


def test_importing_and_constructing_vgs_loads_no_generated_model_nor_attrs() -> None:
    import subprocess
    import sys

    script = (
        "import sys\nfrom polyvault import VGS\nVGS('user', 'password').close()\n"
        "print(sorted(name for name in ('attrs', 'attr', 'polyvault_vgs_client', 'polyvault_vgs_client.models') if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_a_missing_vgs_extra_is_named_at_import() -> None:
    import subprocess
    import sys

    script = (
        "import importlib.util as util\nfind = util.find_spec\n"
        "util.find_spec = lambda name, *rest: None if name == 'polyvault_vgs_client' else find(name, *rest)\n"
        "try:\n    import polyvault.vgs\nexcept ModuleNotFoundError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "polyvault's vgs client needs the polyvault_vgs_client package: pip install 'polyvault[vgs]'"


def test_a_value_out_of_unused_aliases_is_refused_not_a_hang(fake_vgs: FakeVGS) -> None:
    """A one-character value has 35 non-Luhn alphanumeric aliases: the 36th create is refused (the fake once looped forever)."""
    with fake_vgs.client() as vgs:
        aliases = {vgs.aliases.tokenize(["1"], format="NON_LUHN_FPE_ALPHANUMERIC")[0] for _ in range(35)}
        with pytest.raises(BadRequestError) as caught:
            vgs.aliases.tokenize(["1"], format="NON_LUHN_FPE_ALPHANUMERIC")
    assert len(aliases) == 35 and "0" not in aliases  # "0" passes the Luhn check: not a NON_LUHN alias
    assert caught.value.detail[0]["detail"] == "Item 0: no unused NON_LUHN_FPE_ALPHANUMERIC alias is left for a value this short"
    assert fake_vgs.stored_values() == ["1"] * 35


def test_every_vgs_error_of_a_body_is_read_title_as_fallback_href_dropped() -> None:
    body = {
        "errors": [
            {"status": 400, "title": "Bad request", "href": "https://vgs.test/aliases"},
            {"status": 400, "title": "Other", "detail": "Item 3: too long", "href": "https://vgs.test/aliases"},
        ]
    }
    client = answering(400, body)
    with client as vgs, pytest.raises(BadRequestError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    error = caught.value
    assert (error.code, error.message) == ("Bad request", "GET /aliases/tok_sandbox_a failed: Bad request; Item 3: too long")
    assert error.detail == [{"status": 400, "title": "Bad request"}, {"status": 400, "title": "Other", "detail": "Item 3: too long"}]


def test_an_error_body_without_a_title_has_no_code_and_one_that_is_not_vgs_format_is_unexpected() -> None:
    client = answering(404, {"errors": [{"detail": "gone"}]})
    with client as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert caught.value.code is None and caught.value.message == "GET /aliases/tok_sandbox_a failed: gone"
    client = answering(404, [{"errors": "not VGS's envelope"}])
    with client as vgs, pytest.raises(polyvault.UnexpectedResponseError) as unexpected:
        vgs.aliases.reveal("tok_sandbox_a")
    assert unexpected.value.message == (
        "GET /aliases/tok_sandbox_a answered 404 Not Found with a body that is not vgs's error format (application/json)"
    )


REVEALED = {"aliases": [{"alias": "tok_sandbox_a", "format": "UUID"}], "value": "v", "classifiers": [], "storage": "PERSISTENT"}
SPEC = "GET /aliases answered 200 with a body that does not match the vgs spec"


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"data": [REVEALED]}, "data: an object needed, found a list of 1"),
        (["x"], "body: an object needed, found a list of 1"),
        ({"errors": []}, "data: an object needed, found nothing"),
    ],
    ids=["data-not-an-object", "body-not-an-object", "no-data"],
)
def test_a_reveal_many_answer_of_another_shape_fails_every_alias_naming_where(body: object, why: str) -> None:
    client = answering(200, body)
    with client as vgs, pytest.raises(polyvault.UnexpectedResponseError) as caught:
        vgs.aliases.reveal_many(["tok_sandbox_a", "tok_sandbox_b"])
    assert caught.value.failed == (0, 1) and caught.value.retryable == ()
    assert [str(error.message) for error in caught.value.errors] == [f"{SPEC} ({why})"]


def test_an_alias_a_reveal_many_answer_leaves_out_fails_alone_as_the_vaults_200() -> None:
    client = answering(200, {"data": {"tok_sandbox_a": REVEALED}})
    with client as vgs, pytest.raises(polyvault.UnexpectedResponseError) as caught:
        vgs.aliases.reveal_many(["tok_sandbox_a", "tok_sandbox_b"])
    (left_out,) = caught.value.errors
    assert left_out.message == f"{SPEC} (data['tok_sandbox_b']: the requested alias's record needed, found nothing)"
    assert (left_out.vault, left_out.status_code, type(left_out)) == ("vgs", 200, polyvault.UnexpectedResponseError)
    assert caught.value.failed == (1,) and [record.value for record in caught.value.results[:1]] == ["v"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_raw_requests_use_neither_the_callers_redirects_nor_its_auth(mode: str) -> None:
    """`.raw` sends through the facade's pool: the caller's http_client's redirects and auth stay out, as for the facade's own calls."""
    import anyio
    import httpx
    from polyvault_vgs_client.api.aliases import reveal_alias

    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get("authorization")))
        return httpx.Response(302, json={"errors": []}, headers={"Location": "https://vgs.test/aliases/tok_sandbox_b"})

    settings: dict[str, Any] = {"transport": httpx.MockTransport(handler), "follow_redirects": True, "auth": ("caller", "theirs")}
    options = {"base_url": "https://vgs.test", "max_retries": 0}
    if mode == "sync":
        with polyvault.VGS("u", "p", http_client=httpx.Client(**settings), **options) as vgs:
            status = reveal_alias.sync_detailed("tok_sandbox_a", client=vgs.raw).status_code
    else:

        async def main() -> int:
            async with polyvault.AsyncVGS("u", "p", http_client=httpx.AsyncClient(**settings), **options) as vgs:
                return (await reveal_alias.asyncio_detailed("tok_sandbox_a", client=vgs.raw)).status_code

        status = anyio.run(main)
    assert status == 302
    assert seen == [("/aliases/tok_sandbox_a", "Basic dTpw")]  # base64("u:p"): the vault's credentials, not the caller's


@pytest.mark.parametrize("operation", ["create", "tokenize"])
def test_a_created_value_answered_without_an_alias_fails_as_unknown(operation: str) -> None:
    client = answering(201, {"data": [{"value": CARDS[0], "aliases": [], "classifiers": [], "storage": "PERSISTENT"}]})
    with client as vgs, pytest.raises(polyvault.UnexpectedResponseError) as caught:
        getattr(vgs.aliases, operation)(CARDS[:1])
    assert caught.value.unknown == (0,) and caught.value.retryable == ()
    (error,) = caught.value.errors
    assert error.message == (
        "POST /aliases answered 201 with a body that does not match the vgs spec (data[].aliases: an alias needed, found nothing)"
    )


def test_an_error_entry_without_detail_or_title_adds_no_text_and_a_body_without_errors_is_not_vgs_format() -> None:
    client = answering(400, {"errors": [{"status": 400}, {"status": 400, "detail": "Item 1: too long"}]})
    with client as vgs, pytest.raises(BadRequestError) as caught:
        vgs.aliases.reveal("tok_sandbox_a")
    assert (caught.value.code, caught.value.message) == (None, "GET /aliases/tok_sandbox_a failed: Item 1: too long")
    client = answering(404, {"message": "no such alias"})
    with client as vgs, pytest.raises(polyvault.UnexpectedResponseError) as unexpected:
        vgs.aliases.reveal("tok_sandbox_a")
    assert unexpected.value.message == (
        "GET /aliases/tok_sandbox_a answered 404 Not Found with a body that is not vgs's error format (application/json)"
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_redirect_is_never_followed_even_by_a_client_that_follows_them(mode: str) -> None:
    import anyio
    import httpx

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "https://elsewhere.test/steal"})

    transport = httpx.MockTransport(handler)
    options = {"base_url": "https://vgs.test", "max_retries": 0}
    if mode == "sync":
        client = polyvault.VGS("u", "p", http_client=httpx.Client(transport=transport, follow_redirects=True), **options)
        with client as vgs, pytest.raises(polyvault.UnexpectedResponseError) as caught:
            vgs.aliases.reveal("tok_sandbox_a")
    else:

        async def main() -> None:
            client = httpx.AsyncClient(transport=transport, follow_redirects=True)
            async with polyvault.AsyncVGS("u", "p", http_client=client, **options) as vgs:
                await vgs.aliases.reveal("tok_sandbox_a")

        with pytest.raises(polyvault.UnexpectedResponseError) as caught:
            anyio.run(main)
    assert seen == ["https://vgs.test/aliases/tok_sandbox_a"]
    assert caught.value.message == "GET /aliases/tok_sandbox_a answered 302 (a redirect, which polyvault does not follow)"
    assert caught.value.status_code == 302
