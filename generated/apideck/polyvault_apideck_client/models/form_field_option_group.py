from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.simple_form_field_option import SimpleFormFieldOption


T = TypeVar("T", bound="FormFieldOptionGroup")


@_attrs_define
class FormFieldOptionGroup:
    """A labelled group of select options.

    Attributes:
        options (list[SimpleFormFieldOption]):
        id (str | Unset):  Example: 1234.
        label (str | Unset):  Example: General Channel.
        option_type (str | Unset): Known value for a group is `group`. Other values may appear. Example: group.
    """

    options: list[SimpleFormFieldOption]
    id: str | Unset = UNSET
    label: str | Unset = UNSET
    option_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        id = self.id

        label = self.label

        option_type = self.option_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "options": options,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label
        if option_type is not UNSET:
            field_dict["option_type"] = option_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.simple_form_field_option import SimpleFormFieldOption  # noqa: PLC0415

        d = dict(src_dict)
        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = SimpleFormFieldOption.from_dict(options_item_data)

            options.append(options_item)

        id = d.pop("id", UNSET)

        label = d.pop("label", UNSET)

        option_type = d.pop("option_type", UNSET)

        form_field_option_group = cls(
            options=options,
            id=id,
            label=label,
            option_type=option_type,
        )

        form_field_option_group.additional_properties = d
        return form_field_option_group

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
