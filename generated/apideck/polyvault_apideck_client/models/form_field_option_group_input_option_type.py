from typing import Literal

FormFieldOptionGroupInputOptionType = Literal["group"]

FORM_FIELD_OPTION_GROUP_INPUT_OPTION_TYPE_VALUES: set[FormFieldOptionGroupInputOptionType] = {
    "group",
}


def check_form_field_option_group_input_option_type(value: str) -> FormFieldOptionGroupInputOptionType:
    if value in FORM_FIELD_OPTION_GROUP_INPUT_OPTION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FORM_FIELD_OPTION_GROUP_INPUT_OPTION_TYPE_VALUES!r}")
