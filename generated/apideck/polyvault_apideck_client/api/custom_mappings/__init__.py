"""The `custom_mappings` operations, one module each (sync, sync_detailed, asyncio, asyncio_detailed)."""
