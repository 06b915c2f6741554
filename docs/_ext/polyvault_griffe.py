"""A griffe extension that shows polyvault's API as callers see it (used by the site and by the docstring check).

- A resource method is written once for both modes as a plan (`@operation` returning `Plan[T]`,
  `@paginated` returning `Stream[T]`); callers get `T` (awaited on async clients) or an iterator of
  `T`. The reference shows those return types, not the plan types.
- A method or attribute that overrides a documented one without a docstring of its own inherits its
  base's docstring, as `inspect.getdoc` and `help()` do.
"""

from __future__ import annotations

from typing import Any

import griffe

_PLAN_RETURNS = {"operation": "Plan", "paginated": "Stream"}


class PolyvaultDocs(griffe.Extension):
    """Rewrites plan return types and fills in inherited docstrings once the package is loaded."""

    def on_function_instance(self, *, func: griffe.Function, **kwargs: Any) -> None:
        """Replace `Plan[T]` by `T` and `Stream[T]` by `Iterator[T]` on `@operation`/`@paginated` methods."""
        decorators = {str(decorator.value) for decorator in func.decorators}
        for decorator, plan_type in _PLAN_RETURNS.items():
            returns = func.returns
            if decorator not in decorators or not isinstance(returns, griffe.ExprSubscript) or str(returns.left) != plan_type:
                continue
            if plan_type == "Plan":
                func.returns = returns.slice
            else:
                func.returns = griffe.ExprSubscript(griffe.ExprName("Iterator", parent=func.module), returns.slice)
            func.labels.add(decorator)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Give undocumented overrides their base's docstring."""
        for cls in _classes(pkg):
            for name, member in cls.members.items():
                if member.is_alias or member.docstring is not None:
                    continue
                inherited = _base_docstring(cls, name)
                if inherited is not None:
                    member.docstring = griffe.Docstring(
                        inherited.value,
                        lineno=None,
                        endlineno=None,
                        parent=member,
                        parser=inherited.parser,
                        parser_options=inherited.parser_options,
                    )


def _classes(module: griffe.Module) -> list[griffe.Class]:
    found: list[griffe.Class] = []
    for member in module.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Module):
            found.extend(_classes(member))
        elif isinstance(member, griffe.Class):
            found.append(member)
            found.extend(_nested(member))
    return found


def _nested(cls: griffe.Class) -> list[griffe.Class]:
    return [member for member in cls.members.values() if not member.is_alias and isinstance(member, griffe.Class)]


def _base_docstring(cls: griffe.Class, name: str) -> griffe.Docstring | None:
    try:
        bases = cls.mro()
    except (ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    for base in bases:
        member = base.members.get(name)
        if member is not None and not member.is_alias and member.docstring is not None:
            return member.docstring
    return None
