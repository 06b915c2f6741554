"""Which class a client's resource attribute shows, and the names its operations carry.

A client class shows each resource property (`VGS.aliases`) as the resource's class for its mode, found from
the property's return annotation. The small client below (built on polyvault's client base, as each vault
is) covers the annotation forms a vault module may use; this module deliberately does not postpone
annotations, so `-> Widgets` is the class object itself.
"""

import logging
from functools import cached_property

import httpx
import pytest
from polyvault import VGS, AsyncVGS, UnexpectedResponseError, VaultPAM
from polyvault._core.client import BaseClient, M, Resource, Sync, SyncLifecycle
from polyvault.apideck import AsyncApideck, Log
from polyvault.vgs import Aliases


class Widgets(Resource[M]):
    """Widgets: the test client's resource."""


class Gadgets:
    """Not a resource."""


class Box:
    class Nested(Resource[M]):
        """A resource class defined inside another class."""


class _ToyClient(BaseClient[M]):
    @cached_property
    def by_class(self) -> Widgets:
        return Widgets(self)

    @cached_property
    def by_name(self) -> "Widgets":
        return Widgets(self)

    @cached_property
    def of_one_mode(self) -> "Widgets[Sync]":
        return Widgets(self)

    @cached_property
    def later(self) -> "Later[M]":
        return Later(self)

    @cached_property
    def unannotated(self):  # type: ignore[no-untyped-def]
        return 1

    @cached_property
    def not_a_resource(self) -> Gadgets:
        return Gadgets()


class Toy(SyncLifecycle, _ToyClient[Sync]):
    """The sync toy client."""


class Later(Resource[M]):
    """A resource defined after the client that uses it."""


@pytest.mark.parametrize("name", ["by_class", "by_name", "of_one_mode"])
def test_a_resource_annotation_names_the_resource_class_the_client_class_shows(name: str) -> None:
    shown = getattr(Toy, name)
    assert shown is getattr(Toy, name)  # one twin per class and mode
    assert issubclass(shown, Widgets) and shown is not Widgets
    assert shown._mode is Sync


def test_a_resource_defined_after_its_client_is_found_on_first_use() -> None:
    shown = Toy.later
    assert issubclass(shown, Later) and shown._mode is Sync


@pytest.mark.parametrize("name", ["unannotated", "not_a_resource"])
def test_a_cached_property_that_is_no_resource_stays_a_plain_cached_property(name: str) -> None:
    assert type(vars(_ToyClient)[name]) is cached_property
    assert getattr(Toy, name) is vars(_ToyClient)[name]


def test_a_client_base_of_no_mode_shows_the_resource_descriptor_itself() -> None:
    descriptor = vars(_ToyClient)["by_class"]
    assert _ToyClient.by_class is descriptor
    assert descriptor.__doc__ is None


def test_a_mode_twin_keeps_the_name_module_and_doc_of_its_resource_class() -> None:
    shown = VGS.aliases
    assert shown is VGS.aliases and shown is not AsyncVGS.aliases
    assert (shown.__name__, shown.__qualname__, shown.__module__, shown.__doc__) == (
        "Aliases",
        "Aliases",
        "polyvault.vgs",
        Aliases.__doc__,
    )
    assert type(VGS("u", "p").aliases) is shown


def test_a_nested_resource_class_keeps_its_qualified_name_in_each_mode() -> None:
    resource = Box.Nested(VGS("u", "p"))
    assert (type(resource).__qualname__, type(resource).__name__, type(resource).__module__) == ("Box.Nested", "Nested", __name__)
    assert type(resource) is type(Box.Nested(VGS("u", "p")))


# --- names of operations -------------------------------------------------------------------------------


def test_an_operation_on_a_private_client_base_is_named_for_the_public_client() -> None:
    """The shared base `_VaultPAMClient` (of no mode) shows `VaultPAM.memberships`: no underscore, no "Client"."""
    from polyvault.vaultpam import _VaultPAMClient

    function = _VaultPAMClient.memberships
    assert (function.__qualname__, function.__name__) == ("VaultPAM.memberships", "memberships")
    with pytest.raises(TypeError) as caught:
        function()
    assert str(caught.value) == "VaultPAM.memberships() is called on a client or on a client's resource, not on the class"


def test_a_bound_operation_is_a_function_of_the_vaults_module_under_its_public_name() -> None:
    tokenize = VGS("u", "p").aliases.tokenize
    assert (tokenize.__module__, tokenize.__qualname__, tokenize.__name__) == ("polyvault.vgs", "Aliases.tokenize", "tokenize")
    assert (tokenize.__code__.co_name, tokenize.__code__.co_qualname) == ("tokenize", "Aliases.tokenize")


def test_an_async_client_class_shows_its_listings_as_async_iterators() -> None:
    import inspect
    from collections.abc import AsyncIterator

    assert inspect.signature(AsyncApideck.logs.list).return_annotation == AsyncIterator[Log]


PAMClient = type("PAMClient", (VaultPAM,), {})
_XPAMClient = type("_XPAMClient", (VaultPAM,), {})


@pytest.mark.parametrize(
    ("client_type", "shown"),
    [(PAMClient, "PAMClient"), (_XPAMClient, "XPAM")],
    ids=["public", "private"],
)
def test_a_subclass_logs_its_operations_under_its_public_name(
    client_type: type[VaultPAM], shown: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A public subclass keeps its whole name; a private one loses the leading underscore and the "Client" suffix."""
    refusing = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(401, json={})))
    pam = client_type(email="a@example.com", password="p", base_url="https://pam.test", http_client=refusing, max_retries=0)
    with caplog.at_level(logging.INFO, logger="polyvault.vaultpam"), pytest.raises(UnexpectedResponseError):
        pam.memberships()
    assert [record.getMessage() for record in caplog.records if record.name == "polyvault.vaultpam"] == [
        f"{shown}.memberships failed: UnexpectedResponseError after 1 attempt"
    ]
