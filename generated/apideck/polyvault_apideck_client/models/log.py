from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.log_operation import LogOperation
    from ..models.log_service import LogService


T = TypeVar("T", bound="Log")


@_attrs_define
class Log:
    """One request made on behalf of a consumer.

    Attributes:
        id (str): Request id (UUID). Example: 0b5f7480-5550-4f5c-a5fc-3c01ac43dd0f.
        parent_id (None | str | Unset): Id of the parent request, for child requests.
        api_style (str | Unset): REST or GraphQL. Example: REST.
        base_url (str | Unset):  Example: unify.apideck.com.
        child_request (bool | Unset):
        consumer_id (str | Unset):  Example: test-consumer.
        duration (float | Unset): Milliseconds spent calling the connector.
        error_message (None | str | Unset): Short explanation when the request failed.
        execution (int | Unset): Milliseconds the whole request took.
        has_children (bool | Unset):
        http_method (str | Unset):  Example: GET.
        latency (float | Unset): Milliseconds added by going through the Unified API.
        operation (LogOperation | Unset): The OpenAPI operation the request matched.
        path (str | Unset):  Example: /vault/connections.
        sandbox (bool | Unset): Whether Apideck's sandbox credentials were used.
        service (LogService | Unset): The Apideck service (connector) the request used.
        source_ip (None | str | Unset):
        status_code (int | Unset):  Example: 200.
        success (bool | Unset):
        timestamp (str | Unset): ISO 8601 time of the request. Example: 2021-07-12T14:26:17.420Z.
        unified_api (str | Unset): Unified API the request was made to. Known values: crm, lead, proxy, vault,
            accounting, hris, ats, ecommerce, issue-tracking, pos, file-storage, sms. Other values may appear. Example:
            vault.
    """

    id: str
    parent_id: None | str | Unset = UNSET
    api_style: str | Unset = UNSET
    base_url: str | Unset = UNSET
    child_request: bool | Unset = UNSET
    consumer_id: str | Unset = UNSET
    duration: float | Unset = UNSET
    error_message: None | str | Unset = UNSET
    execution: int | Unset = UNSET
    has_children: bool | Unset = UNSET
    http_method: str | Unset = UNSET
    latency: float | Unset = UNSET
    operation: LogOperation | Unset = UNSET
    path: str | Unset = UNSET
    sandbox: bool | Unset = UNSET
    service: LogService | Unset = UNSET
    source_ip: None | str | Unset = UNSET
    status_code: int | Unset = UNSET
    success: bool | Unset = UNSET
    timestamp: str | Unset = UNSET
    unified_api: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        api_style = self.api_style

        base_url = self.base_url

        child_request = self.child_request

        consumer_id = self.consumer_id

        duration = self.duration

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        execution = self.execution

        has_children = self.has_children

        http_method = self.http_method

        latency = self.latency

        operation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.operation, Unset):
            operation = self.operation.to_dict()

        path = self.path

        sandbox = self.sandbox

        service: dict[str, Any] | Unset = UNSET
        if not isinstance(self.service, Unset):
            service = self.service.to_dict()

        source_ip: None | str | Unset
        if isinstance(self.source_ip, Unset):
            source_ip = UNSET
        else:
            source_ip = self.source_ip

        status_code = self.status_code

        success = self.success

        timestamp = self.timestamp

        unified_api = self.unified_api

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if api_style is not UNSET:
            field_dict["api_style"] = api_style
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if child_request is not UNSET:
            field_dict["child_request"] = child_request
        if consumer_id is not UNSET:
            field_dict["consumer_id"] = consumer_id
        if duration is not UNSET:
            field_dict["duration"] = duration
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if execution is not UNSET:
            field_dict["execution"] = execution
        if has_children is not UNSET:
            field_dict["has_children"] = has_children
        if http_method is not UNSET:
            field_dict["http_method"] = http_method
        if latency is not UNSET:
            field_dict["latency"] = latency
        if operation is not UNSET:
            field_dict["operation"] = operation
        if path is not UNSET:
            field_dict["path"] = path
        if sandbox is not UNSET:
            field_dict["sandbox"] = sandbox
        if service is not UNSET:
            field_dict["service"] = service
        if source_ip is not UNSET:
            field_dict["source_ip"] = source_ip
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if success is not UNSET:
            field_dict["success"] = success
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if unified_api is not UNSET:
            field_dict["unified_api"] = unified_api

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.log_operation import LogOperation  # noqa: PLC0415
        from ..models.log_service import LogService  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        api_style = d.pop("api_style", UNSET)

        base_url = d.pop("base_url", UNSET)

        child_request = d.pop("child_request", UNSET)

        consumer_id = d.pop("consumer_id", UNSET)

        duration = d.pop("duration", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        execution = d.pop("execution", UNSET)

        has_children = d.pop("has_children", UNSET)

        http_method = d.pop("http_method", UNSET)

        latency = d.pop("latency", UNSET)

        _operation = d.pop("operation", UNSET)
        operation: LogOperation | Unset
        if isinstance(_operation, Unset):
            operation = UNSET
        else:
            operation = LogOperation.from_dict(_operation)

        path = d.pop("path", UNSET)

        sandbox = d.pop("sandbox", UNSET)

        _service = d.pop("service", UNSET)
        service: LogService | Unset
        if isinstance(_service, Unset):
            service = UNSET
        else:
            service = LogService.from_dict(_service)

        def _parse_source_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ip = _parse_source_ip(d.pop("source_ip", UNSET))

        status_code = d.pop("status_code", UNSET)

        success = d.pop("success", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        unified_api = d.pop("unified_api", UNSET)

        log = cls(
            id=id,
            parent_id=parent_id,
            api_style=api_style,
            base_url=base_url,
            child_request=child_request,
            consumer_id=consumer_id,
            duration=duration,
            error_message=error_message,
            execution=execution,
            has_children=has_children,
            http_method=http_method,
            latency=latency,
            operation=operation,
            path=path,
            sandbox=sandbox,
            service=service,
            source_ip=source_ip,
            status_code=status_code,
            success=success,
            timestamp=timestamp,
            unified_api=unified_api,
        )

        log.additional_properties = d
        return log

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
