"""Every named example of every response of every operation, parsed by the generated package.

Each example is fed to the generated module's `_parse_response` as an httpx.Response with the
documented status; it must parse into the documented model (None for a response without a body,
`File` for the pass-through operations) and nothing may be lost on the way (`to_dict()` gives the
example back). Each spec must show the two lenient-response promises with examples named
`unknown_enum_value` and `extra_field`, and the parse must keep the unknown value and the extra field.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from polyvault.testing._openapi import SpecValidator

from ._support import (
    PACKAGES,
    VAULT_KEYS,
    ResponseExample,
    documented,
    generated_media,
    json_leaves,
    normalise,
    parameter_value,
    pascal_case,
    resolve,
    response_examples,
    response_headers,
    schema_at,
    undeclared_fields,
    walk_model,
)

EXAMPLES = [example for vault in VAULT_KEYS for example in response_examples(vault)]
ERROR_STATUSES = (500, 503, 502, 599)
# Spec convention for open value sets: a plain string whose description lists the known values
# ("Known values: a, b. Other values may appear.") or says any value is possible.
OPEN_SET = re.compile(r"known values?\b|other values may appear|any value", re.IGNORECASE)
KNOWN_LIST = re.compile(r"known values?(?: for [^:]+)?(?: is|:)?\s*(.*?)(?:other values|$)", re.IGNORECASE | re.DOTALL)


def _status(example: ResponseExample) -> int:
    """The status to send: the documented one, or for `default` one that no explicit code covers."""
    if example.code != "default":
        return documented(example.operation, example.code).status
    codes = [code for code in example.operation.responses() if code != "default"]

    def covered(status: int) -> bool:
        return any(code == str(status) or (code[1:].upper() == "XX" and code[0] == str(status)[0]) for code in codes)

    return next(status for status in ERROR_STATUSES if not covered(status))


def _parse(example: ResponseExample) -> Any:
    module = example.operation.module()
    client = importlib.import_module(f"{PACKAGES[example.operation.vault]}.client").Client(base_url="https://example.invalid")
    if example.media_type == "application/json" or example.media_type == "*/*":
        response = httpx.Response(_status(example), json=example.value)
    else:
        response = httpx.Response(_status(example), text=str(example.value), headers={"content-type": example.media_type})
    return module._parse_response(client=client, response=response)


def _to_json(parsed: Any) -> Any:
    if isinstance(parsed, list):
        return [_to_json(item) for item in parsed]
    return parsed.to_dict()


def _schema(example: ResponseExample) -> Any:
    return example.operation.responses()[example.code]["content"][example.media_type].get("schema", {})


def _is_generated_media(example: ResponseExample) -> bool:
    media = generated_media(example.operation.responses()[example.code])
    return media is not None and media[0] == example.media_type


@pytest.mark.parametrize("example", [e for e in EXAMPLES if _is_generated_media(e) or e.media_type == "*/*"], ids=lambda e: e.id)
def test_example_parses_into_documented_model(example: ResponseExample) -> None:
    promised = documented(example.operation, example.code)
    models = importlib.import_module(f"{PACKAGES[example.operation.vault]}.models")
    types = importlib.import_module(f"{PACKAGES[example.operation.vault]}.types")

    parsed = _parse(example)

    if promised.kind == "none":
        assert parsed is None
    elif promised.kind == "file":
        assert isinstance(parsed, types.File)
        assert json.loads(parsed.payload.read()) == example.value
    elif promised.kind == "model":
        expected = getattr(models, pascal_case(promised.model))
        assert isinstance(parsed, expected), f"expected {expected.__name__}, got {type(parsed).__name__}"
        assert normalise(_to_json(parsed)) == normalise(example.value), "the parsed model does not give the example back"
    else:
        expected = getattr(models, pascal_case(promised.model))
        assert isinstance(parsed, list)
        assert all(isinstance(item, expected) for item in parsed), f"expected list[{expected.__name__}]"
        assert normalise(_to_json(parsed)) == normalise(example.value), "the parsed models do not give the example back"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_example_matches_its_response_schema(example: ResponseExample) -> None:
    """openapi-core accepts the example (with the response's documented headers) as that response."""
    operation = example.operation
    spec = operation.spec
    path_parameters = {parameter["name"]: parameter for parameter in operation.parameters if parameter["in"] == "path"}
    route = re.sub(
        r"\{([^}]+)\}", lambda match: quote(str(parameter_value(spec, path_parameters[match.group(1)])), safe=""), operation.path
    )
    request = httpx.Request(operation.method.upper(), spec["servers"][0]["url"].rstrip("/") + route)
    headers = response_headers(spec, operation.responses()[example.code])
    if example.media_type in ("application/json", "*/*"):
        response = httpx.Response(_status(example), headers=headers, json=example.value)
    else:
        response = httpx.Response(_status(example), headers={**headers, "content-type": example.media_type}, text=str(example.value))
    problems = SpecValidator(operation.vault).response_errors(request, route, response)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not _is_generated_media(e) and e.media_type != "*/*"], ids=lambda e: e.id)
def test_non_json_error_example_is_left_to_the_caller(example: ResponseExample) -> None:
    """The generator parses only the first media type (JSON): a `text/plain` error raises a JSON
    decoding error inside the generated parse, which the facade must catch (specs/README.md)."""
    with pytest.raises(json.JSONDecodeError):
        _parse(example)


@pytest.mark.parametrize("vault", VAULT_KEYS)
def test_spec_shows_an_unknown_enum_value_and_an_extra_field(vault: str) -> None:
    names = Counter(example.name for example in EXAMPLES if example.operation.vault == vault)
    assert names["unknown_enum_value"] >= 1, f"specs/{vault}.yaml has no response example named unknown_enum_value"
    assert names["extra_field"] >= 1, f"specs/{vault}.yaml has no response example named extra_field"


def _unknown_values(example: ResponseExample) -> list[tuple[tuple[Any, ...], str]]:
    """Leaves of the example at open value sets whose value is not one of the listed known values."""
    spec = example.operation.spec
    found = []
    for path, value in json_leaves(example.value):
        schema = resolve(spec, schema_at(spec, _schema(example), path, example.value))
        description = schema.get("description", "")
        if not isinstance(value, str) or schema.get("type") != "string" or "enum" in schema or not OPEN_SET.search(description):
            continue
        listed = KNOWN_LIST.search(description)
        known = set(re.findall(r"[\w-]+", listed.group(1))) if listed else set()
        if value not in known:
            found.append((path, value))
    return found


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.name == "unknown_enum_value"], ids=lambda e: e.id)
def test_unknown_enum_value_is_kept(example: ResponseExample) -> None:
    unknown = _unknown_values(example)
    assert unknown, "example named unknown_enum_value has no value outside a documented open value set"
    parsed = _parse(example)
    for path, value in unknown:
        assert walk_model(parsed, path) == value, f"{'/'.join(map(str, path))}: unknown value {value!r} not kept"


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.name == "extra_field"], ids=lambda e: e.id)
def test_extra_field_is_kept(example: ResponseExample) -> None:
    extra = undeclared_fields(example.operation.spec, _schema(example), example.value)
    assert extra, "example named extra_field has no field its schema does not declare"
    parsed = _parse(example)
    for path in extra:
        owner = walk_model(parsed, path[:-1])
        kept = getattr(owner, "additional_properties", {})
        assert path[-1] in kept, f"{type(owner).__name__} dropped the undeclared field {'/'.join(map(str, path))}"
        expected = example.value
        for step in path:
            expected = expected[step]
        assert kept[path[-1]] == expected
