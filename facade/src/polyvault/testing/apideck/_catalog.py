"""The connectors every FakeApideck offers: a few per Unified API, with their settings, custom fields and mappings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def _field(field_id: str, label: str, *, type: str = "text", required: bool = False, sensitive: bool = False) -> dict[str, Any]:
    return {
        "id": field_id,
        "label": label,
        "placeholder": "",
        "description": None,
        "type": type,
        "required": required,
        "custom_field": False,
        "allow_custom_values": False,
        "disabled": False,
        "hidden": False,
        "deprecated": False,
        "sensitive": sensitive,
        "prefix": None,
        "suffix": None,
    }


def _select(field_id: str, label: str, values: Sequence[str]) -> dict[str, Any]:
    return {
        **_field(field_id, label, type="select"),
        "custom_field": True,
        "allow_custom_values": True,
        "options": [{"label": value, "value": value, "option_type": "simple"} for value in values],
    }


@dataclass(frozen=True)
class ConnectorResource:
    """A resource of a connector: its configurable settings, custom fields and custom mapping targets."""

    settings: tuple[dict[str, Any], ...] = ()
    """The resource's configurable settings, as form fields in Apideck's JSON (what `connections.settings` shows)."""
    custom_fields: tuple[dict[str, Any], ...] = ()
    """The resource's custom fields in Apideck's JSON (what `connections.custom_fields` lists)."""
    mappings: tuple[dict[str, Any], ...] = ()
    """The resource's custom mapping targets in Apideck's JSON (what `connections.custom_mappings` lists, with a connection's values)."""


@dataclass(frozen=True)
class Connector:
    """A connector (service) of a Unified API, as the fake's catalog offers it."""

    unified_api: str
    """The Unified API the connector belongs to (for example `crm`)."""
    service_id: str
    """The connector's id (for example `salesforce`)."""
    name: str
    """The connector's display name (for example `Salesforce`)."""
    auth_type: str
    """How the connector authorizes (`oauth2` or `apiKey` in `CATALOG`): an `oauth2` connection needs credentials before it is callable."""
    grant_type: str | None = None
    """The OAuth grant type (`authorization_code` or `client_credentials`); None for a connector without OAuth."""
    form_fields: tuple[dict[str, Any], ...] = ()
    """The settings of the connection's setup form, in Apideck's JSON; those marked required must be set before the connection is
    callable."""
    required_for_authorization: tuple[str, ...] = ()
    """Settings the integration needs before authorization (`settings_required_for_authorization`, for example `client_id`)."""
    resources: Mapping[str, ConnectorResource] = field(default_factory=dict)
    """The connector's resources by name (for example `leads`), with their settings, custom fields and mappings."""
    migration_targets: tuple[str, ...] = ()
    """The service ids a connection to this connector may be migrated to (`connections.migrate`)."""
    integration_state: str = "configured"
    """The state of the integration for the application: `configured`, or `needs_configuration` (listed, but left out of
    `connections.list(configured=True)`)."""

    @property
    def id(self) -> str:
        """`<unified_api>+<service_id>`."""
        return f"{self.unified_api}+{self.service_id}"

    @property
    def required_settings(self) -> list[str]:
        """Settings a connection needs before it is callable."""
        return [item["id"] for item in self.form_fields if item.get("required")]


def _mapping(unified_api: str, resource: str, key: str, label: str, value: str | None, example: str | None) -> dict[str, Any]:
    return {
        "id": f"{unified_api}+{resource}+{key}",
        "label": label,
        "description": None,
        "value": value,
        "key": key,
        "required": False,
        "custom_field": True,
        "example": example,
    }


_LEADS = ConnectorResource(
    settings=(
        _select("ProductInterest", "Product interest", ["GC5000 series", "GC6000 series"]),
        _field("lead_score", "Lead score", type="number"),
    ),
    custom_fields=(
        {"id": "lead_score__c", "name": "Lead score", "description": None, "value": 87, "finder": "$.lead_score__c"},
        {"id": "region__c", "name": None, "description": "Sales region", "value": "EMEA", "finder": "$.region__c"},
    ),
    mappings=(_mapping("crm", "leads", "lead_score", "Lead score", "$.root.lead_score__c", "87"),),
)
_EMPLOYEES = ConnectorResource(
    custom_fields=(
        {"id": "123456", "name": "SSN", "description": None, "value": "495172776", "finder": "$.custom_fields[?(@.id=='123456')].value"},
        {"id": "level", "name": None, "description": "Employee Level", "value": 3, "finder": "$.custom_fields[?(@.id=='level')].value"},
    ),
    mappings=(
        _mapping("hris", "employees", "first_aid_training", "First Aid Training", "$.root.training.first_aid", "2021-03-12"),
        _mapping("hris", "employees", "badge_number", "Badge number", None, None),
    ),
)
_INVOICES = ConnectorResource(
    custom_fields=(
        {"id": "po_number", "name": "PO number", "description": None, "value": "PO-1001", "finder": "$.CustomField[0].StringValue"},
    ),
    mappings=(_mapping("accounting", "invoices", "po_number", "PO number", "$.CustomField[0].StringValue", "PO-1001"),),
)
_API_KEY_FIELD = _field("api_key", "API key", type="password", required=True, sensitive=True)
_CLIENT_FIELDS = (
    _field("client_id", "Client ID", required=True),
    _field("client_secret", "Client secret", type="password", required=True, sensitive=True),
)

CATALOG: tuple[Connector, ...] = (
    Connector(
        "crm",
        "salesforce",
        "Salesforce",
        "oauth2",
        "authorization_code",
        (_field("instance_url", "Instance url"),),
        (),
        {"leads": _LEADS, "contacts": ConnectorResource()},
    ),
    Connector("crm", "pipedrive", "Pipedrive", "apiKey", None, (_API_KEY_FIELD,), (), {"leads": _LEADS}),
    Connector(
        "crm",
        "hubspot",
        "HubSpot",
        "oauth2",
        "authorization_code",
        (),
        ("client_id", "client_secret"),
        integration_state="needs_configuration",
    ),
    Connector(
        "accounting",
        "quickbooks",
        "QuickBooks",
        "oauth2",
        "authorization_code",
        (),
        (),
        {"invoices": _INVOICES},
        ("intuit-enterprise-suite",),
    ),
    Connector(
        "accounting", "intuit-enterprise-suite", "Intuit Enterprise Suite", "oauth2", "authorization_code", (), (), {"invoices": _INVOICES}
    ),
    Connector("accounting", "xero", "Xero", "oauth2", "authorization_code"),
    Connector(
        "hris",
        "bamboohr",
        "BambooHR",
        "apiKey",
        None,
        (_field("subdomain", "Subdomain", required=True), _API_KEY_FIELD),
        (),
        {"employees": _EMPLOYEES},
    ),
    Connector(
        "hris",
        "workday",
        "Workday",
        "oauth2",
        "client_credentials",
        _CLIENT_FIELDS,
        ("client_id", "client_secret"),
        {"employees": _EMPLOYEES},
    ),
    Connector("file-storage", "box", "Box", "oauth2", "authorization_code"),
    Connector("file-storage", "google-drive", "Google Drive", "oauth2", "authorization_code"),
)
"""The connectors every FakeApideck offers (a few per Unified API)."""
