from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.connection_migrate_data import ConnectionMigrateData
from ...models.create_connection_response import CreateConnectionResponse
from ...models.error_response import ErrorResponse
from ...types import Response, http_status


def _get_kwargs(
    unified_api: str,
    service_id: str,
    *,
    body: ConnectionMigrateData,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/vault/connections/{unified_api}/{service_id}/migrate".format(
            unified_api=quote(str(unified_api), safe=""),
            service_id=quote(str(service_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateConnectionResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = CreateConnectionResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateConnectionResponse | ErrorResponse]:
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
    body: ConnectionMigrateData,
) -> Response[CreateConnectionResponse | ErrorResponse]:
    """Migrate connection

     Moves the connection, with its credentials, settings, metadata, configuration, subscriptions and
    consents, to another connector declared as a migration target of the source connector. The source
    connection is removed without revoking the downstream token. Migrated tokens keep the source
    connector's OAuth scopes. Retrying resumes a partially completed migration. 409 when a connection
    already exists for the target connector.

    Args:
        unified_api (str):
        service_id (str):
        body (ConnectionMigrateData):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateConnectionResponse | ErrorResponse]
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
    body: ConnectionMigrateData,
) -> CreateConnectionResponse | ErrorResponse | None:
    """Migrate connection

     Moves the connection, with its credentials, settings, metadata, configuration, subscriptions and
    consents, to another connector declared as a migration target of the source connector. The source
    connection is removed without revoking the downstream token. Migrated tokens keep the source
    connector's OAuth scopes. Retrying resumes a partially completed migration. 409 when a connection
    already exists for the target connector.

    Args:
        unified_api (str):
        service_id (str):
        body (ConnectionMigrateData):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateConnectionResponse | ErrorResponse
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
    body: ConnectionMigrateData,
) -> Response[CreateConnectionResponse | ErrorResponse]:
    """Migrate connection

     Moves the connection, with its credentials, settings, metadata, configuration, subscriptions and
    consents, to another connector declared as a migration target of the source connector. The source
    connection is removed without revoking the downstream token. Migrated tokens keep the source
    connector's OAuth scopes. Retrying resumes a partially completed migration. 409 when a connection
    already exists for the target connector.

    Args:
        unified_api (str):
        service_id (str):
        body (ConnectionMigrateData):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateConnectionResponse | ErrorResponse]
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
    body: ConnectionMigrateData,
) -> CreateConnectionResponse | ErrorResponse | None:
    """Migrate connection

     Moves the connection, with its credentials, settings, metadata, configuration, subscriptions and
    consents, to another connector declared as a migration target of the source connector. The source
    connection is removed without revoking the downstream token. Migrated tokens keep the source
    connector's OAuth scopes. Retrying resumes a partially completed migration. 409 when a connection
    already exists for the target connector.

    Args:
        unified_api (str):
        service_id (str):
        body (ConnectionMigrateData):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateConnectionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            unified_api=unified_api,
            service_id=service_id,
            client=client,
            body=body,
        )
    ).parsed
