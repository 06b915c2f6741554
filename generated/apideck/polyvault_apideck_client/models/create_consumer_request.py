from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_metadata_input import ConsumerMetadataInput


T = TypeVar("T", bound="CreateConsumerRequest")


@_attrs_define
class CreateConsumerRequest:
    """
    Attributes:
        consumer_id (str): The consumer's id, chosen by you; usually the id of a user or account in your system (for
            example `account:12345`). Example: test_consumer_id.
        metadata (ConsumerMetadataInput | Unset): How the consumer is shown in the Vault sidebar (all optional).
    """

    consumer_id: str
    metadata: ConsumerMetadataInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        consumer_id = self.consumer_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consumer_id": consumer_id,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_metadata_input import ConsumerMetadataInput  # noqa: PLC0415

        d = dict(src_dict)
        consumer_id = d.pop("consumer_id")

        _metadata = d.pop("metadata", UNSET)
        metadata: ConsumerMetadataInput | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ConsumerMetadataInput.from_dict(_metadata)

        create_consumer_request = cls(
            consumer_id=consumer_id,
            metadata=metadata,
        )

        return create_consumer_request
