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

from ._client import Apideck, AsyncApideck
from ._records import (
    PAGE_LIMIT,
    Connection,
    ConsentRecord,
    ConsentState,
    Consumer,
    ConsumerMetadata,
    CustomField,
    CustomMapping,
    DataScopes,
    FieldPermission,
    FormField,
    FormFieldOption,
    Log,
    PathMatchMode,
    RequestCounts,
    ResourceConfiguration,
    ResourceDefault,
    Session,
    SessionAction,
    SessionSettings,
    SessionTheme,
    ValidatedConnection,
    WebhookSubscription,
)
from ._resources import Connections, Consumers, Logs, Sessions

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

# Public classes report this package as their home (repr, help, pickling, docs), not the private module
# that defines them; the resource classes too, since `help(apideck.connections)` shows them.
for _public in (*(globals()[_name] for _name in __all__), Consumers, Connections, Sessions, Logs):
    if isinstance(_public, type):
        _public.__module__ = __name__
