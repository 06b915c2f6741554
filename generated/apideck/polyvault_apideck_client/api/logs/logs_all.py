import datetime
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_logs_response import GetLogsResponse
from ...models.logs_path_match_mode import LogsPathMatchMode
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    filterconnector_id: str | Unset = UNSET,
    filterpath: str | Unset = UNSET,
    filterpath_match_mode: LogsPathMatchMode | Unset = UNSET,
    filterhttp_method: str | Unset = UNSET,
    filterhttp_methods: list[str] | Unset = UNSET,
    filterstart_date: datetime.datetime | Unset = UNSET,
    filterend_date: datetime.datetime | Unset = UNSET,
    filterstatus_code: int | Unset = UNSET,
    filterstatus_codes: list[int] | Unset = UNSET,
    filterexclude_unified_apis: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filter[connector_id]"] = filterconnector_id

    params["filter[path]"] = filterpath

    json_filterpath_match_mode: str | Unset = UNSET
    if not isinstance(filterpath_match_mode, Unset):
        json_filterpath_match_mode = filterpath_match_mode

    params["filter[path_match_mode]"] = json_filterpath_match_mode

    params["filter[http_method]"] = filterhttp_method

    json_filterhttp_methods: list[str] | Unset = UNSET
    if not isinstance(filterhttp_methods, Unset):
        json_filterhttp_methods = filterhttp_methods

    params["filter[http_methods]"] = json_filterhttp_methods

    json_filterstart_date: str | Unset = UNSET
    if not isinstance(filterstart_date, Unset):
        json_filterstart_date = filterstart_date.isoformat()
    params["filter[start_date]"] = json_filterstart_date

    json_filterend_date: str | Unset = UNSET
    if not isinstance(filterend_date, Unset):
        json_filterend_date = filterend_date.isoformat()
    params["filter[end_date]"] = json_filterend_date

    params["filter[status_code]"] = filterstatus_code

    json_filterstatus_codes: list[int] | Unset = UNSET
    if not isinstance(filterstatus_codes, Unset):
        json_filterstatus_codes = filterstatus_codes

    params["filter[status_codes]"] = json_filterstatus_codes

    params["filter[exclude_unified_apis]"] = filterexclude_unified_apis

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vault/logs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetLogsResponse:
    if response.status_code == 200:
        response_200 = GetLogsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GetLogsResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filterconnector_id: str | Unset = UNSET,
    filterpath: str | Unset = UNSET,
    filterpath_match_mode: LogsPathMatchMode | Unset = UNSET,
    filterhttp_method: str | Unset = UNSET,
    filterhttp_methods: list[str] | Unset = UNSET,
    filterstart_date: datetime.datetime | Unset = UNSET,
    filterend_date: datetime.datetime | Unset = UNSET,
    filterstatus_code: int | Unset = UNSET,
    filterstatus_codes: list[int] | Unset = UNSET,
    filterexclude_unified_apis: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorResponse | GetLogsResponse]:
    """Get all consumer request logs

     Lists the consumer's request logs, one page at a time. Filters are sent as `filter[<field>]` query
    parameters. Pass `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor
    means this was the last page.

    Args:
        filterconnector_id (str | Unset):
        filterpath (str | Unset):
        filterpath_match_mode (LogsPathMatchMode | Unset): How `filter[path]` is matched.
        filterhttp_method (str | Unset):
        filterhttp_methods (list[str] | Unset):
        filterstart_date (datetime.datetime | Unset):
        filterend_date (datetime.datetime | Unset):
        filterstatus_code (int | Unset):
        filterstatus_codes (list[int] | Unset):
        filterexclude_unified_apis (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetLogsResponse]
    """

    kwargs = _get_kwargs(
        filterconnector_id=filterconnector_id,
        filterpath=filterpath,
        filterpath_match_mode=filterpath_match_mode,
        filterhttp_method=filterhttp_method,
        filterhttp_methods=filterhttp_methods,
        filterstart_date=filterstart_date,
        filterend_date=filterend_date,
        filterstatus_code=filterstatus_code,
        filterstatus_codes=filterstatus_codes,
        filterexclude_unified_apis=filterexclude_unified_apis,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    filterconnector_id: str | Unset = UNSET,
    filterpath: str | Unset = UNSET,
    filterpath_match_mode: LogsPathMatchMode | Unset = UNSET,
    filterhttp_method: str | Unset = UNSET,
    filterhttp_methods: list[str] | Unset = UNSET,
    filterstart_date: datetime.datetime | Unset = UNSET,
    filterend_date: datetime.datetime | Unset = UNSET,
    filterstatus_code: int | Unset = UNSET,
    filterstatus_codes: list[int] | Unset = UNSET,
    filterexclude_unified_apis: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorResponse | GetLogsResponse | None:
    """Get all consumer request logs

     Lists the consumer's request logs, one page at a time. Filters are sent as `filter[<field>]` query
    parameters. Pass `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor
    means this was the last page.

    Args:
        filterconnector_id (str | Unset):
        filterpath (str | Unset):
        filterpath_match_mode (LogsPathMatchMode | Unset): How `filter[path]` is matched.
        filterhttp_method (str | Unset):
        filterhttp_methods (list[str] | Unset):
        filterstart_date (datetime.datetime | Unset):
        filterend_date (datetime.datetime | Unset):
        filterstatus_code (int | Unset):
        filterstatus_codes (list[int] | Unset):
        filterexclude_unified_apis (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetLogsResponse
    """

    return sync_detailed(
        client=client,
        filterconnector_id=filterconnector_id,
        filterpath=filterpath,
        filterpath_match_mode=filterpath_match_mode,
        filterhttp_method=filterhttp_method,
        filterhttp_methods=filterhttp_methods,
        filterstart_date=filterstart_date,
        filterend_date=filterend_date,
        filterstatus_code=filterstatus_code,
        filterstatus_codes=filterstatus_codes,
        filterexclude_unified_apis=filterexclude_unified_apis,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filterconnector_id: str | Unset = UNSET,
    filterpath: str | Unset = UNSET,
    filterpath_match_mode: LogsPathMatchMode | Unset = UNSET,
    filterhttp_method: str | Unset = UNSET,
    filterhttp_methods: list[str] | Unset = UNSET,
    filterstart_date: datetime.datetime | Unset = UNSET,
    filterend_date: datetime.datetime | Unset = UNSET,
    filterstatus_code: int | Unset = UNSET,
    filterstatus_codes: list[int] | Unset = UNSET,
    filterexclude_unified_apis: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorResponse | GetLogsResponse]:
    """Get all consumer request logs

     Lists the consumer's request logs, one page at a time. Filters are sent as `filter[<field>]` query
    parameters. Pass `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor
    means this was the last page.

    Args:
        filterconnector_id (str | Unset):
        filterpath (str | Unset):
        filterpath_match_mode (LogsPathMatchMode | Unset): How `filter[path]` is matched.
        filterhttp_method (str | Unset):
        filterhttp_methods (list[str] | Unset):
        filterstart_date (datetime.datetime | Unset):
        filterend_date (datetime.datetime | Unset):
        filterstatus_code (int | Unset):
        filterstatus_codes (list[int] | Unset):
        filterexclude_unified_apis (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetLogsResponse]
    """

    kwargs = _get_kwargs(
        filterconnector_id=filterconnector_id,
        filterpath=filterpath,
        filterpath_match_mode=filterpath_match_mode,
        filterhttp_method=filterhttp_method,
        filterhttp_methods=filterhttp_methods,
        filterstart_date=filterstart_date,
        filterend_date=filterend_date,
        filterstatus_code=filterstatus_code,
        filterstatus_codes=filterstatus_codes,
        filterexclude_unified_apis=filterexclude_unified_apis,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    filterconnector_id: str | Unset = UNSET,
    filterpath: str | Unset = UNSET,
    filterpath_match_mode: LogsPathMatchMode | Unset = UNSET,
    filterhttp_method: str | Unset = UNSET,
    filterhttp_methods: list[str] | Unset = UNSET,
    filterstart_date: datetime.datetime | Unset = UNSET,
    filterend_date: datetime.datetime | Unset = UNSET,
    filterstatus_code: int | Unset = UNSET,
    filterstatus_codes: list[int] | Unset = UNSET,
    filterexclude_unified_apis: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorResponse | GetLogsResponse | None:
    """Get all consumer request logs

     Lists the consumer's request logs, one page at a time. Filters are sent as `filter[<field>]` query
    parameters. Pass `meta.cursors.next` back as `cursor` for the next page; a null or empty next cursor
    means this was the last page.

    Args:
        filterconnector_id (str | Unset):
        filterpath (str | Unset):
        filterpath_match_mode (LogsPathMatchMode | Unset): How `filter[path]` is matched.
        filterhttp_method (str | Unset):
        filterhttp_methods (list[str] | Unset):
        filterstart_date (datetime.datetime | Unset):
        filterend_date (datetime.datetime | Unset):
        filterstatus_code (int | Unset):
        filterstatus_codes (list[int] | Unset):
        filterexclude_unified_apis (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetLogsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            filterconnector_id=filterconnector_id,
            filterpath=filterpath,
            filterpath_match_mode=filterpath_match_mode,
            filterhttp_method=filterhttp_method,
            filterhttp_methods=filterhttp_methods,
            filterstart_date=filterstart_date,
            filterend_date=filterend_date,
            filterstatus_code=filterstatus_code,
            filterstatus_codes=filterstatus_codes,
            filterexclude_unified_apis=filterexclude_unified_apis,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
