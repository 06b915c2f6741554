from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.form_field_option_group_input_option_type import (
    FormFieldOptionGroupInputOptionType,
    check_form_field_option_group_input_option_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.simple_form_field_option_input import SimpleFormFieldOptionInput


T = TypeVar("T", bound="FormFieldOptionGroupInput")


@_attrs_define
class FormFieldOptionGroupInput:
    """
    Attributes:
        label (str):
        options (list[SimpleFormFieldOptionInput]):
        option_type (FormFieldOptionGroupInputOptionType):
        id (str | Unset):
    """

    label: str
    options: list[SimpleFormFieldOptionInput]
    option_type: FormFieldOptionGroupInputOptionType
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        option_type: str = self.option_type

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "options": options,
                "option_type": option_type,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.simple_form_field_option_input import SimpleFormFieldOptionInput  # noqa: PLC0415

        d = dict(src_dict)
        label = d.pop("label")

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = SimpleFormFieldOptionInput.from_dict(options_item_data)

            options.append(options_item)

        option_type = check_form_field_option_group_input_option_type(d.pop("option_type"))

        id = d.pop("id", UNSET)

        form_field_option_group_input = cls(
            label=label,
            options=options,
            option_type=option_type,
            id=id,
        )

        return form_field_option_group_input
