"""polyvault's public names, found by static analysis (griffe, as the API reference sees them), and whether each is documented.

A public name is:
- every name a public module exports (`__all__`, else the public names it defines): `polyvault`,
  `polyvault.testing`, the vault modules (`polyvault.vgs`, ...), the fakes' modules and the pytest plugin;
- every public method, property and attribute of a public class, inherited ones included
  (`polyvault.VGS.with_options`); dunder methods are not counted (`__init__` is the class's docstring);
- every polyvault class or type a public name's annotations mention (parameters, return types,
  attributes): what a caller can hold in hand is public even where no `__all__` names it - the
  resources (`polyvault.vgs.Aliases` through `VGS.aliases`) and the records they return.

A name is documented when it has a docstring of its own, inherits one from the member it
overrides (as `help()` shows it), or - for an attribute - is described in its class docstring's
`Attributes:` section.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import griffe

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "facade" / "src"
EXTENSION = ROOT / "docs" / "_ext" / "polyvault_griffe.py"
PACKAGE = "polyvault"


@dataclass(frozen=True)
class PublicName:
    """One public name: the path a caller reaches it by, where it is defined, and whether it is documented."""

    path: str
    canonical: str
    kind: str
    documented: bool
    owner: str | None = None  # the public path of the class it belongs to, for members


def load() -> griffe.Module:
    """The polyvault package as the API reference loads it (same extension, same docstring style)."""
    extensions = griffe.load_extensions(f"{EXTENSION}:PolyvaultDocs")
    package = griffe.load(
        PACKAGE,
        search_paths=[str(SOURCE)],
        docstring_parser="google",
        extensions=extensions,
        resolve_aliases=True,
        resolve_external=False,
    )
    assert isinstance(package, griffe.Module)
    return package


def public_names(package: griffe.Module | None = None, package_name: str = PACKAGE) -> list[PublicName]:
    """Every public name of the package (polyvault unless another loaded one is given), roots first, each once."""
    package = package or load()
    prefix = package_name + "."
    found: dict[str, PublicName] = {}
    seen_objects: set[str] = set()
    queue: deque[tuple[str, griffe.Object]] = deque()

    def enqueue(path: str, obj: griffe.Object) -> None:
        if obj.path in seen_objects:
            return
        seen_objects.add(obj.path)
        queue.append((path, obj))

    for module in _public_modules(package):
        for name in _exports(module):
            target = _target(module.members.get(name))
            if target is not None and target.path.startswith(prefix):
                enqueue(f"{module.path}.{name}", target)

    classes: list[tuple[str, griffe.Class]] = []
    while queue:
        path, obj = queue.popleft()
        found[path] = PublicName(path, obj.path, obj.kind.value, _documented(obj))
        for mentioned in _mentioned(obj, package, prefix):
            enqueue(mentioned.path, mentioned)
        if isinstance(obj, griffe.Class):
            classes.append((path, obj))
            for _, member in _public_members(obj, prefix):
                for mentioned in _mentioned(member, package, prefix):
                    enqueue(mentioned.path, mentioned)

    # A member is counted once, in the first public class that has it: an inherited or overriding
    # member of a public base is that base's name (`FakeVGS.error` is `FakeVault.error`); a member of
    # a private base (the clients' shared machinery) is counted under each public class inheriting it.
    public_classes = {obj.path for _, obj in classes}
    for path, cls in classes:
        public_bases = [base for base in _bases(cls) if base.path in public_classes]
        for name, member in _public_members(cls, prefix):
            if any(name in base.members for base in public_bases):
                continue
            member_path = f"{path}.{name}"
            found.setdefault(member_path, PublicName(member_path, member.path, member.kind.value, _documented(member, cls), owner=path))
    return list(found.values())


def _public_modules(package: griffe.Module) -> Iterator[griffe.Module]:
    yield package
    for name, member in package.members.items():
        if isinstance(member, griffe.Module) and not member.is_alias and not name.startswith("_"):
            yield from _public_modules(member)


def _exports(module: griffe.Module) -> list[str]:
    if module.exports is not None:
        return [str(name) for name in module.exports if not str(name).startswith("__")]
    return [name for name, member in module.members.items() if not name.startswith("_") and not member.is_alias]


def _target(obj: griffe.Object | griffe.Alias | None) -> griffe.Object | None:
    if obj is None:
        return None
    if obj.is_alias:
        try:
            return obj.final_target  # type: ignore[union-attr]
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None
    return obj  # type: ignore[return-value]


def _public_members(cls: griffe.Class, prefix: str) -> Iterator[tuple[str, griffe.Object]]:
    for name in sorted(cls.all_members):
        if name.startswith("_"):
            continue
        member = _target(cls.all_members[name])
        if member is None or not member.path.startswith(prefix):
            continue
        if isinstance(member, griffe.Class):
            continue  # a nested class is reached as a class of its own when an annotation mentions it
        yield name, member


def _bases(cls: griffe.Class) -> list[griffe.Class]:
    try:
        return cls.mro()
    except (ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return []


def _documented(obj: griffe.Object, owner: griffe.Class | None = None) -> bool:
    if obj.docstring is not None and obj.docstring.value.strip():
        return True
    return owner is not None and isinstance(obj, griffe.Attribute) and obj.name in _described_attributes(owner)


def _described_attributes(cls: griffe.Class) -> set[str]:
    names: set[str] = set()
    for each in [cls, *_bases(cls)]:
        if each.docstring is None:
            continue
        for section in each.docstring.parsed:
            if section.kind is griffe.DocstringSectionKind.attributes:
                names.update(item.name for item in section.value)
    return names


def _annotations(obj: griffe.Object) -> Iterator[griffe.Expr | str]:
    if isinstance(obj, griffe.Function):
        yield from (parameter.annotation for parameter in obj.parameters if parameter.annotation is not None)
        if obj.returns is not None:
            yield obj.returns
    elif isinstance(obj, griffe.Attribute):
        if obj.annotation is not None:
            yield obj.annotation
    elif isinstance(obj, griffe.Class):
        # The constructor's parameters, when callers construct the class: a constructor inherited from
        # polyvault's private machinery (a resource's, given its client) is not called by callers.
        init = _target(obj.all_members.get("__init__"))
        if init is not None and not any(part.startswith("_") for part in init.module.path.split(".")):
            yield from _annotations(init)


def _mentioned(obj: griffe.Object, package: griffe.Module, prefix: str) -> Iterator[griffe.Object]:
    """The polyvault classes and type aliases an object's annotations name."""
    for annotation in _annotations(obj):
        if isinstance(annotation, str):
            continue
        for part in annotation.iterate(flat=True):
            if not isinstance(part, griffe.ExprName):
                continue
            try:
                path = part.canonical_path
            except (griffe.NameResolutionError, AttributeError):
                continue
            if not path.startswith(prefix):
                continue
            try:
                target = _target(package.modules_collection.get_member(path))
            except KeyError:
                continue
            is_type = isinstance(target, griffe.Class) or (isinstance(target, griffe.Attribute) and _is_type_alias(target))
            if is_type and target.name not in ("Sync", "Async"):  # the mode markers in `Aliases[M]` are no caller's business
                yield target


def _is_type_alias(attribute: griffe.Attribute) -> bool:
    """A module-level `Name = Literal[...]` (or another typing construct): a type callers pass values of."""
    value = attribute.value
    return isinstance(attribute.parent, griffe.Module) and isinstance(value, griffe.ExprSubscript)
