from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.consumer_request_counts_in_date_range_response import ConsumerRequestCountsInDateRangeResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, http_status


def _get_kwargs(
    consumer_id: str,
    *,
    start_datetime: str,
    end_datetime: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start_datetime"] = start_datetime

    params["end_datetime"] = end_datetime

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/consumers/{consumer_id}/stats".format(
            consumer_id=quote(str(consumer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsumerRequestCountsInDateRangeResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = ConsumerRequestCountsInDateRangeResponse.from_dict(response.json())

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
) -> Response[ConsumerRequestCountsInDateRangeResponse | ErrorResponse]:
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
    start_datetime: str,
    end_datetime: str,
) -> Response[ConsumerRequestCountsInDateRangeResponse | ErrorResponse]:
    """Consumer request counts

     Counts the consumer's requests (Unify, Proxy, Vault) within a datetime range.

    Args:
        consumer_id (str):
        start_datetime (str):
        end_datetime (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumerRequestCountsInDateRangeResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        consumer_id=consumer_id,
        start_datetime=start_datetime,
        end_datetime=end_datetime,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
    start_datetime: str,
    end_datetime: str,
) -> ConsumerRequestCountsInDateRangeResponse | ErrorResponse | None:
    """Consumer request counts

     Counts the consumer's requests (Unify, Proxy, Vault) within a datetime range.

    Args:
        consumer_id (str):
        start_datetime (str):
        end_datetime (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumerRequestCountsInDateRangeResponse | ErrorResponse
    """

    return sync_detailed(
        consumer_id=consumer_id,
        client=client,
        start_datetime=start_datetime,
        end_datetime=end_datetime,
    ).parsed


async def asyncio_detailed(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
    start_datetime: str,
    end_datetime: str,
) -> Response[ConsumerRequestCountsInDateRangeResponse | ErrorResponse]:
    """Consumer request counts

     Counts the consumer's requests (Unify, Proxy, Vault) within a datetime range.

    Args:
        consumer_id (str):
        start_datetime (str):
        end_datetime (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumerRequestCountsInDateRangeResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        consumer_id=consumer_id,
        start_datetime=start_datetime,
        end_datetime=end_datetime,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consumer_id: str,
    *,
    client: AuthenticatedClient,
    start_datetime: str,
    end_datetime: str,
) -> ConsumerRequestCountsInDateRangeResponse | ErrorResponse | None:
    """Consumer request counts

     Counts the consumer's requests (Unify, Proxy, Vault) within a datetime range.

    Args:
        consumer_id (str):
        start_datetime (str):
        end_datetime (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumerRequestCountsInDateRangeResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            consumer_id=consumer_id,
            client=client,
            start_datetime=start_datetime,
            end_datetime=end_datetime,
        )
    ).parsed
