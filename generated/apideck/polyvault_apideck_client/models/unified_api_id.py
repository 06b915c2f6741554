from typing import Literal

UnifiedApiId = Literal[
    "accounting",
    "ats",
    "calendar",
    "crm",
    "csp",
    "customer-support",
    "data-warehouse",
    "ecommerce",
    "email",
    "email-marketing",
    "expense-management",
    "file-storage",
    "form",
    "hris",
    "issue-tracking",
    "lead",
    "payroll",
    "pos",
    "procurement",
    "project-management",
    "script",
    "sms",
    "spreadsheet",
    "subscription-analytics",
    "team-messaging",
    "time-registration",
    "transactional-email",
    "vault",
]

UNIFIED_API_ID_VALUES: set[UnifiedApiId] = {
    "accounting",
    "ats",
    "calendar",
    "crm",
    "csp",
    "customer-support",
    "data-warehouse",
    "ecommerce",
    "email",
    "email-marketing",
    "expense-management",
    "file-storage",
    "form",
    "hris",
    "issue-tracking",
    "lead",
    "payroll",
    "pos",
    "procurement",
    "project-management",
    "script",
    "sms",
    "spreadsheet",
    "subscription-analytics",
    "team-messaging",
    "time-registration",
    "transactional-email",
    "vault",
}


def check_unified_api_id(value: str) -> UnifiedApiId:
    if value in UNIFIED_API_ID_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNIFIED_API_ID_VALUES!r}")
