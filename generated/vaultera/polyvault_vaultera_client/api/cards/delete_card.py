from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response, http_status


def _get_kwargs(
    card_token: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/cards/{card_token}".format(
            card_token=quote(str(card_token), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error:
    if 200 <= response.status_code <= 299:
        response_2xx = cast(Any, None)
        return response_2xx

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error]:
    """Delete a card

     Deletes the stored card. The success status and body are not documented (integration code treats any
    2xx as success), hence `2XX` without a body.

    Args:
        card_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        card_token=card_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | None:
    """Delete a card

     Deletes the stored card. The success status and body are not documented (integration code treats any
    2xx as success), hence `2XX` without a body.

    Args:
        card_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        card_token=card_token,
        client=client,
    ).parsed


async def asyncio_detailed(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error]:
    """Delete a card

     Deletes the stored card. The success status and body are not documented (integration code treats any
    2xx as success), hence `2XX` without a body.

    Args:
        card_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        card_token=card_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | None:
    """Delete a card

     Deletes the stored card. The success status and body are not documented (integration code treats any
    2xx as success), hence `2XX` without a body.

    Args:
        card_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            card_token=card_token,
            client=client,
        )
    ).parsed
