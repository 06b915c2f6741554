"""The password in the coordination URL never reaches a log record, even when the server echoes it back."""

from __future__ import annotations

import logging

import pytest
from polyvault.testing import FakeVGS

from ._sockets import Dropping

CARD = "4111111111111111"


def test_a_server_echoing_the_urls_password_is_logged_with_the_password_masked(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="polyvault.coordination")
    fake = FakeVGS()
    with Dropping(reply=b"-ERR no user has the password s3cret/Redis pw\r\n") as impostor:
        url = f"redis://fleet:s3cret%2FRedis%20pw@127.0.0.1:{impostor.port}/0"  # the password is URL-encoded
        with fake.client(coordination=url) as vgs:
            assert len(vgs.aliases.tokenize([CARD])) == 1
    [message] = [record.getMessage() for record in caplog.records]
    assert message == (
        f"fleet coordination through redis://127.0.0.1:{impostor.port}/0 is unavailable"
        " (ResponseError: no user has the password [REDACTED]); calls go on without it, per process, until it is back"
    )
    assert "s3cret" not in caplog.text
