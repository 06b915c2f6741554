from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_consumers_response import GetConsumersResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    filterconsumer_id: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filter[consumer_id]"] = filterconsumer_id

    params["filter[search]"] = filtersearch

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/consumers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetConsumersResponse:
    if response.status_code == 200:
        response_200 = GetConsumersResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetConsumersResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filterconsumer_id: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorResponse | GetConsumersResponse]:
    """Get all consumers

     Lists the application's consumers with their aggregated request counts, one page at a time. Pass
    `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor means this was
    the last page.

    Args:
        filterconsumer_id (str | Unset):
        filtersearch (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConsumersResponse]
    """

    kwargs = _get_kwargs(
        filterconsumer_id=filterconsumer_id,
        filtersearch=filtersearch,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    filterconsumer_id: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorResponse | GetConsumersResponse | None:
    """Get all consumers

     Lists the application's consumers with their aggregated request counts, one page at a time. Pass
    `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor means this was
    the last page.

    Args:
        filterconsumer_id (str | Unset):
        filtersearch (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConsumersResponse
    """

    return sync_detailed(
        client=client,
        filterconsumer_id=filterconsumer_id,
        filtersearch=filtersearch,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filterconsumer_id: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorResponse | GetConsumersResponse]:
    """Get all consumers

     Lists the application's consumers with their aggregated request counts, one page at a time. Pass
    `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor means this was
    the last page.

    Args:
        filterconsumer_id (str | Unset):
        filtersearch (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConsumersResponse]
    """

    kwargs = _get_kwargs(
        filterconsumer_id=filterconsumer_id,
        filtersearch=filtersearch,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    filterconsumer_id: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorResponse | GetConsumersResponse | None:
    """Get all consumers

     Lists the application's consumers with their aggregated request counts, one page at a time. Pass
    `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor means this was
    the last page.

    Args:
        filterconsumer_id (str | Unset):
        filtersearch (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConsumersResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            filterconsumer_id=filterconsumer_id,
            filtersearch=filtersearch,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
