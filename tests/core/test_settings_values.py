"""What accepted client settings become: the timeout's phases and the base URL's exact form."""

from __future__ import annotations

from polyvault import VGS


def test_a_timeout_in_seconds_bounds_every_phase_and_connects_within_five_seconds() -> None:
    slow = VGS("u", "p", timeout=10).timeout
    quick = VGS("u", "p", timeout=2.5).timeout
    assert (slow.connect, slow.read, slow.write, slow.pool) == (5.0, 10.0, 10.0, 10.0)
    assert (quick.connect, quick.read, quick.write, quick.pool) == (2.5, 2.5, 2.5, 2.5)


def test_only_trailing_slashes_are_dropped_from_the_base_url() -> None:
    assert VGS("u", "p", base_url="https://vault.example.com/apiX//").base_url == "https://vault.example.com/apiX"
