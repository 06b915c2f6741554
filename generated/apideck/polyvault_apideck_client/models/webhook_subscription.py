from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscription")


@_attrs_define
class WebhookSubscription:
    """A webhook subscription the connection holds at the connector.

    Attributes:
        downstream_id (str | Unset): Id of the subscription at the connector.
        unify_event_types (list[str] | Unset): Unify event types this subscription produces.
        downstream_event_types (list[str] | Unset): Connector event types subscribed to.
        execute_url (str | Unset): URL the connector sends events to.
        created_at (str | Unset): When the subscription was created at the connector.
    """

    downstream_id: str | Unset = UNSET
    unify_event_types: list[str] | Unset = UNSET
    downstream_event_types: list[str] | Unset = UNSET
    execute_url: str | Unset = UNSET
    created_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        downstream_id = self.downstream_id

        unify_event_types: list[str] | Unset = UNSET
        if not isinstance(self.unify_event_types, Unset):
            unify_event_types = self.unify_event_types

        downstream_event_types: list[str] | Unset = UNSET
        if not isinstance(self.downstream_event_types, Unset):
            downstream_event_types = self.downstream_event_types

        execute_url = self.execute_url

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if downstream_id is not UNSET:
            field_dict["downstream_id"] = downstream_id
        if unify_event_types is not UNSET:
            field_dict["unify_event_types"] = unify_event_types
        if downstream_event_types is not UNSET:
            field_dict["downstream_event_types"] = downstream_event_types
        if execute_url is not UNSET:
            field_dict["execute_url"] = execute_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        downstream_id = d.pop("downstream_id", UNSET)

        unify_event_types = cast(list[str], d.pop("unify_event_types", UNSET))

        downstream_event_types = cast(list[str], d.pop("downstream_event_types", UNSET))

        execute_url = d.pop("execute_url", UNSET)

        created_at = d.pop("created_at", UNSET)

        webhook_subscription = cls(
            downstream_id=downstream_id,
            unify_event_types=unify_event_types,
            downstream_event_types=downstream_event_types,
            execute_url=execute_url,
            created_at=created_at,
        )

        webhook_subscription.additional_properties = d
        return webhook_subscription

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
