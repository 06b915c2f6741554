from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.request_count_allocation import RequestCountAllocation


T = TypeVar("T", bound="ConsumerRequestCountsInDateRange")


@_attrs_define
class ConsumerRequestCountsInDateRange:
    """
    Attributes:
        application_id (str | Unset):
        consumer_id (str | Unset):
        start_datetime (str | Unset):  Example: 2021-05-01T12:00:00.000Z.
        end_datetime (str | Unset):  Example: 2021-05-10T12:00:00.000Z.
        aggregated_request_count (float | Unset):  Example: 40.
        request_counts (RequestCountAllocation | Unset): Request counts per product.
    """

    application_id: str | Unset = UNSET
    consumer_id: str | Unset = UNSET
    start_datetime: str | Unset = UNSET
    end_datetime: str | Unset = UNSET
    aggregated_request_count: float | Unset = UNSET
    request_counts: RequestCountAllocation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        consumer_id = self.consumer_id

        start_datetime = self.start_datetime

        end_datetime = self.end_datetime

        aggregated_request_count = self.aggregated_request_count

        request_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_counts, Unset):
            request_counts = self.request_counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if consumer_id is not UNSET:
            field_dict["consumer_id"] = consumer_id
        if start_datetime is not UNSET:
            field_dict["start_datetime"] = start_datetime
        if end_datetime is not UNSET:
            field_dict["end_datetime"] = end_datetime
        if aggregated_request_count is not UNSET:
            field_dict["aggregated_request_count"] = aggregated_request_count
        if request_counts is not UNSET:
            field_dict["request_counts"] = request_counts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.request_count_allocation import RequestCountAllocation  # noqa: PLC0415

        d = dict(src_dict)
        application_id = d.pop("application_id", UNSET)

        consumer_id = d.pop("consumer_id", UNSET)

        start_datetime = d.pop("start_datetime", UNSET)

        end_datetime = d.pop("end_datetime", UNSET)

        aggregated_request_count = d.pop("aggregated_request_count", UNSET)

        _request_counts = d.pop("request_counts", UNSET)
        request_counts: RequestCountAllocation | Unset
        if isinstance(_request_counts, Unset):
            request_counts = UNSET
        else:
            request_counts = RequestCountAllocation.from_dict(_request_counts)

        consumer_request_counts_in_date_range = cls(
            application_id=application_id,
            consumer_id=consumer_id,
            start_datetime=start_datetime,
            end_datetime=end_datetime,
            aggregated_request_count=aggregated_request_count,
            request_counts=request_counts,
        )

        consumer_request_counts_in_date_range.additional_properties = d
        return consumer_request_counts_in_date_range

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
