from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SimpleFormFieldOption")


@_attrs_define
class SimpleFormFieldOption:
    """A single select option.

    Attributes:
        label (str | Unset):  Example: General Channel.
        value (bool | float | int | list[float | int | str] | str | Unset): Option value (string, number, boolean or a
            list of strings and numbers).
        option_type (str | Unset): Known value for a single option is `simple`. Other values may appear. Example:
            simple.
    """

    label: str | Unset = UNSET
    value: bool | float | int | list[float | int | str] | str | Unset = UNSET
    option_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        value: bool | float | int | list[float | int | str] | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = []
            for componentsschemas_simple_form_field_option_value_type_4_item_data in self.value:
                componentsschemas_simple_form_field_option_value_type_4_item: float | int | str
                componentsschemas_simple_form_field_option_value_type_4_item = (
                    componentsschemas_simple_form_field_option_value_type_4_item_data
                )
                value.append(componentsschemas_simple_form_field_option_value_type_4_item)

        else:
            value = self.value

        option_type = self.option_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if value is not UNSET:
            field_dict["value"] = value
        if option_type is not UNSET:
            field_dict["option_type"] = option_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        def _parse_value(data: object) -> bool | float | int | list[float | int | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_simple_form_field_option_value_type_4 = []
                _componentsschemas_simple_form_field_option_value_type_4 = data
                for (
                    componentsschemas_simple_form_field_option_value_type_4_item_data
                ) in _componentsschemas_simple_form_field_option_value_type_4:

                    def _parse_componentsschemas_simple_form_field_option_value_type_4_item(
                        data: object,
                    ) -> float | int | str:
                        return cast(float | int | str, data)

                    componentsschemas_simple_form_field_option_value_type_4_item = (
                        _parse_componentsschemas_simple_form_field_option_value_type_4_item(
                            componentsschemas_simple_form_field_option_value_type_4_item_data
                        )
                    )

                    componentsschemas_simple_form_field_option_value_type_4.append(
                        componentsschemas_simple_form_field_option_value_type_4_item
                    )

                return componentsschemas_simple_form_field_option_value_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | int | list[float | int | str] | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        option_type = d.pop("option_type", UNSET)

        simple_form_field_option = cls(
            label=label,
            value=value,
            option_type=option_type,
        )

        simple_form_field_option.additional_properties = d
        return simple_form_field_option

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
