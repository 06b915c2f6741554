"""The typed arguments some Apideck calls take, and the limits they are checked against (cheap to import: no records)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypedDict, get_args

from .._core.lazy import publish

PAGE_LIMIT = 200
"""The largest page (`limit`) Apideck serves."""
MAX_STATUS_CODES = 50
"""At most this many values in the logs `status_codes` filter."""

PathMatchMode = Literal["CONTAINS", "STARTS_WITH", "ENDS_WITH", "EXACT"]
"""How the logs `path` filter matches a request's path: anywhere in it (CONTAINS, Apideck's default), at its start or end, or whole."""
PATH_MATCH_MODES: frozenset[PathMatchMode] = frozenset(get_args(PathMatchMode))
ConsentState = Literal["implicit", "pending", "granted", "denied", "revoked", "requires_reconsent"]
"""A connection's consent state, as `connections.update(consent_state=...)` sets it (`Connection.consent_state` reads it)."""
CONSENT_STATES: frozenset[ConsentState] = frozenset(get_args(ConsentState))
SessionAction = Literal["delete", "disconnect", "reauthorize", "disable"]
"""What a Hosted Vault session lets the consumer do to a connection (`SessionSettings.allow_actions`)."""
SESSION_ACTIONS: frozenset[SessionAction] = frozenset(get_args(SessionAction))


class SessionSettings(TypedDict, total=False):
    """How Hosted Vault is displayed for a session (every key optional; the server's defaults apply)."""

    unified_apis: Sequence[str]
    """The Unified APIs Vault shows (by id, for example `crm`); all of them when absent or empty."""
    hide_resource_settings: bool
    """Hide the configurable resources of an integration from the user (server default False)."""
    sandbox_mode: bool
    """Show a banner telling the user they are in a test environment (server default False)."""
    isolation_mode: bool
    """Show only the connection settings, without the navigation (server default False)."""
    session_length: str
    """How long the session is valid, for example `30m` (at most a week; server default `1h`)."""
    show_logs: bool
    """Show the logs page (server default True)."""
    show_suggestions: bool
    """Show the suggestions page (server default False)."""
    show_sidebar: bool
    """Show the sidebar (server default True)."""
    auto_redirect: bool
    """Send the user to the session's `redirect_uri` as soon as the connection is callable (server default False)."""
    hide_guides: bool
    """Hide Apideck's connection guides (server default False)."""
    allow_actions: Sequence[SessionAction]
    """The actions Vault offers on a connection (`delete`, `disconnect`, `reauthorize`, `disable`); an empty list hides them all, and all
    are offered when absent."""


class SessionTheme(TypedDict, total=False):
    """Look and feel of Hosted Vault (every key optional)."""

    favicon: str
    """URL of the favicon Vault uses."""
    logo: str
    """URL of the logo Vault shows."""
    primary_color: str
    """Vault's primary color (a CSS color, for example `#286efa`)."""
    sidepanel_background_color: str
    """The sidebar's background color (a CSS color)."""
    sidepanel_text_color: str
    """The sidebar's text color (a CSS color)."""
    vault_name: str
    """The name the sidebar shows."""
    privacy_url: str
    """URL of the privacy policy linked in the sidebar."""
    terms_url: str
    """URL of the terms and conditions linked in the sidebar."""


publish(globals())
