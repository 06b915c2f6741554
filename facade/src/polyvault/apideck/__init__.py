"""Apideck Vault: consumers, their connections to third-party connectors, Hosted Vault sessions and request logs.

```
with Apideck(consumer_id="account:12345") as apideck:      # APIDECK_API_KEY, APIDECK_APP_ID
    session = apideck.sessions.create(redirect_uri="https://example.com/integrations")
    for connection in apideck.connections.list(unified_api="crm"):
        print(connection.id, connection.state)
    for log in apideck.logs.list(status_code=401, limit=200):   # follows cursors lazily
        print(log.timestamp, log.path)
    other = apideck.with_consumer("account:67890")          # same pool, another consumer
```
Credentials (`Authorization: Bearer <api key>` and `x-apideck-app-id`) are sent only to the
configured host. The consumer id is not a credential: it is sent as `x-apideck-consumer-id` on the
calls that act for a consumer (connections, custom mappings, sessions, logs) and never on consumer
calls, which name the consumer in the path. A call that needs it without one is refused before
sending.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._core.lazy import lazy_exports

if TYPE_CHECKING:
    from ._arguments import PAGE_LIMIT, ConsentState, PathMatchMode, SessionAction, SessionSettings, SessionTheme
    from ._client import Apideck, AsyncApideck
    from ._records import (
        Connection,
        ConsentRecord,
        Consumer,
        ConsumerMetadata,
        CustomField,
        CustomMapping,
        DataScopes,
        FieldPermission,
        FormField,
        FormFieldOption,
        Log,
        RequestCounts,
        ResourceConfiguration,
        ResourceDefault,
        Session,
        ValidatedConnection,
        WebhookSubscription,
    )
    from ._resources import Connections as Connections  # the resource classes: not in __all__, documented
    from ._resources import Consumers as Consumers
    from ._resources import Logs as Logs
    from ._resources import Sessions as Sessions

# Each name is imported on first use: `Apideck(...)` loads the client alone, and the records and resources
# load with the first resource used (a constructed client needs neither).
_LAZY = {
    "Apideck": "_client",
    "AsyncApideck": "_client",
    "Connection": "_records",
    "ConsentRecord": "_records",
    "Consumer": "_records",
    "ConsumerMetadata": "_records",
    "CustomField": "_records",
    "CustomMapping": "_records",
    "DataScopes": "_records",
    "FieldPermission": "_records",
    "FormField": "_records",
    "FormFieldOption": "_records",
    "Log": "_records",
    "RequestCounts": "_records",
    "ResourceConfiguration": "_records",
    "ResourceDefault": "_records",
    "Session": "_records",
    "ValidatedConnection": "_records",
    "WebhookSubscription": "_records",
    "PAGE_LIMIT": "_arguments",
    "ConsentState": "_arguments",
    "PathMatchMode": "_arguments",
    "SessionAction": "_arguments",
    "SessionSettings": "_arguments",
    "SessionTheme": "_arguments",
    "Connections": "_resources",
    "Consumers": "_resources",
    "Logs": "_resources",
    "Sessions": "_resources",
}

__all__ = [
    "PAGE_LIMIT",
    "Apideck",
    "AsyncApideck",
    "Connection",
    "ConsentRecord",
    "ConsentState",
    "Consumer",
    "ConsumerMetadata",
    "CustomField",
    "CustomMapping",
    "DataScopes",
    "FieldPermission",
    "FormField",
    "FormFieldOption",
    "Log",
    "PathMatchMode",
    "RequestCounts",
    "ResourceConfiguration",
    "ResourceDefault",
    "Session",
    "SessionAction",
    "SessionSettings",
    "SessionTheme",
    "ValidatedConnection",
    "WebhookSubscription",
]

__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY, __all__)
