from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_connection_response import GetConnectionResponse
from ...types import Response, http_status


def _get_kwargs(
    unified_api: str,
    service_id: str,
    resource: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/connections/{unified_api}/{service_id}/{resource}/config".format(
            unified_api=quote(str(unified_api), safe=""),
            service_id=quote(str(service_id), safe=""),
            resource=quote(str(resource), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetConnectionResponse:
    if response.status_code == 200:
        response_200 = GetConnectionResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetConnectionResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetConnectionResponse]:
    """Get resource settings

     Returns the connection with the custom settings of one resource and their default values
    (`configuration`).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConnectionResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetConnectionResponse | None:
    """Get resource settings

     Returns the connection with the custom settings of one resource and their default values
    (`configuration`).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConnectionResponse
    """

    return sync_detailed(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        client=client,
    ).parsed


async def asyncio_detailed(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | GetConnectionResponse]:
    """Get resource settings

     Returns the connection with the custom settings of one resource and their default values
    (`configuration`).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConnectionResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | GetConnectionResponse | None:
    """Get resource settings

     Returns the connection with the custom settings of one resource and their default values
    (`configuration`).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConnectionResponse
    """

    return (
        await asyncio_detailed(
            unified_api=unified_api,
            service_id=service_id,
            resource=resource,
            client=client,
        )
    ).parsed
