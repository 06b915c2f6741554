from typing import Literal

SimpleFormFieldOptionInputOptionType = Literal["simple"]

SIMPLE_FORM_FIELD_OPTION_INPUT_OPTION_TYPE_VALUES: set[SimpleFormFieldOptionInputOptionType] = {
    "simple",
}


def check_simple_form_field_option_input_option_type(value: str) -> SimpleFormFieldOptionInputOptionType:
    if value in SIMPLE_FORM_FIELD_OPTION_INPUT_OPTION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SIMPLE_FORM_FIELD_OPTION_INPUT_OPTION_TYPE_VALUES!r}"
    )
