"""Spec-driven helpers shared by the pipeline tests: operations, sample values, generated-module lookup.

Everything here is derived from `specs/<vault>.yaml` and `specs/vaults.toml` at collection time, so
adding an operation, a parameter or an example to a spec adds test cases without touching the tests.
"""

from __future__ import annotations

import base64
import datetime as dt
import importlib
import importlib.util
import inspect
import re
import sys
import typing
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from polyvault.testing._openapi import load_spec

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
NO_BODY = "-"  # the request-example id of a call without a request body


def load_script(name: str) -> ModuleType:
    """Import `scripts/<name>.py` under a private module name (the scripts are not a package)."""
    module_name = f"_polyvault_pipeline_scripts_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


VAULTS = load_script("manifest").load_manifest(ROOT)[0]
VAULT_KEYS = [vault.key for vault in VAULTS]
PACKAGES = {vault.key: vault.package for vault in VAULTS}


# --- names, the way openapi-python-client 0.29.1 makes them -------------------------------------


def _words(value: str) -> list[str]:
    value = "".join(char for char in value if char.isidentifier() or char.isdecimal() or char in ". _-")
    if any(char.isupper() for char in value):
        value = " ".join(re.split("([A-Z]?[a-z]+)", value))
    return re.findall(r"[^. _-]+", value)


def snake_case(value: str) -> str:
    """`consumersAll` → `consumers_all`, `Custom Mappings` → `custom_mappings`, `filter[x]` → `filterx`."""
    return "_".join(_words(value)).lower()


def pascal_case(value: str) -> str:
    """A schema name as the generator's class name."""
    return "".join(word if word.isupper() else word.capitalize() for word in _words(value))


# --- the specs ---------------------------------------------------------------------------------


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s until a real node."""
    seen = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"remote $ref {ref!r}"
        assert ref not in seen, f"$ref cycle at {ref!r}"
        seen.add(ref)
        node = spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def ref_name(node: Any) -> str | None:
    """`Foo` for `{$ref: '#/components/schemas/Foo'}`, else None."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/components/schemas/"):
        return node["$ref"].rsplit("/", 1)[1]
    return None


@dataclass(frozen=True)
class Operation:
    """One operation of one spec, with what the tests need to call it."""

    vault: str
    operation_id: str
    method: str
    path: str
    tag: str
    definition: dict[str, Any] = field(compare=False, repr=False)
    parameters: tuple[dict[str, Any], ...] = field(compare=False, repr=False)

    @property
    def spec(self) -> dict[str, Any]:
        return load_spec(self.vault)

    @property
    def module_name(self) -> str:
        return f"{PACKAGES[self.vault]}.api.{snake_case(self.tag)}.{snake_case(self.operation_id)}"

    def module(self) -> ModuleType:
        return importlib.import_module(self.module_name)

    def request_examples(self) -> dict[str, Any]:
        """The named examples of the JSON request body (empty without a body)."""
        body = resolve(self.spec, self.definition.get("requestBody"))
        if not body:
            return {}
        media = body.get("content", {}).get("application/json", {})
        examples = {name: resolve(self.spec, example)["value"] for name, example in (media.get("examples") or {}).items()}
        if not examples and "example" in media:
            examples["example"] = media["example"]
        return examples

    def body_required(self) -> bool:
        body = resolve(self.spec, self.definition.get("requestBody"))
        return bool(body and body.get("required"))

    def security(self) -> list[dict[str, list[str]]]:
        return self.definition.get("security", self.spec.get("security", []))

    def responses(self) -> dict[str, dict[str, Any]]:
        return {str(code): resolve(self.spec, response) for code, response in self.definition["responses"].items()}


