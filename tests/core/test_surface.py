"""The surface other teams touch first: closed clients, real signatures, help(), mocks, warnings, tracebacks, names.

Everything here is what a consuming team does with a client besides calling it: close it and
call it again, read its signatures, mock it in unit tests, forget an `await`, read a traceback.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import pydoc
import traceback
import typing
import warnings
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import Any
from unittest.mock import create_autospec

import httpx
import polyvault
import polyvault.testing
import pytest
from polyvault import (
    VGS,
    Apideck,
    AsyncVGS,
    ClientClosedError,
    NotFoundError,
    RetryPolicy,
    ServerError,
    VaultError,
    VaultPAM,
)
from polyvault.apideck import Log, Logs
from polyvault.testing import FakeApideck, FakeVaultera, FakeVaultPAM, FakeVGS
from polyvault.vgs import Aliases, AliasRecord

CARD = "4111111111111111"
PACKAGE = str(Path(polyvault.__file__).parent)
NO_RETRY = RetryPolicy(max_retries=0)


# --- a closed client raises a VaultError, whatever the path to it -------------------------------------


def _closed_call_fails(fake: FakeVGS, call: Any) -> ClientClosedError:
    sent = fake.count()
    with pytest.raises(ClientClosedError) as caught:
        call()
    assert fake.count() == sent, "a closed client sent a request"
    error = caught.value
    assert isinstance(error, VaultError) and isinstance(error, RuntimeError)
    assert error.vault == "vgs" and error.message.endswith(CLOSED)  # a bulk call says so after its progress
    return error


CLOSED = (
    "this client is closed: no request can be sent after close() or the end of its `with` block "
    "(copies from with_options() share the closed connection pool); create a new client"
)


@pytest.mark.parametrize("where", ["in-process", "served"])
def test_a_closed_sync_client_raises_client_closed_error(fake_vgs: FakeVGS, where: str) -> None:
    if where == "served":  # the client owns its pool: httpx itself would raise RuntimeError
        with fake_vgs.serve() as url, fake_vgs.client(base_url=url) as vgs:
            alias = vgs.aliases.tokenize([CARD])[0]
    else:  # the fake's transport is a caller-supplied http_client, which close() leaves open
        with fake_vgs.client() as vgs:
            alias = vgs.aliases.tokenize([CARD])[0]
    _closed_call_fails(fake_vgs, lambda: vgs.aliases.reveal(alias))
    _closed_call_fails(fake_vgs, lambda: vgs.aliases.tokenize([CARD, CARD]))


@pytest.mark.anyio
async def test_a_closed_async_client_raises_client_closed_error(fake_vgs: FakeVGS) -> None:
    async with fake_vgs.async_client() as vgs:
        alias = (await vgs.aliases.tokenize([CARD]))[0]
    sent = fake_vgs.count()
    with pytest.raises(ClientClosedError):
        await vgs.aliases.reveal(alias)
    with pytest.raises(ClientClosedError):
        await vgs.with_options(timeout=3).aliases.reveal_many([alias])
    assert fake_vgs.count() == sent


def test_copies_share_their_parents_lifecycle(fake_vgs: FakeVGS) -> None:
    vgs = fake_vgs.client()
    before = vgs.with_options(max_retries=0)  # a copy made while the parent was open
    vgs.close()
    after = vgs.with_options(timeout=5)  # a copy of a closed parent
    _closed_call_fails(fake_vgs, lambda: before.aliases.tokenize([CARD]))
    _closed_call_fails(fake_vgs, lambda: after.aliases.tokenize([CARD]))
    other = fake_vgs.client()
    other.with_options(timeout=5).close()  # closing a copy closes the pool it shares
    _closed_call_fails(fake_vgs, lambda: other.aliases.tokenize([CARD]))


def test_a_listing_under_way_fails_with_client_closed_error_on_its_next_page(fake_apideck: FakeApideck) -> None:
    fake_apideck.add_logs(3)
    apideck = fake_apideck.client()
    logs = apideck.logs.list(limit=1)
    first = next(logs)
    apideck.close()
    with pytest.raises(ClientClosedError):
        next(logs)
    assert first.id is not None and fake_apideck.count("GET /vault/logs") == 1
    with pytest.raises(ClientClosedError):
        list(apideck.with_consumer("another-consumer").logs.list())


def test_a_callers_http_client_closed_by_the_caller_raises_client_closed_error(fake_vgs: FakeVGS) -> None:
    http = httpx.Client(transport=fake_vgs.transport)
    vgs = VGS(fake_vgs.username, fake_vgs.password, base_url=fake_vgs.in_process_url, http_client=http)
    http.close()
    _closed_call_fails(fake_vgs, lambda: vgs.aliases.tokenize([CARD]))


def test_raw_raises_client_closed_error_too(fake_vgs: FakeVGS) -> None:
    from polyvault_vgs_client.api.aliases import reveal_alias

    with fake_vgs.client() as vgs:
        raw = vgs.raw
        assert reveal_alias.sync_detailed("tok_sandbox_x", client=raw).status_code == 404  # open: the generated client works
    _closed_call_fails(fake_vgs, lambda: reveal_alias.sync_detailed("tok_sandbox_x", client=raw))


@pytest.mark.anyio
async def test_an_async_clients_raw_client_sends_through_its_pool_until_closed(fake_vgs: FakeVGS) -> None:
    from polyvault_vgs_client.api.aliases import reveal_alias

    async with fake_vgs.async_client() as vgs:
        raw = vgs.raw
        alias = (await vgs.aliases.tokenize([CARD]))[0]
        assert (await reveal_alias.asyncio_detailed(alias, client=raw)).status_code == 200
        assert (await reveal_alias.asyncio_detailed("tok_sandbox_x", client=raw)).status_code == 404
    sent = fake_vgs.count()
    with pytest.raises(ClientClosedError) as caught:
        await reveal_alias.asyncio_detailed(alias, client=raw)
    assert fake_vgs.count() == sent and caught.value.vault == "vgs"


# --- bound operations are real functions with their public signatures ---------------------------------

TOKENIZE = (
    "(values: 'Sequence[str]', *, format: 'AliasFormat' = 'UUID', storage: 'Storage | None' = None, "
    "progress: 'BulkProgress | None' = None) -> list[str]"
)


def test_a_sync_operation_has_its_public_signature(fake_vgs: FakeVGS) -> None:
    vgs = fake_vgs.client()
    assert str(inspect.signature(vgs.aliases.tokenize)) == TOKENIZE
    assert not inspect.iscoroutinefunction(vgs.aliases.tokenize)
    hints = typing.get_type_hints(vgs.aliases.tokenize)
    assert hints["return"] == list[str] and hints["values"] == Sequence[str]
    assert typing.get_type_hints(vgs.aliases.reveal)["return"] is AliasRecord
    assert inspect.signature(vgs.aliases.delete).return_annotation is None
    assert vgs.aliases.tokenize.__name__ == "tokenize" and vgs.aliases.tokenize.__qualname__ == "Aliases.tokenize"
    assert vgs.aliases.tokenize.__doc__ == Aliases.tokenize.__doc__ and "input order" in (vgs.aliases.tokenize.__doc__ or "")


def test_an_async_operation_is_a_coroutine_function_with_its_public_signature(fake_vgs: FakeVGS) -> None:
    vgs = fake_vgs.async_client()
    assert inspect.iscoroutinefunction(vgs.aliases.tokenize)
    assert str(inspect.signature(vgs.aliases.tokenize)) == TOKENIZE  # `async def ... -> list[str]`: awaiting gives list[str]
    assert inspect.iscoroutinefunction(fake_vgs.async_client().with_options(timeout=2).aliases.reveal)


def test_listings_return_iterators_of_records(fake_apideck: FakeApideck) -> None:
    sync, asynchronous = fake_apideck.client(), fake_apideck.async_client()
    assert inspect.signature(sync.logs.list).return_annotation == Iterator[Log]
    assert inspect.signature(asynchronous.logs.list).return_annotation == AsyncIterator[Log]
    assert not inspect.iscoroutinefunction(asynchronous.logs.list)  # it returns an async iterator at once
    assert "limit: 'int | None' = None" in str(inspect.signature(sync.logs.list))


def _operations(client: Any) -> Iterator[tuple[str, Any]]:
    for name in dir(type(client)):
        if name.startswith("_") or name == "raw":
            continue
        value = getattr(client, name)
        if inspect.isfunction(value) and hasattr(value, "__wrapped__"):
            yield name, value
        elif isinstance(value, polyvault._core.client.Resource):
            for method in dir(type(value)):
                if not method.startswith("_") and "ǁ" not in method:  # not mutmut's copies of methods (`xǁClassǁname__mutmut_1`)
                    function = getattr(value, method)
                    assert inspect.isfunction(function) and hasattr(function, "__wrapped__"), f"{name}.{method} is not an operation"
                    yield f"{name}.{method}", function


# Public operations per vault today; more may be added, none may go missing.
OPERATION_COUNTS = {FakeVGS: 8, FakeApideck: 25, FakeVaultPAM: 2, FakeVaultera: 9}


@pytest.mark.parametrize("fake_type", list(OPERATION_COUNTS), ids=lambda fake_type: fake_type.name)
def test_every_operation_of_every_vault_shows_no_self_and_no_plan(fake_type: type[Any]) -> None:
    fake = fake_type()
    for mode, client in (("sync", fake.client()), ("async", fake.async_client())):
        seen = dict(_operations(client))
        assert len(seen) >= OPERATION_COUNTS[fake_type], f"{mode}: {sorted(seen)}"
        for name, function in seen.items():
            signature = str(inspect.signature(function))
            assert "self" not in signature and "Plan[" not in signature and "Stream[" not in signature, f"{name}: {signature}"
            streams = "Iterator[" in signature
            assert inspect.iscoroutinefunction(function) is (mode == "async" and not streams), name


def test_help_lists_every_operation_with_its_signature_and_docstring() -> None:
    text = pydoc.render_doc(Aliases, renderer=pydoc.plaintext)
    assert "operation object" not in text
    assert "tokenize" + TOKENIZE in text
    assert "Store `values` and return just their new aliases" in text
    async_text = pydoc.render_doc(AsyncVGS.aliases, renderer=pydoc.plaintext)
    assert "async tokenize" + TOKENIZE in async_text
    assert "memberships() -> polyvault.vaultpam.Memberships" in pydoc.render_doc(VaultPAM, renderer=pydoc.plaintext)


# --- mocks that check arguments --------------------------------------------------------------------------


def checkout(vgs: VGS, card: str) -> str:
    """Code under test in a consuming team's service."""
    return vgs.aliases.tokenize([card], format="FPE_SIX_T_FOUR")[0]


