from typing import Literal

AliasFormat = Literal[
    "ALPHANUMERIC_SIX_T_FOUR",
    "FPE_ACC_NUM_T_FOUR",
    "FPE_ALPHANUMERIC_ACC_NUM_T_FOUR",
    "FPE_SIX_T_FOUR",
    "FPE_SSN_T_FOUR",
    "FPE_T_FOUR",
    "GENERIC_T_FOUR",
    "NON_LUHN_FPE_ALPHANUMERIC",
    "NUM_LENGTH_PRESERVING",
    "PFPT",
    "RAW_UUID",
    "UUID",
    "VGS_FIXED_LEN_GENERIC",
]

ALIAS_FORMAT_VALUES: set[AliasFormat] = {
    "ALPHANUMERIC_SIX_T_FOUR",
    "FPE_ACC_NUM_T_FOUR",
    "FPE_ALPHANUMERIC_ACC_NUM_T_FOUR",
    "FPE_SIX_T_FOUR",
    "FPE_SSN_T_FOUR",
    "FPE_T_FOUR",
    "GENERIC_T_FOUR",
    "NON_LUHN_FPE_ALPHANUMERIC",
    "NUM_LENGTH_PRESERVING",
    "PFPT",
    "RAW_UUID",
    "UUID",
    "VGS_FIXED_LEN_GENERIC",
}


def check_alias_format(value: str) -> AliasFormat:
    if value in ALIAS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ALIAS_FORMAT_VALUES!r}")