def operations(vault: str) -> list[Operation]:
    """Every operation of `vault`'s spec, in spec order."""
    spec = load_spec(vault)
    found = []
    for path, item in spec["paths"].items():
        shared = [resolve(spec, parameter) for parameter in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            definition = item[method]
            own = [resolve(spec, parameter) for parameter in definition.get("parameters", [])]
            overridden = {(parameter["name"], parameter["in"]) for parameter in own}
            parameters = [p for p in shared if (p["name"], p["in"]) not in overridden] + own
            tags = definition.get("tags") or ["default"]
            found.append(Operation(vault, definition["operationId"], method, path, tags[0], definition, tuple(parameters)))
    return found


def all_operations() -> list[Operation]:
    return [operation for vault in VAULT_KEYS for operation in operations(vault)]


def match_operation(vault: str, method: str, route_path: str) -> Operation | None:
    """The spec operation a concrete request (method + path below the server's base) addresses."""
    candidates = []
    for operation in operations(vault):
        if operation.method != method.lower():
            continue
        pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]+\})", operation.path) if part)
        if re.fullmatch(pattern, route_path):
            candidates.append((operation.path.count("{"), operation))
    # A literal segment beats a template (`/aliases/delete` before `/aliases/{alias}`).
    return min(candidates, key=lambda candidate: candidate[0])[1] if candidates else None


# --- sample values from schemas ------------------------------------------------------------------

SAMPLE_UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
SAMPLE_DATETIME = "2024-01-02T03:04:05Z"
SAMPLE_STRINGS = ("x", "https://example.com/x", "1", "X", "x@example.com")


