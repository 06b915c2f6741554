from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_custom_fields_response import GetCustomFieldsResponse
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    resource_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["resource_id"] = resource_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/connections/{unified_api}/{service_id}/{resource}/custom-fields".format(
            unified_api=quote(str(unified_api), safe=""),
            service_id=quote(str(service_id), safe=""),
            resource=quote(str(resource), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetCustomFieldsResponse:
    if response.status_code == 200:
        response_200 = GetCustomFieldsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetCustomFieldsResponse]:
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
    resource_id: str | Unset = UNSET,
) -> Response[ErrorResponse | GetCustomFieldsResponse]:
    """Get resource custom fields

     Lists the custom fields of a connection's resource. For several connectors the fields are derived
    from a sampled record; pass `resource_id` to sample a specific record.

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        resource_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetCustomFieldsResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        resource_id=resource_id,
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
    resource_id: str | Unset = UNSET,
) -> ErrorResponse | GetCustomFieldsResponse | None:
    """Get resource custom fields

     Lists the custom fields of a connection's resource. For several connectors the fields are derived
    from a sampled record; pass `resource_id` to sample a specific record.

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        resource_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetCustomFieldsResponse
    """

    return sync_detailed(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        client=client,
        resource_id=resource_id,
    ).parsed


async def asyncio_detailed(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
    resource_id: str | Unset = UNSET,
) -> Response[ErrorResponse | GetCustomFieldsResponse]:
    """Get resource custom fields

     Lists the custom fields of a connection's resource. For several connectors the fields are derived
    from a sampled record; pass `resource_id` to sample a specific record.

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        resource_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetCustomFieldsResponse]
    """

    kwargs = _get_kwargs(
        unified_api=unified_api,
        service_id=service_id,
        resource=resource,
        resource_id=resource_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unified_api: str,
    service_id: str,
    resource: str,
    *,
    client: AuthenticatedClient,
    resource_id: str | Unset = UNSET,
) -> ErrorResponse | GetCustomFieldsResponse | None:
    """Get resource custom fields

     Lists the custom fields of a connection's resource. For several connectors the fields are derived
    from a sampled record; pass `resource_id` to sample a specific record.

    Args:
        unified_api (str):
        service_id (str):
        resource (str):
        resource_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetCustomFieldsResponse
    """

    return (
        await asyncio_detailed(
            unified_api=unified_api,
            service_id=service_id,
            resource=resource,
            client=client,
            resource_id=resource_id,
        )
    ).parsed
