"""Logs, request ids, attempt history and the User-Agent, as an operations team sees them.

Loggers `polyvault.<vault>`: DEBUG per HTTP attempt, INFO per retry and per failed call, each line
built from an allow-list (path templates, never raw paths). `POLYVAULT_LOG` prints them without any
logging setup. Every error carries the request id where the vault sends one, and its attempts.
"""

from __future__ import annotations

import contextlib
import logging
import re
import subprocess
import sys
import textwrap
from typing import Any

import httpx
import polyvault
import pytest
from polyvault import (
    VGS,
    Apideck,
    Attempt,
    InvalidRequestError,
    NotFoundError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    Vaultera,
    VaultPAM,
)
from polyvault.testing import FakeApideck, FakeVaultera, FakeVaultPAM, FakeVGS

CARD = "4111111111111111"
NO_WAIT = RetryPolicy(max_retries=2, backoff=0.0, max_backoff=0.0)
MS = r"\d+\.\d ms"


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """pytest's log capture, with the polyvault loggers at DEBUG."""
    caplog.set_level(logging.DEBUG, logger="polyvault")
    return caplog


def _lines(records: list[logging.LogRecord], level: int | None = None) -> list[str]:
    return [record.getMessage() for record in records if record.name.startswith("polyvault") and level in (None, record.levelno)]


def test_each_attempt_is_one_debug_line_with_template_status_latency_and_request_id(
    fake_vgs: FakeVGS, logs: pytest.LogCaptureFixture
) -> None:
    with fake_vgs.client() as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        logs.clear()
        vgs.aliases.reveal(alias)
    (record,) = logs.records
    assert (record.name, record.levelno) == ("polyvault.vgs", logging.DEBUG)
    request_id = record.getMessage().split("request id ")[1].rstrip(")")
    assert re.fullmatch(
        rf"Aliases\.reveal: GET /aliases/\{{alias\}} -> 200 in {MS} \(attempt 1, request id {request_id}\)", record.getMessage()
    )
    assert alias not in record.getMessage() and len(request_id) == 32


def test_a_retry_is_one_info_line_with_operation_attempt_delay_and_reason(fake_vgs: FakeVGS, logs: pytest.LogCaptureFixture) -> None:
    with fake_vgs.client(retry_policy=NO_WAIT) as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        fake_vgs.inject("503", route="GET /aliases/{alias}", times=1)
        fake_vgs.inject("reset_before", route="GET /aliases/{alias}", times=1)
        logs.clear()
        vgs.aliases.reveal(alias)
    assert _lines(logs.records, logging.INFO) == [
        "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503 Service Unavailable",
        "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 3 of 3) after ReadError",
    ]
    debug = _lines(logs.records, logging.DEBUG)
    assert [re.sub(MS, "T", line.split(", request id")[0].rstrip(")")) for line in debug] == [
        "Aliases.reveal: GET /aliases/{alias} -> 503 in T (attempt 1",
        "Aliases.reveal: GET /aliases/{alias} -> ReadError in T (attempt 2",
        "Aliases.reveal: GET /aliases/{alias} -> 200 in T (attempt 3",
    ]
    assert "request id" not in debug[1]  # no response, no request id


def test_a_failed_call_is_one_info_line_with_error_status_code_and_request_id(fake_vgs: FakeVGS, logs: pytest.LogCaptureFixture) -> None:
    with fake_vgs.client() as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.reveal("tok_sandbox_missing")
    assert _lines(logs.records, logging.INFO) == [
        f"Aliases.reveal failed: NotFoundError (404, code Not found, request id {caught.value.request_id}) after 1 attempt"
    ]
    assert all("tok_sandbox_missing" not in line for line in _lines(logs.records))


def test_a_status_without_a_reason_phrase_is_named_by_its_code_alone(logs: pytest.LogCaptureFixture) -> None:
    unnamed = httpx.Response(503, json={"errors": []}, extensions={"reason_phrase": b""})  # a proxy's bare "HTTP/1.1 503"
    answers = iter([unnamed, httpx.Response(200, json={"data": [{"value": "v", "aliases": []}]})])
    http = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)))
    with VGS("u", "p", base_url="https://vgs.test", http_client=http, retry_policy=NO_WAIT) as vgs:
        vgs.aliases.reveal("tok_sandbox_a")
    assert _lines(logs.records, logging.INFO) == ["Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503"]


