from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_metadata import ConsumerMetadata
    from ..models.request_count_allocation import RequestCountAllocation


T = TypeVar("T", bound="ConsumerSummary")


@_attrs_define
class ConsumerSummary:
    """A consumer as listed by Get all consumers (no connections).

    Attributes:
        consumer_id (str | Unset):  Example: test_consumer_id.
        application_id (str | Unset):  Example: dSBdXd2H6Mqwfg0atXHXYcysLJE9qyn1VwBtXHX.
        metadata (ConsumerMetadata | Unset): How the consumer is shown in the Vault sidebar.
        aggregated_request_count (float | Unset):  Example: 101.
        request_counts (RequestCountAllocation | Unset): Request counts per product.
        created (str | Unset):  Example: 2021-05-07T12:55:42.242Z.
        modified (str | Unset):  Example: 2021-05-07T12:55:42.242Z.
        request_count_updated (str | Unset):  Example: 2021-05-07T12:55:42.242Z.
        services (list[str] | Unset):  Example: ['salesforce', 'stripe'].
    """

    consumer_id: str | Unset = UNSET
    application_id: str | Unset = UNSET
    metadata: ConsumerMetadata | Unset = UNSET
    aggregated_request_count: float | Unset = UNSET
    request_counts: RequestCountAllocation | Unset = UNSET
    created: str | Unset = UNSET
    modified: str | Unset = UNSET
    request_count_updated: str | Unset = UNSET
    services: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consumer_id = self.consumer_id

        application_id = self.application_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        aggregated_request_count = self.aggregated_request_count

        request_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_counts, Unset):
            request_counts = self.request_counts.to_dict()

        created = self.created

        modified = self.modified

        request_count_updated = self.request_count_updated

        services: list[str] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = self.services

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if consumer_id is not UNSET:
            field_dict["consumer_id"] = consumer_id
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if aggregated_request_count is not UNSET:
            field_dict["aggregated_request_count"] = aggregated_request_count
        if request_counts is not UNSET:
            field_dict["request_counts"] = request_counts
        if created is not UNSET:
            field_dict["created"] = created
        if modified is not UNSET:
            field_dict["modified"] = modified
        if request_count_updated is not UNSET:
            field_dict["request_count_updated"] = request_count_updated
        if services is not UNSET:
            field_dict["services"] = services

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_metadata import ConsumerMetadata  # noqa: PLC0415
        from ..models.request_count_allocation import RequestCountAllocation  # noqa: PLC0415

        d = dict(src_dict)
        consumer_id = d.pop("consumer_id", UNSET)

        application_id = d.pop("application_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ConsumerMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ConsumerMetadata.from_dict(_metadata)

        aggregated_request_count = d.pop("aggregated_request_count", UNSET)

        _request_counts = d.pop("request_counts", UNSET)
        request_counts: RequestCountAllocation | Unset
        if isinstance(_request_counts, Unset):
            request_counts = UNSET
        else:
            request_counts = RequestCountAllocation.from_dict(_request_counts)

        created = d.pop("created", UNSET)

        modified = d.pop("modified", UNSET)

        request_count_updated = d.pop("request_count_updated", UNSET)

        services = cast(list[str], d.pop("services", UNSET))

        consumer_summary = cls(
            consumer_id=consumer_id,
            application_id=application_id,
            metadata=metadata,
            aggregated_request_count=aggregated_request_count,
            request_counts=request_counts,
            created=created,
            modified=modified,
            request_count_updated=request_count_updated,
            services=services,
        )

        consumer_summary.additional_properties = d
        return consumer_summary

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
