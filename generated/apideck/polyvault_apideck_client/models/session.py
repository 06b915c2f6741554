from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_metadata_input import ConsumerMetadataInput
    from ..models.custom_consumer_settings import CustomConsumerSettings
    from ..models.session_settings import SessionSettings
    from ..models.session_theme import SessionTheme


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """Options of a Hosted Vault session (all optional).

    Attributes:
        consumer_metadata (ConsumerMetadataInput | Unset): How the consumer is shown in the Vault sidebar (all
            optional).
        redirect_uri (str | Unset): Where to send the user once the session has been configured. Example:
            https://mysaas.com/dashboard.
        settings (SessionSettings | Unset): How Vault is displayed. Omitted options take the server default given in
            each description.
        theme (SessionTheme | Unset): Look and feel of Vault.
        custom_consumer_settings (CustomConsumerSettings | Unset): Your own settings passed to Vault with the session
            (free-form).
    """

    consumer_metadata: ConsumerMetadataInput | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    settings: SessionSettings | Unset = UNSET
    theme: SessionTheme | Unset = UNSET
    custom_consumer_settings: CustomConsumerSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        consumer_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.consumer_metadata, Unset):
            consumer_metadata = self.consumer_metadata.to_dict()

        redirect_uri = self.redirect_uri

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        theme: dict[str, Any] | Unset = UNSET
        if not isinstance(self.theme, Unset):
            theme = self.theme.to_dict()

        custom_consumer_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_consumer_settings, Unset):
            custom_consumer_settings = self.custom_consumer_settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if consumer_metadata is not UNSET:
            field_dict["consumer_metadata"] = consumer_metadata
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if settings is not UNSET:
            field_dict["settings"] = settings
        if theme is not UNSET:
            field_dict["theme"] = theme
        if custom_consumer_settings is not UNSET:
            field_dict["custom_consumer_settings"] = custom_consumer_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_metadata_input import ConsumerMetadataInput  # noqa: PLC0415
        from ..models.custom_consumer_settings import CustomConsumerSettings  # noqa: PLC0415
        from ..models.session_settings import SessionSettings  # noqa: PLC0415
        from ..models.session_theme import SessionTheme  # noqa: PLC0415

        d = dict(src_dict)
        _consumer_metadata = d.pop("consumer_metadata", UNSET)
        consumer_metadata: ConsumerMetadataInput | Unset
        if isinstance(_consumer_metadata, Unset):
            consumer_metadata = UNSET
        else:
            consumer_metadata = ConsumerMetadataInput.from_dict(_consumer_metadata)

        redirect_uri = d.pop("redirect_uri", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: SessionSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionSettings.from_dict(_settings)

        _theme = d.pop("theme", UNSET)
        theme: SessionTheme | Unset
        if isinstance(_theme, Unset):
            theme = UNSET
        else:
            theme = SessionTheme.from_dict(_theme)

        _custom_consumer_settings = d.pop("custom_consumer_settings", UNSET)
        custom_consumer_settings: CustomConsumerSettings | Unset
        if isinstance(_custom_consumer_settings, Unset):
            custom_consumer_settings = UNSET
        else:
            custom_consumer_settings = CustomConsumerSettings.from_dict(_custom_consumer_settings)

        session = cls(
            consumer_metadata=consumer_metadata,
            redirect_uri=redirect_uri,
            settings=settings,
            theme=theme,
            custom_consumer_settings=custom_consumer_settings,
        )

        return session
