"""Lazy package exports (PEP 562): a name is imported from its submodule on first access, then cached."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], submodules: Mapping[str, str], public: list[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module `__getattr__` and `__dir__` for `package`: `submodules` maps each lazy name to its submodule."""

    def get_attribute(name: str) -> Any:
        module = submodules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def listing() -> list[str]:
        return sorted(public)

    return get_attribute, listing


def publish(namespace: dict[str, Any]) -> None:
    """Make the public classes a private module defines report its package as their module (repr, help, pickling, docs).

    A private module of a package with lazy exports calls it last: `publish(globals())`.
    """
    module, package = namespace["__name__"], namespace["__package__"]
    for name, value in namespace.items():
        if isinstance(value, type) and value.__module__ == module and not name.startswith("_"):
            value.__module__ = package
