"""The HTTP libraries' log lines pass through the one redaction rule, whatever their arguments are.

httpx logs every request's full URL at INFO (an `httpx.URL`, not a string); polyvault's filter on
those loggers masks credential query parameters and URL user-info in the message and in each
argument, and leaves every other argument as it was, so `%d`, `%r` and the rest format as before.
"""

from __future__ import annotations

import logging

import httpx
import pytest
from polyvault.testing import FakeVaultera


class Shown:
    """An argument whose str() and repr() differ, with nothing to mask."""

    def __str__(self) -> str:
        return "shown"

    def __repr__(self) -> str:
        return "<Shown>"


class Leaky:
    """An argument whose str() carries a credential."""

    def __str__(self) -> str:
        return "https://vaultera.test/api/v1/cards?api_key=k-leaky-123"


@pytest.fixture
def httpx_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    FakeVaultera().client().close()  # a client puts the filter on the HTTP libraries' loggers
    caplog.set_level(logging.INFO, logger="httpx")
    return caplog


def test_a_url_argument_loses_its_credentials_and_other_arguments_keep_their_type(httpx_logs: pytest.LogCaptureFixture) -> None:
    url = httpx.URL("https://vaultera.test/api/v1/cards?api_key=k-123456&page=2")
    logging.getLogger("httpx").info('HTTP Request: %s %s "%s %d %s"', "GET", url, "HTTP/1.1", 200, "OK")
    (record,) = httpx_logs.records
    assert record.getMessage() == 'HTTP Request: GET https://vaultera.test/api/v1/cards?api_key=[REDACTED]&page=2 "HTTP/1.1 200 OK"'
    assert record.args == ("GET", "https://vaultera.test/api/v1/cards?api_key=[REDACTED]&page=2", "HTTP/1.1", 200, "OK")


def test_string_arguments_and_mapping_arguments_are_redacted(httpx_logs: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("httpx")
    log.info("%s %s", "GET", "https://user:pw@vaultera.test/x?token=abc")
    log.info("%(method)s %(url)s", {"method": "GET", "url": "https://vaultera.test/x?password=hunter2&q=1"})
    assert [record.getMessage() for record in httpx_logs.records] == [
        "GET https://[REDACTED]@vaultera.test/x?token=[REDACTED]",
        "GET https://vaultera.test/x?password=[REDACTED]&q=1",
    ]


def test_an_object_argument_is_kept_unless_its_text_holds_a_credential(httpx_logs: pytest.LogCaptureFixture) -> None:
    logging.getLogger("httpx").info("%r %s %s %s", Shown(), Leaky(), 1.5, None)
    (record,) = httpx_logs.records
    assert record.getMessage() == "<Shown> https://vaultera.test/api/v1/cards?api_key=[REDACTED] 1.5 None"
    assert isinstance(record.args, tuple) and isinstance(record.args[0], Shown)
