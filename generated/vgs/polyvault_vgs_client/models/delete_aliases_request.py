from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.storage import Storage, check_storage
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeleteAliasesRequest")


@_attrs_define
class DeleteAliasesRequest:
    """
    Attributes:
        data (list[str]): 1 to 20 aliases to delete.
        storage (Storage | Unset): Where a value is kept. `PERSISTENT` (the server's default): stored with no expiry.
            `VOLATILE`: in memory for one hour, which is what PCI requires for card security codes;
            metadata is not kept there, so reads return `classifiers` empty and `created_at` as
            1970-01-01T00:00:00Z.
    """

    data: list[str]
    storage: Storage | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        storage: str | Unset = UNSET
        if not isinstance(self.storage, Unset):
            storage = self.storage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )
        if storage is not UNSET:
            field_dict["storage"] = storage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = cast(list[str], d.pop("data"))

        _storage = d.pop("storage", UNSET)
        storage: Storage | Unset
        if isinstance(_storage, Unset):
            storage = UNSET
        else:
            storage = check_storage(_storage)

        delete_aliases_request = cls(
            data=data,
            storage=storage,
        )

        return delete_aliases_request
