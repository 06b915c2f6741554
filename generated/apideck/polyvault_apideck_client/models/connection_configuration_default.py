from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_field_option_group import FormFieldOptionGroup
    from ..models.simple_form_field_option import SimpleFormFieldOption


T = TypeVar("T", bound="ConnectionConfigurationDefault")


@_attrs_define
class ConnectionConfigurationDefault:
    """Default value of one field of a resource.

    Attributes:
        target (str | Unset): Known values: custom_fields, resource. Other values may appear. Example: custom_fields.
        id (str | Unset):  Example: ProductInterest.
        options (list[FormFieldOptionGroup | SimpleFormFieldOption] | Unset):
        value (bool | float | int | list[float | int | str] | str | Unset): A default value (string, number, boolean or
            a list of strings and numbers).
    """

    target: str | Unset = UNSET
    id: str | Unset = UNSET
    options: list[FormFieldOptionGroup | SimpleFormFieldOption] | Unset = UNSET
    value: bool | float | int | list[float | int | str] | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.form_field_option_group import FormFieldOptionGroup  # noqa: PLC0415

        target = self.target

        id = self.id

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item: dict[str, Any]
                if isinstance(options_item_data, FormFieldOptionGroup):
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
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if target is not UNSET:
            field_dict["target"] = target
        if id is not UNSET:
            field_dict["id"] = id
        if options is not UNSET:
            field_dict["options"] = options
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field_option_group import FormFieldOptionGroup  # noqa: PLC0415
        from ..models.simple_form_field_option import SimpleFormFieldOption  # noqa: PLC0415

        d = dict(src_dict)
        target = d.pop("target", UNSET)

        id = d.pop("id", UNSET)

        _options = d.pop("options", UNSET)
        options: list[FormFieldOptionGroup | SimpleFormFieldOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:

                def _parse_options_item(data: object) -> FormFieldOptionGroup | SimpleFormFieldOption:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_form_field_option_type_0 = FormFieldOptionGroup.from_dict(data)

                        return componentsschemas_form_field_option_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_form_field_option_type_1 = SimpleFormFieldOption.from_dict(data)

                    return componentsschemas_form_field_option_type_1

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

        connection_configuration_default = cls(
            target=target,
            id=id,
            options=options,
            value=value,
        )

        connection_configuration_default.additional_properties = d
        return connection_configuration_default

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
