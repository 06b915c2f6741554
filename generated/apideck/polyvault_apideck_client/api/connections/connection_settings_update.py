from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.update_connection_request import UpdateConnectionRequest
from ...models.update_connection_response import UpdateConnectionResponse
from ...types import Response, http_status


def _get_kwargs(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    body: UpdateConnectionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/vault/connections/{unified_api}/{service_id}/{resource}/config".format(
            unified_api=quote(str(unified_api), safe=""),
            service_id=quote(str(service_id), safe=""),
            resource=quote(str(resource), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UpdateConnectionResponse:
    if response.status_code == 200:
        response_200 = UpdateConnectionResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | UpdateConnectionResponse]:
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
    body: UpdateConnectionRequest,
) -> Response[ErrorResponse | UpdateConnectionResponse]:
    """Update resource settings

     Updates default values of a connection's resource settings (same body as Update connection).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        body (UpdateConnectionRequest): The writable fields of a connection; send only what
            changes. Server-computed fields (state, health, auth data, URLs, timestamps, form
            fields...) are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateConnectionResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        body=body,
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
    body: UpdateConnectionRequest,
) -> ErrorResponse | UpdateConnectionResponse | None:
    """Update resource settings

     Updates default values of a connection's resource settings (same body as Update connection).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        body (UpdateConnectionRequest): The writable fields of a connection; send only what
            changes. Server-computed fields (state, health, auth data, URLs, timestamps, form
            fields...) are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateConnectionResponse
    """

    return sync_detailed(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
    body: UpdateConnectionRequest,
) -> Response[ErrorResponse | UpdateConnectionResponse]:
    """Update resource settings

     Updates default values of a connection's resource settings (same body as Update connection).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        body (UpdateConnectionRequest): The writable fields of a connection; send only what
            changes. Server-computed fields (state, health, auth data, URLs, timestamps, form
            fields...) are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateConnectionResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
    body: UpdateConnectionRequest,
) -> ErrorResponse | UpdateConnectionResponse | None:
    """Update resource settings

     Updates default values of a connection's resource settings (same body as Update connection).

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        body (UpdateConnectionRequest): The writable fields of a connection; send only what
            changes. Server-computed fields (state, health, auth data, URLs, timestamps, form
            fields...) are not accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateConnectionResponse
    """

    return (
        await asyncio_detailed(
            unified_api=unified_api,
            service_id=service_id,
            resource=resource,
            client=client,
            body=body,
        )
    ).parsed
