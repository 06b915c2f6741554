from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_consumer_response import GetConsumerResponse
from ...types import Response, http_status


def _get_kwargs(
    consumer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/consumers/{consumer_id}".format(
            consumer_id=quote(str(consumer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetConsumerResponse:
    if response.status_code == 200:
        response_200 = GetConsumerResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetConsumerResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetConsumerResponse]:
    """Get consumer

     Returns one consumer with its aggregated request counts and its connections.

    Args:
        consumer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConsumerResponse]
    """

    kwargs = _get_kwargs(
        consumer_id=consumer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetConsumerResponse | None:
    """Get consumer

     Returns one consumer with its aggregated request counts and its connections.

    Args:
        consumer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConsumerResponse
    """

    return sync_detailed(
        consumer_id=consumer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetConsumerResponse]:
    """Get consumer

     Returns one consumer with its aggregated request counts and its connections.

    Args:
        consumer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConsumerResponse]
    """

    kwargs = _get_kwargs(
        consumer_id=consumer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetConsumerResponse | None:
    """Get consumer

     Returns one consumer with its aggregated request counts and its connections.

    Args:
        consumer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConsumerResponse
    """

    return (
        await asyncio_detailed(
            consumer_id=consumer_id,
            client=client,
        )
    ).parsed
