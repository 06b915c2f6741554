from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_session_response import CreateSessionResponse
from ...models.error_response import ErrorResponse
from ...models.session import Session
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    body: Session | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/vault/sessions",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateSessionResponse | ErrorResponse:
    if response.status_code == 200:
        response_200 = CreateSessionResponse.from_dict(response.json())

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
) -> Response[CreateSessionResponse | ErrorResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Session | Unset = UNSET,
) -> Response[CreateSessionResponse | ErrorResponse]:
    """Create session

     Starts a Hosted Vault session for the consumer and returns its URL and token; redirect the consumer
    to `session_uri`. The token is short-lived (1 hour unless `session_length` says otherwise, at most 1
    week).

    Args:
        body (Session | Unset): Options of a Hosted Vault session (all optional).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | ErrorResponse]
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
    client: AuthenticatedClient,
    body: Session | Unset = UNSET,
) -> CreateSessionResponse | ErrorResponse | None:
    """Create session

     Starts a Hosted Vault session for the consumer and returns its URL and token; redirect the consumer
    to `session_uri`. The token is short-lived (1 hour unless `session_length` says otherwise, at most 1
    week).

    Args:
        body (Session | Unset): Options of a Hosted Vault session (all optional).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Session | Unset = UNSET,
) -> Response[CreateSessionResponse | ErrorResponse]:
    """Create session

     Starts a Hosted Vault session for the consumer and returns its URL and token; redirect the consumer
    to `session_uri`. The token is short-lived (1 hour unless `session_length` says otherwise, at most 1
    week).

    Args:
        body (Session | Unset): Options of a Hosted Vault session (all optional).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Session | Unset = UNSET,
) -> CreateSessionResponse | ErrorResponse | None:
    """Create session

     Starts a Hosted Vault session for the consumer and returns its URL and token; redirect the consumer
    to `session_uri`. The token is short-lived (1 hour unless `session_length` says otherwise, at most 1
    week).

    Args:
        body (Session | Unset): Options of a Hosted Vault session (all optional).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
