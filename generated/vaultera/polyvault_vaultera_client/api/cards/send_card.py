from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.http_method import HttpMethod
from ...types import UNSET, File, Response, Unset, http_status


def _get_kwargs(
    card_token: str,
    *,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_method: str = method
    params["method"] = json_method

    params["url"] = url_query

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cards/{card_token}/send".format(
            card_token=quote(str(card_token), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File:
    response_default = File(payload=BytesIO(response.content))

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File]:
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
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
) -> Response[File]:
    """Send a stored card to a third party

     Vaultera sends a `method` request to `url` (e.g. a payment gateway) with the request body given
    here, after replacing these drop-ins with the stored card's data: `%CARD_NUMBER%`,
    `%CARDHOLDER_NAME%`, `%SERVICE_CODE%`, `%EXPIRATION_MM%`, `%EXPIRATION_YYYY%`, `%EXPIRATION_YY%`,
    `%CARD_TYPE%`. The body is optional and is whatever the third party expects. The third party's
    response (any status, any content type) is passed back unchanged. PCI DSS requires the service code
    to be removed once the card is authorized.

    Args:
        card_token (str):
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        card_token=card_token,
        body=body,
        method=method,
        url_query=url_query,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
) -> File | None:
    """Send a stored card to a third party

     Vaultera sends a `method` request to `url` (e.g. a payment gateway) with the request body given
    here, after replacing these drop-ins with the stored card's data: `%CARD_NUMBER%`,
    `%CARDHOLDER_NAME%`, `%SERVICE_CODE%`, `%EXPIRATION_MM%`, `%EXPIRATION_YYYY%`, `%EXPIRATION_YY%`,
    `%CARD_TYPE%`. The body is optional and is whatever the third party expects. The third party's
    response (any status, any content type) is passed back unchanged. PCI DSS requires the service code
    to be removed once the card is authorized.

    Args:
        card_token (str):
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        card_token=card_token,
        client=client,
        body=body,
        method=method,
        url_query=url_query,
    ).parsed


async def asyncio_detailed(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
) -> Response[File]:
    """Send a stored card to a third party

     Vaultera sends a `method` request to `url` (e.g. a payment gateway) with the request body given
    here, after replacing these drop-ins with the stored card's data: `%CARD_NUMBER%`,
    `%CARDHOLDER_NAME%`, `%SERVICE_CODE%`, `%EXPIRATION_MM%`, `%EXPIRATION_YYYY%`, `%EXPIRATION_YY%`,
    `%CARD_TYPE%`. The body is optional and is whatever the third party expects. The third party's
    response (any status, any content type) is passed back unchanged. PCI DSS requires the service code
    to be removed once the card is authorized.

    Args:
        card_token (str):
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        card_token=card_token,
        body=body,
        method=method,
        url_query=url_query,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    card_token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
) -> File | None:
    """Send a stored card to a third party

     Vaultera sends a `method` request to `url` (e.g. a payment gateway) with the request body given
    here, after replacing these drop-ins with the stored card's data: `%CARD_NUMBER%`,
    `%CARDHOLDER_NAME%`, `%SERVICE_CODE%`, `%EXPIRATION_MM%`, `%EXPIRATION_YYYY%`, `%EXPIRATION_YY%`,
    `%CARD_TYPE%`. The body is optional and is whatever the third party expects. The third party's
    response (any status, any content type) is passed back unchanged. PCI DSS requires the service code
    to be removed once the card is authorized.

    Args:
        card_token (str):
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            card_token=card_token,
            client=client,
            body=body,
            method=method,
            url_query=url_query,
        )
    ).parsed