def test_a_call_failed_after_retries_says_how_many_attempts(fake_vgs: FakeVGS, logs: pytest.LogCaptureFixture) -> None:
    fake_vgs.inject("503", route="GET /aliases/{alias}", times=None)
    with fake_vgs.client(retry_policy=NO_WAIT) as vgs, pytest.raises(ServerError) as caught:
        vgs.aliases.reveal("tok_sandbox_x")
    request_id = caught.value.request_id
    assert _lines(logs.records, logging.INFO)[-1] == (
        f"Aliases.reveal failed: ServerError (503, code Internal server error, request id {request_id}) after 3 attempts"
    )


def test_a_call_refused_before_sending_is_logged_as_failed_too(fake_vgs: FakeVGS, logs: pytest.LogCaptureFixture) -> None:
    with fake_vgs.client() as vgs, pytest.raises(InvalidRequestError):
        vgs.aliases.tokenize(CARD)  # type: ignore[arg-type]  # a bare string, not a list
    assert _lines(logs.records) == ["Aliases.tokenize failed: InvalidRequestError"]


def test_a_listing_refused_before_sending_is_logged_as_failed(fake_apideck: FakeApideck, logs: pytest.LogCaptureFixture) -> None:
    with fake_apideck.client() as apideck, pytest.raises(InvalidRequestError):
        apideck.logs.list(limit=0)
    assert _lines(logs.records) == ["Logs.list failed: InvalidRequestError"]


@pytest.mark.anyio
async def test_an_async_calls_retries_and_failure_log_under_its_operation(fake_vgs: FakeVGS, logs: pytest.LogCaptureFixture) -> None:
    async with fake_vgs.async_client(retry_policy=NO_WAIT) as vgs:
        alias = (await vgs.aliases.tokenize([CARD]))[0]
        fake_vgs.inject("503", route="GET /aliases/{alias}", times=1)
        logs.clear()
        await vgs.aliases.reveal(alias)
        with pytest.raises(NotFoundError) as caught:
            await vgs.aliases.reveal("tok_sandbox_missing")
    assert _lines(logs.records, logging.INFO) == [
        "Aliases.reveal: retrying GET /aliases/{alias} in 0.00 s (attempt 2 of 3) after 503 Service Unavailable",
        f"Aliases.reveal failed: NotFoundError (404, code Not found, request id {caught.value.request_id}) after 1 attempt",
    ]


@pytest.mark.anyio
async def test_an_async_clients_own_operation_logs_under_the_vaults_name(
    fake_vaultpam: FakeVaultPAM, logs: pytest.LogCaptureFixture
) -> None:
    fake_vaultpam.inject("500", times=None)
    async with fake_vaultpam.async_client(retry_policy=RetryPolicy(max_retries=0)) as pam:
        with pytest.raises(ServerError):
            await pam.memberships()
    assert _lines(logs.records, logging.INFO) == ["VaultPAM.memberships failed: ServerError (500, code INTERNAL_ERROR) after 1 attempt"]


def test_a_bulk_calls_requests_all_log_under_the_operation(logs: pytest.LogCaptureFixture) -> None:
    fake = FakeVGS()
    with fake.client() as vgs:
        vgs.aliases.tokenize([f"value-{index}" for index in range(45)])
    assert [line.split(" -> ")[0] for line in _lines(logs.records)] == ["Aliases.tokenize: POST /aliases"] * 3


