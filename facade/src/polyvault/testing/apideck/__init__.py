"""FakeApideck: a stateful Apideck Vault (consumers, connections, sessions, logs) that behaves as Apideck documents it.

- Auth: `Authorization: Bearer <api key>` and `x-apideck-app-id` on every call (401 UnauthorizedError
  otherwise); `x-apideck-consumer-id` on connection, custom-mapping, session and log calls (the
  documented 400 RequestHeadersValidationError "Missing Header: x-apideck-consumer-id" when absent),
  optional on `GET /vault/connections`, ignored on consumer calls.
- Every answer carries `Request-Id` (and `x-apideck-request-id`); errors use Apideck's envelope
  `{status_code, error, type_name, message, detail, ref}`.
- A seeded catalog of connectors per Unified API (`CATALOG`: OAuth2 authorization-code and
  client-credentials connectors, API-key connectors, one that still needs configuration, a
  migration pair), so a test can add, authorize and call connections.
- Connections move through the documented states: `available` (listed, not added) → `added`
  (created, not yet authorized or missing required settings) → `authorized` (credentials stored,
  but settings missing or a CSRF confirmation pending) → `callable`; `invalid` after a failed
  token refresh. `health` follows (ok, needs_auth, missing_settings, pending_confirmation,
  needs_consent). The OAuth browser flow is simulated by `fake.authorize(...)` (with `nonce=` it
  returns the `confirm_token` the callback would put in the URL fragment); `fake.fail_refresh(...)`
  makes the next forced refresh (`validate`) fail. A migration retried after it finished answers
  with the migrated connection, as Apideck documents ("retries are idempotent").
- Consumers are created by `POST /vault/consumers` (an existing id is updated, not refused) and
  upserted by sessions, connection add and import (as Vault does); the client's own consumer
  (`fake.consumer_id`) exists from the start.
- Cursor pagination (consumers oldest first, logs newest first) with `limit` 1..200 (default 20) and
  opaque cursors that stay valid while entries are added; `meta.cursors.next` is null on the last
  page. `fake.add_logs(n)` appends log entries in bulk.
- `FakeApideck(request_limit=N)`: the plan's request limit; past N authenticated calls every call
  is refused with the documented 402 RequestLimitError.
- The logs `filter[connector_id]` is ignored, as Apideck documents ("currently not applied");
  `FakeApideck(apply_connector_filter=True)` applies it.
"""

from __future__ import annotations

from ._catalog import CATALOG, Connector, ConnectorResource
from ._routes import FakeApideck

__all__ = ["CATALOG", "Connector", "ConnectorResource", "FakeApideck"]
FakeApideck.__module__ = __name__  # its public home (repr, help, docs), not the private module defining it
