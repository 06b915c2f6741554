"""The DEBUG lines of tolerant reading name each VGS field converted or left unread (never its value)."""

from __future__ import annotations

import logging

import pytest
from _answering import answering

CONVERTED = "expected a string, got a number; converted without loss"


def _field_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.getMessage().startswith("response field ")]


def test_a_revealed_records_odd_fields_are_logged_by_their_names(caplog: pytest.LogCaptureFixture) -> None:
    answer = {"data": [{"value": "v", "aliases": [{"value": 77, "format": "UUID"}], "created_at": "yesterday", "storage": 5}]}
    caplog.set_level(logging.DEBUG, logger="polyvault.vgs")
    with answering(200, answer) as vgs:
        record = vgs.aliases.reveal("tok_a")
    assert (record.aliases[0].alias, record.created_at, record.storage) == ("77", None, "5")
    assert _field_lines(caplog) == [
        f"response field aliases[].value: {CONVERTED}",
        "response field data[].created_at: expected an ISO 8601 date-time, got a string; read as None (the record's .raw keeps the JSON)",
        f"response field data[].storage: {CONVERTED}",
    ]


def test_a_referenced_values_number_is_logged_as_data_value(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="polyvault.vgs")
    with answering(201, {"data": [{"value": 4111, "aliases": [{"alias": "tok_b", "format": "PFPT"}]}]}) as vgs:
        assert vgs.aliases.reference("tok_a", format="PFPT").value == "4111"
    assert _field_lines(caplog) == [f"response field data[].value: {CONVERTED}"]


def test_tokenize_logs_an_alias_format_that_is_not_text(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="polyvault.vgs")
    with answering(201, {"data": [{"aliases": [{"alias": "tok_b", "format": 5}]}]}) as vgs:
        assert vgs.aliases.tokenize(["abcd"]) == ["tok_b"]
    assert _field_lines(caplog) == [f"response field aliases[].format: {CONVERTED}"]