@pytest.mark.parametrize(
    ("vault", "call", "expected"),
    [
        (
            "apideck",
            lambda client: client.connections.get("crm", "pipedrive"),
            "Connections.get: GET /vault/connections/{unified_api}/{service_id}",
        ),
        ("vaultpam", lambda client: client.memberships(), "VaultPAM.memberships: GET /api/v1/org/memberships"),
        ("vaultera", lambda client: client.api_keys.get("0" * 8 + "-0000-4000-8000-" + "0" * 12), "ApiKeys.get: GET /api/v1/api_keys/{id}"),
    ],
)
def test_every_vault_logs_on_its_own_logger_by_path_template(vault: str, call: Any, expected: str, logs: pytest.LogCaptureFixture) -> None:
    fake: Any = {"apideck": FakeApideck, "vaultpam": FakeVaultPAM, "vaultera": FakeVaultera}[vault]()
    with fake.client() as client, contextlib.suppress(NotFoundError):  # a 404 is logged like any answer
        call(client)
    lines = [record.getMessage().split(" -> ")[0] for record in logs.records if record.levelno == logging.DEBUG]
    assert lines == [expected] and {record.name for record in logs.records} == {f"polyvault.{vault}"}


def test_a_request_sent_outside_the_endpoint_table_is_logged_by_its_template(logs: pytest.LogCaptureFixture) -> None:
    fake = FakeVaultera()
    with fake.client() as vaultera:
        card = vaultera.cards.store(card_number=CARD, expiration_month="12", expiration_year="2031")
        logs.clear()
        vaultera.cards.send(card.card_token, method="post", url="https://gateway.example/pay")
    (line,) = _lines(logs.records)
    assert line.startswith("Cards.send: POST /api/v1/cards/{card_token}/send -> 200 in ")
    assert card.card_token not in line


# --- POLYVAULT_LOG --------------------------------------------------------------------------------------

SCRIPT = textwrap.dedent(
    """
    from polyvault import NotFoundError
    from polyvault.testing import FakeVGS
    fake = FakeVGS()
    with fake.client() as vgs:
        vgs.aliases.tokenize(["4111111111111111"])
        try:
            vgs.aliases.reveal("tok_sandbox_missing")
        except NotFoundError:
            pass
    """
)


@pytest.mark.slow
@pytest.mark.parametrize(("level", "expected"), [("debug", ["DEBUG", "DEBUG", "INFO"]), ("INFO", ["INFO"]), ("", []), ("loud", [])])
def test_polyvault_log_prints_the_records_of_that_level_to_stderr(level: str, expected: list[str]) -> None:
    env = {"PATH": "/usr/bin:/bin", "POLYVAULT_LOG": level}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True, timeout=120)
    lines = result.stderr.splitlines()
    if level == "loud":
        assert lines == ["polyvault: POLYVAULT_LOG='loud' is not one of debug, info, warning, error; ignored"]
        return
    assert [line.split()[3] for line in lines] == expected, result.stderr
    assert all(line.split()[2] == "polyvault.vgs" for line in lines)
    if expected:
        assert lines[-1].endswith(
            "Aliases.reveal failed: NotFoundError (404, code Not found, request id " + lines[-1].split("request id ")[1]
        )


def test_polyvault_log_adds_one_handler_however_often_it_is_applied() -> None:
    from polyvault._core.observe import configure_from_env

    logger = logging.getLogger("polyvault")
    level, handlers = logger.level, list(logger.handlers)
    try:
        first = configure_from_env({"POLYVAULT_LOG": "info"})
        second = configure_from_env({"POLYVAULT_LOG": "debug"})
        assert first is not None and second is None
        assert [handler for handler in logger.handlers if handler not in handlers] == [first]
        assert logger.level == logging.DEBUG
    finally:
        logger.handlers = handlers
        logger.setLevel(level)


def test_polyvault_log_is_read_from_the_environment_and_ignores_handlers_of_others(monkeypatch: pytest.MonkeyPatch) -> None:
    from polyvault._core.observe import configure_from_env

    logger = logging.getLogger("polyvault")
    before, handlers = logger.level, list(logger.handlers)
    theirs = logging.NullHandler()  # the application's own handler on our logger
    monkeypatch.setenv("POLYVAULT_LOG", "warning")
    try:
        logger.addHandler(theirs)
        ours = configure_from_env()
        assert logger.level == logging.WARNING and logger.handlers == [*handlers, theirs, ours]
    finally:
        logger.handlers = handlers
        logger.setLevel(before)


