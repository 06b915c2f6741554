"""The tolerant-reading DEBUG lines a block logs on a vault's logger (not the per-attempt lines)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def fields_logged(caplog: pytest.LogCaptureFixture, vault: str) -> Iterator[list[str]]:
    """The `response field ...` messages logged on `polyvault.<vault>` at DEBUG while the block runs."""
    with caplog.at_level(logging.DEBUG, logger=f"polyvault.{vault}"):
        caplog.clear()
        lines: list[str] = []
        yield lines
        lines += [
            record.getMessage()
            for record in caplog.records
            if record.name == f"polyvault.{vault}" and record.getMessage().startswith("response field ")
        ]
