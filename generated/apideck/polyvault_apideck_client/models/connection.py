from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connection_configuration import ConnectionConfiguration
    from ..models.consent_record import ConsentRecord
    from ..models.custom_mapping import CustomMapping
    from ..models.data_scopes import DataScopes
    from ..models.form_field import FormField
    from ..models.webhook_subscription import WebhookSubscription


T = TypeVar("T", bound="Connection")


@_attrs_define
class Connection:
    """A consumer's connection to one connector of one Unified API.

    Attributes:
        id (str | Unset): Connection id, `<unified_api>+<service_id>`. Example: crm+salesforce.
        service_id (str | Unset): The connector's id. Example: salesforce.
        name (str | Unset): The connector's name. Example: Salesforce.
        tag_line (str | Unset):
        unified_api (str | Unset): The Unified API the connection belongs to. Example: crm.
        state (str | Unset): Where the connection is in its lifecycle. Known values: available, added, authorized,
            callable, invalid. Other values may appear. Example: callable.
        integration_state (str | Unset): State of the integration (the connector as configured for the application).
            Known values: disabled, needs_configuration, configured. Other values may appear. Example: configured.
        auth_type (str | Unset): Authorization type of the connector. Known values: oauth2, apiKey, basic, custom, none.
            Other values may appear. Example: oauth2.
        oauth_grant_type (str | Unset): OAuth grant type of the connector. Known values: authorization_code,
            client_credentials, password. Other values may appear. Example: authorization_code.
        status (str | Unset): Availability of the connector. Known values: live, upcoming, requested. Other values may
            appear. Example: live.
        enabled (bool | Unset): Whether the connection is enabled (change it with Update connection).
        website (str | Unset):  Example: https://www.salesforce.com.
        icon (str | Unset):
        logo (str | Unset):
        authorize_url (None | str | Unset): OAuth authorize URL. Append `redirect_uri` (URL-encoded) as a query
            parameter before sending the user there; the user returns to that URI after granting access.
        revoke_url (None | str | Unset): OAuth revoke URL. Append `redirect_uri` (URL-encoded) as a query parameter.
        settings (Any | Unset): Connector settings: a free-form JSON object (keys match the `id` of `form_fields`, for
            example `instance_url`) or null. Deliberately untyped so that it parses to a plain dict.
        metadata (Any | Unset): Your own metadata for this connection: a free-form JSON object or null. Apideck may add
            `company_id`, the normalized id of the authorized organization copied from the connector's setting (for example
            the Xero tenant id or QuickBooks realm id). Deliberately untyped so that it parses to a plain dict.
        form_fields (list[FormField] | Unset): The settings a user fills in to set up the connection.
        configuration (list[ConnectionConfiguration] | Unset): Default values per resource.
        configurable_resources (list[str] | Unset):  Example: ['leads'].
        resource_schema_support (list[str] | Unset):
        resource_settings_support (list[str] | Unset):
        validation_support (bool | Unset):
        schema_support (bool | Unset):
        settings_required_for_authorization (list[str] | Unset): Settings that must be configured on the integration
            before authorization. Example: ['client_id', 'client_secret'].
        subscriptions (list[WebhookSubscription] | Unset):
        has_guide (bool | Unset): Whether Apideck's developer docs have a connection guide for this connector.
        custom_mappings (list[CustomMapping] | Unset): Custom mappings configured for this connection.
        consent_state (str | Unset): Consent state of the connection. Known values: implicit, pending, granted, denied,
            revoked, requires_reconsent. Other values may appear. Example: granted.
        consents (list[ConsentRecord] | Unset): Consent records (append-only, for audit).
        latest_consent (ConsentRecord | Unset): One consent decision of the consumer.
        application_data_scopes (DataScopes | Unset): The application's Data Scopes configuration as applied to this
            connection.
        health (str | Unset): Operational health of the connection. Known values: ok, pending_refresh, needs_auth,
            pending_confirmation, needs_consent, revoked, missing_settings, degraded. Other values may appear. Example: ok.
        credentials_expire_at (float | Unset): Unix time in milliseconds at which the credentials are deleted if token
            refresh keeps failing; 0 when no retention window is active. Example: 1730172800000.
        last_refresh_failed_at (float | Unset): Unix time in milliseconds of the latest failed token refresh; 0 when
            none. Example: 1730000000000.
        last_downstream_error_at (float | Unset): Unix time in milliseconds of the latest downstream-unreachable error
            (502/504); 0 when none. The connection stays callable and health shows degraded. Example: 1730000000000.
        created_at (float | Unset): Unix time in milliseconds. Example: 1615563533390.
        updated_at (float | None | Unset): Unix time in milliseconds. Example: 1616662325753.
    """

    id: str | Unset = UNSET
    service_id: str | Unset = UNSET
    name: str | Unset = UNSET
    tag_line: str | Unset = UNSET
    unified_api: str | Unset = UNSET
    state: str | Unset = UNSET
    integration_state: str | Unset = UNSET
    auth_type: str | Unset = UNSET
    oauth_grant_type: str | Unset = UNSET
    status: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    website: str | Unset = UNSET
    icon: str | Unset = UNSET
    logo: str | Unset = UNSET
    authorize_url: None | str | Unset = UNSET
    revoke_url: None | str | Unset = UNSET
    settings: Any | Unset = UNSET
    metadata: Any | Unset = UNSET
    form_fields: list[FormField] | Unset = UNSET
    configuration: list[ConnectionConfiguration] | Unset = UNSET
    configurable_resources: list[str] | Unset = UNSET
    resource_schema_support: list[str] | Unset = UNSET
    resource_settings_support: list[str] | Unset = UNSET
    validation_support: bool | Unset = UNSET
    schema_support: bool | Unset = UNSET
    settings_required_for_authorization: list[str] | Unset = UNSET
    subscriptions: list[WebhookSubscription] | Unset = UNSET
    has_guide: bool | Unset = UNSET
    custom_mappings: list[CustomMapping] | Unset = UNSET
    consent_state: str | Unset = UNSET
    consents: list[ConsentRecord] | Unset = UNSET
    latest_consent: ConsentRecord | Unset = UNSET
    application_data_scopes: DataScopes | Unset = UNSET
    health: str | Unset = UNSET
    credentials_expire_at: float | Unset = UNSET
    last_refresh_failed_at: float | Unset = UNSET
    last_downstream_error_at: float | Unset = UNSET
    created_at: float | Unset = UNSET
    updated_at: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        service_id = self.service_id

        name = self.name

        tag_line = self.tag_line

        unified_api = self.unified_api

        state = self.state

        integration_state = self.integration_state

        auth_type = self.auth_type

        oauth_grant_type = self.oauth_grant_type

        status = self.status

        enabled = self.enabled

        website = self.website

        icon = self.icon

        logo = self.logo

        authorize_url: None | str | Unset
        if isinstance(self.authorize_url, Unset):
            authorize_url = UNSET
        else:
            authorize_url = self.authorize_url

        revoke_url: None | str | Unset
        if isinstance(self.revoke_url, Unset):
            revoke_url = UNSET
        else:
            revoke_url = self.revoke_url

        settings = self.settings

        metadata = self.metadata

        form_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.form_fields, Unset):
            form_fields = []
            for form_fields_item_data in self.form_fields:
                form_fields_item = form_fields_item_data.to_dict()
                form_fields.append(form_fields_item)

        configuration: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = []
            for configuration_item_data in self.configuration:
                configuration_item = configuration_item_data.to_dict()
                configuration.append(configuration_item)

        configurable_resources: list[str] | Unset = UNSET
        if not isinstance(self.configurable_resources, Unset):
            configurable_resources = self.configurable_resources

        resource_schema_support: list[str] | Unset = UNSET
        if not isinstance(self.resource_schema_support, Unset):
            resource_schema_support = self.resource_schema_support

        resource_settings_support: list[str] | Unset = UNSET
        if not isinstance(self.resource_settings_support, Unset):
            resource_settings_support = self.resource_settings_support

        validation_support = self.validation_support

        schema_support = self.schema_support

        settings_required_for_authorization: list[str] | Unset = UNSET
        if not isinstance(self.settings_required_for_authorization, Unset):
            settings_required_for_authorization = self.settings_required_for_authorization

        subscriptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subscriptions, Unset):
            subscriptions = []
            for subscriptions_item_data in self.subscriptions:
                subscriptions_item = subscriptions_item_data.to_dict()
                subscriptions.append(subscriptions_item)

        has_guide = self.has_guide

        custom_mappings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_mappings, Unset):
            custom_mappings = []
            for custom_mappings_item_data in self.custom_mappings:
                custom_mappings_item = custom_mappings_item_data.to_dict()
                custom_mappings.append(custom_mappings_item)

        consent_state = self.consent_state

        consents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consents, Unset):
            consents = []
            for consents_item_data in self.consents:
                consents_item = consents_item_data.to_dict()
                consents.append(consents_item)

        latest_consent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latest_consent, Unset):
            latest_consent = self.latest_consent.to_dict()

        application_data_scopes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.application_data_scopes, Unset):
            application_data_scopes = self.application_data_scopes.to_dict()

        health = self.health

        credentials_expire_at = self.credentials_expire_at

        last_refresh_failed_at = self.last_refresh_failed_at

        last_downstream_error_at = self.last_downstream_error_at

        created_at = self.created_at

        updated_at: float | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if name is not UNSET:
            field_dict["name"] = name
        if tag_line is not UNSET:
            field_dict["tag_line"] = tag_line
        if unified_api is not UNSET:
            field_dict["unified_api"] = unified_api
        if state is not UNSET:
            field_dict["state"] = state
        if integration_state is not UNSET:
            field_dict["integration_state"] = integration_state
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if oauth_grant_type is not UNSET:
            field_dict["oauth_grant_type"] = oauth_grant_type
        if status is not UNSET:
            field_dict["status"] = status
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if website is not UNSET:
            field_dict["website"] = website
        if icon is not UNSET:
            field_dict["icon"] = icon
        if logo is not UNSET:
            field_dict["logo"] = logo
        if authorize_url is not UNSET:
            field_dict["authorize_url"] = authorize_url
        if revoke_url is not UNSET:
            field_dict["revoke_url"] = revoke_url
        if settings is not UNSET:
            field_dict["settings"] = settings
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if form_fields is not UNSET:
            field_dict["form_fields"] = form_fields
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if configurable_resources is not UNSET:
            field_dict["configurable_resources"] = configurable_resources
        if resource_schema_support is not UNSET:
            field_dict["resource_schema_support"] = resource_schema_support
        if resource_settings_support is not UNSET:
            field_dict["resource_settings_support"] = resource_settings_support
        if validation_support is not UNSET:
            field_dict["validation_support"] = validation_support
        if schema_support is not UNSET:
            field_dict["schema_support"] = schema_support
        if settings_required_for_authorization is not UNSET:
            field_dict["settings_required_for_authorization"] = settings_required_for_authorization
        if subscriptions is not UNSET:
            field_dict["subscriptions"] = subscriptions
        if has_guide is not UNSET:
            field_dict["has_guide"] = has_guide
        if custom_mappings is not UNSET:
            field_dict["custom_mappings"] = custom_mappings
        if consent_state is not UNSET:
            field_dict["consent_state"] = consent_state
        if consents is not UNSET:
            field_dict["consents"] = consents
        if latest_consent is not UNSET:
            field_dict["latest_consent"] = latest_consent
        if application_data_scopes is not UNSET:
            field_dict["application_data_scopes"] = application_data_scopes
        if health is not UNSET:
            field_dict["health"] = health
        if credentials_expire_at is not UNSET:
            field_dict["credentials_expire_at"] = credentials_expire_at
        if last_refresh_failed_at is not UNSET:
            field_dict["last_refresh_failed_at"] = last_refresh_failed_at
        if last_downstream_error_at is not UNSET:
            field_dict["last_downstream_error_at"] = last_downstream_error_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_configuration import ConnectionConfiguration  # noqa: PLC0415
        from ..models.consent_record import ConsentRecord  # noqa: PLC0415
        from ..models.custom_mapping import CustomMapping  # noqa: PLC0415
        from ..models.data_scopes import DataScopes  # noqa: PLC0415
        from ..models.form_field import FormField  # noqa: PLC0415
        from ..models.webhook_subscription import WebhookSubscription  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        service_id = d.pop("service_id", UNSET)

        name = d.pop("name", UNSET)

        tag_line = d.pop("tag_line", UNSET)

        unified_api = d.pop("unified_api", UNSET)

        state = d.pop("state", UNSET)

        integration_state = d.pop("integration_state", UNSET)

        auth_type = d.pop("auth_type", UNSET)

        oauth_grant_type = d.pop("oauth_grant_type", UNSET)

        status = d.pop("status", UNSET)

        enabled = d.pop("enabled", UNSET)

        website = d.pop("website", UNSET)

        icon = d.pop("icon", UNSET)

        logo = d.pop("logo", UNSET)

        def _parse_authorize_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorize_url = _parse_authorize_url(d.pop("authorize_url", UNSET))

        def _parse_revoke_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revoke_url = _parse_revoke_url(d.pop("revoke_url", UNSET))

        settings = d.pop("settings", UNSET)

        metadata = d.pop("metadata", UNSET)

        _form_fields = d.pop("form_fields", UNSET)
        form_fields: list[FormField] | Unset = UNSET
        if _form_fields is not UNSET:
            form_fields = []
            for form_fields_item_data in _form_fields:
                form_fields_item = FormField.from_dict(form_fields_item_data)

                form_fields.append(form_fields_item)

        _configuration = d.pop("configuration", UNSET)
        configuration: list[ConnectionConfiguration] | Unset = UNSET
        if _configuration is not UNSET:
            configuration = []
            for configuration_item_data in _configuration:
                configuration_item = ConnectionConfiguration.from_dict(configuration_item_data)

                configuration.append(configuration_item)

        configurable_resources = cast(list[str], d.pop("configurable_resources", UNSET))

        resource_schema_support = cast(list[str], d.pop("resource_schema_support", UNSET))

        resource_settings_support = cast(list[str], d.pop("resource_settings_support", UNSET))

        validation_support = d.pop("validation_support", UNSET)

        schema_support = d.pop("schema_support", UNSET)

        settings_required_for_authorization = cast(list[str], d.pop("settings_required_for_authorization", UNSET))

        _subscriptions = d.pop("subscriptions", UNSET)
        subscriptions: list[WebhookSubscription] | Unset = UNSET
        if _subscriptions is not UNSET:
            subscriptions = []
            for subscriptions_item_data in _subscriptions:
                subscriptions_item = WebhookSubscription.from_dict(subscriptions_item_data)

                subscriptions.append(subscriptions_item)

        has_guide = d.pop("has_guide", UNSET)

        _custom_mappings = d.pop("custom_mappings", UNSET)
        custom_mappings: list[CustomMapping] | Unset = UNSET
        if _custom_mappings is not UNSET:
            custom_mappings = []
            for custom_mappings_item_data in _custom_mappings:
                custom_mappings_item = CustomMapping.from_dict(custom_mappings_item_data)

                custom_mappings.append(custom_mappings_item)

        consent_state = d.pop("consent_state", UNSET)

        _consents = d.pop("consents", UNSET)
        consents: list[ConsentRecord] | Unset = UNSET
        if _consents is not UNSET:
            consents = []
            for consents_item_data in _consents:
                consents_item = ConsentRecord.from_dict(consents_item_data)

                consents.append(consents_item)

        _latest_consent = d.pop("latest_consent", UNSET)
        latest_consent: ConsentRecord | Unset
        if isinstance(_latest_consent, Unset):
            latest_consent = UNSET
        else:
            latest_consent = ConsentRecord.from_dict(_latest_consent)

        _application_data_scopes = d.pop("application_data_scopes", UNSET)
        application_data_scopes: DataScopes | Unset
        if isinstance(_application_data_scopes, Unset):
            application_data_scopes = UNSET
        else:
            application_data_scopes = DataScopes.from_dict(_application_data_scopes)

        health = d.pop("health", UNSET)

        credentials_expire_at = d.pop("credentials_expire_at", UNSET)

        last_refresh_failed_at = d.pop("last_refresh_failed_at", UNSET)

        last_downstream_error_at = d.pop("last_downstream_error_at", UNSET)

        created_at = d.pop("created_at", UNSET)

        def _parse_updated_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        connection = cls(
            id=id,
            service_id=service_id,
            name=name,
            tag_line=tag_line,
            unified_api=unified_api,
            state=state,
            integration_state=integration_state,
            auth_type=auth_type,
            oauth_grant_type=oauth_grant_type,
            status=status,
            enabled=enabled,
            website=website,
            icon=icon,
            logo=logo,
            authorize_url=authorize_url,
            revoke_url=revoke_url,
            settings=settings,
            metadata=metadata,
            form_fields=form_fields,
            configuration=configuration,
            configurable_resources=configurable_resources,
            resource_schema_support=resource_schema_support,
            resource_settings_support=resource_settings_support,
            validation_support=validation_support,
            schema_support=schema_support,
            settings_required_for_authorization=settings_required_for_authorization,
            subscriptions=subscriptions,
            has_guide=has_guide,
            custom_mappings=custom_mappings,
            consent_state=consent_state,
            consents=consents,
            latest_consent=latest_consent,
            application_data_scopes=application_data_scopes,
            health=health,
            credentials_expire_at=credentials_expire_at,
            last_refresh_failed_at=last_refresh_failed_at,
            last_downstream_error_at=last_downstream_error_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        connection.additional_properties = d
        return connection

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
