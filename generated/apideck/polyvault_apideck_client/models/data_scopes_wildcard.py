from typing import Literal

DataScopesWildcard = Literal["*"]

DATA_SCOPES_WILDCARD_VALUES: set[DataScopesWildcard] = {
    "*",
}


def check_data_scopes_wildcard(value: str) -> DataScopesWildcard:
    if value in DATA_SCOPES_WILDCARD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATA_SCOPES_WILDCARD_VALUES!r}")
