from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_key_create_request import ApiKeyCreateRequest
from ...models.api_key_envelope import ApiKeyEnvelope
from ...models.error import Error
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: ApiKeyCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api_keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeyEnvelope | Error:
    if response.status_code == 200:
        response_200 = ApiKeyEnvelope.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiKeyEnvelope | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreateRequest,
) -> Response[ApiKeyEnvelope | Error]:
    """Create an API key

     Creates a secondary API key. The response is the only place the full key is ever shown; every other
    operation returns it masked. Answers 200 (not 201).

    Args:
        body (ApiKeyCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyEnvelope | Error]
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
    body: ApiKeyCreateRequest,
) -> ApiKeyEnvelope | Error | None:
    """Create an API key

     Creates a secondary API key. The response is the only place the full key is ever shown; every other
    operation returns it masked. Answers 200 (not 201).

    Args:
        body (ApiKeyCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyEnvelope | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreateRequest,
) -> Response[ApiKeyEnvelope | Error]:
    """Create an API key

     Creates a secondary API key. The response is the only place the full key is ever shown; every other
    operation returns it masked. Answers 200 (not 201).

    Args:
        body (ApiKeyCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyEnvelope | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ApiKeyCreateRequest,
) -> ApiKeyEnvelope | Error | None:
    """Create an API key

     Creates a secondary API key. The response is the only place the full key is ever shown; every other
    operation returns it masked. Answers 200 (not 201).

    Args:
        body (ApiKeyCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyEnvelope | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
