"""Fleet mode: many processes, one vault budget and one VaultPAM session, coordinated through Redis.

With `coordination="redis://..."` (or `POLYVAULT_COORDINATION_URL`), every process that uses the
same vault account shares through Redis:

- the rate budget (budget.py): one GCRA schedule in a Lua script, seeded from the vault's
  documented limit and corrected by what the vault reports; a 429 seen by one process pauses all;
- VaultPAM's session (session.py): one login per fleet, the token sealed with keys derived from
  the credentials (keyring.py), a login lock that expires.

The drivers take turns through the `Acquire` effect (runtime.py) that the retry loop yields via a
`Pacer` (pacing.py). Redis is reached through `Link` (link.py), which fails open: whatever happens
to Redis, calls go on as they would without fleet mode, with one WARNING per outage.

Only settings.py is imported with the client; the rest (redis-py, cryptography) when fleet mode is on.
"""

from .settings import ENV, Coordination, resolve

__all__ = ["ENV", "Coordination", "resolve"]
