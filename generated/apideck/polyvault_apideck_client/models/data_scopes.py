from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_scopes_fields import DataScopesFields


T = TypeVar("T", bound="DataScopes")


@_attrs_define
class DataScopes:
    """The application's Data Scopes configuration as applied to this connection.

    Attributes:
        enabled (bool | Unset): Whether Data Scopes is enabled for the application.
        updated_at (str | Unset): ISO 8601 time the configuration last changed.
        resources (DataScopesFields | str | Unset): Field-level permissions per resource, or the string `*` (all
            resources and fields) when Data Scopes is not used.
    """

    enabled: bool | Unset = UNSET
    updated_at: str | Unset = UNSET
    resources: DataScopesFields | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_scopes_fields import DataScopesFields  # noqa: PLC0415

        enabled = self.enabled

        updated_at = self.updated_at

        resources: dict[str, Any] | str | Unset
        if isinstance(self.resources, Unset):
            resources = UNSET
        elif isinstance(self.resources, DataScopesFields):
            resources = self.resources.to_dict()
        else:
            resources = self.resources

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if resources is not UNSET:
            field_dict["resources"] = resources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_scopes_fields import DataScopesFields  # noqa: PLC0415

        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        def _parse_resources(data: object) -> DataScopesFields | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_data_scopes_resources_type_0 = DataScopesFields.from_dict(data)

                return componentsschemas_data_scopes_resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataScopesFields | str | Unset, data)

        resources = _parse_resources(d.pop("resources", UNSET))

        data_scopes = cls(
            enabled=enabled,
            updated_at=updated_at,
            resources=resources,
        )

        data_scopes.additional_properties = d
        return data_scopes

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
