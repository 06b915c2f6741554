from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.membership_list import MembershipList
from ...types import Response, http_status


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/org/memberships",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MembershipList:
    if response.status_code == 200:
        response_200 = MembershipList.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | MembershipList]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | MembershipList]:
    """List the caller's organization memberships

     Returns the caller's active organization and every organization they belong to. Needs only the
    bearer token (no organization header). `active_org_id` is the value to send as `X-Active-Org-Id` to
    organization-scoped endpoints such as `listSafes`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MembershipList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Error | MembershipList | None:
    """List the caller's organization memberships

     Returns the caller's active organization and every organization they belong to. Needs only the
    bearer token (no organization header). `active_org_id` is the value to send as `X-Active-Org-Id` to
    organization-scoped endpoints such as `listSafes`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MembershipList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | MembershipList]:
    """List the caller's organization memberships

     Returns the caller's active organization and every organization they belong to. Needs only the
    bearer token (no organization header). `active_org_id` is the value to send as `X-Active-Org-Id` to
    organization-scoped endpoints such as `listSafes`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MembershipList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Error | MembershipList | None:
    """List the caller's organization memberships

     Returns the caller's active organization and every organization they belong to. Needs only the
    bearer token (no organization header). `active_org_id` is the value to send as `X-Active-Org-Id` to
    organization-scoped endpoints such as `listSafes`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MembershipList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
