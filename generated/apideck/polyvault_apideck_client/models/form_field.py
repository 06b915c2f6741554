from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_field_option_group import FormFieldOptionGroup
    from ..models.simple_form_field_option import SimpleFormFieldOption


T = TypeVar("T", bound="FormField")


@_attrs_define
class FormField:
    """One setting of a connector's setup form.

    Attributes:
        id (str | Unset):  Example: instance_url.
        label (str | Unset):  Example: Instance url.
        placeholder (None | str | Unset):
        description (None | str | Unset):
        type_ (str | Unset): Input type. Known values: text, checkbox, tel, email, url, textarea, select, filtered-
            select, multi-select, datetime, date, time, number, password. Other values may appear. Example: text.
        required (bool | Unset):
        custom_field (bool | Unset):
        allow_custom_values (bool | Unset): Select fields only; the user may enter a value not in the options.
        disabled (bool | None | Unset): Shown read-only.
        hidden (bool | None | Unset): Not shown, but its value is stored on the connection.
        deprecated (bool | None | Unset): Hide from the user; the value is still stored for compatibility.
        sensitive (bool | None | Unset): Contains sensitive data; display masked.
        prefix (None | str | Unset):  Example: https://.
        suffix (None | str | Unset):  Example: .shopify.com.
        options (list[FormFieldOptionGroup | SimpleFormFieldOption] | Unset):
    """

    id: str | Unset = UNSET
    label: str | Unset = UNSET
    placeholder: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    type_: str | Unset = UNSET
    required: bool | Unset = UNSET
    custom_field: bool | Unset = UNSET
    allow_custom_values: bool | Unset = UNSET
    disabled: bool | None | Unset = UNSET
    hidden: bool | None | Unset = UNSET
    deprecated: bool | None | Unset = UNSET
    sensitive: bool | None | Unset = UNSET
    prefix: None | str | Unset = UNSET
    suffix: None | str | Unset = UNSET
    options: list[FormFieldOptionGroup | SimpleFormFieldOption] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.form_field_option_group import FormFieldOptionGroup  # noqa: PLC0415

        id = self.id

        label = self.label

        placeholder: None | str | Unset
        if isinstance(self.placeholder, Unset):
            placeholder = UNSET
        else:
            placeholder = self.placeholder

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        type_ = self.type_

        required = self.required

        custom_field = self.custom_field

        allow_custom_values = self.allow_custom_values

        disabled: bool | None | Unset
        if isinstance(self.disabled, Unset):
            disabled = UNSET
        else:
            disabled = self.disabled

        hidden: bool | None | Unset
        if isinstance(self.hidden, Unset):
            hidden = UNSET
        else:
            hidden = self.hidden

        deprecated: bool | None | Unset
        if isinstance(self.deprecated, Unset):
            deprecated = UNSET
        else:
            deprecated = self.deprecated

        sensitive: bool | None | Unset
        if isinstance(self.sensitive, Unset):
            sensitive = UNSET
        else:
            sensitive = self.sensitive

        prefix: None | str | Unset
        if isinstance(self.prefix, Unset):
            prefix = UNSET
        else:
            prefix = self.prefix

        suffix: None | str | Unset
        if isinstance(self.suffix, Unset):
            suffix = UNSET
        else:
            suffix = self.suffix

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label
        if placeholder is not UNSET:
            field_dict["placeholder"] = placeholder
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if required is not UNSET:
            field_dict["required"] = required
        if custom_field is not UNSET:
            field_dict["custom_field"] = custom_field
        if allow_custom_values is not UNSET:
            field_dict["allow_custom_values"] = allow_custom_values
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if hidden is not UNSET:
            field_dict["hidden"] = hidden
        if deprecated is not UNSET:
            field_dict["deprecated"] = deprecated
        if sensitive is not UNSET:
            field_dict["sensitive"] = sensitive
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field_option_group import FormFieldOptionGroup  # noqa: PLC0415
        from ..models.simple_form_field_option import SimpleFormFieldOption  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        label = d.pop("label", UNSET)

        def _parse_placeholder(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        placeholder = _parse_placeholder(d.pop("placeholder", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        type_ = d.pop("type", UNSET)

        required = d.pop("required", UNSET)

        custom_field = d.pop("custom_field", UNSET)

        allow_custom_values = d.pop("allow_custom_values", UNSET)

        def _parse_disabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        disabled = _parse_disabled(d.pop("disabled", UNSET))

        def _parse_hidden(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hidden = _parse_hidden(d.pop("hidden", UNSET))

        def _parse_deprecated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        deprecated = _parse_deprecated(d.pop("deprecated", UNSET))

        def _parse_sensitive(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sensitive = _parse_sensitive(d.pop("sensitive", UNSET))

        def _parse_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prefix = _parse_prefix(d.pop("prefix", UNSET))

        def _parse_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suffix = _parse_suffix(d.pop("suffix", UNSET))

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

        form_field = cls(
            id=id,
            label=label,
            placeholder=placeholder,
            description=description,
            type_=type_,
            required=required,
            custom_field=custom_field,
            allow_custom_values=allow_custom_values,
            disabled=disabled,
            hidden=hidden,
            deprecated=deprecated,
            sensitive=sensitive,
            prefix=prefix,
            suffix=suffix,
            options=options,
        )

        form_field.additional_properties = d
        return form_field

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
