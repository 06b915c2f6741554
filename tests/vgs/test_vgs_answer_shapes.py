"""VGS answers of other shapes than the spec's, through the public API (httpx.MockTransport answers):
the error names where the answer went wrong, and the records read from the allowed shapes are exact."""

from __future__ import annotations

from typing import Any

import polyvault
import pytest
from _answering import answering
from polyvault.vgs import Alias, AliasRecord

REVEAL = "GET /aliases/tok_a answered 200 with a body that does not match the vgs spec"
CREATE = "POST /aliases answered 201 with a body that does not match the vgs spec"


def _reveal_failure(body: object) -> str:
    with answering(200, body) as vgs, pytest.raises(polyvault.UnexpectedResponseError) as caught:
        vgs.aliases.reveal("tok_a")
    return caught.value.message


def _create_failure(operation: str, body: object, values: list[str]) -> str:
    with answering(201, body) as vgs, pytest.raises(polyvault.UnexpectedResponseError) as caught:
        getattr(vgs.aliases, operation)(values)
    (error,) = caught.value.errors
    assert caught.value.unknown == tuple(range(len(values)))  # the vault may have stored them
    return error.message


def test_a_reveal_answer_of_another_shape_names_where_it_differs() -> None:
    record = {"value": "v", "aliases": [{"alias": "tok_a", "format": "UUID"}]}
    assert [_reveal_failure(body) for body in ([], {"data": {}}, {"data": []}, {"data": [record, record]}, {"data": ["x"]})] == [
        f"{REVEAL} (body: an object needed, found a list of 0)",
        f"{REVEAL} (data: a list needed, found an object)",
        f"{REVEAL} (data: exactly one record needed, found a list of 0)",
        f"{REVEAL} (data: exactly one record needed, found a list of 2)",
        f"{REVEAL} (data[]: an object needed, found a string)",
    ]


@pytest.mark.parametrize("operation", ["create", "tokenize"])
def test_a_create_answer_of_another_shape_names_where_it_differs(operation: str) -> None:
    alias = {"aliases": [{"alias": "tok_a", "format": "UUID"}]}
    cases: list[tuple[object, str]] = [
        ([], "body: an object needed, found a list of 0"),
        ({"data": {}}, "data: a list needed, found an object"),
        ({"data": [alias]}, "data: one record per item sent (2) needed, found a list of 1"),
        ({"data": ["x", "y"]}, "data[]: an object needed, found a string"),
        ({"data": [{"value": "abcd"}, alias]}, "data[].aliases: an alias needed, found nothing"),
    ]
    assert [_create_failure(operation, body, ["abcd", "efgh"]) for body, _ in cases] == [f"{CREATE} ({why})" for _, why in cases]


def test_a_created_record_keeps_the_value_the_vault_answered_and_else_the_one_sent() -> None:
    answer = {"data": [{"value": "as-stored", "aliases": [{"alias": "tok_a", "format": "UUID"}]}, {"aliases": [{"alias": "tok_b"}]}]}
    with answering(201, answer) as vgs:
        records = vgs.aliases.create(["sent-a", "sent-b"])
    assert records == [
        AliasRecord(value="as-stored", aliases=(Alias("tok_a", "UUID"),)),
        AliasRecord(value="sent-b", aliases=(Alias("tok_b", None),)),
    ]


def test_a_reference_record_is_read_from_the_answer_with_a_numeric_value_as_its_text() -> None:
    answer = {"data": [{"value": 4111, "aliases": [{"alias": "tok_b", "format": "PFPT"}], "classifiers": ["pci"], "storage": "VOLATILE"}]}
    with answering(201, answer) as vgs:
        record = vgs.aliases.reference("tok_a", format="PFPT")
    assert record == AliasRecord(value="4111", aliases=(Alias("tok_b", "PFPT"),), classifiers=("pci",), storage="VOLATILE")


def test_tokenize_takes_the_alias_in_the_format_asked_else_the_first_whatever_the_entries_shape() -> None:
    cases: list[tuple[list[Any], str]] = [
        ([{"alias": "tok_u", "format": "UUID"}, {"alias": "tok_p", "format": "PFPT"}, {"alias": "tok_q", "format": "PFPT"}], "tok_p"),
        ([{"alias": "tok_u", "format": "UUID"}, {"alias": "tok_r"}], "tok_u"),
        ([{"alias": 123, "format": "UUID"}], "123"),  # a number reads as its text
        (["odd", {"alias": "tok_u", "format": 5}, {"value": "tok_v", "format": "PFPT"}], "tok_v"),  # VGS's examples: under "value"
    ]
    got = []
    for entries, _ in cases:
        with answering(201, {"data": [{"aliases": entries}]}) as vgs:
            got.append(vgs.aliases.tokenize(["abcd"], format="PFPT"))
    assert got == [[alias] for _, alias in cases]
