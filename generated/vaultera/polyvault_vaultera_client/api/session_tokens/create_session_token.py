from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.session_token_create_request import SessionTokenCreateRequest
from ...models.session_token_envelope import SessionTokenEnvelope
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: SessionTokenCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/session_tokens",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SessionTokenEnvelope:
    if 200 <= response.status_code <= 299:
        response_2xx = SessionTokenEnvelope.from_dict(response.json())

        return response_2xx

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SessionTokenEnvelope]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionTokenCreateRequest,
) -> Response[Error | SessionTokenEnvelope]:
    """Create a one-off session token

     Creates a one-off session token for an embedded (browser iframe) operation. The scope decides what
    it authorizes: `card` the card capture form, `show_card` showing a card without its service code,
    `show_service_code` showing only the service code. The docs show the response body but no status
    code, hence `2XX`.

    Args:
        body (SessionTokenCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionTokenEnvelope]
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
    body: SessionTokenCreateRequest,
) -> Error | SessionTokenEnvelope | None:
    """Create a one-off session token

     Creates a one-off session token for an embedded (browser iframe) operation. The scope decides what
    it authorizes: `card` the card capture form, `show_card` showing a card without its service code,
    `show_service_code` showing only the service code. The docs show the response body but no status
    code, hence `2XX`.

    Args:
        body (SessionTokenCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionTokenEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionTokenCreateRequest,
) -> Response[Error | SessionTokenEnvelope]:
    """Create a one-off session token

     Creates a one-off session token for an embedded (browser iframe) operation. The scope decides what
    it authorizes: `card` the card capture form, `show_card` showing a card without its service code,
    `show_service_code` showing only the service code. The docs show the response body but no status
    code, hence `2XX`.

    Args:
        body (SessionTokenCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionTokenEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SessionTokenCreateRequest,
) -> Error | SessionTokenEnvelope | None:
    """Create a one-off session token

     Creates a one-off session token for an embedded (browser iframe) operation. The scope decides what
    it authorizes: `card` the card capture form, `show_card` showing a card without its service code,
    `show_service_code` showing only the service code. The docs show the response body but no status
    code, hence `2XX`.

    Args:
        body (SessionTokenCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionTokenEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
