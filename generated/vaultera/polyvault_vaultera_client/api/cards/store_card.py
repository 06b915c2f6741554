from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.card_envelope import CardEnvelope
from ...models.card_store_request import CardStoreRequest
from ...models.error import Error
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: CardStoreRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cards",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CardEnvelope | Error:
    if response.status_code == 200:
        response_200 = CardEnvelope.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CardEnvelope | Error]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CardStoreRequest,
) -> Response[CardEnvelope | Error]:
    """Store a card

     Stores a card directly (e.g. when moving cards from another PCI service) and returns the card with
    masked fields plus its `card_token`, the handle for every other card operation. Best practice:
    delete the card within 7 days after its use (e.g. the guest's departure).

    Args:
        body (CardStoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardEnvelope | Error]
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
    body: CardStoreRequest,
) -> CardEnvelope | Error | None:
    """Store a card

     Stores a card directly (e.g. when moving cards from another PCI service) and returns the card with
    masked fields plus its `card_token`, the handle for every other card operation. Best practice:
    delete the card within 7 days after its use (e.g. the guest's departure).

    Args:
        body (CardStoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardEnvelope | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CardStoreRequest,
) -> Response[CardEnvelope | Error]:
    """Store a card

     Stores a card directly (e.g. when moving cards from another PCI service) and returns the card with
    masked fields plus its `card_token`, the handle for every other card operation. Best practice:
    delete the card within 7 days after its use (e.g. the guest's departure).

    Args:
        body (CardStoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CardEnvelope | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CardStoreRequest,
) -> CardEnvelope | Error | None:
    """Store a card

     Stores a card directly (e.g. when moving cards from another PCI service) and returns the card with
    masked fields plus its `card_token`, the handle for every other card operation. Best practice:
    delete the card within 7 days after its use (e.g. the guest's departure).

    Args:
        body (CardStoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CardEnvelope | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
