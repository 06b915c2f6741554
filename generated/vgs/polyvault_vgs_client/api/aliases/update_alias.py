from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_errors import ApiErrors
from ...models.storage import Storage
from ...models.update_alias_request import UpdateAliasRequest
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    alias: str,
    *,
    body: UpdateAliasRequest,
    storage: Storage | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_storage: str | Unset = UNSET
    if not isinstance(storage, Unset):
        json_storage = storage

    params["storage"] = json_storage

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/aliases/{alias}".format(
            alias=quote(str(alias), safe=""),
        ),
        "params": params,
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
        response_404 = ApiErrors.from_dict(response.json())

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
    alias: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateAliasRequest,
    storage: Storage | Unset = UNSET,
) -> Response[Any | ApiErrors]:
    """Replace the classifiers of a value

     Sets the classifiers of the value behind the alias. Classifiers belong to the value, so
    the change shows on all of its aliases.

    Args:
        alias (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.
        body (UpdateAliasRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiErrors]
    """

    kwargs = _get_kwargs(
        alias=alias,
        body=body,
        storage=storage,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    alias: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateAliasRequest,
    storage: Storage | Unset = UNSET,
) -> Any | ApiErrors | None:
    """Replace the classifiers of a value

     Sets the classifiers of the value behind the alias. Classifiers belong to the value, so
    the change shows on all of its aliases.

    Args:
        alias (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.
        body (UpdateAliasRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiErrors
    """

    return sync_detailed(
        alias=alias,
        client=client,
        body=body,
        storage=storage,
    ).parsed


async def asyncio_detailed(
    alias: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateAliasRequest,
    storage: Storage | Unset = UNSET,
) -> Response[Any | ApiErrors]:
    """Replace the classifiers of a value

     Sets the classifiers of the value behind the alias. Classifiers belong to the value, so
    the change shows on all of its aliases.

    Args:
        alias (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.
        body (UpdateAliasRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiErrors]
    """

    kwargs = _get_kwargs(
        alias=alias,
        body=body,
        storage=storage,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    alias: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateAliasRequest,
    storage: Storage | Unset = UNSET,
) -> Any | ApiErrors | None:
    """Replace the classifiers of a value

     Sets the classifiers of the value behind the alias. Classifiers belong to the value, so
    the change shows on all of its aliases.

    Args:
        alias (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.
        body (UpdateAliasRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiErrors
    """

    return (
        await asyncio_detailed(
            alias=alias,
            client=client,
            body=body,
            storage=storage,
        )
    ).parsed
