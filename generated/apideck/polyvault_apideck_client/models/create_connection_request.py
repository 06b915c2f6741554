from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_state_input import ConsentStateInput, check_consent_state_input
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connection_configuration_input import ConnectionConfigurationInput
    from ..models.connection_metadata_input import ConnectionMetadataInput
    from ..models.connection_settings_input import ConnectionSettingsInput
    from ..models.consent_record_input import ConsentRecordInput
    from ..models.custom_mapping_input import CustomMappingInput
    from ..models.data_scopes_input import DataScopesInput


T = TypeVar("T", bound="CreateConnectionRequest")


@_attrs_define
class CreateConnectionRequest:
    """The writable fields of a connection.

    Attributes:
        enabled (bool | Unset):
        settings (ConnectionSettingsInput | Unset): Connector settings to store (free-form; keys match the `id` of the
            connector's `form_fields`, for example `instance_url` or `api_key`).
        metadata (ConnectionMetadataInput | Unset): Your own metadata for this connection (free-form).
        configuration (list[ConnectionConfigurationInput] | Unset):
        custom_mappings (list[CustomMappingInput] | Unset):
        consent_state (ConsentStateInput | Unset): Consent state of the connection.
        latest_consent (ConsentRecordInput | Unset): A consent decision (the writable part of a consent record).
        application_data_scopes (DataScopesInput | Unset): Data Scopes configuration (the writable part).
    """

    enabled: bool | Unset = UNSET
    settings: ConnectionSettingsInput | Unset = UNSET
    metadata: ConnectionMetadataInput | Unset = UNSET
    configuration: list[ConnectionConfigurationInput] | Unset = UNSET
    custom_mappings: list[CustomMappingInput] | Unset = UNSET
    consent_state: ConsentStateInput | Unset = UNSET
    latest_consent: ConsentRecordInput | Unset = UNSET
    application_data_scopes: DataScopesInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        configuration: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = []
            for configuration_item_data in self.configuration:
                configuration_item = configuration_item_data.to_dict()
                configuration.append(configuration_item)

        custom_mappings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_mappings, Unset):
            custom_mappings = []
            for custom_mappings_item_data in self.custom_mappings:
                custom_mappings_item = custom_mappings_item_data.to_dict()
                custom_mappings.append(custom_mappings_item)

        consent_state: str | Unset = UNSET
        if not isinstance(self.consent_state, Unset):
            consent_state = self.consent_state

        latest_consent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latest_consent, Unset):
            latest_consent = self.latest_consent.to_dict()

        application_data_scopes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.application_data_scopes, Unset):
            application_data_scopes = self.application_data_scopes.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if settings is not UNSET:
            field_dict["settings"] = settings
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if custom_mappings is not UNSET:
            field_dict["custom_mappings"] = custom_mappings
        if consent_state is not UNSET:
            field_dict["consent_state"] = consent_state
        if latest_consent is not UNSET:
            field_dict["latest_consent"] = latest_consent
        if application_data_scopes is not UNSET:
            field_dict["application_data_scopes"] = application_data_scopes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_configuration_input import ConnectionConfigurationInput  # noqa: PLC0415
        from ..models.connection_metadata_input import ConnectionMetadataInput  # noqa: PLC0415
        from ..models.connection_settings_input import ConnectionSettingsInput  # noqa: PLC0415
        from ..models.consent_record_input import ConsentRecordInput  # noqa: PLC0415
        from ..models.custom_mapping_input import CustomMappingInput  # noqa: PLC0415
        from ..models.data_scopes_input import DataScopesInput  # noqa: PLC0415

        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: ConnectionSettingsInput | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = ConnectionSettingsInput.from_dict(_settings)

        _metadata = d.pop("metadata", UNSET)
        metadata: ConnectionMetadataInput | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ConnectionMetadataInput.from_dict(_metadata)

        _configuration = d.pop("configuration", UNSET)
        configuration: list[ConnectionConfigurationInput] | Unset = UNSET
        if _configuration is not UNSET:
            configuration = []
            for configuration_item_data in _configuration:
                configuration_item = ConnectionConfigurationInput.from_dict(configuration_item_data)

                configuration.append(configuration_item)

        _custom_mappings = d.pop("custom_mappings", UNSET)
        custom_mappings: list[CustomMappingInput] | Unset = UNSET
        if _custom_mappings is not UNSET:
            custom_mappings = []
            for custom_mappings_item_data in _custom_mappings:
                custom_mappings_item = CustomMappingInput.from_dict(custom_mappings_item_data)

                custom_mappings.append(custom_mappings_item)

        _consent_state = d.pop("consent_state", UNSET)
        consent_state: ConsentStateInput | Unset
        if isinstance(_consent_state, Unset):
            consent_state = UNSET
        else:
            consent_state = check_consent_state_input(_consent_state)

        _latest_consent = d.pop("latest_consent", UNSET)
        latest_consent: ConsentRecordInput | Unset
        if isinstance(_latest_consent, Unset):
            latest_consent = UNSET
        else:
            latest_consent = ConsentRecordInput.from_dict(_latest_consent)

        _application_data_scopes = d.pop("application_data_scopes", UNSET)
        application_data_scopes: DataScopesInput | Unset
        if isinstance(_application_data_scopes, Unset):
            application_data_scopes = UNSET
        else:
            application_data_scopes = DataScopesInput.from_dict(_application_data_scopes)

        create_connection_request = cls(
            enabled=enabled,
            settings=settings,
            metadata=metadata,
            configuration=configuration,
            custom_mappings=custom_mappings,
            consent_state=consent_state,
            latest_consent=latest_consent,
            application_data_scopes=application_data_scopes,
        )

        return create_connection_request
