from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DataScopesFieldPermissionInput")


@_attrs_define
class DataScopesFieldPermissionInput:
    """
    Attributes:
        read (bool | Unset):
        write (bool | Unset):
    """

    read: bool | Unset = UNSET
    write: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        read = self.read

        write = self.write

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if read is not UNSET:
            field_dict["read"] = read
        if write is not UNSET:
            field_dict["write"] = write

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read = d.pop("read", UNSET)

        write = d.pop("write", UNSET)

        data_scopes_field_permission_input = cls(
            read=read,
            write=write,
        )

        return data_scopes_field_permission_input
