from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alias_dto import AliasDto


T = TypeVar("T", bound="RevealedData")


@_attrs_define
class RevealedData:
    """A stored value with its metadata and all of its aliases (the vendor requires none of them).

    Attributes:
        value (str | Unset): The stored (decrypted) value. The vendor's own example shows it as a JSON number
            (`122105155`); polyvault reads such a number as its decimal text.
        aliases (list[AliasDto] | Unset): Every alias of the value, one per format.
        classifiers (list[str] | Unset): Tags the value is classified with (empty for VOLATILE storage).
        created_at (datetime.datetime | None | Unset): When the value was stored, in UTC (1970-01-01T00:00:00Z for
            VOLATILE storage).
        storage (str | Unset): Where the value is kept. Known values: PERSISTENT, VOLATILE. Other values may appear.
    """

    value: str | Unset = UNSET
    aliases: list[AliasDto] | Unset = UNSET
    classifiers: list[str] | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    storage: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        aliases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = []
            for aliases_item_data in self.aliases:
                aliases_item = aliases_item_data.to_dict()
                aliases.append(aliases_item)

        classifiers: list[str] | Unset = UNSET
        if not isinstance(self.classifiers, Unset):
            classifiers = self.classifiers

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        storage = self.storage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if value is not UNSET:
            field_dict["value"] = value
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if classifiers is not UNSET:
            field_dict["classifiers"] = classifiers
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if storage is not UNSET:
            field_dict["storage"] = storage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alias_dto import AliasDto  # noqa: PLC0415

        d = dict(src_dict)
        value = d.pop("value", UNSET)

        _aliases = d.pop("aliases", UNSET)
        aliases: list[AliasDto] | Unset = UNSET
        if _aliases is not UNSET:
            aliases = []
            for aliases_item_data in _aliases:
                aliases_item = AliasDto.from_dict(aliases_item_data)

                aliases.append(aliases_item)

        classifiers = cast(list[str], d.pop("classifiers", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        storage = d.pop("storage", UNSET)

        revealed_data = cls(
            value=value,
            aliases=aliases,
            classifiers=classifiers,
            created_at=created_at,
            storage=storage,
        )

        revealed_data.additional_properties = d
        return revealed_data

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
