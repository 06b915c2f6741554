from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConnectionMigrateData")


@_attrs_define
class ConnectionMigrateData:
    """
    Attributes:
        target_service_id (str): Connector to migrate to; must be a declared migration target of the source connector.
            Example: intuit-enterprise-suite.
    """

    target_service_id: str

    def to_dict(self) -> dict[str, Any]:
        target_service_id = self.target_service_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target_service_id": target_service_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target_service_id = d.pop("target_service_id")

        connection_migrate_data = cls(
            target_service_id=target_service_id,
        )

        return connection_migrate_data
