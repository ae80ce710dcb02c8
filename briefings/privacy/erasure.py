"""Erasing a person (UK GDPR right to erasure): their details go, anonymous counts stay.

What goes: name, title, email, phone and notes (the person row stays as an "(erased)"
tombstone so old links and ids resolve to "erased" rather than to nothing); their roles; the
notes on their bookings, allocations and recording links; the invitation ledger lines sent to
them; their name on certificates; and their place among a briefing's presenters. Places on
briefings that have not started are given up, so the waiting list moves up.

What stays, unlinked from them: each booking's briefing, setting, role, attendance and minutes,
so a setting's and the county's returns still add up; licence seats counted against a setting;
that a recording link went to a setting. The audit log holds no personal values by design, so
it needs no change; it records the erasure itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, select, update
from sqlalchemy.orm import Session

from briefings.audit_trail import summarised
from briefings.booking import cancel_registration
from briefings.clock import require_aware, to_london
from briefings.errors import ConflictError
from briefings.lookup import get_or_fail
from models.briefings import Briefing, briefing_facilitators
from models.certificates import Certificate
from models.enums import BookingStatus, BriefingStatus
from models.invites import InviteSent
from models.licences import LicenceAllocation
from models.people import Membership, Person
from models.recordings import RecordingAccess
from models.registrations import Registration

ERASED_NAME = "(erased)"
NAME_REMOVED = "(name removed)"


@dataclass(frozen=True)
class ErasureCounts:
    """What erasing one person changes (before: what would change; after: what did)."""

    person_id: int
    name: str
    email: str | None
    bookings: int
    future_places: int
    roles: int
    certificates: int
    licence_allocations: int
    recording_links: int
    invitations: int
    briefings_presented: int

    def lines(self) -> list[str]:
        """The preview as sentences for a confirmation dialog or the command line."""
        return [
            f"Name, email, phone and notes of {self.name} (person {self.person_id}) are removed.",
            f"{_n(self.bookings, 'booking')} kept as anonymous attendance (setting, role, attendance).",
            f"{_n(self.future_places, 'place')} on briefings still to come given up.",
            f"{_n(self.roles, 'role')} removed.",
            f"{_n(self.certificates, 'certificate')} without the name printed on them.",
            f"{_n(self.licence_allocations, 'licence allocation')} and "
            f"{_n(self.recording_links, 'recording link')} given unlinked, with their notes.",
            f"{_n(self.invitations, 'calendar invitation record')} deleted.",
            f"{_n(self.briefings_presented, 'briefing')} no longer listing them as a presenter.",
        ]


def erasure_preview(session: Session, person_id: int, now: datetime) -> ErasureCounts:
    """What erasing the person would change, without changing anything."""
    person = _erasable(session, person_id)
    return ErasureCounts(
        person_id=person.id,
        name=person.full_name,
        email=person.email,
        bookings=_count(select(Registration.id).where(Registration.person_id == person.id), session),
        future_places=_count(_future_places(person.id, now), session),
        roles=_count(select(Membership.id).where(Membership.person_id == person.id), session),
        certificates=_count(select(Certificate.id).where(_certificates_of(person.id)), session),
        licence_allocations=_count(
            select(LicenceAllocation.id).where(LicenceAllocation.person_id == person.id), session
        ),
        recording_links=_count(
            select(RecordingAccess.id).where(RecordingAccess.person_id == person.id), session
        ),
        invitations=_count(select(InviteSent.id).where(_invites_to(person)), session),
        briefings_presented=_count(
            select(briefing_facilitators.c.briefing_id).where(briefing_facilitators.c.person_id == person.id),
            session,
        ),
    )


def erase_person(session: Session, person_id: int, now: datetime) -> ErasureCounts:
    """Erase one person's details, logged as one audit entry; returns what was changed.

    Raises:
        NotFoundError: no such person.
        ConflictError: already erased.
    """
    counts = erasure_preview(session, person_id, now)
    summary = f"Erased person {person_id}; {_n(counts.bookings, 'booking')} kept as anonymous attendance"
    with summarised(session, "erased", "people", person_id, summary):
        erase_details(session, session.get_one(Person, person_id), now)
    return counts


def erase_details(session: Session, person: Person, now: datetime) -> None:
    """Blank a person and unlink everything that points at them (no audit entry of its own)."""
    require_aware(now, "now")
    for registration_id in session.scalars(_future_places(person.id, now)).all():
        cancel_registration(session, registration_id, now)
    session.execute(
        update(Certificate).where(_certificates_of(person.id)).values(person_name=NAME_REMOVED),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        update(Registration).where(Registration.person_id == person.id).values(person_id=None, notes=None),
        execution_options={"synchronize_session": "fetch"},
    )
    session.execute(
        update(LicenceAllocation)
        .where(LicenceAllocation.person_id == person.id)
        .values(person_id=None, notes=None),
        execution_options={"synchronize_session": "fetch"},
    )
    session.execute(
        update(RecordingAccess)
        .where(RecordingAccess.person_id == person.id)
        .values(person_id=None, note=None),
        execution_options={"synchronize_session": "fetch"},
    )
    session.execute(
        delete(InviteSent).where(_invites_to(person)), execution_options={"synchronize_session": False}
    )
    session.execute(delete(briefing_facilitators).where(briefing_facilitators.c.person_id == person.id))
    person.memberships.clear()
    person.title = None
    person.first_name = ERASED_NAME
    person.last_name = ""
    person.email = None
    person.phone = None
    person.notes = None
    person.erased_at = now
    session.flush()


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _erasable(session: Session, person_id: int) -> Person:
    person = get_or_fail(session, Person, person_id, "Person", "person_id")
    if person.erased_at is not None:
        day = to_london(person.erased_at)
        raise ConflictError(f"Person {person_id} was already erased on {day.day} {day:%B %Y}", "person_id")
    return person


def _future_places(person_id: int, now: datetime) -> Select[int]:
    return (
        select(Registration.id)
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .where(
            Registration.person_id == person_id,
            Registration.status != BookingStatus.CANCELLED,
            Briefing.starts_at > now,
            Briefing.status.in_([BriefingStatus.SCHEDULED, BriefingStatus.DRAFT]),
        )
        .order_by(Registration.id)
    )


def _certificates_of(person_id: int) -> ColumnElement[bool]:
    mine = select(Registration.id).where(Registration.person_id == person_id)
    return Certificate.registration_id.in_(mine) & (Certificate.person_name != NAME_REMOVED)


def _invites_to(person: Person) -> ColumnElement[bool]:
    condition = InviteSent.person_id == person.id
    if person.email:
        condition = condition | (InviteSent.recipient == person.email.strip().lower())
    return condition


def _count(query: Select[Any], session: Session) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0
