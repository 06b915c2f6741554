"""Descriptors that turn one plan-returning method into a sync method or an awaitable one.

```
class Aliases(Resource[M]):
    @operation
    def reveal(self, alias: str) -> Plan[AliasRecord]: ...
```
`VGS().aliases.reveal("tok_...")` returns an `AliasRecord`; `AsyncVGS().aliases.reveal(...)` is a
coroutine function returning one. `@paginated` does the same for iterators. Type checkers see both
signatures (the overloads below); at run time each bound method is a real function (an `async def`
for async clients) with the public signature - no `self`, the mode's return type - so
`inspect.signature`, `help()`, `unittest.mock.create_autospec` and a forgotten `await`'s warning
all name the public method. On the class, an operation is that same signature for the class's mode.

Each call runs under an `observe.Call` (logs, spans) and a `VaultError` it raises starts its
traceback here, at the public method, instead of in the plan machinery.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypeVar, get_args, overload

from ..errors import VaultError
from . import observe
from .client import Async, BaseClient, Resource, Sync, mode_of
from .runtime import Plan, Stream

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R", bound="Resource[Any] | BaseClient[Any]")


def _returned(annotation: Any, namespace: dict[str, Any]) -> Any:
    """What a plan's `Plan[T]`/`Stream[T]` return annotation (a string under postponed evaluation) delivers: T."""
    if isinstance(annotation, str):
        annotation = eval(annotation, namespace)  # noqa: S307 - our own annotation, in its own module
    result = get_args(annotation)[-1]  # Plan[T] is Generator[Any, Any, T]; Stream[T] has T alone
    return None if result is type(None) else result


class _Bound(Generic[R, P, T]):
    """Shared descriptor plumbing: the public signature per mode, and binding the plan to a resource."""

    _streams = False

    def __init__(self, plan: Callable[Concatenate[R, P], Any]) -> None:
        self._plan = plan
        self.__doc__ = plan.__doc__
        self._name = plan.__name__
        self._signatures: dict[Any, inspect.Signature] = {}
        self._specs: dict[Any, Callable[..., Any]] = {}

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    def _signature(self, mode: Any) -> inspect.Signature:
        """The public signature for `mode` (Sync, Async, or None for a class of no mode): no `self`, the result type."""
        signature = self._signatures.get(mode)
        if signature is None:
            plan = inspect.signature(self._plan)
            result = _returned(plan.return_annotation, self._plan.__globals__)
            if self._streams:
                result = (AsyncIterator if mode is Async else Iterator)[result]
            parameters = list(plan.parameters.values())[1:]
            signature = self._signatures[mode] = plan.replace(parameters=parameters, return_annotation=result)
        return signature

    def _dress(self, function: Callable[..., Any], mode: Any, owner: str) -> Callable[..., Any]:
        """Give `function` this operation's public name, docstring and signature."""
        signature = self._signature(mode)
        qualname = f"{owner}.{self._name}"
        function.__code__ = _renamed(function.__code__, self._name, qualname)
        function.__name__ = self._name
        function.__qualname__ = qualname
        function.__module__ = self._plan.__module__
        function.__doc__ = self.__doc__
        function.__annotations__ = {
            **{
                parameter.name: parameter.annotation
                for parameter in signature.parameters.values()
                if parameter.annotation is not inspect.Parameter.empty
            },
            "return": signature.return_annotation,
        }
        # inspect reads __signature__; typing.get_type_hints resolves the annotations in the plan's module (__wrapped__).
        vars(function).update(__signature__=signature, __wrapped__=self._plan)
        return function

    def _spec(self, owner: type[Any]) -> Callable[..., Any]:
        """What the class shows (help(), create_autospec): a function with the public signature of the class's mode."""
        mode = mode_of(owner)
        spec = self._specs.get(mode)
        if spec is None:
            owner_name = _public_name(owner)
            function = _class_level(f"{owner_name}.{self._name}", asynchronous=mode is Async and not self._streams)
            spec = self._specs[mode] = self._dress(function, mode, owner_name)
        return spec

    def _bind(self, resource: Any) -> Callable[..., Any]:
        owner = type(resource)
        client = getattr(resource, "_client", resource)  # a resource, or a client itself
        mode = mode_of(owner)
        call = observe.Operation(client._profile.name, f"{_public_name(owner).removeprefix('Async')}.{self._name}", client._log)
        bound = self._dress(self._make(mode, client, resource, call), mode, owner.__qualname__)
        resource.__dict__[self._name] = bound  # later lookups skip the descriptor
        return bound

    def _make(self, mode: Any, client: Any, resource: Any, call: observe.Operation) -> Callable[..., Any]:
        raise NotImplementedError


