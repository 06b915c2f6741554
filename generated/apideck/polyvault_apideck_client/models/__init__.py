"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing one endpoint does not import every model.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .confirm_connection import ConfirmConnection
    from .confirm_connection_response import ConfirmConnectionResponse
    from .confirm_connection_response_data import ConfirmConnectionResponseData
    from .connection import Connection
    from .connection_configuration import ConnectionConfiguration
    from .connection_configuration_default import ConnectionConfigurationDefault
    from .connection_configuration_default_input import ConnectionConfigurationDefaultInput
    from .connection_configuration_input import ConnectionConfigurationInput
    from .connection_import_credentials import ConnectionImportCredentials
    from .connection_import_data import ConnectionImportData
    from .connection_metadata_input import ConnectionMetadataInput
    from .connection_migrate_data import ConnectionMigrateData
    from .connection_settings_input import ConnectionSettingsInput
    from .consent_record import ConsentRecord
    from .consent_record_input import ConsentRecordInput
    from .consent_state_input import ConsentStateInput
    from .consumer import Consumer
    from .consumer_connection import ConsumerConnection
    from .consumer_metadata import ConsumerMetadata
    from .consumer_metadata_input import ConsumerMetadataInput
    from .consumer_request_counts_in_date_range import ConsumerRequestCountsInDateRange
    from .consumer_request_counts_in_date_range_response import ConsumerRequestCountsInDateRangeResponse
    from .consumer_summary import ConsumerSummary
    from .create_callback_state import CreateCallbackState
    from .create_callback_state_response import CreateCallbackStateResponse
    from .create_callback_state_response_data import CreateCallbackStateResponseData
    from .create_connection_request import CreateConnectionRequest
    from .create_connection_response import CreateConnectionResponse
    from .create_consumer_request import CreateConsumerRequest
    from .create_consumer_response import CreateConsumerResponse
    from .create_session_response import CreateSessionResponse
    from .create_session_response_data import CreateSessionResponseData
    from .custom_consumer_settings import CustomConsumerSettings
    from .custom_field_finder import CustomFieldFinder
    from .custom_mapping import CustomMapping
    from .custom_mapping_input import CustomMappingInput
    from .data_scopes import DataScopes
    from .data_scopes_field_permission import DataScopesFieldPermission
    from .data_scopes_field_permission_input import DataScopesFieldPermissionInput
    from .data_scopes_fields import DataScopesFields
    from .data_scopes_fields_input import DataScopesFieldsInput
    from .data_scopes_input import DataScopesInput
    from .data_scopes_resource_fields import DataScopesResourceFields
    from .data_scopes_resource_fields_input import DataScopesResourceFieldsInput
    from .data_scopes_wildcard import DataScopesWildcard
    from .delete_consumer_response import DeleteConsumerResponse
    from .delete_consumer_response_data import DeleteConsumerResponseData
    from .downstream_error import DownstreamError
    from .empty_request import EmptyRequest
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .form_field import FormField
    from .form_field_option_group import FormFieldOptionGroup
    from .form_field_option_group_input import FormFieldOptionGroupInput
    from .form_field_option_group_input_option_type import FormFieldOptionGroupInputOptionType
    from .get_connection_response import GetConnectionResponse
    from .get_connections_response import GetConnectionsResponse
    from .get_consent_records_response import GetConsentRecordsResponse
    from .get_consumer_response import GetConsumerResponse
    from .get_consumers_response import GetConsumersResponse
    from .get_custom_fields_response import GetCustomFieldsResponse
    from .get_custom_mappings_response import GetCustomMappingsResponse
    from .get_logs_response import GetLogsResponse
    from .links import Links
    from .log import Log
    from .log_operation import LogOperation
    from .log_service import LogService
    from .logs_path_match_mode import LogsPathMatchMode
    from .meta import Meta
    from .meta_cursors import MetaCursors
    from .request_count_allocation import RequestCountAllocation
    from .session import Session
    from .session_settings import SessionSettings
    from .session_settings_allow_actions_item import SessionSettingsAllowActionsItem
    from .session_theme import SessionTheme
    from .simple_form_field_option import SimpleFormFieldOption
    from .simple_form_field_option_input import SimpleFormFieldOptionInput
    from .simple_form_field_option_input_option_type import SimpleFormFieldOptionInputOptionType
    from .unified_api_id import UnifiedApiId
    from .update_connection_request import UpdateConnectionRequest
    from .update_connection_response import UpdateConnectionResponse
    from .update_consent_request import UpdateConsentRequest
    from .update_consent_response import UpdateConsentResponse
    from .update_consumer_request import UpdateConsumerRequest
    from .update_consumer_response import UpdateConsumerResponse
    from .validate_connection_state_data import ValidateConnectionStateData
    from .validate_connection_state_response import ValidateConnectionStateResponse
    from .webhook_subscription import WebhookSubscription
    from .workflow_warning import WorkflowWarning

