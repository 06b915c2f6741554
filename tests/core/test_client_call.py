"""Reading an endpoint's answer (every vault's shared `_call`): a body the spec does not allow is refused even when the
operation returns nothing, and a DELETE that a retry finds already done is done. Answers come from an in-memory
httpx transport; retries wait 0 s."""

from __future__ import annotations

import logging
import uuid

import httpx
import pytest
from _mock import vgs_over
from polyvault import RetryPolicy, UnexpectedResponseError
from polyvault.apideck import Apideck
from polyvault.vaultera import Vaultera

NO_WAIT = RetryPolicy(max_retries=1, backoff=0.0, max_backoff=0.0)


def test_a_revoke_answered_with_a_body_outside_the_spec_is_an_unexpected_response() -> None:
    vaultera = Vaultera(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(202, text="nope")))
    )
    with pytest.raises(UnexpectedResponseError) as caught:
        vaultera.api_keys.revoke(uuid.UUID(int=1))
    assert str(caught.value) == (
        "[vaultera] DELETE /api/v1/api_keys/00000000-0000-0000-0000-000000000001 answered 202 "
        "with a body that does not match the vaultera spec (JSONDecodeError)"
    )


def test_a_delete_whose_retry_finds_the_consumer_gone_returns_without_reading_the_404() -> None:
    answers = iter([httpx.Response(503), httpx.Response(404, json={"status_code": 404, "error": "Not Found", "message": "gone"})])
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return next(answers)

    apideck = Apideck(
        api_key="k", app_id="a", consumer_id="c", http_client=httpx.Client(transport=httpx.MockTransport(answer)), retry_policy=NO_WAIT
    )
    assert apideck.consumers.delete("c1") is None
    assert seen == ["DELETE", "DELETE"]


def test_a_call_logs_its_own_endpoints_template_even_where_another_endpoints_would_match(caplog: pytest.LogCaptureFixture) -> None:
    """`POST /aliases/delete` also fits `/aliases/{alias}` (reveal's, used first): the endpoint's own template is logged."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(
                200, json={"data": [{"value": "v", "aliases": [{"alias": "tok_a", "format": "UUID"}], "classifiers": []}]}
            )
        return httpx.Response(200, json={"data": []})

    vgs = vgs_over(answer)
    vgs.aliases.reveal("tok_a")
    with caplog.at_level(logging.DEBUG, logger="polyvault.vgs"):
        vgs.aliases.delete_many(["tok_a", "tok_b"])
    assert [record.getMessage().split(" -> ")[0] for record in caplog.records if " -> " in record.getMessage()] == [
        "Aliases.delete_many: POST /aliases/delete"
    ]
