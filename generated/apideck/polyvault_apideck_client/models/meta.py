from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.meta_cursors import MetaCursors
    from ..models.workflow_warning import WorkflowWarning


T = TypeVar("T", bound="Meta")


@_attrs_define
class Meta:
    """Response metadata.

    Attributes:
        items_on_page (int | Unset): Number of items in `data`. Example: 20.
        cursors (MetaCursors | Unset): Cursors of the neighbouring pages. A null or empty `next` means this is the last
            page.
        total_count (int | Unset): Number of records available in total, when known.
        warnings (list[WorkflowWarning] | None | Unset): Non-fatal warnings about optional steps that failed; the
            response is still a success.
    """

    items_on_page: int | Unset = UNSET
    cursors: MetaCursors | Unset = UNSET
    total_count: int | Unset = UNSET
    warnings: list[WorkflowWarning] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items_on_page = self.items_on_page

        cursors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursors, Unset):
            cursors = self.cursors.to_dict()

        total_count = self.total_count

        warnings: list[dict[str, Any]] | None | Unset
        if isinstance(self.warnings, Unset):
            warnings = UNSET
        elif isinstance(self.warnings, list):
            warnings = []
            for warnings_type_0_item_data in self.warnings:
                warnings_type_0_item = warnings_type_0_item_data.to_dict()
                warnings.append(warnings_type_0_item)

        else:
            warnings = self.warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if items_on_page is not UNSET:
            field_dict["items_on_page"] = items_on_page
        if cursors is not UNSET:
            field_dict["cursors"] = cursors
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.meta_cursors import MetaCursors  # noqa: PLC0415
        from ..models.workflow_warning import WorkflowWarning  # noqa: PLC0415

        d = dict(src_dict)
        items_on_page = d.pop("items_on_page", UNSET)

        _cursors = d.pop("cursors", UNSET)
        cursors: MetaCursors | Unset
        if isinstance(_cursors, Unset):
            cursors = UNSET
        else:
            cursors = MetaCursors.from_dict(_cursors)

        total_count = d.pop("total_count", UNSET)

        def _parse_warnings(data: object) -> list[WorkflowWarning] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                warnings_type_0 = []
                _warnings_type_0 = data
                for warnings_type_0_item_data in _warnings_type_0:
                    warnings_type_0_item = WorkflowWarning.from_dict(warnings_type_0_item_data)

                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WorkflowWarning] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        meta = cls(
            items_on_page=items_on_page,
            cursors=cursors,
            total_count=total_count,
            warnings=warnings,
        )

        meta.additional_properties = d
        return meta

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
