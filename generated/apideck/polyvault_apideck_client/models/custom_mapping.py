from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomMapping")


@_attrs_define
class CustomMapping:
    """A mapping of a downstream field onto a Unified API target field.

    Attributes:
        id (str | Unset): Target field id. Example: hris+employees+first_aid_training.
        label (str | Unset):  Example: First Aid Training.
        description (None | str | Unset):
        value (str | Unset): Mapping value (a JSONPath into the downstream payload). Example: $.root.training.first_aid.
        key (str | Unset):  Example: first_aid_training.
        required (bool | Unset):
        custom_field (bool | Unset): Whether the mapping is a finder for a custom field.
        consumer_id (None | str | Unset):
        example (None | str | Unset): Example value from the downstream payload.
    """

    id: str | Unset = UNSET
    label: str | Unset = UNSET
    description: None | str | Unset = UNSET
    value: str | Unset = UNSET
    key: str | Unset = UNSET
    required: bool | Unset = UNSET
    custom_field: bool | Unset = UNSET
    consumer_id: None | str | Unset = UNSET
    example: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        value = self.value

        key = self.key

        required = self.required

        custom_field = self.custom_field

        consumer_id: None | str | Unset
        if isinstance(self.consumer_id, Unset):
            consumer_id = UNSET
        else:
            consumer_id = self.consumer_id

        example: None | str | Unset
        if isinstance(self.example, Unset):
            example = UNSET
        else:
            example = self.example

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label
        if description is not UNSET:
            field_dict["description"] = description
        if value is not UNSET:
            field_dict["value"] = value
        if key is not UNSET:
            field_dict["key"] = key
        if required is not UNSET:
            field_dict["required"] = required
        if custom_field is not UNSET:
            field_dict["custom_field"] = custom_field
        if consumer_id is not UNSET:
            field_dict["consumer_id"] = consumer_id
        if example is not UNSET:
            field_dict["example"] = example

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        label = d.pop("label", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        value = d.pop("value", UNSET)

        key = d.pop("key", UNSET)

        required = d.pop("required", UNSET)

        custom_field = d.pop("custom_field", UNSET)

        def _parse_consumer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consumer_id = _parse_consumer_id(d.pop("consumer_id", UNSET))

        def _parse_example(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        example = _parse_example(d.pop("example", UNSET))

        custom_mapping = cls(
            id=id,
            label=label,
            description=description,
            value=value,
            key=key,
            required=required,
            custom_field=custom_field,
            consumer_id=consumer_id,
            example=example,
        )

        custom_mapping.additional_properties = d
        return custom_mapping

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
