"""`Coordination`'s bounds: what it accepts at the edges, and the exact message for what it refuses."""

from __future__ import annotations

import re

import pytest
from polyvault import Coordination

URL = "redis://127.0.0.1:6379/0"


def test_coordination_accepts_the_edges_and_refuses_past_them_with_exact_messages() -> None:
    assert (Coordination(URL, requests=1, timeout=5).requests, Coordination(URL, timeout=5).timeout) == (1, 5)
    refused = [
        ({"url": "http://127.0.0.1:6379"}, "coordination must be a redis://, rediss:// or unix:// URL"),
        ({"requests": True}, "Coordination.requests must be a whole number >= 1"),
        ({"requests": 1.5}, "Coordination.requests must be a whole number >= 1"),
        ({"per": -1.0}, "Coordination.per must be a positive number of seconds"),
        ({"timeout": 5.5}, "Coordination.timeout must be a positive number of seconds, at most 5"),
    ]
    for settings, message in refused:
        with pytest.raises(ValueError, match=re.escape(message)) as caught:
            Coordination(**{"url": URL, **settings})  # type: ignore[arg-type]
        assert str(caught.value) == message, settings
