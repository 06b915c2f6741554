from io import BytesIO
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.http_method import HttpMethod
from ...types import UNSET, File, Response, Unset, http_status


def _get_kwargs(
    *,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
    profile: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_method: str = method
    params["method"] = json_method

    params["url"] = url_query

    params["profile"] = profile

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/capture",
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
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
    profile: str,
) -> Response[File]:
    """Call a third party and tokenise the cards in its response

     Vaultera sends a `method` request to `url` (e.g. an OTA or channel manager), forwarding the headers
    and body given here unchanged, extracts the card data from the third party's response with the
    tokenisation profile named in `profile` (profiles are created by the vendor on request), stores the
    cards and returns the third party's response with the card data masked. The card tokens come back
    inside the response body (where the profile puts them) or in the `X-PCI-VAULTERA-TOKENS` response
    header.

    Args:
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        profile (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        body=body,
        method=method,
        url_query=url_query,
        profile=profile,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
    profile: str,
) -> File | None:
    """Call a third party and tokenise the cards in its response

     Vaultera sends a `method` request to `url` (e.g. an OTA or channel manager), forwarding the headers
    and body given here unchanged, extracts the card data from the third party's response with the
    tokenisation profile named in `profile` (profiles are created by the vendor on request), stores the
    cards and returns the third party's response with the card data masked. The card tokens come back
    inside the response body (where the profile puts them) or in the `X-PCI-VAULTERA-TOKENS` response
    header.

    Args:
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        profile (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        client=client,
        body=body,
        method=method,
        url_query=url_query,
        profile=profile,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
    profile: str,
) -> Response[File]:
    """Call a third party and tokenise the cards in its response

     Vaultera sends a `method` request to `url` (e.g. an OTA or channel manager), forwarding the headers
    and body given here unchanged, extracts the card data from the third party's response with the
    tokenisation profile named in `profile` (profiles are created by the vendor on request), stores the
    cards and returns the third party's response with the card data masked. The card tokens come back
    inside the response body (where the profile puts them) or in the `X-PCI-VAULTERA-TOKENS` response
    header.

    Args:
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        profile (str):
        body (Any | Unset): Any JSON value the third party expects. Not validated by this spec;
            for `sendCard` it may contain drop-ins (`%CARD_NUMBER%` etc.).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        body=body,
        method=method,
        url_query=url_query,
        profile=profile,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Any | Unset = UNSET,
    method: HttpMethod,
    url_query: str,
    profile: str,
) -> File | None:
    """Call a third party and tokenise the cards in its response

     Vaultera sends a `method` request to `url` (e.g. an OTA or channel manager), forwarding the headers
    and body given here unchanged, extracts the card data from the third party's response with the
    tokenisation profile named in `profile` (profiles are created by the vendor on request), stores the
    cards and returns the third party's response with the card data masked. The card tokens come back
    inside the response body (where the profile puts them) or in the `X-PCI-VAULTERA-TOKENS` response
    header.

    Args:
        method (HttpMethod): HTTP method for the third-party call.
        url_query (str):
        profile (str):
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
            client=client,
            body=body,
            method=method,
            url_query=url_query,
            profile=profile,
        )
    ).parsed
