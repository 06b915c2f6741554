from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.data_scopes_wildcard import DataScopesWildcard, check_data_scopes_wildcard
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.data_scopes_fields_input import DataScopesFieldsInput


T = TypeVar("T", bound="DataScopesInput")


@_attrs_define
class DataScopesInput:
    """Data Scopes configuration (the writable part).

    Attributes:
        enabled (bool | Unset):
        resources (DataScopesFieldsInput | DataScopesWildcard | Unset): Field-level permissions per resource, or the
            wildcard `*`.
    """

    enabled: bool | Unset = UNSET
    resources: DataScopesFieldsInput | DataScopesWildcard | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_scopes_fields_input import DataScopesFieldsInput  # noqa: PLC0415

        enabled = self.enabled

        resources: dict[str, Any] | str | Unset
        if isinstance(self.resources, Unset):
            resources = UNSET
        elif isinstance(self.resources, DataScopesFieldsInput):
            resources = self.resources.to_dict()
        else:
            resources = self.resources

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if resources is not UNSET:
            field_dict["resources"] = resources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_scopes_fields_input import DataScopesFieldsInput  # noqa: PLC0415

        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        def _parse_resources(data: object) -> DataScopesFieldsInput | DataScopesWildcard | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_data_scopes_resources_input_type_0 = DataScopesFieldsInput.from_dict(data)

                return componentsschemas_data_scopes_resources_input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_data_scopes_resources_input_type_1 = check_data_scopes_wildcard(data)

            return componentsschemas_data_scopes_resources_input_type_1

        resources = _parse_resources(d.pop("resources", UNSET))

        data_scopes_input = cls(
            enabled=enabled,
            resources=resources,
        )

        return data_scopes_input
