from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.downstream_error import DownstreamError
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Apideck's error envelope, used for every documented error status and for `default`.

    Attributes:
        status_code (int | Unset): HTTP status code. Example: 400.
        error (str | Unset): Reason phrase of the status code (RFC 7231). Example: Bad Request.
        type_name (str | Unset): Error type, for example RequestValidationError, RequestHeadersValidationError,
            UnauthorizedError, RequestLimitError, EntityNotFoundError, InvalidStateError, ConflictError,
            ConnectorExecutionError. Other values may appear. Example: RequestValidationError.
        message (str | Unset): Human-readable summary of the error. Example: Invalid Params.
        detail (ErrorDetail | str | Unset): Parameter- or domain-specific detail; a string or an object.
        ref (str | Unset): Link to the documentation of the error type. Example:
            https://developers.apideck.com/errors#requestvalidationerror.
        downstream_errors (list[DownstreamError] | Unset): Errors returned by the connector; present when type_name is
            ConnectorExecutionError.
    """

    status_code: int | Unset = UNSET
    error: str | Unset = UNSET
    type_name: str | Unset = UNSET
    message: str | Unset = UNSET
    detail: ErrorDetail | str | Unset = UNSET
    ref: str | Unset = UNSET
    downstream_errors: list[DownstreamError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        status_code = self.status_code

        error = self.error

        type_name = self.type_name

        message = self.message

        detail: dict[str, Any] | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, ErrorDetail):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        ref = self.ref

        downstream_errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.downstream_errors, Unset):
            downstream_errors = []
            for downstream_errors_item_data in self.downstream_errors:
                downstream_errors_item = downstream_errors_item_data.to_dict()
                downstream_errors.append(downstream_errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if error is not UNSET:
            field_dict["error"] = error
        if type_name is not UNSET:
            field_dict["type_name"] = type_name
        if message is not UNSET:
            field_dict["message"] = message
        if detail is not UNSET:
            field_dict["detail"] = detail
        if ref is not UNSET:
            field_dict["ref"] = ref
        if downstream_errors is not UNSET:
            field_dict["downstream_errors"] = downstream_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.downstream_error import DownstreamError  # noqa: PLC0415
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        d = dict(src_dict)
        status_code = d.pop("status_code", UNSET)

        error = d.pop("error", UNSET)

        type_name = d.pop("type_name", UNSET)

        message = d.pop("message", UNSET)

        def _parse_detail(data: object) -> ErrorDetail | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_1 = ErrorDetail.from_dict(data)

                return detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorDetail | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        ref = d.pop("ref", UNSET)

        _downstream_errors = d.pop("downstream_errors", UNSET)
        downstream_errors: list[DownstreamError] | Unset = UNSET
        if _downstream_errors is not UNSET:
            downstream_errors = []
            for downstream_errors_item_data in _downstream_errors:
                downstream_errors_item = DownstreamError.from_dict(downstream_errors_item_data)

                downstream_errors.append(downstream_errors_item)

        error_response = cls(
            status_code=status_code,
            error=error,
            type_name=type_name,
            message=message,
            detail=detail,
            ref=ref,
            downstream_errors=downstream_errors,
        )

        error_response.additional_properties = d
        return error_response

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
