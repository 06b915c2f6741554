from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.empty_request import EmptyRequest
from ...models.error_response import ErrorResponse
from ...models.get_connection_response import GetConnectionResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    unified_api: str,
    service_id: str,
    *,
    body: EmptyRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/vault/connections/{unified_api}/{service_id}/token".format(
            unified_api=quote(str(unified_api), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient,
    body: EmptyRequest | Unset = UNSET,
) -> Response[ErrorResponse | GetConnectionResponse]:
    """Authorize access token

     Exchanges the connection's stored credentials for an access token and stores it in Vault (connectors
    using the `client_credentials` or `password` OAuth grant). The token is not returned; a 200 means a
    valid token is now stored. Send no credentials in the body.

    Args:
        unified_api (str):
        service_id (str):
        body (EmptyRequest | Unset): An empty JSON object; the operation takes no input.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConnectionResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        body=body,
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
    body: EmptyRequest | Unset = UNSET,
) -> ErrorResponse | GetConnectionResponse | None:
    """Authorize access token

     Exchanges the connection's stored credentials for an access token and stores it in Vault (connectors
    using the `client_credentials` or `password` OAuth grant). The token is not returned; a 200 means a
    valid token is now stored. Send no credentials in the body.

    Args:
        unified_api (str):
        service_id (str):
        body (EmptyRequest | Unset): An empty JSON object; the operation takes no input.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetConnectionResponse
    """

    return sync_detailed(
        unified_api=unified_api,
        service_id=service_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    unified_api: str,
    service_id: str,
    *,
    client: AuthenticatedClient,
    body: EmptyRequest | Unset = UNSET,
) -> Response[ErrorResponse | GetConnectionResponse]:
    """Authorize access token

     Exchanges the connection's stored credentials for an access token and stores it in Vault (connectors
    using the `client_credentials` or `password` OAuth grant). The token is not returned; a 200 means a
    valid token is now stored. Send no credentials in the body.

    Args:
        unified_api (str):
        service_id (str):
        body (EmptyRequest | Unset): An empty JSON object; the operation takes no input.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetConnectionResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unified_api: str,
    service_id: str,
    *,
    client: AuthenticatedClient,
    body: EmptyRequest | Unset = UNSET,
) -> ErrorResponse | GetConnectionResponse | None:
    """Authorize access token

     Exchanges the connection's stored credentials for an access token and stores it in Vault (connectors
    using the `client_credentials` or `password` OAuth grant). The token is not returned; a 200 means a
    valid token is now stored. Send no credentials in the body.

    Args:
        unified_api (str):
        service_id (str):
        body (EmptyRequest | Unset): An empty JSON object; the operation takes no input.

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
            client=client,
            body=body,
        )
    ).parsed
