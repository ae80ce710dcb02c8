"""What the retention policy selects: the cut-off dates and the rows older than them.

Shared by the preview and the run, so what is shown is exactly what goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, exists, func, or_, select

from briefings.clock import months_before, start_of_london_day, to_london
from briefings.privacy.erasure import NAME_REMOVED
from models.briefings import Briefing, briefing_facilitators
from models.certificates import Certificate
from models.licences import LicenceAllocation
from models.people import Membership, Person
from models.recordings import RecordingAccess
from models.registrations import Registration


@dataclass(frozen=True)
class Cutoffs:
    """The first day kept for each period (None: kept for ever), as dates and as instants."""

    today: date
    booking: date | None
    people: date | None
    audit: date | None

    @classmethod
    def of(
        cls, today: date, booking_years: int | None, people_years: int | None, audit_years: int | None
    ) -> Cutoffs:
        """The cut-offs of the given periods on ``today``."""

        def back(years: int | None) -> date | None:
            return None if years is None else months_before(today, 12 * years)

        return cls(today, back(booking_years), back(people_years), back(audit_years))

    @property
    def booking_start(self) -> datetime | None:
        """The cut-off as the instant the day starts in England."""
        return None if self.booking is None else start_of_london_day(self.booking)

    @property
    def people_start(self) -> datetime | None:
        """The cut-off as the instant the day starts in England."""
        return None if self.people is None else start_of_london_day(self.people)

    @property
    def audit_start(self) -> datetime | None:
        """The cut-off as the instant the day starts in England."""
        return None if self.audit is None else start_of_london_day(self.audit)


def stale_booking(before: datetime) -> ColumnElement[bool]:
    """Bookings still naming someone, on briefings that ended before ``before`` (joins Briefing)."""
    personal = or_(Registration.person_id.is_not(None), Registration.notes.is_not(None))
    return personal & (Briefing.ends_at < before)


def stale_certificate(before: datetime) -> ColumnElement[bool]:
    """Certificates still naming someone, for briefings before ``before``."""
    return (Certificate.briefing_date < to_london(before).date()) & (Certificate.person_name != NAME_REMOVED)


def stale_access(before: datetime) -> ColumnElement[bool]:
    """Recording links given to someone before ``before``."""
    personal = or_(RecordingAccess.person_id.is_not(None), RecordingAccess.note.is_not(None))
    return personal & (RecordingAccess.given_at < before)


def stale_allocation(before: date) -> ColumnElement[bool]:
    """Licence allocations naming someone that ended or expired before ``before``."""
    personal = or_(LicenceAllocation.person_id.is_not(None), LicenceAllocation.notes.is_not(None))
    return personal & (func.coalesce(LicenceAllocation.ended_on, LicenceAllocation.expires_on) < before)


def dormant_people(since: datetime) -> Select[int]:
    """People added before ``since`` with nothing linking them to the time since."""
    day = to_london(since).date()
    recent_booking = (
        select(Registration.id)
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .where(Registration.person_id == Person.id, Briefing.starts_at >= since)
    )
    recent_role = select(Membership.id).where(
        Membership.person_id == Person.id, or_(Membership.ends_on.is_(None), Membership.ends_on >= day)
    )
    recent_licence = select(LicenceAllocation.id).where(
        LicenceAllocation.person_id == Person.id,
        func.coalesce(LicenceAllocation.ended_on, LicenceAllocation.expires_on) >= day,
    )
    recent_link = select(RecordingAccess.id).where(
        RecordingAccess.person_id == Person.id, RecordingAccess.given_at >= since
    )
    recent_presenting = (
        select(Briefing.id)
        .join(briefing_facilitators, briefing_facilitators.c.briefing_id == Briefing.id)
        .where(briefing_facilitators.c.person_id == Person.id, Briefing.starts_at >= since)
    )
    return select(Person.id).where(
        Person.erased_at.is_(None),
        Person.created_at < since,
        *(~exists(q) for q in (recent_booking, recent_role, recent_licence, recent_link, recent_presenting)),
    )
