"""VGS's 32 MB request limit, to the byte: a create body of exactly 33,554,432 bytes is sent, one byte more is refused.

The values are control characters, which JSON escapes to 6 bytes each (`\\u0001`, the most a character
takes), with one-letter classifiers: a body whose every byte counts, so the limit is checked exactly.
"""

from __future__ import annotations

import httpx
import polyvault
import pytest

LIMIT = 32 * 1024 * 1024
CLASSIFIERS = list("abcdefgh")


def _values(padding: str) -> list[str]:
    """Three values whose create body (format UUID, the 8 classifiers) is 33,554,431 bytes plus `padding`."""
    return ["\x01" * 1864121 + padding, "\x01" * 1864121, "\x01" * 1864123]


def _vgs(sizes: list[int]) -> polyvault.VGS:
    def handler(request: httpx.Request) -> httpx.Response:
        sizes.append(len(request.content))
        return httpx.Response(201, json={"data": [{"aliases": [{"alias": f"tok_{index}"}]} for index in range(3)]})

    transport = httpx.MockTransport(handler)
    return polyvault.VGS("user", "password", base_url="https://vgs.test", http_client=httpx.Client(transport=transport))


def test_a_create_body_of_exactly_32_mb_is_sent() -> None:
    sizes: list[int] = []
    with _vgs(sizes) as vgs:
        records = vgs.aliases.create(_values("a"), classifiers=CLASSIFIERS)
    assert sizes == [LIMIT]
    assert [record.aliases[0].alias for record in records] == ["tok_0", "tok_1", "tok_2"]


def test_a_create_body_one_byte_over_32_mb_is_refused_before_sending() -> None:
    sizes: list[int] = []
    with _vgs(sizes) as vgs, pytest.raises(polyvault.InvalidRequestError) as caught:
        vgs.aliases.create(_values("aa"), classifiers=CLASSIFIERS)
    (error,) = caught.value.errors
    assert (str(error), error.vault) == (
        "[vgs] a request of 33554433 bytes exceeds VGS's 32 MB limit; send fewer or smaller values",
        "vgs",
    )
    assert caught.value.failed == (0, 1, 2) and caught.value.retryable == ()
    assert sizes == []
