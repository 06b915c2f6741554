from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.update_consumer_request import UpdateConsumerRequest
from ...models.update_consumer_response import UpdateConsumerResponse
from ...types import Response, http_status


def _get_kwargs(
    consumer_id: str,
    *,
    body: UpdateConsumerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/vault/consumers/{consumer_id}".format(
            consumer_id=quote(str(consumer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UpdateConsumerResponse:
    if response.status_code == 200:
        response_200 = UpdateConsumerResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | UpdateConsumerResponse]:
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
    body: UpdateConsumerRequest,
) -> Response[ErrorResponse | UpdateConsumerResponse]:
    """Update consumer

     Updates the consumer's display metadata (account name, user name, email, image).

    Args:
        consumer_id (str):
        body (UpdateConsumerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateConsumerResponse]
    """

    kwargs = _get_kwargs(
        consumer_id=consumer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateConsumerRequest,
) -> ErrorResponse | UpdateConsumerResponse | None:
    """Update consumer

     Updates the consumer's display metadata (account name, user name, email, image).

    Args:
        consumer_id (str):
        body (UpdateConsumerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateConsumerResponse
    """

    return sync_detailed(
        consumer_id=consumer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateConsumerRequest,
) -> Response[ErrorResponse | UpdateConsumerResponse]:
    """Update consumer

     Updates the consumer's display metadata (account name, user name, email, image).

    Args:
        consumer_id (str):
        body (UpdateConsumerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateConsumerResponse]
    """

    kwargs = _get_kwargs(
        consumer_id=consumer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateConsumerRequest,
) -> ErrorResponse | UpdateConsumerResponse | None:
    """Update consumer

     Updates the consumer's display metadata (account name, user name, email, image).

    Args:
        consumer_id (str):
        body (UpdateConsumerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateConsumerResponse
    """

    return (
        await asyncio_detailed(
            consumer_id=consumer_id,
            client=client,
            body=body,
        )
    ).parsed