def sample(spec: dict[str, Any], schema: Any) -> Any:
    """A value valid for `schema`: its example, else the first enum value, else one built from the type."""
    schema = resolve(spec, schema) or {}
    if "example" in schema:
        return schema["example"]
    if schema.get("enum"):
        return next(value for value in schema["enum"] if value is not None)
    for combinator in ("allOf", "oneOf", "anyOf"):
        if schema.get(combinator):
            return sample(spec, schema[combinator][0])
    kind = schema.get("type", "object" if "properties" in schema else "string")
    if kind == "string":
        return _sample_string(schema)
    if kind in ("integer", "number"):
        value = schema.get("minimum", 1)
        if schema.get("exclusiveMinimum"):
            value += 1
        return int(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return True
    if kind == "array":
        return [sample(spec, schema.get("items", {})) for _ in range(max(1, schema.get("minItems", 1)))]
    properties = schema.get("properties", {})
    return {name: sample(spec, properties.get(name, {})) for name in schema.get("required", [])}


def _sample_string(schema: dict[str, Any]) -> str:
    formats = {
        "uuid": SAMPLE_UUID,
        "date-time": SAMPLE_DATETIME,
        "date": "2024-01-02",
        "uri": "https://example.com/x",
        "url": "https://example.com/x",
        "email": "x@example.com",
    }
    if schema.get("format") in formats:
        return formats[schema["format"]]
    pattern = schema.get("pattern")
    minimum = schema.get("minLength", 0)
    for candidate in SAMPLE_STRINGS:
        value = candidate.ljust(minimum, candidate[-1])
        if pattern is None or re.search(pattern, value):
            return value
    raise AssertionError(f"no sample string matches pattern {pattern!r}; give the parameter an `example`")


def parameter_value(spec: dict[str, Any], parameter: dict[str, Any]) -> Any:
    """A parameter's `example` (or first of its `examples`), else a value derived from its schema."""
    if "example" in parameter:
        return parameter["example"]
    if parameter.get("examples"):
        return resolve(spec, next(iter(parameter["examples"].values())))["value"]
    return sample(spec, parameter.get("schema", {}))


def to_python(spec: dict[str, Any], schema: Any, value: Any) -> Any:
    """The Python object a generated function takes for a JSON-ish `value` of `schema`."""
    schema = resolve(spec, schema) or {}
    if isinstance(value, list):
        return [to_python(spec, schema.get("items", {}), item) for item in value]
    if isinstance(value, str):
        if schema.get("format") == "uuid":
            return uuid.UUID(value)
        if schema.get("format") == "date-time":
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if schema.get("format") == "date":
            return dt.date.fromisoformat(value)
    return value


def python_parameter(signature: inspect.Signature, parameter: dict[str, Any]) -> str | None:
    """The generated function's argument for a spec parameter (snake_case, brackets dropped,
    `_<location>` or `_` appended when the plain name is taken or reserved, e.g. `url` → `url_query`)."""
    base = snake_case(parameter["name"])
    for candidate in (base, f"{base}_{parameter['in']}", f"{base}_"):
        if candidate in signature.parameters and candidate != "client":
            return candidate
    return None


def union_members(annotation: Any) -> tuple[Any, ...]:
    return typing.get_args(annotation) or (annotation,)


def model_class(annotation: Any) -> type | None:
    """The attrs model in an annotation such as `Foo | Unset`, or None (e.g. `Any | Unset`)."""
    for member in union_members(annotation):
        if inspect.isclass(member) and hasattr(member, "from_dict"):
            return member
    return None


# --- credentials ------------------------------------------------------------------------------

TEST_SECRET = "test-secret-value"


def client_kwargs(operation: Operation, client_class: type) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """(constructor kwargs, headers, query params) satisfying the operation's first security requirement."""
    spec = operation.spec
    schemes = spec.get("components", {}).get("securitySchemes", {})
    kwargs: dict[str, Any] = {}
    headers: dict[str, str] = {}
    params: dict[str, str] = {}
    requirements = operation.security()
    for name in requirements[0] if requirements else {}:
        scheme = resolve(spec, schemes[name])
        kind = scheme["type"]
        if kind == "http" and scheme["scheme"].lower() == "basic":
            headers["Authorization"] = "Basic " + base64.b64encode(f"user:{TEST_SECRET}".encode()).decode()
        elif kind == "http" and scheme["scheme"].lower() == "bearer":
            if client_class.__name__ == "AuthenticatedClient":
                kwargs["token"] = TEST_SECRET
            else:
                headers["Authorization"] = f"Bearer {TEST_SECRET}"
        elif kind == "apiKey" and scheme["in"] == "header":
            headers[scheme["name"]] = f"{name}-{TEST_SECRET}"
        elif kind == "apiKey" and scheme["in"] == "query":
            params[scheme["name"]] = f"{name}-{TEST_SECRET}"
        else:
            raise AssertionError(f"{operation.vault}: security scheme {name!r} ({kind}) is not supported by the tests")
    if client_class.__name__ == "AuthenticatedClient":
        kwargs.setdefault("token", TEST_SECRET)
    return kwargs, headers, params


# --- responses ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Documented:
    """What a response of the spec promises the generated parse returns."""

    status: int
    kind: str  # "none", "model", "list", "file"
    model: str | None = None  # schema name for "model" and "list"


def status_for(code: str, has_content: bool) -> int:
    if code.isdigit():
        return int(code)
    if code.upper() == "2XX":
        return 200 if has_content else 204
    if code == "default":
        return 200
    return int(code[0]) * 100


def success_code(operation: Operation) -> str:
    """The documented success response: the first 2xx (or `2XX`), else `default` (the proxy operations)."""
    codes = list(operation.responses())
    success = [code for code in codes if code.startswith("2")]
    assert success or "default" in codes, f"{operation.operation_id} documents no success response"
    return success[0] if success else "default"


def generated_media(response: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The media type the generator builds a parse for (it skips `*/*`; JSON first as the generator does)."""
    content = response.get("content") or {}
    for media_type, media in content.items():
        if media_type != "*/*":
            return media_type, media
    return None


def documented(operation: Operation, code: str) -> Documented:
    spec = operation.spec
    response = operation.responses()[code]
    media = generated_media(response)
    status = status_for(code, bool(response.get("content")))
    if media is None:
        return Documented(status, "none")
    media_type, body = media
    schema = body.get("schema", {})
    resolved = resolve(spec, schema) or {}
    if media_type == "application/octet-stream" or resolved.get("format") == "binary":
        return Documented(status, "file")
    if ref_name(schema):
        return Documented(status, "model", ref_name(schema))
    if resolved.get("type") == "array" and ref_name(resolved.get("items")):
        return Documented(status, "list", ref_name(resolved["items"]))
    raise AssertionError(f"{operation.operation_id} {code}: inline response schema; the tests expect a named component")


def examples_of(spec: dict[str, Any], media: dict[str, Any]) -> dict[str, Any]:
    examples = {name: resolve(spec, example)["value"] for name, example in (media.get("examples") or {}).items()}
    if not examples and "example" in media:
        examples["example"] = media["example"]
    return examples


def response_headers(spec: dict[str, Any], response: dict[str, Any]) -> dict[str, str]:
    """Every header the response documents, from its example or schema."""
    headers = {}
    for name, header in (response.get("headers") or {}).items():
        header = resolve(spec, header)
        value = header["example"] if "example" in header else sample(spec, header.get("schema", {}))
        headers[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return headers


@dataclass(frozen=True)
class ResponseExample:
    """One named example of one response of one operation."""

    operation: Operation
    code: str
    media_type: str
    name: str
    value: Any = field(compare=False, repr=False)

    @property
    def id(self) -> str:
        media = {"application/json": "", "*/*": "any-"}.get(self.media_type, self.media_type.split("/")[-1] + "-")
        return f"{self.operation.vault}-{self.operation.operation_id}-{self.code}-{media}{self.name}"


def response_examples(vault: str) -> Iterator[ResponseExample]:
    for operation in operations(vault):
        for code, response in operation.responses().items():
            for media_type, media in (response.get("content") or {}).items():
                for name, value in examples_of(operation.spec, media).items():
                    yield ResponseExample(operation, code, media_type, name, value)


# --- comparing parsed models with the JSON they came from ---------------------------------------


def normalise(value: Any) -> Any:
    """JSON with date-times made comparable (`Z` vs `+00:00`, fractional digits)."""
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", value):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def schema_properties(spec: dict[str, Any], schema: Any) -> tuple[dict[str, Any], Any] | None:
    """(declared properties, additionalProperties) of an object schema, merging allOf; None if not an object."""
    schema = resolve(spec, schema) or {}
    if schema.get("allOf"):
        merged: dict[str, Any] = {}
        additional: Any = True
        for part in schema["allOf"]:
            found = schema_properties(spec, part)
            if found:
                merged.update(found[0])
                additional = found[1] if found[1] is not True else additional
        return merged, additional
    if schema.get("type") == "object" or "properties" in schema or "additionalProperties" in schema:
        return dict(schema.get("properties", {})), schema.get("additionalProperties", True)
    return None


def undeclared_fields(spec: dict[str, Any], schema: Any, value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of keys in `value` that `schema` does not declare (kept as `additional_properties`)."""
    schema = resolve(spec, schema) or {}
    for combinator in ("oneOf", "anyOf"):
        if schema.get(combinator):
            # The variant with the fewest undeclared keys is the one the value is meant to match.
            options = [undeclared_fields(spec, variant, value, path) for variant in schema[combinator]]
            return min(options, key=len)
    found: list[tuple[Any, ...]] = []
    if isinstance(value, list):
        items = schema.get("items", {})
        for index, item in enumerate(value):
            found += undeclared_fields(spec, items, item, (*path, index))
        return found
    if isinstance(value, dict):
        shape = schema_properties(spec, schema)
        if shape is None:
            return found
        properties, additional = shape
        for key, item in value.items():
            if key in properties:
                found += undeclared_fields(spec, properties[key], item, (*path, key))
            elif isinstance(additional, dict):
                found += undeclared_fields(spec, additional, item, (*path, key))
            elif properties:  # a map without declared properties (`additionalProperties: {}`) declares every key
                found.append((*path, key))
    return found


def walk_model(parsed: Any, path: tuple[Any, ...]) -> Any:
    """Follow a JSON path through parsed attrs models (attribute names as the generator makes them)."""
    node = parsed
    for step in path:
        if isinstance(step, int):
            node = node[step]
            continue
        extra = getattr(node, "additional_properties", None)
        if extra is not None and step in extra:
            node = extra[step]
            continue
        for attribute in (snake_case(step), f"{snake_case(step)}_"):
            if hasattr(node, attribute):
                node = getattr(node, attribute)
                break
        else:
            raise AssertionError(f"{type(node).__name__} has no attribute or additional property for {step!r}")
    return node


def json_leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_leaves(item, (*path, index))
    else:
        yield path, value


def schema_at(spec: dict[str, Any], schema: Any, path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """The (resolved) schema that describes the JSON value at `path`."""
    schema = resolve(spec, schema) or {}
    if not path:
        return schema
    for combinator in ("oneOf", "anyOf", "allOf"):
        if schema.get(combinator):
            for variant in schema[combinator]:
                found = schema_at(spec, variant, path, value)
                if found:
                    return found
            return {}
    step, rest = path[0], path[1:]
    child = value[step]
    if isinstance(step, int):
        return schema_at(spec, schema.get("items", {}), rest, child)
    shape = schema_properties(spec, schema)
    if shape is None:
        return {}
    properties, additional = shape
    if step in properties:
        return schema_at(spec, properties[step], rest, child)
    return schema_at(spec, additional, rest, child) if isinstance(additional, dict) else {}
