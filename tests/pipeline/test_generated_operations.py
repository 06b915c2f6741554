"""Every operation of every spec, called once through its generated client over a stub transport.

For each operation (and each named request-body example), the generated `sync_detailed` is called
with arguments built from the spec: the body from the example via the generated model's
`from_dict`, parameters from their examples or schemas, credentials as the spec's security scheme
demands. The stub transport checks the request against the spec with openapi-core, answers with
the operation's documented success example (status, JSON, headers), and the parsed result must be
the documented model type.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from polyvault.testing._openapi import SpecValidator

from ._support import (
    HTTP_METHODS,
    NO_BODY,
    PACKAGES,
    VAULT_KEYS,
    Documented,
    Operation,
    all_operations,
    client_kwargs,
    documented,
    examples_of,
    generated_media,
    match_operation,
    model_class,
    normalise,
    operations,
    parameter_value,
    pascal_case,
    python_parameter,
    response_headers,
    snake_case,
    success_code,
    to_python,
)


@dataclass
class Exchange:
    """What the stub transport saw and answered for one call."""

    requests: list[httpx.Request] = field(default_factory=list)
    matched: list[str | None] = field(default_factory=list)
    request_problems: list[str] = field(default_factory=list)
    response_problems: list[str] = field(default_factory=list)


def _answer(operation: Operation) -> tuple[Documented, httpx.Response]:
    """The operation's documented success response, with its first named example."""
    spec = operation.spec
    code = success_code(operation)
    response = operation.responses()[code]
    promised = documented(operation, code)
    headers = response_headers(spec, response)
    content = response.get("content") or {}
    if not content:
        return promised, httpx.Response(promised.status, headers=headers)
    # `*/*` carries the examples of the pass-through operations; otherwise the generator's media type.
    media_type, media = next(iter(content.items())) if "*/*" in content else generated_media(response)
    examples = examples_of(spec, media)
    assert examples, f"{operation.operation_id} {code} {media_type}: no example to answer with"
    return promised, httpx.Response(promised.status, headers=headers, json=next(iter(examples.values())))


def call(operation: Operation, example: str = NO_BODY) -> tuple[Exchange, Any, Documented]:
    """Call the operation's generated `sync_detailed` once over a validating stub transport."""
    spec = operation.spec
    module = operation.module()
    function = module.sync_detailed
    signature = inspect.signature(function)
    client_module = importlib.import_module(f"{PACKAGES[operation.vault]}.client")
    annotation = signature.parameters["client"].annotation
    client_class = client_module.AuthenticatedClient if annotation is client_module.AuthenticatedClient else client_module.Client

    server = httpx.URL(spec["servers"][0]["url"])
    base_path = server.path.rstrip("/")
    validator = SpecValidator(operation.vault)
    promised, reply = _answer(operation)
    exchange = Exchange()

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path.startswith(base_path), request.url
        route = request.url.path[len(base_path) :]
        matched = match_operation(operation.vault, request.method, route)
        exchange.requests.append(request)
        exchange.matched.append(matched.operation_id if matched else None)
        exchange.request_problems += validator.request_errors(request, route)
        response = httpx.Response(reply.status_code, headers=reply.headers, content=reply.content, request=request)
        exchange.response_problems += validator.response_errors(request, route, response)
        return response

    kwargs, headers, params = client_kwargs(operation, client_class)
    client = client_class(
        base_url=str(server),
        headers=headers,
        httpx_args={"transport": httpx.MockTransport(handler), "params": params},
        **kwargs,
    )

    arguments: dict[str, Any] = {"client": client}
    for parameter in operation.parameters:
        name = python_parameter(signature, parameter)
        assert name is not None, (
            f"{operation.module_name}.sync_detailed has no argument for {parameter['in']} parameter {parameter['name']!r}"
        )
        arguments[name] = to_python(spec, parameter.get("schema", {}), parameter_value(spec, parameter))
    if example != NO_BODY:
        value = operation.request_examples()[example]
        assert "body" in signature.parameters, f"{operation.module_name}.sync_detailed takes no body"
        model = model_class(signature.parameters["body"].annotation)
        if model is None:  # a free-form body (`body: Any`) is sent as it is
            arguments["body"] = value
        else:
            body = model.from_dict(value)
            assert normalise(body.to_dict()) == normalise(value), f"{model.__name__} does not reproduce request example {example!r}"
            arguments["body"] = body
    missing = [
        name for name, parameter in signature.parameters.items() if parameter.default is inspect.Parameter.empty and name not in arguments
    ]
    assert not missing, f"{operation.module_name}.sync_detailed requires {missing}, which the spec's parameters do not explain"

    with client:
        result = function(**arguments)
    return exchange, result, promised


