from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.api_errors import ApiErrors
from ...models.reveal_multiple_aliases_response import RevealMultipleAliasesResponse
from ...models.storage import Storage
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    aliases: str,
    storage: Storage | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["aliases"] = aliases

    json_storage: str | Unset = UNSET
    if not isinstance(storage, Unset):
        json_storage = storage

    params["storage"] = json_storage

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/aliases",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiErrors | RevealMultipleAliasesResponse:
    if response.status_code == 200:
        response_200 = RevealMultipleAliasesResponse.from_dict(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiErrors | RevealMultipleAliasesResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    aliases: str,
    storage: Storage | Unset = UNSET,
) -> Response[ApiErrors | RevealMultipleAliasesResponse]:
    """Reveal multiple aliases

     Returns the stored value behind each requested alias, keyed by alias.

    Reveal is disabled on every vault until VGS enables it for that vault (contact VGS
    support); until then this answers 403.

    Args:
        aliases (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrors | RevealMultipleAliasesResponse]
    """

    kwargs = _get_kwargs(
        aliases=aliases,
        storage=storage,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    aliases: str,
    storage: Storage | Unset = UNSET,
) -> ApiErrors | RevealMultipleAliasesResponse | None:
    """Reveal multiple aliases

     Returns the stored value behind each requested alias, keyed by alias.

    Reveal is disabled on every vault until VGS enables it for that vault (contact VGS
    support); until then this answers 403.

    Args:
        aliases (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrors | RevealMultipleAliasesResponse
    """

    return sync_detailed(
        client=client,
        aliases=aliases,
        storage=storage,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    aliases: str,
    storage: Storage | Unset = UNSET,
) -> Response[ApiErrors | RevealMultipleAliasesResponse]:
    """Reveal multiple aliases

     Returns the stored value behind each requested alias, keyed by alias.

    Reveal is disabled on every vault until VGS enables it for that vault (contact VGS
    support); until then this answers 403.

    Args:
        aliases (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiErrors | RevealMultipleAliasesResponse]
    """

    kwargs = _get_kwargs(
        aliases=aliases,
        storage=storage,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    aliases: str,
    storage: Storage | Unset = UNSET,
) -> ApiErrors | RevealMultipleAliasesResponse | None:
    """Reveal multiple aliases

     Returns the stored value behind each requested alias, keyed by alias.

    Reveal is disabled on every vault until VGS enables it for that vault (contact VGS
    support); until then this answers 403.

    Args:
        aliases (str):
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default):
            stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiErrors | RevealMultipleAliasesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            aliases=aliases,
            storage=storage,
        )
    ).parsed
