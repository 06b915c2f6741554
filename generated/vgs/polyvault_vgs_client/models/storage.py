from typing import Literal

Storage = Literal["PERSISTENT", "VOLATILE"]

STORAGE_VALUES: set[Storage] = {
    "PERSISTENT",
    "VOLATILE",
}


def check_storage(value: str) -> Storage:
    if value in STORAGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STORAGE_VALUES!r}")
