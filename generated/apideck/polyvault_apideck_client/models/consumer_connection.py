from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumerConnection")


@_attrs_define
class ConsumerConnection:
    """A connection as embedded in a consumer.

    Attributes:
        id (str | Unset):  Example: crm+salesforce.
        name (str | Unset):  Example: Salesforce.
        icon (str | Unset):
        logo (str | Unset):
        website (str | Unset):
        tag_line (str | Unset):
        service_id (str | Unset):  Example: salesforce.
        unified_api (str | Unset):  Example: crm.
        consumer_id (str | Unset):  Example: test_consumer_id.
        auth_type (str | Unset): Authorization type of the connector. Known values: oauth2, apiKey, basic, custom, none.
            Other values may appear. Example: oauth2.
        enabled (bool | Unset):
        settings (Any | Unset): Connector settings: a free-form JSON object (keys match the `id` of `form_fields`, for
            example `instance_url`) or null. Deliberately untyped so that it parses to a plain dict.
        metadata (Any | Unset): Your own metadata for this connection: a free-form JSON object or null. Apideck may add
            `company_id`, the normalized id of the authorized organization copied from the connector's setting (for example
            the Xero tenant id or QuickBooks realm id). Deliberately untyped so that it parses to a plain dict.
        created_at (str | Unset):  Example: 2020-09-19T12:18:37.071Z.
        updated_at (None | str | Unset):  Example: 2020-09-19T12:18:37.071Z.
        state (str | Unset): Where the connection is in its lifecycle. Known values: available, added, authorized,
            callable, invalid. Other values may appear. Example: callable.
        health (str | Unset): Operational health of the connection. Known values: ok, pending_refresh, needs_auth,
            pending_confirmation, needs_consent, revoked, missing_settings, degraded. Other values may appear. Example: ok.
        credentials_expire_at (None | str | Unset): ISO 8601 time at which the credentials are cleared if token refresh
            keeps failing; present while health is pending_refresh.
        last_refresh_failed_at (None | str | Unset): ISO 8601 time of the latest failed token refresh.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    icon: str | Unset = UNSET
    logo: str | Unset = UNSET
    website: str | Unset = UNSET
    tag_line: str | Unset = UNSET
    service_id: str | Unset = UNSET
    unified_api: str | Unset = UNSET
    consumer_id: str | Unset = UNSET
    auth_type: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    settings: Any | Unset = UNSET
    metadata: Any | Unset = UNSET
    created_at: str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    state: str | Unset = UNSET
    health: str | Unset = UNSET
    credentials_expire_at: None | str | Unset = UNSET
    last_refresh_failed_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        icon = self.icon

        logo = self.logo

        website = self.website

        tag_line = self.tag_line

        service_id = self.service_id

        unified_api = self.unified_api

        consumer_id = self.consumer_id

        auth_type = self.auth_type

        enabled = self.enabled

        settings = self.settings

        metadata = self.metadata

        created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        state = self.state

        health = self.health

        credentials_expire_at: None | str | Unset
        if isinstance(self.credentials_expire_at, Unset):
            credentials_expire_at = UNSET
        else:
            credentials_expire_at = self.credentials_expire_at

        last_refresh_failed_at: None | str | Unset
        if isinstance(self.last_refresh_failed_at, Unset):
            last_refresh_failed_at = UNSET
        else:
            last_refresh_failed_at = self.last_refresh_failed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if icon is not UNSET:
            field_dict["icon"] = icon
        if logo is not UNSET:
            field_dict["logo"] = logo
        if website is not UNSET:
            field_dict["website"] = website
        if tag_line is not UNSET:
            field_dict["tag_line"] = tag_line
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if unified_api is not UNSET:
            field_dict["unified_api"] = unified_api
        if consumer_id is not UNSET:
            field_dict["consumer_id"] = consumer_id
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if settings is not UNSET:
            field_dict["settings"] = settings
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if state is not UNSET:
            field_dict["state"] = state
        if health is not UNSET:
            field_dict["health"] = health
        if credentials_expire_at is not UNSET:
            field_dict["credentials_expire_at"] = credentials_expire_at
        if last_refresh_failed_at is not UNSET:
            field_dict["last_refresh_failed_at"] = last_refresh_failed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        icon = d.pop("icon", UNSET)

        logo = d.pop("logo", UNSET)

        website = d.pop("website", UNSET)

        tag_line = d.pop("tag_line", UNSET)

        service_id = d.pop("service_id", UNSET)

        unified_api = d.pop("unified_api", UNSET)

        consumer_id = d.pop("consumer_id", UNSET)

        auth_type = d.pop("auth_type", UNSET)

        enabled = d.pop("enabled", UNSET)

        settings = d.pop("settings", UNSET)

        metadata = d.pop("metadata", UNSET)

        created_at = d.pop("created_at", UNSET)

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        state = d.pop("state", UNSET)

        health = d.pop("health", UNSET)

        def _parse_credentials_expire_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credentials_expire_at = _parse_credentials_expire_at(d.pop("credentials_expire_at", UNSET))

        def _parse_last_refresh_failed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_refresh_failed_at = _parse_last_refresh_failed_at(d.pop("last_refresh_failed_at", UNSET))

        consumer_connection = cls(
            id=id,
            name=name,
            icon=icon,
            logo=logo,
            website=website,
            tag_line=tag_line,
            service_id=service_id,
            unified_api=unified_api,
            consumer_id=consumer_id,
            auth_type=auth_type,
            enabled=enabled,
            settings=settings,
            metadata=metadata,
            created_at=created_at,
            updated_at=updated_at,
            state=state,
            health=health,
            credentials_expire_at=credentials_expire_at,
            last_refresh_failed_at=last_refresh_failed_at,
        )

        consumer_connection.additional_properties = d
        return consumer_connection

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