class operation(_Bound[R, P, T]):  # noqa: N801 - used as a decorator
    """A method that returns its result (sync clients) or is a coroutine function returning it (async clients)."""

    def __init__(self, plan: Callable[Concatenate[R, P], Plan[T]]) -> None:
        super().__init__(plan)

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, resource: Resource[Sync] | BaseClient[Sync], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(self, resource: Resource[Async] | BaseClient[Async], owner: type[Any]) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, resource: Any, owner: type[Any]) -> Any:
        return self._spec(owner) if resource is None else self._bind(resource)

    def _make(self, mode: Any, client: Any, resource: Any, call: observe.Operation) -> Callable[..., Any]:
        return (_async_method if mode is Async else _sync_method)(client._run, self._plan, resource, call)


class paginated(_Bound[R, P, T]):  # noqa: N801 - used as a decorator
    """A method whose plan emits items: an iterator (sync clients) or an async iterator (async clients).

    Nothing is sent until the first item is asked for; pages are fetched as they are consumed.
    """

    _streams = True

    def __init__(self, plan: Callable[Concatenate[R, P], Stream[T]]) -> None:
        super().__init__(plan)

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, resource: Resource[Sync] | BaseClient[Sync], owner: type[Any]) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(self, resource: Resource[Async] | BaseClient[Async], owner: type[Any]) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, resource: Any, owner: type[Any]) -> Any:
        return self._spec(owner) if resource is None else self._bind(resource)

    def _make(self, mode: Any, client: Any, resource: Any, call: observe.Operation) -> Callable[..., Any]:
        return _listing(client._iterate, self._plan, resource, call)


# --- the functions a bound operation is (one shape per mode) ------------------------------------------


def _sync_method(run: Callable[[Any], Any], plan: Callable[..., Any], resource: Any, operation: observe.Operation) -> Callable[..., Any]:
    def method(*args: Any, **kwargs: Any) -> Any:
        call = operation.start()
        token = observe.CURRENT.set(call)
        try:
            result = run(plan(resource, *args, **kwargs))
        except VaultError as error:
            call.end(error)
            raise error.with_traceback(None)  # noqa: B904 - the same error, its traceback starting at the public method
        except BaseException as error:
            call.end(error)
            raise
        finally:
            observe.CURRENT.reset(token)
        call.end(None)
        return result

    return method


def _async_method(run: Callable[[Any], Any], plan: Callable[..., Any], resource: Any, operation: observe.Operation) -> Callable[..., Any]:
    async def method(*args: Any, **kwargs: Any) -> Any:
        call = operation.start()
        token = observe.CURRENT.set(call)
        try:
            result = await run(plan(resource, *args, **kwargs))
        except VaultError as error:
            call.end(error)
            raise error.with_traceback(None)  # noqa: B904 - the same error, its traceback starting at the public method
        except BaseException as error:
            call.end(error)
            raise
        finally:
            observe.CURRENT.reset(token)
        call.end(None)
        return result

    return method


def _listing(iterate: Callable[[Any], Any], plan: Callable[..., Any], resource: Any, operation: observe.Operation) -> Callable[..., Any]:
    def method(*args: Any, **kwargs: Any) -> Any:
        try:
            stream = plan(resource, *args, **kwargs)  # arguments are checked now; nothing is sent yet
        except VaultError as error:
            operation.end(error)
            raise error.with_traceback(None)  # noqa: B904 - the same error, its traceback starting at the public method
        return iterate(Stream(observe.observed(operation, stream.plan)))

    return method


def _class_level(qualname: str, *, asynchronous: bool) -> Callable[..., Any]:
    """The function a class shows for operation `qualname`; calling it explains where operations are called."""
    message = f"{qualname}() is called on a client or on a client's resource, not on the class"

    async def coroutine_function(*args: Any, **kwargs: Any) -> Any:
        raise TypeError(message)

    def function(*args: Any, **kwargs: Any) -> Any:
        raise TypeError(message)

    return coroutine_function if asynchronous else function


_CODES: dict[tuple[types.CodeType, str], types.CodeType] = {}


def _renamed(code: types.CodeType, name: str, qualname: str) -> types.CodeType:
    """`code` under the public name, so a traceback line reads `in tokenize`; one copy per name, reused."""
    key = (code, qualname)
    renamed = _CODES.get(key)
    if renamed is None:
        renamed = _CODES[key] = code.replace(co_name=name, co_qualname=qualname)
    return renamed


def _public_name(owner: type[Any]) -> str:
    """The class name users see (`Aliases`, `VaultPAM`), without the leading underscore of a shared base."""
    return owner.__qualname__.lstrip("_").removesuffix("Client") if owner.__qualname__.startswith("_") else owner.__qualname__
