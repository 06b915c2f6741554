from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connection_import_credentials import ConnectionImportCredentials
    from ..models.connection_metadata_input import ConnectionMetadataInput
    from ..models.connection_settings_input import ConnectionSettingsInput


T = TypeVar("T", bound="ConnectionImportData")


@_attrs_define
class ConnectionImportData:
    """An already authorized connection to import.

    Attributes:
        credentials (ConnectionImportCredentials | Unset): OAuth tokens obtained outside Vault.
        settings (ConnectionSettingsInput | Unset): Connector settings to store (free-form; keys match the `id` of the
            connector's `form_fields`, for example `instance_url` or `api_key`).
        metadata (ConnectionMetadataInput | Unset): Your own metadata for this connection (free-form).
    """

    credentials: ConnectionImportCredentials | Unset = UNSET
    settings: ConnectionSettingsInput | Unset = UNSET
    metadata: ConnectionMetadataInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials.to_dict()

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if settings is not UNSET:
            field_dict["settings"] = settings
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_import_credentials import ConnectionImportCredentials  # noqa: PLC0415
        from ..models.connection_metadata_input import ConnectionMetadataInput  # noqa: PLC0415
        from ..models.connection_settings_input import ConnectionSettingsInput  # noqa: PLC0415

        d = dict(src_dict)
        _credentials = d.pop("credentials", UNSET)
        credentials: ConnectionImportCredentials | Unset
        if isinstance(_credentials, Unset):
            credentials = UNSET
        else:
            credentials = ConnectionImportCredentials.from_dict(_credentials)

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

        connection_import_data = cls(
            credentials=credentials,
            settings=settings,
            metadata=metadata,
        )

        return connection_import_data
