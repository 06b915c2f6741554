"""The `session_tokens` operations, one module each (sync, sync_detailed, asyncio, asyncio_detailed)."""
