"""Lint the specs: OpenAPI validity plus the shapes openapi-python-client 0.29.1 silently mis-generates.

Usage: python scripts/spec_lint.py [VAULT ...]

Each rule below names a verified generator behaviour (../shared/reference/GENERATOR.md) or one of
our spec conventions (lenient responses, strict requests). A finding is printed as
`<spec>: <location>: <message>` and makes the exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from manifest import ROOT, load_manifest, select
from openapi_spec_validator import OpenAPIV30SpecValidator

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Parameter serialisations the generator implements; anything else is sent differently from the spec.
DEFAULT_STYLE = {"query": ("form", True), "path": ("simple", False), "header": ("simple", False), "cookie": ("form", True)}


def load_spec(path: Path) -> dict[str, Any]:
    """Parse a spec file."""
    with path.open() as handle:
        return yaml.safe_load(handle)


def lint_spec(spec: dict[str, Any]) -> list[str]:
    """Every finding for one parsed spec, as `<location>: <message>` lines."""
    findings = [f"{'/'.join(map(str, err.absolute_path)) or '(root)'}: {err.message}" for err in _validator_errors(spec)]
    findings += _walk_rules(spec)
    findings += _operation_rules(spec)
    findings += _reachability_rules(spec)
    return findings


def _validator_errors(spec: dict[str, Any]) -> Iterator[Any]:
    yield from OpenAPIV30SpecValidator(spec).iter_errors()


def _walk(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    yield where, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


def _walk_rules(spec: dict[str, Any]) -> Iterator[str]:
    for where, node in _walk(spec, "#"):
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#/"):
            yield f"{where}: remote $ref {ref!r} is dropped by the generator; bundle it into components"
        if "discriminator" in node:
            yield f"{where}: discriminator is ignored by the generator (the first matching oneOf variant wins)"
        enum = node.get("enum")
        if isinstance(enum, list) and None in enum:
            yield f"{where}: enum lists null, which generates duplicate classes; use allOf [$ref] + nullable: true"


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                yield f"#/paths/{path}/{method}", item[method], shared + item[method].get("parameters", [])


def _operation_rules(spec: dict[str, Any]) -> Iterator[str]:
    seen: dict[str, str] = {}
    for where, operation, parameters in _operations(spec):
        operation_id = operation.get("operationId")
        if not operation_id:
            yield f"{where}: no operationId (the generated function name would be derived from the path)"
        elif operation_id in seen:
            yield f"{where}: operationId {operation_id!r} repeats {seen[operation_id]}; one would overwrite the other"
        else:
            seen[operation_id] = where
        if len(operation.get("tags", [])) != 1:
            yield f"{where}: needs exactly one tag (it names the generated api/<tag>/ module)"
        for parameter in parameters:
            yield from _parameter_rules(spec, where, _resolve(spec, parameter))


def _parameter_rules(spec: dict[str, Any], where: str, parameter: dict[str, Any]) -> Iterator[str]:
    name, location = parameter.get("name"), parameter.get("in")
    at = f"{where} parameter {name!r}"
    if "content" in parameter:
        yield f"{at}: declared with content:, which the generator drops silently"
    default_style, default_explode = DEFAULT_STYLE.get(location, ("form", True))
    style = parameter.get("style", default_style)
    explode = parameter.get("explode", style == "form")
    if style != default_style or explode != default_explode:
        yield (
            f"{at}: style {style!r}/explode {explode} is not generated "
            f"(the generator always sends {default_style!r}/explode {default_explode}); use explicit parameters"
        )
    schema = _resolve(spec, parameter.get("schema", {}))
    if location == "query" and not parameter.get("required") and "default" in schema:
        yield f"{at}: optional query parameter with a default is always sent by the generated client"


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and str(node["$ref"]).startswith("#/") and seen < 32:
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        node, seen = target, seen + 1
    return node


def _schemas_under(spec: dict[str, Any], schema: Any, where: str, seen: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object reachable from `schema`, following local $refs once each."""
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen or not ref.startswith("#/"):
            return
        seen.add(ref)
        yield from _schemas_under(spec, _resolve(spec, schema), ref, seen)
        return
    yield where, schema
    for key in ("items", "additionalProperties", "not"):
        yield from _schemas_under(spec, schema.get(key), f"{where}/{key}", seen)
    for key in ("allOf", "oneOf", "anyOf"):
        for index, sub in enumerate(schema.get(key, [])):
            yield from _schemas_under(spec, sub, f"{where}/{key}/{index}", seen)
    for name, sub in schema.get("properties", {}).items():
        yield from _schemas_under(spec, sub, f"{where}/properties/{name}", seen)


def _bodies(spec: dict[str, Any], direction: str) -> Iterator[tuple[str, Any]]:
    for where, operation, _ in _operations(spec):
        if direction == "request":
            body = _resolve(spec, operation.get("requestBody", {}))
            for media, content in body.get("content", {}).items():
                yield f"{where}/requestBody/{media}", content.get("schema")
        else:
            for status, response in operation.get("responses", {}).items():
                for media, content in _resolve(spec, response).get("content", {}).items():
                    yield f"{where}/responses/{status}/{media}", content.get("schema")


def _reachability_rules(spec: dict[str, Any]) -> Iterator[str]:
    reported: set[tuple[str, str]] = set()
    for origin, root in _bodies(spec, "request"):
        for where, schema in _schemas_under(spec, root, origin, set()):
            for name, prop in schema.get("properties", {}).items():
                if _resolve(spec, prop).get("readOnly") and (where, name) not in reported:
                    reported.add((where, name))
                    yield f"{where}: readOnly property {name!r} in a request body is sent anyway; use a separate request schema"
    for origin, root in _bodies(spec, "response"):
        for where, schema in _schemas_under(spec, root, origin, set()):
            if "enum" in schema and (where, "enum") not in reported:
                reported.add((where, "enum"))
                yield f"{where}: enum in a response fails on the vendor's next new value; use a string, known values in the description"
            if schema.get("additionalProperties") is False and (where, "ap") not in reported:
                reported.add((where, "ap"))
                yield f"{where}: additionalProperties: false in a response rejects the vendor's next new field"


def main(argv: list[str]) -> int:
    """Lint the named vaults' specs (all by default); exit 1 on any finding."""
    vaults, _ = load_manifest()
    failures = 0
    for vault in select(vaults, argv):
        findings = lint_spec(load_spec(vault.spec))
        for finding in findings:
            print(f"{vault.spec.relative_to(ROOT)}: {finding}", file=sys.stderr)
        failures += len(findings)
    if failures:
        print(f"spec lint: {failures} finding(s)", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
