from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.simple_form_field_option_input_option_type import (
    SimpleFormFieldOptionInputOptionType,
    check_simple_form_field_option_input_option_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SimpleFormFieldOptionInput")


@_attrs_define
class SimpleFormFieldOptionInput:
    """
    Attributes:
        label (str):
        option_type (SimpleFormFieldOptionInputOptionType):
        value (bool | float | int | list[float | int | str] | str | Unset): Option value (string, number, boolean or a
            list of strings and numbers).
    """

    label: str
    option_type: SimpleFormFieldOptionInputOptionType
    value: bool | float | int | list[float | int | str] | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        option_type: str = self.option_type

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "option_type": option_type,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        option_type = check_simple_form_field_option_input_option_type(d.pop("option_type"))

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

        simple_form_field_option_input = cls(
            label=label,
            option_type=option_type,
            value=value,
        )

        return simple_form_field_option_input
