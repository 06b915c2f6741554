from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_errors import ApiErrors
from ...models.delete_aliases_request import DeleteAliasesRequest
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: DeleteAliasesRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/aliases/delete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ApiErrors:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ApiErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiErrors.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiErrors.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404

    if response.status_code == 429:
        response_429 = ApiErrors.from_dict(response.json())

        return response_429

    response_default = ApiErrors.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ApiErrors]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteAliasesRequest,
) -> Response[Any | ApiErrors]:
    """Delete several aliases

     Deletes up to 20 aliases from one storage. There is no per-alias result: if any alias
    is unknown the request answers 404.

    Args:
        body (DeleteAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiErrors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteAliasesRequest,
) -> Any | ApiErrors | None:
    """Delete several aliases

     Deletes up to 20 aliases from one storage. There is no per-alias result: if any alias
    is unknown the request answers 404.

    Args:
        body (DeleteAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiErrors
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteAliasesRequest,
) -> Response[Any | ApiErrors]:
    """Delete several aliases

     Deletes up to 20 aliases from one storage. There is no per-alias result: if any alias
    is unknown the request answers 404.

    Args:
        body (DeleteAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiErrors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeleteAliasesRequest,
) -> Any | ApiErrors | None:
    """Delete several aliases

     Deletes up to 20 aliases from one storage. There is no per-alias result: if any alias
    is unknown the request answers 404.

    Args:
        body (DeleteAliasesRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