def assert_documented(operation: Operation, result: Any, promised: Documented) -> None:
    models = importlib.import_module(f"{PACKAGES[operation.vault]}.models")
    types = importlib.import_module(f"{PACKAGES[operation.vault]}.types")
    assert result.status_code == promised.status
    parsed = result.parsed
    if promised.kind == "none":
        assert parsed is None, f"{operation.operation_id}: expected no body, parsed {parsed!r}"
    elif promised.kind == "file":
        assert isinstance(parsed, types.File), f"{operation.operation_id}: expected a File, got {type(parsed).__name__}"
        assert parsed.payload.read() == result.content
    elif promised.kind == "model":
        expected = getattr(models, pascal_case(promised.model))
        assert isinstance(parsed, expected), f"{operation.operation_id}: expected {expected.__name__}, got {type(parsed).__name__}"
    else:
        expected = getattr(models, pascal_case(promised.model))
        assert isinstance(parsed, list), f"{operation.operation_id}: expected list[{expected.__name__}], got {type(parsed).__name__}"
        assert all(isinstance(item, expected) for item in parsed), f"{operation.operation_id}: expected list[{expected.__name__}]"


def _cases() -> list[Any]:
    cases = []
    for operation in all_operations():
        examples = list(operation.request_examples()) or [NO_BODY]
        if not operation.body_required() and examples != [NO_BODY]:
            examples.append(NO_BODY)  # an optional body may also be left out
        cases += [
            pytest.param(operation, example, id=f"{operation.vault}-{operation.operation_id}-{example}".rstrip("-")) for example in examples
        ]
    return cases


@pytest.mark.parametrize(("operation", "example"), _cases())
def test_operation_call_is_valid_and_parses(operation: Operation, example: str) -> None:
    exchange, result, promised = call(operation, example)

    assert len(exchange.requests) == 1, f"expected one request, saw {len(exchange.requests)}"
    assert exchange.matched == [operation.operation_id], (
        f"{operation.module_name} sent {exchange.requests[0].method} {exchange.requests[0].url.path}, "
        f"which the spec routes to {exchange.matched[0]}"
    )
    assert exchange.request_problems == [], "request does not match the spec:\n" + "\n".join(exchange.request_problems)
    assert exchange.response_problems == [], "stub answer does not match the spec:\n" + "\n".join(exchange.response_problems)
    assert_documented(operation, result, promised)


def _endpoint_modules(package: str) -> list[str]:
    api = importlib.import_module(f"{package}.api")
    return sorted(
        info.name
        for info in pkgutil.walk_packages(api.__path__, prefix=f"{package}.api.")
        if not info.ispkg and hasattr(importlib.import_module(info.name), "sync_detailed")
    )


@pytest.mark.parametrize("vault", VAULT_KEYS)
def test_every_generated_operation_is_called(vault: str, specs: dict[str, dict[str, Any]]) -> None:
    """Walk the generated package's endpoint modules, call each, and compare with the spec's operationIds."""
    by_module = {operation.module_name: operation for operation in operations(vault)}
    modules = _endpoint_modules(PACKAGES[vault])
    unexplained = sorted(set(modules) - by_module.keys())
    assert not unexplained, f"generated endpoint modules with no operation in specs/{vault}.yaml: {unexplained}"

    called: set[str] = set()
    for module_name in modules:
        operation = by_module[module_name]
        first = next(iter(operation.request_examples()), NO_BODY)
        exchange, _, _ = call(operation, first)
        assert exchange.request_problems == [], f"{operation.operation_id}: " + "\n".join(exchange.request_problems)
        called.update(name for name in exchange.matched if name)

    spec_ids = {
        operation["operationId"] for item in specs[vault]["paths"].values() for method, operation in item.items() if method in HTTP_METHODS
    }
    assert called == spec_ids, f"not called: {sorted(spec_ids - called)}; unexpected: {sorted(called - spec_ids)}"
    assert {snake_case(name) for name in spec_ids} == {module.rsplit(".", 1)[1] for module in modules}
