"""Numbers where a number is declared: whole ones come back as int, others as they are, number text as its number."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ._logged import fields_logged
from ._operations import client_for


def test_request_counts_keep_fractions_make_whole_numbers_int_and_read_number_text(caplog: pytest.LogCaptureFixture) -> None:
    counts = {"unify": 2.5, "proxy": "7", "vault": "1E3"}
    consumers: list[dict[str, Any]] = [
        {"consumer_id": "acct-1", "aggregated_request_count": 12.0, "request_counts": counts},
        {"consumer_id": "acct-2", "aggregated_request_count": "25e0"},
    ]
    body = {"status_code": 200, "status": "OK", "data": consumers}
    with fields_logged(caplog, "apideck") as lines, client_for("apideck", lambda request: httpx.Response(200, json=body)) as apideck:
        first, second = apideck.consumers.list()
    assert first.request_counts is not None and second.request_counts is not None
    read = (first.request_counts.total, first.request_counts.unify, first.request_counts.proxy, first.request_counts.vault)
    assert [(value, type(value)) for value in read] == [(12, int), (2.5, float), (7, int), (1000.0, float)]
    assert (second.request_counts.total, type(second.request_counts.total)) == (25.0, float)
    converted = "converted without loss"
    assert lines == [
        f"response field request_counts.proxy: expected a number, got a string; {converted}",
        f"response field request_counts.vault: expected a number, got a string; {converted}",
        f"response field consumer.aggregated_request_count: expected a number, got a string; {converted}",
    ]
