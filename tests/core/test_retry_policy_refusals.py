"""A `RetryPolicy` refuses what is not a count or a finite number of seconds, saying which field."""

from __future__ import annotations

import pytest
from polyvault import RetryPolicy


def test_a_retry_policy_names_the_field_it_refuses() -> None:
    refusals: list[tuple[dict[str, object], str]] = [
        ({"max_retries": -1}, "max_retries must be a whole number >= 0"),
        ({"max_retries": 1.0}, "max_retries must be a whole number >= 0"),
        ({"backoff": True}, "backoff must be a finite number of seconds >= 0"),
        ({"max_backoff": "8"}, "max_backoff must be a finite number of seconds >= 0"),
        ({"max_wait": float("inf")}, "max_wait must be a finite number of seconds >= 0"),
        ({"max_wait": -0.5}, "max_wait must be a finite number of seconds >= 0"),
    ]
    for given, reason in refusals:
        with pytest.raises(ValueError, match=r"^\w+ must be a") as caught:
            RetryPolicy(**given)  # type: ignore[arg-type]
        assert str(caught.value) == reason