def test_create_autospec_mocks_a_client_and_its_resources_with_argument_checking() -> None:
    vgs = create_autospec(VGS, instance=True)
    vgs.aliases.tokenize.return_value = ["4111110000001111"]
    assert checkout(vgs, CARD) == "4111110000001111"
    vgs.aliases.tokenize.assert_called_once_with([CARD], format="FPE_SIX_T_FOUR")
    with pytest.raises(TypeError):
        vgs.aliases.tokenize([CARD], fromat="UUID")  # a misspelt keyword fails as it would on the real client
    with pytest.raises(TypeError):
        vgs.aliases.reveal()  # a missing argument too
    with pytest.raises(AttributeError):
        vgs.aliases.tokenise  # noqa: B018 - a method that does not exist
    pam = create_autospec(VaultPAM, instance=True)
    pam.memberships()
    pam.safes.list()
    with pytest.raises(TypeError):
        pam.safes.list("org")
    apideck = create_autospec(Apideck, instance=True)
    list(apideck.with_consumer("c").logs.list(limit=5))
    apideck.connections.get("crm", "pipedrive")


@pytest.mark.anyio
async def test_create_autospec_of_an_async_client_gives_awaitable_operations() -> None:
    vgs = create_autospec(AsyncVGS, instance=True)
    vgs.aliases.reveal.return_value = "revealed"
    assert await vgs.aliases.reveal("tok_sandbox_x") == "revealed"
    vgs.aliases.reveal.assert_awaited_once_with("tok_sandbox_x")
    with pytest.raises(TypeError):
        await vgs.aliases.reveal("tok_sandbox_x", format="UUID")


