from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.data_scopes_wildcard import DataScopesWildcard, check_data_scopes_wildcard

if TYPE_CHECKING:
    from ..models.data_scopes_fields_input import DataScopesFieldsInput


T = TypeVar("T", bound="ConsentRecordInput")


@_attrs_define
class ConsentRecordInput:
    """A consent decision (the writable part of a consent record).

    Attributes:
        granted (bool):
        resources (DataScopesFieldsInput | DataScopesWildcard): Field-level permissions per resource, or the wildcard
            `*`.
    """

    granted: bool
    resources: DataScopesFieldsInput | DataScopesWildcard

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_scopes_fields_input import DataScopesFieldsInput  # noqa: PLC0415

        granted = self.granted

        resources: dict[str, Any] | str
        if isinstance(self.resources, DataScopesFieldsInput):
            resources = self.resources.to_dict()
        else:
            resources = self.resources

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "granted": granted,
                "resources": resources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_scopes_fields_input import DataScopesFieldsInput  # noqa: PLC0415

        d = dict(src_dict)
        granted = d.pop("granted")

        def _parse_resources(data: object) -> DataScopesFieldsInput | DataScopesWildcard:
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

        resources = _parse_resources(d.pop("resources"))

        consent_record_input = cls(
            granted=granted,
            resources=resources,
        )

        return consent_record_input
