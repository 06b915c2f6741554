"""The one redaction rule, used for log records, error messages and reprs across all vaults.

Two things are masked:
- the values of credential-like query parameters and any user:password in a URL (httpx logs full
  URLs, and Vaultera's API key travels as `?api_key=`);
- any known secret (a client's credentials, the values a call sends) wherever it appears in a
  text, raw or percent-encoded.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "[REDACTED]"
SENSITIVE_PARAMS = ("api_key", "apikey", "access_token", "session_token", "service_code_token", "token", "password", "secret")
# `name=value` inside a URL or a query string, for the names above (case-insensitive).
_PARAM = re.compile(r"(?i)(?:(?<![A-Za-z0-9_])|(?<=%3F)|(?<=%26))(" + "|".join(SENSITIVE_PARAMS) + r")(=|%3D)((?:(?!%26)[^&#\s\"'])*)")
# `scheme://user:password@` in a URL.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]*@")
_MIN_SECRET = 4  # shorter strings would mask ordinary text


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with credential query parameters, URL user-info and every given secret masked."""
    text = _USERINFO.sub(rf"\1{MASK}@", _PARAM.sub(rf"\1\2{MASK}", text))
    for secret in secrets:
        if len(secret) >= _MIN_SECRET:
            for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
                text = text.replace(form, MASK)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that applies `redact` to a record's message and arguments, in place."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_arg(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redact_arg(value) for key, value in record.args.items()}
        return True


def _redact_arg(arg: object) -> object:
    if isinstance(arg, (str, int, float)) or arg is None:
        return redact(arg) if isinstance(arg, str) else arg
    text = str(arg)  # httpx.URL, bytes and others are logged through str()
    cleaned = redact(text)
    return arg if cleaned == text else cleaned


_FILTER = RedactingFilter()
# Loggers of the libraries our requests pass through; httpx logs every request's full URL at INFO.
_LIBRARY_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def install_log_redaction() -> None:
    """Attach the redacting filter to the HTTP libraries' loggers (idempotent)."""
    for name in _LIBRARY_LOGGERS:
        logging.getLogger(name).addFilter(_FILTER)
