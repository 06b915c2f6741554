from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestCountAllocation")


@_attrs_define
class RequestCountAllocation:
    """Request counts per product.

    Attributes:
        unify (float | Unset):  Example: 70.
        proxy (float | Unset):  Example: 10.
        vault (float | Unset):  Example: 21.
    """

    unify: float | Unset = UNSET
    proxy: float | Unset = UNSET
    vault: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unify = self.unify

        proxy = self.proxy

        vault = self.vault

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if unify is not UNSET:
            field_dict["unify"] = unify
        if proxy is not UNSET:
            field_dict["proxy"] = proxy
        if vault is not UNSET:
            field_dict["vault"] = vault

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unify = d.pop("unify", UNSET)

        proxy = d.pop("proxy", UNSET)

        vault = d.pop("vault", UNSET)

        request_count_allocation = cls(
            unify=unify,
            proxy=proxy,
            vault=vault,
        )

        request_count_allocation.additional_properties = d
        return request_count_allocation

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
