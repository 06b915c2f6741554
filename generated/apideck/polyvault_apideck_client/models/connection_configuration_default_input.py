from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_field_option_group_input import FormFieldOptionGroupInput
    from ..models.simple_form_field_option_input import SimpleFormFieldOptionInput


T = TypeVar("T", bound="ConnectionConfigurationDefaultInput")


@_attrs_define
class ConnectionConfigurationDefaultInput:
    """Default value of one field of a resource.

    Attributes:
        id (str | Unset):  Example: ProductInterest.
        options (list[FormFieldOptionGroupInput | SimpleFormFieldOptionInput] | Unset):
        value (bool | float | int | list[float | int | str] | str | Unset): A default value (string, number, boolean or
            a list of strings and numbers).
    """

    id: str | Unset = UNSET
    options: list[FormFieldOptionGroupInput | SimpleFormFieldOptionInput] | Unset = UNSET
    value: bool | float | int | list[float | int | str] | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.simple_form_field_option_input import SimpleFormFieldOptionInput  # noqa: PLC0415

        id = self.id

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item: dict[str, Any]
                if isinstance(options_item_data, SimpleFormFieldOptionInput):
                    options_item = options_item_data.to_dict()
                else:
                    options_item = options_item_data.to_dict()

                options.append(options_item)

        value: bool | float | int | list[float | int | str] | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = []
            for componentsschemas_configuration_value_type_4_item_data in self.value:
                componentsschemas_configuration_value_type_4_item: float | int | str
                componentsschemas_configuration_value_type_4_item = (
                    componentsschemas_configuration_value_type_4_item_data
                )
                value.append(componentsschemas_configuration_value_type_4_item)

        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if options is not UNSET:
            field_dict["options"] = options
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field_option_group_input import FormFieldOptionGroupInput  # noqa: PLC0415
        from ..models.simple_form_field_option_input import SimpleFormFieldOptionInput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _options = d.pop("options", UNSET)
        options: list[FormFieldOptionGroupInput | SimpleFormFieldOptionInput] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:

                def _parse_options_item(data: object) -> FormFieldOptionGroupInput | SimpleFormFieldOptionInput:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_form_field_option_input_type_0 = SimpleFormFieldOptionInput.from_dict(data)

                        return componentsschemas_form_field_option_input_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_form_field_option_input_type_1 = FormFieldOptionGroupInput.from_dict(data)

                    return componentsschemas_form_field_option_input_type_1

                options_item = _parse_options_item(options_item_data)

                options.append(options_item)

        def _parse_value(data: object) -> bool | float | int | list[float | int | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_configuration_value_type_4 = []
                _componentsschemas_configuration_value_type_4 = data
                for (
                    componentsschemas_configuration_value_type_4_item_data
                ) in _componentsschemas_configuration_value_type_4:

                    def _parse_componentsschemas_configuration_value_type_4_item(data: object) -> float | int | str:
                        return cast(float | int | str, data)

                    componentsschemas_configuration_value_type_4_item = (
                        _parse_componentsschemas_configuration_value_type_4_item(
                            componentsschemas_configuration_value_type_4_item_data
                        )
                    )

                    componentsschemas_configuration_value_type_4.append(
                        componentsschemas_configuration_value_type_4_item
                    )

                return componentsschemas_configuration_value_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | float | int | list[float | int | str] | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        connection_configuration_default_input = cls(
            id=id,
            options=options,
            value=value,
        )

        return connection_configuration_default_input