# --- a forgotten await names the public method ------------------------------------------------------------


def test_a_never_awaited_call_warns_with_the_public_method_name(fake_vgs: FakeVGS) -> None:
    vgs = fake_vgs.async_client()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vgs.aliases.tokenize([CARD])  # forgot `await`
        gc.collect()
    messages = [str(warning.message) for warning in caught if warning.category is RuntimeWarning]
    assert messages == ["coroutine 'Aliases.tokenize' was never awaited"]
    assert fake_vgs.count() == 0


def test_a_never_awaited_client_level_call_names_the_client_method(fake_vaultpam: FakeVaultPAM) -> None:
    pam = fake_vaultpam.async_client()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pam.memberships()
        gc.collect()
    assert [str(warning.message) for warning in caught] == ["coroutine 'AsyncVaultPAM.memberships' was never awaited"]


# --- tracebacks show where the caller called, not the plan machinery ----------------------------------------


def _our_frames(error: BaseException) -> list[str]:
    return [frame.name for frame in traceback.extract_tb(error.__traceback__) if frame.filename.startswith(PACKAGE)]


def test_an_error_traceback_shows_only_the_public_method(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client(retry_policy=NO_RETRY) as vgs:
        with pytest.raises(NotFoundError) as missing:
            vgs.aliases.reveal("tok_sandbox_missing")
        fake_vgs.inject("503", times=None)
        with pytest.raises(ServerError) as bulk:
            vgs.aliases.reveal_many([f"tok_sandbox_{index}" for index in range(5)])
    assert _our_frames(missing.value) == ["reveal"]
    assert _our_frames(bulk.value) == ["reveal_many"]
    assert missing.value.__cause__ is None and missing.value.__context__ is None


def test_a_listing_error_traceback_shows_one_frame_of_ours(fake_apideck: FakeApideck) -> None:
    fake_apideck.inject("500", route="GET /vault/logs", times=None)
    with fake_apideck.client(retry_policy=NO_RETRY) as apideck, pytest.raises(ServerError) as caught:
        list(apideck.logs.list())
    assert len(_our_frames(caught.value)) == 1


@pytest.mark.anyio
async def test_an_async_error_traceback_shows_only_the_public_method(fake_vgs: FakeVGS) -> None:
    async with fake_vgs.async_client() as vgs:
        with pytest.raises(NotFoundError) as caught:
            await vgs.aliases.reveal("tok_sandbox_missing")
    assert _our_frames(caught.value) == ["reveal"]


# --- public names say where users import them from --------------------------------------------------------


@pytest.mark.parametrize("package", [polyvault, polyvault.testing], ids=["polyvault", "polyvault.testing"])
def test_public_names_report_their_public_module(package: Any) -> None:
    private = {
        name: getattr(package, name).__module__
        for name in package.__all__
        if isinstance(getattr(package, name), type) and "._" in getattr(package, name).__module__
    }
    assert private == {}
    assert repr(polyvault.RetryPolicy) == "<class 'polyvault.RetryPolicy'>"
    assert repr(polyvault.testing.FakeVault) == "<class 'polyvault.testing.FakeVault'>"


def test_the_package_names_an_attribute_it_lacks_and_lists_what_it_exports() -> None:
    with pytest.raises(AttributeError) as caught:
        polyvault.Vgs  # noqa: B018 - a misspelt name
    assert str(caught.value) == "module 'polyvault' has no attribute 'Vgs'"
    assert dir(polyvault) == sorted(polyvault.__all__) and "VGS" in dir(polyvault)


def test_a_private_base_reports_the_module_it_lives_in() -> None:
    """Only public classes move to their package's name: a private one is not importable from there."""
    from polyvault.apideck import _client, _resources

    assert _resources._ApideckResource.__module__ == "polyvault.apideck._resources"
    assert _client._ApideckClient.__module__ == "polyvault.apideck._client"
    assert _client.Apideck.__module__ == "polyvault.apideck"


# --- on the class, an operation is a stand-in with the public signature ------------------------------------


@pytest.mark.parametrize(
    ("function", "qualname"),
    [(Aliases.tokenize, "Aliases.tokenize"), (VaultPAM.memberships, "VaultPAM.memberships"), (Logs.list, "Logs.list")],
    ids=["resource", "client", "listing"],
)
def test_an_operation_called_on_its_class_says_where_it_is_called(function: Any, qualname: str) -> None:
    assert function.__qualname__ == qualname and function.__name__ == qualname.split(".")[1]
    with pytest.raises(TypeError) as caught:
        function()
    assert str(caught.value) == f"{qualname}() is called on a client or on a client's resource, not on the class"


def test_an_async_clients_operation_on_its_class_is_a_coroutine_function_that_says_the_same() -> None:
    assert inspect.iscoroutinefunction(polyvault.AsyncVaultPAM.memberships)
    with pytest.raises(TypeError) as caught:
        asyncio.run(polyvault.AsyncVaultPAM.memberships())
    assert str(caught.value) == "AsyncVaultPAM.memberships() is called on a client or on a client's resource, not on the class"


def test_a_class_shows_one_stand_in_per_operation_like_a_plain_method() -> None:
    assert Aliases.tokenize is Aliases.tokenize
    assert str(inspect.signature(Aliases.tokenize)) == TOKENIZE


def test_a_listing_shows_an_iterator_on_its_class_and_an_async_iterator_on_an_async_client(fake_apideck: FakeApideck) -> None:
    assert inspect.signature(Logs.list).return_annotation == Iterator[Log]  # the class itself has no mode: sync
    assert inspect.signature(fake_apideck.async_client().logs.list).return_annotation == AsyncIterator[Log]
    assert inspect.signature(fake_apideck.client().logs.list).return_annotation == Iterator[Log]


def test_a_listing_takes_its_arguments_by_keyword_only(fake_apideck: FakeApideck) -> None:
    with pytest.raises(TypeError) as caught:
        fake_apideck.client().logs.list(5)  # type: ignore[call-arg]
    assert str(caught.value) == "Logs.list() takes 1 positional argument but 2 were given"
    assert fake_apideck.count() == 0


@pytest.mark.parametrize(
    ("fake_type", "shown"),
    [
        (FakeVGS, "<HeaderAuth for vgs.fake.test>"),
        (FakeApideck, "<HeaderAuth for apideck.fake.test>"),
        (FakeVaultPAM, "<_SessionAuth for vaultpam.fake.test>"),
        (FakeVaultera, "<QueryAuth for vaultera.fake.test>"),
    ],
    ids=lambda value: getattr(value, "name", ""),
)
def test_a_raw_clients_auth_shows_its_kind_and_host_and_nothing_secret(fake_type: type[Any], shown: str) -> None:
    fake = fake_type()
    with fake.client() as client:
        assert repr(client.raw.get_httpx_client().auth) == shown


def test_a_client_and_its_resources_show_the_client_class_and_base_url(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        assert repr(vgs) == "VGS(base_url='https://vgs.fake.test')"
        assert repr(vgs.aliases) == "<Aliases of VGS(base_url='https://vgs.fake.test')>"
    assert repr(fake_vgs.async_client()) == "AsyncVGS(base_url='https://vgs.fake.test')"


def test_a_copy_gets_a_raw_client_of_its_own_options(fake_vgs: FakeVGS) -> None:
    with fake_vgs.client() as vgs:
        parent = vgs.raw
        copy = vgs.with_options(timeout=3).raw
        assert copy is not parent and vgs.raw is parent
        assert copy.get_httpx_client().timeout == httpx.Timeout(3.0)
        assert parent.get_httpx_client().timeout == httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=30.0)


RESOURCES = {
    "VGS": ["aliases"],
    "Apideck": ["connections", "consumers", "logs", "sessions"],
    "VaultPAM": ["safes"],
    "Vaultera": ["api_keys", "cards", "session_tokens"],
}


@pytest.mark.parametrize("name", [*RESOURCES, *(f"Async{vault}" for vault in RESOURCES)])
def test_a_client_class_shows_its_resources_in_its_own_mode(name: str) -> None:
    """`VGS.aliases` on the class is the resource class a VGS gives (help(), create_autospec): sync or async as the client."""
    client_type = getattr(polyvault, name)
    asynchronous = name.startswith("Async")
    shown = [each for each in dir(client_type) if not each.startswith("_") and isinstance(getattr(client_type, each), type)]
    assert shown == RESOURCES[name.removeprefix("Async")]
    for each in shown:
        resource = getattr(client_type, each)
        assert issubclass(resource, polyvault._core.client.Resource)
        operations = [getattr(resource, op) for op in dir(resource) if not op.startswith("_") and "ǁ" not in op]
        for op in operations:
            assert inspect.iscoroutinefunction(op) is (asynchronous and "Iterator[" not in str(inspect.signature(op))), op
        doc = inspect.getattr_static(client_type, each).__doc__
        assert isinstance(doc, str) and doc.endswith(".") and ": " in doc
    assert inspect.getattr_static(polyvault.VGS, "aliases").__doc__ == (
        "Aliases: create, tokenize, reference, reveal, reveal_many, update, delete, delete_many."
    )
    assert polyvault.VGS.aliases is not polyvault.AsyncVGS.aliases
