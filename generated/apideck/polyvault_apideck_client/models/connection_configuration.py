from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connection_configuration_default import ConnectionConfigurationDefault


T = TypeVar("T", bound="ConnectionConfiguration")


@_attrs_define
class ConnectionConfiguration:
    """Default values for one resource.

    Attributes:
        resource (str | Unset):  Example: leads.
        defaults (list[ConnectionConfigurationDefault] | Unset):
    """

    resource: str | Unset = UNSET
    defaults: list[ConnectionConfigurationDefault] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource

        defaults: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.defaults, Unset):
            defaults = []
            for defaults_item_data in self.defaults:
                defaults_item = defaults_item_data.to_dict()
                defaults.append(defaults_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if resource is not UNSET:
            field_dict["resource"] = resource
        if defaults is not UNSET:
            field_dict["defaults"] = defaults

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_configuration_default import ConnectionConfigurationDefault  # noqa: PLC0415

        d = dict(src_dict)
        resource = d.pop("resource", UNSET)

        _defaults = d.pop("defaults", UNSET)
        defaults: list[ConnectionConfigurationDefault] | Unset = UNSET
        if _defaults is not UNSET:
            defaults = []
            for defaults_item_data in _defaults:
                defaults_item = ConnectionConfigurationDefault.from_dict(defaults_item_data)

                defaults.append(defaults_item)

        connection_configuration = cls(
            resource=resource,
            defaults=defaults,
        )

        connection_configuration.additional_properties = d
        return connection_configuration

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
