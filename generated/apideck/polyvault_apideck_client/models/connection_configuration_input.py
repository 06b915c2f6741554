from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connection_configuration_default_input import ConnectionConfigurationDefaultInput


T = TypeVar("T", bound="ConnectionConfigurationInput")


@_attrs_define
class ConnectionConfigurationInput:
    """Default values for one resource.

    Attributes:
        resource (str | Unset):  Example: leads.
        defaults (list[ConnectionConfigurationDefaultInput] | Unset):
    """

    resource: str | Unset = UNSET
    defaults: list[ConnectionConfigurationDefaultInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource

        defaults: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.defaults, Unset):
            defaults = []
            for defaults_item_data in self.defaults:
                defaults_item = defaults_item_data.to_dict()
                defaults.append(defaults_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if resource is not UNSET:
            field_dict["resource"] = resource
        if defaults is not UNSET:
            field_dict["defaults"] = defaults

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connection_configuration_default_input import ConnectionConfigurationDefaultInput  # noqa: PLC0415

        d = dict(src_dict)
        resource = d.pop("resource", UNSET)

        _defaults = d.pop("defaults", UNSET)
        defaults: list[ConnectionConfigurationDefaultInput] | Unset = UNSET
        if _defaults is not UNSET:
            defaults = []
            for defaults_item_data in _defaults:
                defaults_item = ConnectionConfigurationDefaultInput.from_dict(defaults_item_data)

                defaults.append(defaults_item)

        connection_configuration_input = cls(
            resource=resource,
            defaults=defaults,
        )

        return connection_configuration_input
