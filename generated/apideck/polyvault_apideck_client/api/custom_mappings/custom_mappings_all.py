from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_custom_mappings_response import GetCustomMappingsResponse
from ...types import Response, http_status


def _get_kwargs(
    unified_api: str,
    service_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/custom-mappings/{unified_api}/{service_id}".format(
            unified_api=quote(str(unified_api), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetCustomMappingsResponse:
    if response.status_code == 200:
        response_200 = GetCustomMappingsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetCustomMappingsResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    unified_api: str,
    service_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetCustomMappingsResponse]:
    """List custom mappings

     Lists the custom mappings of a connector for a Unified API.

    Args:
        unified_api (str):
        service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetCustomMappingsResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    unified_api: str,
    service_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetCustomMappingsResponse | None:
    """List custom mappings

     Lists the custom mappings of a connector for a Unified API.

    Args:
        unified_api (str):
        service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetCustomMappingsResponse
    """

    return sync_detailed(
        unified_api=unified_api,
        service_id=service_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    unified_api: str,
    service_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetCustomMappingsResponse]:
    """List custom mappings

     Lists the custom mappings of a connector for a Unified API.

    Args:
        unified_api (str):
        service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetCustomMappingsResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unified_api: str,
    service_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetCustomMappingsResponse | None:
    """List custom mappings

     Lists the custom mappings of a connector for a Unified API.

    Args:
        unified_api (str):
        service_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetCustomMappingsResponse
    """

    return (
        await asyncio_detailed(
            unified_api=unified_api,
            service_id=service_id,
            client=client,
        )
    ).parsed