_MODULES = {
    "ConfirmConnection": ".confirm_connection",
    "ConfirmConnectionResponse": ".confirm_connection_response",
    "ConfirmConnectionResponseData": ".confirm_connection_response_data",
    "Connection": ".connection",
    "ConnectionConfiguration": ".connection_configuration",
    "ConnectionConfigurationDefault": ".connection_configuration_default",
    "ConnectionConfigurationDefaultInput": ".connection_configuration_default_input",
    "ConnectionConfigurationInput": ".connection_configuration_input",
    "ConnectionImportCredentials": ".connection_import_credentials",
    "ConnectionImportData": ".connection_import_data",
    "ConnectionMetadataInput": ".connection_metadata_input",
    "ConnectionMigrateData": ".connection_migrate_data",
    "ConnectionSettingsInput": ".connection_settings_input",
    "ConsentRecord": ".consent_record",
    "ConsentRecordInput": ".consent_record_input",
    "ConsentStateInput": ".consent_state_input",
    "Consumer": ".consumer",
    "ConsumerConnection": ".consumer_connection",
    "ConsumerMetadata": ".consumer_metadata",
    "ConsumerMetadataInput": ".consumer_metadata_input",
    "ConsumerRequestCountsInDateRange": ".consumer_request_counts_in_date_range",
    "ConsumerRequestCountsInDateRangeResponse": ".consumer_request_counts_in_date_range_response",
    "ConsumerSummary": ".consumer_summary",
    "CreateCallbackState": ".create_callback_state",
    "CreateCallbackStateResponse": ".create_callback_state_response",
    "CreateCallbackStateResponseData": ".create_callback_state_response_data",
    "CreateConnectionRequest": ".create_connection_request",
    "CreateConnectionResponse": ".create_connection_response",
    "CreateConsumerRequest": ".create_consumer_request",
    "CreateConsumerResponse": ".create_consumer_response",
    "CreateSessionResponse": ".create_session_response",
    "CreateSessionResponseData": ".create_session_response_data",
    "CustomConsumerSettings": ".custom_consumer_settings",
    "CustomFieldFinder": ".custom_field_finder",
    "CustomMapping": ".custom_mapping",
    "CustomMappingInput": ".custom_mapping_input",
    "DataScopes": ".data_scopes",
    "DataScopesFieldPermission": ".data_scopes_field_permission",
    "DataScopesFieldPermissionInput": ".data_scopes_field_permission_input",
    "DataScopesFields": ".data_scopes_fields",
    "DataScopesFieldsInput": ".data_scopes_fields_input",
    "DataScopesInput": ".data_scopes_input",
    "DataScopesResourceFields": ".data_scopes_resource_fields",
    "DataScopesResourceFieldsInput": ".data_scopes_resource_fields_input",
    "DataScopesWildcard": ".data_scopes_wildcard",
    "DeleteConsumerResponse": ".delete_consumer_response",
    "DeleteConsumerResponseData": ".delete_consumer_response_data",
    "DownstreamError": ".downstream_error",
    "EmptyRequest": ".empty_request",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "FormField": ".form_field",
    "FormFieldOptionGroup": ".form_field_option_group",
    "FormFieldOptionGroupInput": ".form_field_option_group_input",
    "FormFieldOptionGroupInputOptionType": ".form_field_option_group_input_option_type",
    "GetConnectionResponse": ".get_connection_response",
    "GetConnectionsResponse": ".get_connections_response",
    "GetConsentRecordsResponse": ".get_consent_records_response",
    "GetConsumerResponse": ".get_consumer_response",
    "GetConsumersResponse": ".get_consumers_response",
    "GetCustomFieldsResponse": ".get_custom_fields_response",
    "GetCustomMappingsResponse": ".get_custom_mappings_response",
    "GetLogsResponse": ".get_logs_response",
    "Links": ".links",
    "Log": ".log",
    "LogOperation": ".log_operation",
    "LogService": ".log_service",
    "LogsPathMatchMode": ".logs_path_match_mode",
    "Meta": ".meta",
    "MetaCursors": ".meta_cursors",
    "RequestCountAllocation": ".request_count_allocation",
    "Session": ".session",
    "SessionSettings": ".session_settings",
    "SessionSettingsAllowActionsItem": ".session_settings_allow_actions_item",
    "SessionTheme": ".session_theme",
    "SimpleFormFieldOption": ".simple_form_field_option",
    "SimpleFormFieldOptionInput": ".simple_form_field_option_input",
    "SimpleFormFieldOptionInputOptionType": ".simple_form_field_option_input_option_type",
    "UnifiedApiId": ".unified_api_id",
    "UpdateConnectionRequest": ".update_connection_request",
    "UpdateConnectionResponse": ".update_connection_response",
    "UpdateConsentRequest": ".update_consent_request",
    "UpdateConsentResponse": ".update_consent_response",
    "UpdateConsumerRequest": ".update_consumer_request",
    "UpdateConsumerResponse": ".update_consumer_response",
    "ValidateConnectionStateData": ".validate_connection_state_data",
    "ValidateConnectionStateResponse": ".validate_connection_state_response",
    "WebhookSubscription": ".webhook_subscription",
    "WorkflowWarning": ".workflow_warning",
}

