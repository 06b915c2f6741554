from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_errors import ApiErrors
from ...models.create_aliases_request import CreateAliasesRequest
from ...models.create_aliases_response import CreateAliasesResponse
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: CreateAliasesRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/aliases",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiErrors | CreateAliasesResponse:
    if response.status_code == 201:
        response_201 = CreateAliasesResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ApiErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiErrors.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiErrors.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiErrors.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ApiErrors.from_dict(response.json())

        return response_429

    response_default = ApiErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiErrors | CreateAliasesResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAliasesRequest,
) -> Response[ApiErrors | CreateAliasesResponse]:
    """Create aliases

     Stores up to 20 items per request and returns one entry per item, in request order.
    An item is either a new value (`value` + `format`, optionally `classifiers` and
    `storage`) or a reference to an existing alias (`alias` + `format`), which adds an
    alias in another format to the value that alias stands for. The same alias cannot be
    referenced twice in one request.

    Not idempotent: unless the vault's fingerprinting setting is on, every create stores
    the value again under a new alias, so a blind retry of a request that may have reached
    the server can store a value twice. Request payloads are limited to 32 MB.

    Args:
        body (CreateAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrors | CreateAliasesResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAliasesRequest,
) -> ApiErrors | CreateAliasesResponse | None:
    """Create aliases

     Stores up to 20 items per request and returns one entry per item, in request order.
    An item is either a new value (`value` + `format`, optionally `classifiers` and
    `storage`) or a reference to an existing alias (`alias` + `format`), which adds an
    alias in another format to the value that alias stands for. The same alias cannot be
    referenced twice in one request.

    Not idempotent: unless the vault's fingerprinting setting is on, every create stores
    the value again under a new alias, so a blind retry of a request that may have reached
    the server can store a value twice. Request payloads are limited to 32 MB.

    Args:
        body (CreateAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrors | CreateAliasesResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAliasesRequest,
) -> Response[ApiErrors | CreateAliasesResponse]:
    """Create aliases

     Stores up to 20 items per request and returns one entry per item, in request order.
    An item is either a new value (`value` + `format`, optionally `classifiers` and
    `storage`) or a reference to an existing alias (`alias` + `format`), which adds an
    alias in another format to the value that alias stands for. The same alias cannot be
    referenced twice in one request.

    Not idempotent: unless the vault's fingerprinting setting is on, every create stores
    the value again under a new alias, so a blind retry of a request that may have reached
    the server can store a value twice. Request payloads are limited to 32 MB.

    Args:
        body (CreateAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrors | CreateAliasesResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAliasesRequest,
) -> ApiErrors | CreateAliasesResponse | None:
    """Create aliases

     Stores up to 20 items per request and returns one entry per item, in request order.
    An item is either a new value (`value` + `format`, optionally `classifiers` and
    `storage`) or a reference to an existing alias (`alias` + `format`), which adds an
    alias in another format to the value that alias stands for. The same alias cannot be
    referenced twice in one request.

    Not idempotent: unless the vault's fingerprinting setting is on, every create stores
    the value again under a new alias, so a blind retry of a request that may have reached
    the server can store a value twice. Request payloads are limited to 32 MB.

    Args:
        body (CreateAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrors | CreateAliasesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
