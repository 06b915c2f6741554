from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_connection import ConsumerConnection
    from ..models.consumer_metadata import ConsumerMetadata
    from ..models.request_count_allocation import RequestCountAllocation


T = TypeVar("T", bound="Consumer")


@_attrs_define
class Consumer:
    """A consumer with its connections and request counts.

    Attributes:
        consumer_id (str): The consumer's id, chosen by you (for example `account:12345`). Example: test_consumer_id.
        application_id (str | Unset): Id of the Apideck application. Example: dSBdXd2H6Mqwfg0atXHXYcysLJE9qyn1VwBtXHX.
        metadata (ConsumerMetadata | Unset): How the consumer is shown in the Vault sidebar.
        connections (list[ConsumerConnection] | Unset):
        services (list[str] | Unset): Service ids the consumer has connections for. Example: ['salesforce', 'stripe'].
        aggregated_request_count (float | Unset):  Example: 101.
        request_counts (RequestCountAllocation | Unset): Request counts per product.
        created (str | Unset):  Example: 2021-05-07T12:55:42.242Z.
        modified (str | Unset):  Example: 2021-05-07T12:55:42.242Z.
        request_count_updated (str | Unset):  Example: 2021-05-07T12:55:42.242Z.
    """

    consumer_id: str
    application_id: str | Unset = UNSET
    metadata: ConsumerMetadata | Unset = UNSET
    connections: list[ConsumerConnection] | Unset = UNSET
    services: list[str] | Unset = UNSET
    aggregated_request_count: float | Unset = UNSET
    request_counts: RequestCountAllocation | Unset = UNSET
    created: str | Unset = UNSET
    modified: str | Unset = UNSET
    request_count_updated: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consumer_id = self.consumer_id

        application_id = self.application_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        connections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.connections, Unset):
            connections = []
            for connections_item_data in self.connections:
                connections_item = connections_item_data.to_dict()
                connections.append(connections_item)

        services: list[str] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = self.services

        aggregated_request_count = self.aggregated_request_count

        request_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_counts, Unset):
            request_counts = self.request_counts.to_dict()

        created = self.created

        modified = self.modified

        request_count_updated = self.request_count_updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consumer_id": consumer_id,
            }
        )
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if connections is not UNSET:
            field_dict["connections"] = connections
        if services is not UNSET:
            field_dict["services"] = services
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_connection import ConsumerConnection  # noqa: PLC0415
        from ..models.consumer_metadata import ConsumerMetadata  # noqa: PLC0415
        from ..models.request_count_allocation import RequestCountAllocation  # noqa: PLC0415

        d = dict(src_dict)
        consumer_id = d.pop("consumer_id")

        application_id = d.pop("application_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ConsumerMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ConsumerMetadata.from_dict(_metadata)

        _connections = d.pop("connections", UNSET)
        connections: list[ConsumerConnection] | Unset = UNSET
        if _connections is not UNSET:
            connections = []
            for connections_item_data in _connections:
                connections_item = ConsumerConnection.from_dict(connections_item_data)

                connections.append(connections_item)

        services = cast(list[str], d.pop("services", UNSET))

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

        consumer = cls(
            consumer_id=consumer_id,
            application_id=application_id,
            metadata=metadata,
            connections=connections,
            services=services,
            aggregated_request_count=aggregated_request_count,
            request_counts=request_counts,
            created=created,
            modified=modified,
            request_count_updated=request_count_updated,
        )

        consumer.additional_properties = d
        return consumer

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
