"""The vocabulary the data is written in: roles, phases, statuses and attendance marks.

The domain re-exports these from ``briefings.vocabulary`` so the UI never imports ``models``.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A person's role at a setting."""

    HEADTEACHER = "headteacher"
    DSL = "dsl"
    DEPUTY_DSL = "deputy_dsl"
    GOVERNOR = "governor"
    PSHE_LEAD = "pshe_lead"
    RSE_LEAD = "rse_lead"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The role as people write it."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.HEADTEACHER: "Headteacher",
    Role.DSL: "DSL",
    Role.DEPUTY_DSL: "Deputy DSL",
    Role.GOVERNOR: "Governor",
    Role.PSHE_LEAD: "PSHE lead",
    Role.RSE_LEAD: "RSE lead",
    Role.OTHER: "Other",
}

SAFEGUARDING_LEADS = frozenset({Role.DSL, Role.DEPUTY_DSL})


class Phase(StrEnum):
    """A setting's phase of education, as the county groups them."""

    NURSERY = "nursery"
    PRIMARY = "primary"
    MIDDLE = "middle"
    SECONDARY = "secondary"
    ALL_THROUGH = "all_through"
    SIXTEEN_PLUS = "sixteen_plus"
    SPECIAL = "special"
    PRU_AP = "pru_ap"
    INDEPENDENT = "independent"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The phase as people write it."""
        return _PHASE_LABELS[self]


_PHASE_LABELS = {
    Phase.NURSERY: "Nursery",
    Phase.PRIMARY: "Primary",
    Phase.MIDDLE: "Middle",
    Phase.SECONDARY: "Secondary",
    Phase.ALL_THROUGH: "All-through",
    Phase.SIXTEEN_PLUS: "16 plus",
    Phase.SPECIAL: "Special",
    Phase.PRU_AP: "PRU / alternative provision",
    Phase.INDEPENDENT: "Independent",
    Phase.OTHER: "Other",
}


class SettingStatus(StrEnum):
    """Whether a setting is open, as GIAS reports it."""

    OPEN = "open"
    PROPOSED = "proposed"
    CLOSED = "closed"


class Delivery(StrEnum):
    """How a briefing is delivered."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        """The delivery mode as people write it."""
        return {"in_person": "In person", "online": "Online", "hybrid": "Hybrid"}[self.value]

    @property
    def needs_venue(self) -> bool:
        """Whether people come to a room."""
        return self is not Delivery.ONLINE

    @property
    def needs_link(self) -> bool:
        """Whether people join online."""
        return self is not Delivery.IN_PERSON


class BriefingStatus(StrEnum):
    """Where a briefing is in its life."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    COMPLETED = "completed"


class BookingStatus(StrEnum):
    """Whether a registration holds a place."""

    BOOKED = "booked"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class Attendance(StrEnum):
    """What happened on the day."""

    PRESENT = "present"
    LATE = "late"
    LEFT_EARLY = "left_early"
    ABSENT = "absent"
    APOLOGIES = "apologies"

    @property
    def label(self) -> str:
        """The mark as people write it."""
        return self.value.replace("_", " ").capitalize()

    @property
    def attended(self) -> bool:
        """Whether the person was there for at least part of the session."""
        return self in ATTENDED


ATTENDED = frozenset({Attendance.PRESENT, Attendance.LATE, Attendance.LEFT_EARLY})
# KCSIE refresh: being there (present or late) counts; leaving early does not.
COUNTS_AS_REFRESH = frozenset({Attendance.PRESENT, Attendance.LATE})


class AllocationStatus(StrEnum):
    """Whether licence seats are with a setting or back in the pool."""

    ACTIVE = "active"
    RETURNED = "returned"
    REVOKED = "revoked"