@pytest.mark.parametrize(
    ("value", "level"), [("debug", logging.DEBUG), (" INFO ", logging.INFO), ("Warning", logging.WARNING), ("error", logging.ERROR)]
)
def test_polyvault_log_sets_that_level_with_a_timestamped_stderr_handler(value: str, level: int) -> None:
    """The same switch as above, in this process: its level, its handler's stream and format."""
    from polyvault._core.observe import configure_from_env

    logger = logging.getLogger("polyvault")
    before, handlers = logger.level, list(logger.handlers)
    try:
        handler = configure_from_env({"POLYVAULT_LOG": value})
        assert logger.level == level and logger.handlers == [*handlers, handler]
        assert isinstance(handler, logging.StreamHandler) and handler.stream is sys.stderr and handler.level == logging.NOTSET
        assert handler.formatter is not None and handler.formatter._fmt == "%(asctime)s %(name)s %(levelname)s %(message)s"
    finally:
        logger.handlers = handlers
        logger.setLevel(before)


@pytest.mark.parametrize("value", ["", "  ", "loud"])
def test_polyvault_log_unset_or_unknown_leaves_logging_alone(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    from polyvault._core.observe import configure_from_env

    logger = logging.getLogger("polyvault")
    before, handlers = logger.level, list(logger.handlers)
    assert configure_from_env({"POLYVAULT_LOG": value}) is None
    assert configure_from_env({}) is None
    assert (logger.level, logger.handlers) == (before, handlers)
    expected = "polyvault: POLYVAULT_LOG='loud' is not one of debug, info, warning, error; ignored\n" if value == "loud" else ""
    assert capsys.readouterr().err == expected


# --- request ids, per vault -----------------------------------------------------------------------------


def test_vgs_errors_carry_vgs_request_id(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.reveal("tok_sandbox_missing")
    (request,) = fake_vgs.requests
    assert caught.value.request_id is not None and re.fullmatch(r"[0-9a-f]{32}", caught.value.request_id)
    assert caught.value.response is not None and caught.value.response.headers["VGS-Request-Id"] == caught.value.request_id
    assert request.route == "GET /aliases/{alias}"


def test_apideck_errors_carry_request_id(fake_apideck: FakeApideck) -> None:
    with fake_apideck.client() as apideck, pytest.raises(NotFoundError) as caught:
        apideck.consumers.get("nobody")
    assert caught.value.response is not None and caught.value.request_id == caught.value.response.headers["Request-Id"]


@pytest.mark.parametrize("vault", ["vaultpam", "vaultera"])
def test_vaults_that_document_no_request_id_get_one_from_a_proxys_x_request_id(vault: str) -> None:
    """VaultPAM and Vaultera document no request id header; a gateway's `X-Request-Id` is kept when one is there."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = {"error": "NOT_FOUND", "message": "no"} if vault == "vaultpam" else {"errors": {"code": "not_found", "title": "no"}}
        return httpx.Response(404, json=body, headers={"X-Request-Id": "gw-7f3a"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client: Any = (
        VaultPAM(token="vpat_x", org_id="org_1", base_url="https://pam.example", http_client=http)
        if vault == "vaultpam"
        else Vaultera("key", base_url="https://vaultera.example/api/v1", http_client=http)
    )
    with pytest.raises(NotFoundError) as caught:
        client.safes.list() if vault == "vaultpam" else client.api_keys.list()
    assert caught.value.request_id == "gw-7f3a"


# --- the attempt history of an error --------------------------------------------------------------------


def test_an_error_lists_its_attempts(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("503", route="GET /aliases/{alias}", times=2)
    with fake_vgs.client(retry_policy=NO_WAIT) as vgs, pytest.raises(NotFoundError) as caught:
        vgs.aliases.reveal("tok_sandbox_missing")
    attempts = caught.value.attempts
    assert [(attempt.status_code, attempt.error, attempt.wait) for attempt in attempts] == [
        (503, None, 0.0),
        (503, None, 0.0),
        (404, None, None),
    ]
    assert attempts[-1].request_id == caught.value.request_id and all(isinstance(attempt, Attempt) for attempt in attempts)
    assert all(0 <= attempt.duration < 5 for attempt in attempts)


def test_a_transport_failure_lists_its_attempts(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("reset_before", route="GET /aliases/{alias}", times=None)
    with (
        fake_vgs.client(retry_policy=RetryPolicy(max_retries=1, backoff=0.0)) as vgs,
        pytest.raises(polyvault.VaultConnectionError) as caught,
    ):
        vgs.aliases.reveal("tok_sandbox_x")
    assert [(attempt.status_code, attempt.error, attempt.wait) for attempt in caught.value.attempts] == [
        (None, "ReadError", 0.0),
        (None, "ReadError", None),
    ]


def test_an_unreadable_answer_lists_its_attempts(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        alias = vgs.aliases.tokenize([CARD])[0]
        fake_vgs.inject("truncated_json", route="GET /aliases/{alias}", times=1)
        with pytest.raises(UnexpectedResponseError) as caught:
            vgs.aliases.reveal(alias)
    assert [attempt.status_code for attempt in caught.value.attempts] == [200]


def test_errors_raised_before_sending_have_no_attempts(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs, pytest.raises(InvalidRequestError) as caught:
        vgs.aliases.reveal("a,b")
    assert caught.value.attempts == ()


def test_a_server_error_after_retries_keeps_every_attempt(fake_vgs: FakeVGS) -> None:
    fake_vgs.inject("503", times=None)
    with fake_vgs.client(retry_policy=NO_WAIT) as vgs, pytest.raises(ServerError) as caught:
        vgs.aliases.reveal("tok_sandbox_x")
    assert [attempt.status_code for attempt in caught.value.attempts] == [503, 503, 503]


# --- the User-Agent ---------------------------------------------------------------------------------------

AGENT = f"polyvault/{polyvault.__version__} (vgs) Python/{'.'.join(map(str, sys.version_info[:3]))} ({sys.platform})"


def _agents(fake: FakeVGS) -> list[str]:
    return [request.headers["user-agent"] for request in fake.requests]


def test_the_user_agent_names_polyvault_the_vault_and_python(fake_vgs: FakeVGS) -> None:
    from polyvault_vgs_client.api.aliases import reveal_alias

    with fake_vgs.serve() as url, fake_vgs.client(base_url=url) as vgs:  # polyvault's own pool
        vgs.aliases.tokenize([CARD])
        reveal_alias.sync_detailed("tok_sandbox_x", client=vgs.raw)  # the generated client, through the same pool
    with fake_vgs.client() as vgs:  # the fake's transport in a caller-supplied http_client
        vgs.aliases.tokenize([CARD])
    assert _agents(fake_vgs) == [AGENT, AGENT, AGENT]


def test_the_user_agent_survives_a_callers_http_client_with_its_own(fake_vgs: FakeVGS) -> None:
    http = httpx.Client(transport=fake_vgs.transport, headers={"User-Agent": "python-httpx/0.28.1", "X-Team": "payments"})
    with VGS(
        fake_vgs.username, fake_vgs.password, base_url=fake_vgs.in_process_url, http_client=http, application_id="checkout/2.1"
    ) as vgs:
        vgs.aliases.tokenize([CARD])
        from polyvault_vgs_client.api.aliases import reveal_alias

        reveal_alias.sync_detailed("tok_sandbox_x", client=vgs.raw)  # the generated client sends it too
    assert _agents(fake_vgs) == [f"checkout/2.1 {AGENT}"] * 2
    assert fake_vgs.requests[0].headers["x-team"] == "payments"  # the caller's other defaults are kept
    assert http.headers["User-Agent"] == "python-httpx/0.28.1"  # and their client is not changed


@pytest.mark.parametrize("bad", ["", "has space", "x" * 25, 42, "tab\t"])
def test_an_application_id_must_be_short_and_printable(bad: object) -> None:
    with pytest.raises(InvalidRequestError, match="application_id"):
        Apideck("key", "app", application_id=bad)  # type: ignore[arg-type]
