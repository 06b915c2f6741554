"""Tolerant reading, judged on responses generated from our specs' own schemas.

For every facade operation that reads a body, Hypothesis generates the bodies our spec allows for
its success response (any text where a string has no format, extra fields anywhere, optional
fields present or not, nested objects, nulls where nullable) and serves them to the public client.
The call must return the data (the records hold exactly the body's JSON objects), unless the body
lacks what the call cannot do without (`Read.needs`: an alias, a revealed value...): then, and only
then, an `UnexpectedResponseError` naming that field. A pure read whose needed fields the spec
requires must therefore read every body it allows.

`python -m tests.reading.test_generated_responses [N]` prints the share of bodies read per operation.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polyvault import BulkOperationError, UnexpectedResponseError, VaultError

from ._operations import READS, Read, answering
from ._schemas import response_bodies

EXAMPLES = int(os.environ.get("POLYVAULT_READING_EXAMPLES", "25"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def _unexpected(error: VaultError) -> UnexpectedResponseError:
    """The UnexpectedResponseError behind `error` (a bulk call wraps its chunks' errors)."""
    if isinstance(error, BulkOperationError) and not isinstance(error, UnexpectedResponseError):
        error = error.errors[0]
    assert isinstance(error, UnexpectedResponseError), repr(error)
    return error


def outcome(read: Read, body: Any) -> str:
    """`"read"`, or `"needed field missing"`; anything else fails the test (with the body shrunk by Hypothesis)."""
    raised: VaultError | None = None
    with answering(read, body) as client:
        try:
            result = read.call(client, body)
        except VaultError as error:
            raised = error
    if raised is not None:
        assert not read.needs(body), f"{read.id} refused a body with everything it needs: {raised}"
        assert "needed, found" in _unexpected(raised).message, raised  # it names the field it needed
        return "needed field missing"
    assert read.needs(body), f"{read.id} read a body without what it needs"
    assert read.returned(result, body), f"{read.id} did not return the body's data"
    return "read"


@pytest.mark.parametrize("read", READS, ids=[read.id for read in READS])
@SETTINGS
@given(data=st.data())
def test_every_body_the_spec_allows_is_read_or_lacks_what_the_call_needs(read: Read, data: st.DataObject) -> None:
    body = data.draw(response_bodies(read.vault, read.operation_id, read.status), label="body")
    outcome(read, body)


def test_the_table_covers_every_operation_that_reads_a_body() -> None:
    from polyvault.apideck import Apideck
    from polyvault.vaultera import Vaultera
    from polyvault.vaultpam import VaultPAM
    from polyvault.vgs import VGS

    # Operations answered without a body (204, or the third party's raw answer) are the only ones left out.
    unread = {
        "vgs": {"aliases.update", "aliases.delete", "aliases.delete_many"},
        "apideck": {"connections.delete"},
        "vaultpam": set(),
        "vaultera": {"api_keys.revoke", "cards.delete", "cards.send", "capture"},
    }
    covered = {(read.vault, read.name.split("(")[0]) for read in READS}
    for vault, client in (("vgs", VGS), ("apideck", Apideck), ("vaultpam", VaultPAM), ("vaultera", Vaultera)):
        names = _operations(client)
        assert names - unread[vault] == {name for key, name in covered if key == vault}, vault


def _operations(client: type) -> set[str]:
    from polyvault._core.ops import operation, paginated

    def bound(owner: type) -> set[str]:
        return {name for name, value in vars(owner).items() if isinstance(value, (operation, paginated))}

    found = {name for klass in client.__mro__ for name in bound(klass)}
    for klass in client.__mro__:
        for name, value in vars(klass).items():
            resource = getattr(value, "func", None)  # cached_property resources
            annotation = getattr(resource, "__annotations__", {}).get("return") if resource else None
            if isinstance(annotation, str):
                module = sys.modules[klass.__module__]
                resource_type = getattr(module, annotation.split("[")[0], None)
                if resource_type is None:
                    resource_type = getattr(sys.modules[resource.__module__], annotation.split("[")[0])
                found |= {f"{name}.{method}" for owner in resource_type.__mro__ for method in bound(owner)}
    return found


def _tally(read: Read, count: int) -> dict[str, int]:
    """How many of `count` generated bodies `read` read, and how many lacked a field it needs."""
    tally: dict[str, int] = {}

    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(body=response_bodies(read.vault, read.operation_id, read.status))
    def run(body: Any) -> None:
        kind = outcome(read, body)
        tally[kind] = tally.get(kind, 0) + 1

    run()
    return tally


def _share(count: int) -> None:
    """Print the share of generated bodies each operation read (the rest lacked a field the call needs)."""
    print(f"{'operation':42} {'read':>6} {'lacked a needed field':>22}")
    for read in READS:
        tally = _tally(read, count)
        total = sum(tally.values())
        print(f"{read.id:42} {tally.get('read', 0) / total:6.0%} {tally.get('needed field missing', 0) / total:22.0%}  (of {total})")


if __name__ == "__main__":
    _share(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
