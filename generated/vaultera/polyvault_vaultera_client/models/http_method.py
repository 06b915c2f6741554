from typing import Literal

HttpMethod = Literal["delete", "get", "head", "options", "patch", "post", "put"]

HTTP_METHOD_VALUES: set[HttpMethod] = {
    "delete",
    "get",
    "head",
    "options",
    "patch",
    "post",
    "put",
}


def check_http_method(value: str) -> HttpMethod:
    if value in HTTP_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HTTP_METHOD_VALUES!r}")
