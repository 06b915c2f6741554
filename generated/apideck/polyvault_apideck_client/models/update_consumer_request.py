from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_metadata_input import ConsumerMetadataInput


T = TypeVar("T", bound="UpdateConsumerRequest")


@_attrs_define
class UpdateConsumerRequest:
    """
    Attributes:
        metadata (ConsumerMetadataInput | Unset): How the consumer is shown in the Vault sidebar (all optional).
    """

    metadata: ConsumerMetadataInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_metadata_input import ConsumerMetadataInput  # noqa: PLC0415

        d = dict(src_dict)
        _metadata = d.pop("metadata", UNSET)
        metadata: ConsumerMetadataInput | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ConsumerMetadataInput.from_dict(_metadata)

        update_consumer_request = cls(
            metadata=metadata,
        )

        return update_consumer_request
