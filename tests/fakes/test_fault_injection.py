"""Fault injection does what it says (issue 3): a reset is a reset, a 429 is a 429, a timeout times out.

Plain httpx clients (no polyvault, so no retries) send one state-changing request per vault (VGS
create, Apideck consumersAdd, VaultPAM login, Vaultera storeCard) to a fake with a fault armed,
over 127.0.0.1 (a real socket: a reset is a TCP reset) and in-process (`fake.transport`, which
raises what httpx would). For each fault the test checks what the client sees and whether the
vault's state changed: faults decided before the request is processed (429, 5xx, html, resets
before, latency) leave it unchanged, the others (reset after, timeout, mangled bodies) change it.
Also: `times=` and `probability=` (reproducible per seed), per-route faults, and the
`python -m polyvault.testing serve` command line.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from typing import IO, Any

import httpx
import pytest
from polyvault.testing import FakeApideck, FakeVault, FakeVaultera, FakeVaultPAM, FakeVGS

MODES = ("loopback", "in_process")
TIMEOUT = 5.0  # every request is bounded; none of these takes more than a fraction of a second
HUGE = 10 * 1024 * 1024
_unique = count(1)


# --- one state-changing request per vault ------------------------------------------------------


@dataclass(frozen=True)
class Vault:
    """How to send one state-changing request to a fake with a plain httpx client, and how to see its effect."""

    name: str
    make: Callable[..., FakeVault]
    route: str  # the route key of the request, for `inject(route=...)`
    method: str
    path: str
    body: Callable[[Any], dict[str, Any]]
    client_args: Callable[[Any], dict[str, Any]]
    state: Callable[[Any], int]
    success: int
    error_body: Callable[[httpx.Response, int], None]  # asserts the vault's own error format for a status

    def send(self, client: httpx.Client, fake: Any, **options: Any) -> httpx.Response:
        return client.request(self.method, self.path, json=self.body(fake), **options)


def _vgs_error(response: httpx.Response, status: int) -> None:
    [error] = response.json()["errors"]
    assert error["status"] == status and error["title"] and error["detail"]
    assert response.headers["x-ratelimit-remaining"].isdigit()


def _apideck_error(response: httpx.Response, status: int) -> None:
    body = response.json()
    assert body["status_code"] == status and body["type_name"] and body["message"] and body["error"]
    assert response.headers["Request-Id"]


def _vaultpam_error(response: httpx.Response, status: int) -> None:
    body = response.json()
    assert body["error"] and body["message"] and body["error"] == body["error"].upper()
    for header in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"):
        assert response.headers[header].isdigit()


def _vaultera_error(response: httpx.Response, status: int) -> None:
    errors = response.json()["errors"]
    assert errors["code"] and errors["title"]


VAULTS = {
    "vgs": Vault(
        "vgs",
        FakeVGS,
        "POST /aliases",
        "POST",
        "/aliases",
        lambda fake: {"data": [{"value": "4111111111111111", "format": "UUID"}]},
        lambda fake: {"auth": httpx.BasicAuth(fake.username, fake.password)},
        lambda fake: len(fake.stored_values()),
        201,
        _vgs_error,
    ),
    "apideck": Vault(
        "apideck",
        FakeApideck,
        "POST /vault/consumers",
        "POST",
        "/vault/consumers",
        lambda fake: {"consumer_id": f"consumer-{next(_unique)}"},
        lambda fake: {"headers": {"Authorization": f"Bearer {fake.api_key}", "x-apideck-app-id": fake.app_id}},
        lambda fake: len(fake.consumer_ids()),
        200,
        _apideck_error,
    ),
    "vaultpam": Vault(
        "vaultpam",
        FakeVaultPAM,
        "POST /api/v1/auth/login",
        "POST",
        "/api/v1/auth/login",
        lambda fake: {"email": fake.email, "password": fake.password},
        lambda fake: {},
        lambda fake: int(fake.logins),
        200,
        _vaultpam_error,
    ),
    "vaultera": Vault(
        "vaultera",
        FakeVaultera,
        "POST /cards",
        "POST",
        "/cards",
        lambda fake: {"card": {"card_number": "4111111111111111", "expiration_month": "12", "expiration_year": "2031"}},
        lambda fake: {"params": {"api_key": fake.master_key}},
        lambda fake: len(fake.stored_cards()),
        200,
        _vaultera_error,
    ),
}


@contextmanager
def plain_client(vault: Vault, fake: FakeVault, mode: str, *, timeout: float = TIMEOUT) -> Iterator[httpx.Client]:
    """A plain httpx client (no retries) to `fake`: over 127.0.0.1 while the block runs, or in-process."""
    args = vault.client_args(fake)
    if mode == "in_process":
        with httpx.Client(base_url=fake.in_process_url, transport=fake.transport, timeout=timeout, **args) as client:
            yield client
        return
    with fake.serve() as url, httpx.Client(base_url=url, timeout=timeout, **args) as client:
        yield client


@contextmanager
def session(vault: Vault, mode: str, **options: Any) -> Iterator[tuple[Any, httpx.Client]]:
    """A new fake (`vault.make(**options)`) and a plain client to it; on a clean exit, the fake saw no spec violations."""
    fake = vault.make(**options)
    with plain_client(vault, fake, mode) as client:
        yield fake, client
    assert fake.violations == []


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=sorted(VAULTS))
def vault(request: pytest.FixtureRequest) -> Vault:
    return VAULTS[request.param]


# --- resets ----------------------------------------------------------------------------------


def _reset_errors(mode: str) -> tuple[type[Exception], ...]:
    if mode == "in_process":
        return (httpx.ReadError,)
    return (httpx.RemoteProtocolError, httpx.ReadError, httpx.ConnectError)


def test_reset_before_is_a_transport_error_and_changes_nothing(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fault = fake.inject("reset_before", route=vault.route)
        with pytest.raises(_reset_errors(mode)):
            vault.send(client, fake)
        assert fault.hits == 1 and fake.count(vault.route) == 1 and fake.requests[-1].fault == "reset_before"
        assert vault.state(fake) == before  # the vault never processed it
        assert vault.send(client, fake).status_code == vault.success  # times=1: the next one goes through
        assert vault.state(fake) == before + 1


def test_reset_after_is_a_transport_error_but_the_request_was_processed(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fault = fake.inject("reset_after", route=vault.route)
        with pytest.raises(_reset_errors(mode)):
            vault.send(client, fake)
        assert fault.hits == 1 and fake.requests[-1].fault == "reset_after"
        assert vault.state(fake) == before + 1  # applied, only the answer was lost
        assert vault.send(client, fake).status_code == vault.success
        assert vault.state(fake) == before + 2


def test_a_reset_is_a_tcp_reset_on_loopback() -> None:
    """At the socket level: the fake's server aborts the connection (RST), it does not merely close it."""
    fake = FakeVGS()
    fake.inject("reset_before")
    with fake.serve() as url:
        port = httpx.URL(url).port
        assert port is not None
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
            sock.sendall(b"GET /aliases/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
            with pytest.raises(ConnectionResetError):  # an orderly close (FIN) would return b"" instead
                sock.recv(65536)
    assert fake.violations == []


# --- statuses ----------------------------------------------------------------------------------


def test_429_carries_retry_after_and_the_vault_error_body(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fake.inject("429", route=vault.route, retry_after=17)
        response = vault.send(client, fake)
        assert response.status_code == 429
        assert response.headers["Retry-After"] == "17"
        vault.error_body(response, 429)
        assert vault.state(fake) == before


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_with_the_vault_error_body(vault: Vault, mode: str, status: int) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fake.inject(str(status), route=vault.route)  # type: ignore[arg-type]
        response = vault.send(client, fake)
        assert response.status_code == status
        assert response.headers["content-type"].startswith("application/json")
        vault.error_body(response, status)
        assert "Retry-After" not in response.headers  # only when asked for
        assert vault.state(fake) == before
        fake.inject("503", route=vault.route, retry_after=3)
        assert vault.send(client, fake).headers["Retry-After"] == "3"


def test_html_is_an_html_502(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fake.inject("html", route=vault.route)
        response = vault.send(client, fake)
        assert response.status_code == 502
        assert response.headers["content-type"].startswith("text/html")
        assert response.text.startswith("<html>") and "502 Bad Gateway" in response.text
        with pytest.raises(json.JSONDecodeError):
            response.json()
        assert vault.state(fake) == before


# --- time ------------------------------------------------------------------------------------


def test_latency_delays_the_answer(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        vault.send(client, fake)  # warm: the connection is open, the validator loaded
        fake.inject("latency", route=vault.route, seconds=0.3)
        started = time.perf_counter()
        response = vault.send(client, fake)
        elapsed = time.perf_counter() - started
        assert response.status_code == vault.success
        assert elapsed >= 0.3  # a lower bound only: machines are slow sometimes
        assert vault.state(fake) == before + 2


def test_timeout_raises_read_timeout_but_the_request_was_processed(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        assert vault.send(client, fake).status_code == vault.success  # warm (spec loaded), so 0.2 s is all about the fault
        before = vault.state(fake)
        fault = fake.inject("timeout", route=vault.route)  # answers an hour late (stopping the server wakes it)
        started = time.perf_counter()
        with pytest.raises(httpx.ReadTimeout):
            vault.send(client, fake, timeout=0.2)
        assert time.perf_counter() - started >= 0.2
        deadline = time.monotonic() + TIMEOUT  # on loopback the server thread may still be reading or finishing the request
        while vault.state(fake) == before and time.monotonic() < deadline:
            time.sleep(0.01)
        assert fault.hits == 1
        assert vault.state(fake) == before + 1


def test_a_patient_client_gets_the_late_answer(mode: str) -> None:
    vault = VAULTS["vgs"]
    with session(vault, mode) as (fake, client):
        fake.inject("timeout", route=vault.route, seconds=0.3)
        started = time.perf_counter()
        response = vault.send(client, fake)
        assert response.status_code == 201 and time.perf_counter() - started >= 0.3


# --- mangled bodies ------------------------------------------------------------------------------


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def test_truncated_json(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        intact = vault.send(client, fake)
        fake.inject("truncated_json", route=vault.route)
        response = vault.send(client, fake)
        assert response.status_code == vault.success
        assert 0 < len(response.content) < len(intact.content)
        assert intact.content[:1] == response.content[:1] == b"{"
        with pytest.raises(json.JSONDecodeError):
            response.json()
        assert int(response.headers["content-length"]) == len(response.content)
        assert vault.state(fake) == 2 + (vault.name == "apideck")  # processed (Apideck starts with the client's own consumer)


def test_empty_body(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fake.inject("empty_body", route=vault.route)
        response = vault.send(client, fake)
        assert (response.status_code, response.content) == (vault.success, b"")
        assert response.headers["content-type"].startswith("application/json")  # headers are kept
        assert vault.state(fake) == before + 1


def test_wrong_type_puts_a_number_where_the_first_string_was(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        intact = vault.send(client, fake).json()
        fake.inject("wrong_type", route=vault.route)
        mangled = vault.send(client, fake).json()
        first_string = next(index for index, leaf in enumerate(_leaves(intact)) if isinstance(leaf, str))
        assert list(_leaves(mangled))[first_string] == 12345
        assert len(list(_leaves(mangled))) == len(list(_leaves(intact)))  # the same shape otherwise
        assert sum(isinstance(leaf, str) for leaf in _leaves(mangled)) == sum(isinstance(leaf, str) for leaf in _leaves(intact)) - 1


UNKNOWN_ENUMS = {
    # vault: (route, method, path, body, the field path to an open enum, its value after the fault)
    "vgs": (
        "POST /aliases",
        "POST",
        "/aliases",
        {"data": [{"value": "x", "format": "UUID"}]},
        ("data", 0, "storage"),
        "SOME_STORAGE_ADDED_LATER",
    ),
    "apideck": ("GET /vault/connections", "GET", "/vault/connections", None, ("data", 0, "state"), "suspended_by_vendor"),
    "vaultpam": ("GET /api/v1/org/memberships", "GET", "/api/v1/org/memberships", None, ("memberships", 0, "role"), "break_glass_approver"),
    "vaultera": ("POST /api_keys", "POST", "/api_keys", {"api_key": {}}, ("data", "attributes", "status"), "suspended"),
}


def test_unknown_enums_cover_every_vault() -> None:
    assert sorted(UNKNOWN_ENUMS) == sorted(VAULTS)


def test_unknown_enum_sets_an_open_enum_to_an_unlisted_value(vault: Vault, mode: str) -> None:
    route, method, path, body, where, value = UNKNOWN_ENUMS[vault.name]
    with session(vault, mode) as (fake, client):
        headers = {"Authorization": f"Bearer {fake.add_pat()}"} if vault.name == "vaultpam" else {}
        intact = client.request(method, path, json=body, headers=headers).json()
        fault = fake.inject("unknown_enum", route=route)
        mangled = client.request(method, path, json=body, headers=headers).json()
        assert fault.hits == 1 and fake.requests[-1].fault == "unknown_enum"
        node, original = mangled, intact
        for step in where:
            node, original = node[step], original[step]
        assert node != original
        assert node == value


def test_huge_body_is_at_least_10_mb_of_valid_json(vault: Vault, mode: str) -> None:
    with session(vault, mode) as (fake, client):
        before = vault.state(fake)
        fake.inject("huge_body", route=vault.route)
        response = vault.send(client, fake)
        assert response.status_code == vault.success
        assert len(response.content) >= HUGE
        payload = response.json()
        assert len(payload["padding"]) == HUGE  # every one of these answers is an object: the padding is a field
        assert vault.state(fake) == before + 1


# --- how often and where -------------------------------------------------------------------------


def test_times_limits_the_hits(mode: str) -> None:
    vault = VAULTS["vgs"]
    with session(vault, mode) as (fake, client):
        fault = fake.inject("503", route=vault.route, times=2)
        statuses = [vault.send(client, fake).status_code for _ in range(4)]
        assert statuses == [503, 503, 201, 201]
        assert fault.hits == 2 and fault.exhausted
        forever = fake.inject("500", route=vault.route, times=None)
        assert [vault.send(client, fake).status_code for _ in range(5)] == [500] * 5
        assert forever.hits == 5 and not forever.exhausted
        fake.clear_faults()
        assert vault.send(client, fake).status_code == 201
        assert fake.inject("500", times=0).exhausted  # armed zero times: never fires
        assert vault.send(client, fake).status_code == 201
        assert [request.fault for request in fake.requests] == ["503", "503", None, None, *["500"] * 5, None, None]


def _pattern(seed: int, mode: str, requests: int = 30) -> tuple[list[int], list[str | None]]:
    vault = VAULTS["vgs"]
    with session(vault, mode, seed=seed) as (fake, client):
        fake.inject("503", probability=0.5, times=None)
        fake.inject("reset_after", probability=0.2, times=None)
        statuses = []
        for _ in range(requests):
            try:
                statuses.append(vault.send(client, fake).status_code)
            except httpx.TransportError:
                statuses.append(0)
    return statuses, [request.fault for request in fake.requests]


def test_probability_is_reproducible_per_seed(mode: str) -> None:
    first, again, other = _pattern(7, mode), _pattern(7, mode), _pattern(8, mode)
    assert first == again  # the same seed faults the same requests, with the same faults
    assert set(first[0]) == {0, 201, 503}  # and it is a mix, not all or nothing
    assert other != first  # another seed, another draw
    in_other_mode = _pattern(7, "in_process" if mode == "loopback" else "loopback")
    assert in_other_mode == first  # nor does the way the fake is reached change it


def test_faults_per_route_only_hit_that_route(mode: str) -> None:
    vault = VAULTS["vgs"]
    with session(vault, mode) as (fake, client):
        fault = fake.inject("502", route="GET /aliases/{alias}", times=None)
        alias = vault.send(client, fake).json()["data"][0]["aliases"][0]["alias"]  # POST /aliases: not that route
        assert client.get("/aliases", params={"aliases": alias}).status_code == 200  # GET /aliases: not that route either
        assert client.put(f"/aliases/{alias}", json={"data": {"classifiers": []}}).status_code == 204  # same path, other method
        assert [client.get(f"/aliases/{alias}").status_code for _ in range(3)] == [502, 502, 502]
        assert fault.hits == 3
        assert client.delete(f"/aliases/{alias}").status_code == 204
        assert [request.route for request in fake.requests if request.fault] == ["GET /aliases/{alias}"] * 3
        with pytest.raises(ValueError, match="no route"):
            fake.inject("500", route="GET /nowhere")


# --- async, in-process ---------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_in_process_resets_and_timeouts() -> None:
    vault = VAULTS["vgs"]
    fake = vault.make()
    async with httpx.AsyncClient(base_url=fake.in_process_url, transport=fake.transport, timeout=0.2, **vault.client_args(fake)) as client:
        body = vault.body(fake)
        fake.inject("reset_before", route=vault.route)
        with pytest.raises(httpx.ReadError):
            await client.post("/aliases", json=body)
        assert vault.state(fake) == 0
        fake.inject("reset_after", route=vault.route)
        with pytest.raises(httpx.ReadError):
            await client.post("/aliases", json=body)
        assert vault.state(fake) == 1
        fake.inject("timeout", route=vault.route)
        with pytest.raises(httpx.ReadTimeout):
            await client.post("/aliases", json=body)
        assert vault.state(fake) == 2
        fake.inject("429", route=vault.route, retry_after=9)
        limited = await client.post("/aliases", json=body)
        assert (limited.status_code, limited.headers["Retry-After"]) == (429, "9")
        assert (await client.post("/aliases", json=body)).status_code == 201
    assert fake.violations == []


# --- the command line ----------------------------------------------------------------------------


def _read_line(stream: IO[str], timeout: float) -> str:
    """The first line of `stream`, read from its file descriptor: fails after `timeout` seconds, even mid-line."""
    fd = stream.fileno()
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(remaining, 0))
        assert ready, f"no JSON line within {timeout:g} s (got {data!r})"
        chunk = os.read(fd, 4096)
        assert chunk, f"the output ended before a whole line (got {data!r})"
        data += chunk
    return data.split(b"\n", 1)[0].decode()


@pytest.mark.slow
def test_serve_command_prints_json_answers_and_stops_on_ctrl_c() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "polyvault.testing", "serve", "vgs", "--port", "0", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        announced = json.loads(_read_line(process.stdout, 30))
        base_url, env = announced["base_url"], announced["env"]
        assert base_url.startswith("http://127.0.0.1:") and env["VGS_BASE_URL"] == base_url
        auth = httpx.BasicAuth(env["VGS_USERNAME"], env["VGS_PASSWORD"])
        with httpx.Client(base_url=base_url, auth=auth, timeout=TIMEOUT) as client:
            created = client.post("/aliases", json={"data": [{"value": "4111111111111111", "format": "PFPT"}]})
            assert created.status_code == 201
            assert created.json()["data"][0]["aliases"][0]["alias"].startswith("99")
        with httpx.Client(base_url=base_url, auth=httpx.BasicAuth(env["VGS_USERNAME"], "wrong"), timeout=TIMEOUT) as client:
            assert client.get("/aliases/x").status_code == 401
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "FakeVGS stopped" in (process.stderr.read() if process.stderr else "")
        with pytest.raises(httpx.ConnectError):  # and it is gone
            httpx.get(base_url + "/aliases/x", timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
