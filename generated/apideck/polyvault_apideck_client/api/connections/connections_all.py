from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_connections_response import GetConnectionsResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    api: str | Unset = UNSET,
    configured: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["api"] = api

    params["configured"] = configured

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/connections",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetConnectionsResponse:
    if response.status_code == 200:
        response_200 = GetConnectionsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetConnectionsResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    api: str | Unset = UNSET,
    configured: bool | Unset = UNSET,
) -> Response[ErrorResponse | GetConnectionsResponse]:
    """Get all connections

     Lists every integration configured for the application, with what is needed to build an integrations
    page (icons, authorize and revoke URLs, state). The consumer header is optional on this call. Not
    paginated.

    Args:
        api (str | Unset):
        configured (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConnectionsResponse]
    """

    kwargs = _get_kwargs(
        api=api,
        configured=configured,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    api: str | Unset = UNSET,
    configured: bool | Unset = UNSET,
) -> ErrorResponse | GetConnectionsResponse | None:
    """Get all connections

     Lists every integration configured for the application, with what is needed to build an integrations
    page (icons, authorize and revoke URLs, state). The consumer header is optional on this call. Not
    paginated.

    Args:
        api (str | Unset):
        configured (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConnectionsResponse
    """

    return sync_detailed(
        client=client,
        api=api,
        configured=configured,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    api: str | Unset = UNSET,
    configured: bool | Unset = UNSET,
) -> Response[ErrorResponse | GetConnectionsResponse]:
    """Get all connections

     Lists every integration configured for the application, with what is needed to build an integrations
    page (icons, authorize and revoke URLs, state). The consumer header is optional on this call. Not
    paginated.

    Args:
        api (str | Unset):
        configured (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConnectionsResponse]
    """

    kwargs = _get_kwargs(
        api=api,
        configured=configured,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    api: str | Unset = UNSET,
    configured: bool | Unset = UNSET,
) -> ErrorResponse | GetConnectionsResponse | None:
    """Get all connections

     Lists every integration configured for the application, with what is needed to build an integrations
    page (icons, authorize and revoke URLs, state). The consumer header is optional on this call. Not
    paginated.

    Args:
        api (str | Unset):
        configured (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConnectionsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            api=api,
            configured=configured,
        )
    ).parsed
