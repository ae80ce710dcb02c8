"""The domain's vocabulary, re-exported so ui/ and exports/ never import ``models``."""

from models.enums import (
    ATTENDED,
    COUNTS_AS_REFRESH,
    SAFEGUARDING_LEADS,
    AllocationStatus,
    Attendance,
    BookingStatus,
    BriefingStatus,
    Delivery,
    Phase,
    Role,
    SettingStatus,
)
from models.imports import ImportRowStatus

__all__ = [
    "ATTENDED",
    "COUNTS_AS_REFRESH",
    "SAFEGUARDING_LEADS",
    "AllocationStatus",
    "Attendance",
    "BookingStatus",
    "BriefingStatus",
    "Delivery",
    "ImportRowStatus",
    "Phase",
    "Role",
    "SettingStatus",
]
