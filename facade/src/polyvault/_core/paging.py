"""Cursor paging, written once: a lazy listing that follows a vault's page cursors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..errors import UnexpectedResponseError
from .runtime import Emit, Plan, Stream

T = TypeVar("T")


def follow_cursors(fetch: Callable[[str | None], Plan[tuple[Sequence[T], str | None]]], *, vault: str, what: str) -> Stream[T]:
    """A lazy listing over cursor-paged responses, written once for sync and async clients.

    `fetch(cursor)` is a plan that gets one page (`None` for the first) and returns its items and
    the next cursor; a null or empty next cursor ends the listing. Each page's items are emitted as
    they arrive, so nothing is sent until the caller iterates and a caller that stops early fetches
    no further page. A cursor the vault already returned ends the listing with an
    `UnexpectedResponseError` instead of looping forever.
    """

    def pages() -> Plan[None]:
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            items, next_cursor = yield from fetch(cursor)
            if items:
                yield Emit(items)
            if not next_cursor:
                return
            if next_cursor in seen:
                raise UnexpectedResponseError(
                    f"{what}: the vault returned a page cursor it had returned before; stopped to avoid an endless listing",
                    vault=vault,
                )
            seen.add(next_cursor)
            cursor = next_cursor

    return Stream(pages())