__all__ = (
    "ConfirmConnection",
    "ConfirmConnectionResponse",
    "ConfirmConnectionResponseData",
    "Connection",
    "ConnectionConfiguration",
    "ConnectionConfigurationDefault",
    "ConnectionConfigurationDefaultInput",
    "ConnectionConfigurationInput",
    "ConnectionImportCredentials",
    "ConnectionImportData",
    "ConnectionMetadataInput",
    "ConnectionMigrateData",
    "ConnectionSettingsInput",
    "ConsentRecord",
    "ConsentRecordInput",
    "ConsentStateInput",
    "Consumer",
    "ConsumerConnection",
    "ConsumerMetadata",
    "ConsumerMetadataInput",
    "ConsumerRequestCountsInDateRange",
    "ConsumerRequestCountsInDateRangeResponse",
    "ConsumerSummary",
    "CreateCallbackState",
    "CreateCallbackStateResponse",
    "CreateCallbackStateResponseData",
    "CreateConnectionRequest",
    "CreateConnectionResponse",
    "CreateConsumerRequest",
    "CreateConsumerResponse",
    "CreateSessionResponse",
    "CreateSessionResponseData",
    "CustomConsumerSettings",
    "CustomFieldFinder",
    "CustomMapping",
    "CustomMappingInput",
    "DataScopes",
    "DataScopesFieldPermission",
    "DataScopesFieldPermissionInput",
    "DataScopesFields",
    "DataScopesFieldsInput",
    "DataScopesInput",
    "DataScopesResourceFields",
    "DataScopesResourceFieldsInput",
    "DataScopesWildcard",
    "DeleteConsumerResponse",
    "DeleteConsumerResponseData",
    "DownstreamError",
    "EmptyRequest",
    "ErrorDetail",
    "ErrorResponse",
    "FormField",
    "FormFieldOptionGroup",
    "FormFieldOptionGroupInput",
    "FormFieldOptionGroupInputOptionType",
    "GetConnectionResponse",
    "GetConnectionsResponse",
    "GetConsentRecordsResponse",
    "GetConsumerResponse",
    "GetConsumersResponse",
    "GetCustomFieldsResponse",
    "GetCustomMappingsResponse",
    "GetLogsResponse",
    "Links",
    "Log",
    "LogOperation",
    "LogService",
    "LogsPathMatchMode",
    "Meta",
    "MetaCursors",
    "RequestCountAllocation",
    "Session",
    "SessionSettings",
    "SessionSettingsAllowActionsItem",
    "SessionTheme",
    "SimpleFormFieldOption",
    "SimpleFormFieldOptionInput",
    "SimpleFormFieldOptionInputOptionType",
    "UnifiedApiId",
    "UpdateConnectionRequest",
    "UpdateConnectionResponse",
    "UpdateConsentRequest",
    "UpdateConsentResponse",
    "UpdateConsumerRequest",
    "UpdateConsumerResponse",
    "ValidateConnectionStateData",
    "ValidateConnectionStateResponse",
    "WebhookSubscription",
    "WorkflowWarning",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
