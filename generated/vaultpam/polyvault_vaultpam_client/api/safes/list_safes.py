from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.safe import Safe
from ...types import Response, http_status


def _get_kwargs(
    *,
    x_active_org_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Active-Org-Id"] = x_active_org_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/safes",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Safe]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Safe.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | list[Safe]]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_active_org_id: str,
) -> Response[Error | list[Safe]]:
    """List the safes of an organization

     Returns every safe of the organization named in `X-Active-Org-Id` that the caller can see, as a bare
    JSON array (no envelope, no pagination).

    Args:
        x_active_org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Safe]]
    """

    kwargs = _get_kwargs(
        x_active_org_id=x_active_org_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_active_org_id: str,
) -> Error | list[Safe] | None:
    """List the safes of an organization

     Returns every safe of the organization named in `X-Active-Org-Id` that the caller can see, as a bare
    JSON array (no envelope, no pagination).

    Args:
        x_active_org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Safe]
    """

    return sync_detailed(
        client=client,
        x_active_org_id=x_active_org_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_active_org_id: str,
) -> Response[Error | list[Safe]]:
    """List the safes of an organization

     Returns every safe of the organization named in `X-Active-Org-Id` that the caller can see, as a bare
    JSON array (no envelope, no pagination).

    Args:
        x_active_org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Safe]]
    """

    kwargs = _get_kwargs(
        x_active_org_id=x_active_org_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_active_org_id: str,
) -> Error | list[Safe] | None:
    """List the safes of an organization

     Returns every safe of the organization named in `X-Active-Org-Id` that the caller can see, as a bare
    JSON array (no envelope, no pagination).

    Args:
        x_active_org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Safe]
    """

    return (
        await asyncio_detailed(
            client=client,
            x_active_org_id=x_active_org_id,
        )
    ).parsed
