"""What the drivers say about a plan that breaks their contract (a bug in a vault's operation, not a caller's
mistake): an operation's plan that emits items, or yields something that is no effect. Written with the
internal plan machinery, as a vault's operation is: no public call can build such a plan."""

from __future__ import annotations

from typing import Any

import pytest
from polyvault import VGS, AsyncVGS
from polyvault._core.client import M, Resource
from polyvault._core.ops import operation
from polyvault._core.runtime import Emit, Plan


class Broken(Resource[M]):
    @operation
    def emits(self) -> Plan[int]:
        yield Emit([1])
        return 1

    @operation
    def yields_no_effect(self) -> Plan[int]:
        yield "nonsense"
        return 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda broken: broken.emits(), "an operation plan emitted items"),
        (lambda broken: broken.yields_no_effect(), "unknown effect 'nonsense'"),
    ],
)
def test_a_sync_driver_refuses_a_plan_that_breaks_its_contract(call: Any, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        call(Broken(VGS("u", "p")))
    assert str(caught.value) == message


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda broken: broken.emits(), "an operation plan emitted items"),
        (lambda broken: broken.yields_no_effect(), "unknown effect 'nonsense'"),
    ],
)
async def test_an_async_driver_refuses_a_plan_that_breaks_its_contract(call: Any, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        await call(Broken(AsyncVGS("u", "p")))
    assert str(caught.value) == message
