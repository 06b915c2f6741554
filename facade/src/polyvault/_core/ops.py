"""Descriptors that turn one plan-returning method into a sync method or an awaitable one.

```
class Aliases(Resource[M]):
    @operation
    def reveal(self, alias: str) -> Plan[AliasRecord]: ...
```
`VGS().aliases.reveal("tok_...")` returns an `AliasRecord`; `AsyncVGS().aliases.reveal(...)` returns a
coroutine of one. `@paginated` does the same for iterators. Type checkers see both signatures.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from .client import Async, BaseClient, Resource, Sync
from .runtime import Plan, Stream

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R", bound="Resource[Any] | BaseClient[Any]")


class _Bound(Generic[R, P, T]):
    """Shared descriptor plumbing: binds the plan function to the resource and caches the result per resource."""

    _runner = "_run"

    def __init__(self, plan: Callable[Concatenate[R, P], Any]) -> None:
        self._plan = plan
        self.__doc__ = plan.__doc__
        self._name = plan.__name__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    def _bind(self, resource: Any) -> Callable[..., Any]:
        run = getattr(getattr(resource, "_client", resource), self._runner)  # a resource, or a client itself
        plan = self._plan

        @functools.wraps(plan)
        def bound(*args: Any, **kwargs: Any) -> Any:
            return run(plan(resource, *args, **kwargs))

        resource.__dict__[self._name] = bound  # later lookups skip the descriptor
        return bound


class operation(_Bound[R, P, T]):  # noqa: N801 - used as a decorator
    """A method that returns its result (sync clients) or a coroutine of it (async clients)."""

    def __init__(self, plan: Callable[Concatenate[R, P], Plan[T]]) -> None:
        super().__init__(plan)

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, resource: Resource[Sync] | BaseClient[Sync], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(self, resource: Resource[Async] | BaseClient[Async], owner: type[Any]) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, resource: Any, owner: type[Any]) -> Any:
        return self if resource is None else self._bind(resource)


class paginated(_Bound[R, P, T]):  # noqa: N801 - used as a decorator
    """A method whose plan emits items: an iterator (sync clients) or an async iterator (async clients).

    Nothing is sent until the first item is asked for; pages are fetched as they are consumed.
    """

    _runner = "_iterate"

    def __init__(self, plan: Callable[Concatenate[R, P], Stream[T]]) -> None:
        super().__init__(plan)

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, resource: Resource[Sync] | BaseClient[Sync], owner: type[Any]) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(self, resource: Resource[Async] | BaseClient[Async], owner: type[Any]) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, resource: Any, owner: type[Any]) -> Any:
        return self if resource is None else self._bind(resource)
