"""A VGS client whose requests a function answers (httpx's MockTransport): for answers no fake gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from polyvault import VGS


def vgs_over(answer: Callable[[httpx.Request], httpx.Response], **options: Any) -> VGS:
    """A VGS client at https://vgs.test (unless `base_url` is given) whose every request `answer` answers."""
    options.setdefault("base_url", "https://vgs.test")
    return VGS("user", "password", http_client=httpx.Client(transport=httpx.MockTransport(answer)), **options)
