"""The texts of VGS error answers: what a create's error says of the values sent, and an error without any text."""

from __future__ import annotations

import polyvault
import pytest
from _answering import answering


def test_a_create_error_echoing_a_value_sent_masks_it() -> None:
    echoed = {"errors": [{"status": 400, "title": "Bad request", "detail": "Item 1: 5500000000000004 is not a card"}]}
    with answering(400, echoed) as vgs, pytest.raises(polyvault.BadRequestError) as caught:
        vgs.aliases.create(["4111111111111111", "5500000000000004"])
    (error,) = caught.value.errors
    assert error.message == "POST /aliases failed: Item 1: [REDACTED] is not a card"
    assert error.detail == '[{"status": 400, "title": "Bad request", "detail": "Item 1: [REDACTED] is not a card"}]'  # clean text


def test_an_error_whose_entries_have_neither_detail_nor_title_says_the_http_reason() -> None:
    client = answering(400, {"errors": [{"status": 400}, {"status": 400, "href": "https://vgs.test/aliases"}]})
    with client as vgs, pytest.raises(polyvault.BadRequestError) as caught:
        vgs.aliases.reveal("tok_a")
    assert (caught.value.code, caught.value.message) == (None, "GET /aliases/tok_a failed: Bad Request")
    assert caught.value.detail == [{"status": 400}, {"status": 400}]
