from typing import Literal

LogsPathMatchMode = Literal["CONTAINS", "ENDS_WITH", "EXACT", "STARTS_WITH"]

LOGS_PATH_MATCH_MODE_VALUES: set[LogsPathMatchMode] = {
    "CONTAINS",
    "ENDS_WITH",
    "EXACT",
    "STARTS_WITH",
}


def check_logs_path_match_mode(value: str) -> LogsPathMatchMode:
    if value in LOGS_PATH_MATCH_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LOGS_PATH_MATCH_MODE_VALUES!r}")
