"""Subject access (UK GDPR article 15): everything held about one person, in readable sections.

The report is plain data (sections of columns and rows) so it can be written as JSON for
machines and as text for the person who asked; ``report_files`` does both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from briefings.clock import to_london
from briefings.lookup import get_or_fail
from briefings.preferences import get_preference
from briefings.queries.audit import about_person
from models.audit import AuditEvent
from models.briefings import Briefing, Topic, briefing_facilitators
from models.certificates import Certificate
from models.invites import InviteSent
from models.licences import LicenceAllocation, LicencePool
from models.people import Membership, Organisation, Person
from models.recordings import Recording, RecordingAccess
from models.registrations import Registration
from models.settings import Setting

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Section:
    """One kind of data held: a title, what it is, and a table of it."""

    key: str
    title: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class SubjectAccessReport:
    """Everything held about one person at one moment."""

    person_id: int
    person_name: str
    generated_at: datetime
    generated_by: str
    controller: str | None
    sections: tuple[Section, ...]


def subject_access_report(session: Session, person_id: int, now: datetime, actor: str) -> SubjectAccessReport:
    """Gather every record that mentions the person.

    Raises:
        NotFoundError: no such person.
    """
    person = get_or_fail(session, Person, person_id, "Person", "person_id")
    sections = (
        _details(person),
        _roles(session, person),
        _bookings(session, person),
        _certificates(session, person),
        _licences(session, person),
        _invitations(session, person),
        _recording_links(session, person),
        _presenting(session, person),
        _audit(session, person),
    )
    controller = get_preference(session, "organiser.organisation") or get_preference(
        session, "organiser.name"
    )
    return SubjectAccessReport(
        person_id=person.id,
        person_name=person.full_name,
        generated_at=to_london(now),
        generated_by=actor,
        controller=str(controller) if controller else None,
        sections=sections,
    )


def _section(key: str, title: str, description: str, columns: tuple[str, ...], rows: Any) -> Section:
    return Section(key, title, description, columns, tuple(tuple(_cell(v) for v in row) for row in rows))


def _details(person: Person) -> Section:
    return _section(
        "details",
        "Personal details",
        "The details kept about the person.",
        ("ID", "Title", "First name", "Last name", "Email", "Phone", "Notes", "Added", "Erased"),
        [
            (
                person.id,
                person.title,
                person.first_name,
                person.last_name,
                person.email,
                person.phone,
                person.notes,
                person.created_at,
                person.erased_at,
            )
        ],
    )


def _roles(session: Session, person: Person) -> Section:
    query = (
        select(Membership, Setting.name, Organisation.name)
        .join(Setting, Membership.setting_id == Setting.id, isouter=True)
        .join(Organisation, Membership.organisation_id == Organisation.id, isouter=True)
        .where(Membership.person_id == person.id)
        .order_by(Membership.starts_on, Membership.id)
    )
    return _section(
        "roles",
        "Roles",
        "The settings and organisations the person has worked for, and in what role.",
        ("Setting or organisation", "Role", "Job title", "From", "To"),
        [(s or o, m.role.label, m.job_title, m.starts_on, m.ends_on) for m, s, o in session.execute(query)],
    )


def _bookings(session: Session, person: Person) -> Section:
    query = (
        select(Registration, Briefing, Topic.name, Setting.name)
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .join(Topic, Briefing.topic_id == Topic.id)
        .join(Setting, Registration.setting_id == Setting.id, isouter=True)
        .where(Registration.person_id == person.id)
        .order_by(Briefing.starts_at, Registration.id)
    )
    rows = [
        (
            b.title,
            topic,
            b.starts_at,
            setting,
            r.role.label if r.role else None,
            r.status.value,
            r.queued_at,
            r.cancelled_at,
            r.attendance.label if r.attendance else None,
            r.minutes_attended,
            r.attendance_source,
            r.walk_in,
            r.notes,
        )
        for r, b, topic, setting in session.execute(query)
    ]
    return _section(
        "bookings",
        "Bookings and attendance",
        "Briefings the person booked, waited for or attended, and what was recorded on the day.",
        (
            "Briefing",
            "Topic",
            "Starts",
            "For setting",
            "As",
            "Booking",
            "Asked on",
            "Cancelled",
            "Attendance",
            "Minutes",
            "Attendance from",
            "Walk-in",
            "Notes",
        ),
        rows,
    )


def _certificates(session: Session, person: Person) -> Section:
    mine = select(Registration.id).where(Registration.person_id == person.id)
    query = select(Certificate).where(Certificate.registration_id.in_(mine)).order_by(Certificate.issued_at)
    return _section(
        "certificates",
        "Certificates",
        "Certificates of attendance issued to the person, as printed.",
        ("Number", "Name printed", "Setting", "Briefing", "Date", "Minutes", "CPD hours", "Issued"),
        [
            (
                c.number,
                c.person_name,
                c.setting_name,
                c.briefing_title,
                c.briefing_date,
                c.minutes,
                c.cpd_hours,
                c.issued_at,
            )
            for c in session.scalars(query)
        ],
    )


def _licences(session: Session, person: Person) -> Section:
    query = (
        select(LicenceAllocation, LicencePool)
        .join(LicencePool, LicenceAllocation.pool_id == LicencePool.id)
        .where(LicenceAllocation.person_id == person.id)
        .order_by(LicenceAllocation.allocated_on)
    )
    return _section(
        "licences",
        "Licences",
        "Places on licensed training given to the person.",
        ("Provider", "Product", "Seats", "Given on", "Expires", "Status", "Ended", "Notes"),
        [
            (
                p.provider,
                p.product,
                a.seats,
                a.allocated_on,
                a.expires_on,
                a.status.value,
                a.ended_on,
                a.notes,
            )
            for a, p in session.execute(query)
        ],
    )


def _invitations(session: Session, person: Person) -> Section:
    mailbox = (person.email or "").strip().lower()
    condition = InviteSent.person_id == person.id
    if mailbox:
        condition = or_(condition, InviteSent.recipient == mailbox)
    query = (
        select(InviteSent, Briefing.title, Briefing.starts_at)
        .join(Briefing, InviteSent.briefing_id == Briefing.id)
        .where(condition)
        .order_by(InviteSent.sent_at)
    )
    return _section(
        "invitations",
        "Calendar invitations sent",
        "The last calendar message written for the person for each briefing.",
        ("Briefing", "Starts", "Sent to", "Message", "Version", "Written"),
        [(t, s, i.recipient, i.method, i.sequence, i.sent_at) for i, t, s in session.execute(query)],
    )


def _recording_links(session: Session, person: Person) -> Section:
    query = (
        select(RecordingAccess, Briefing.title)
        .join(Recording, RecordingAccess.recording_id == Recording.id)
        .join(Briefing, Recording.briefing_id == Briefing.id)
        .where(RecordingAccess.person_id == person.id)
        .order_by(RecordingAccess.given_at)
    )
    return _section(
        "recording_links",
        "Recording links given",
        "Recordings of briefings whose link was given to the person.",
        ("Briefing", "Given on", "Note"),
        [(title, a.given_at, a.note) for a, title in session.execute(query)],
    )


def _presenting(session: Session, person: Person) -> Section:
    query = (
        select(Briefing.title, Briefing.starts_at)
        .join(briefing_facilitators, briefing_facilitators.c.briefing_id == Briefing.id)
        .where(briefing_facilitators.c.person_id == person.id)
        .order_by(Briefing.starts_at)
    )
    return _section(
        "presenting",
        "Briefings presented",
        "Briefings the person is listed as presenting.",
        ("Briefing", "Starts"),
        list(session.execute(query)),
    )


def _audit(session: Session, person: Person) -> Section:
    query = select(AuditEvent).where(about_person(person.id)).order_by(AuditEvent.at, AuditEvent.id)
    return _section(
        "audit",
        "Changes recorded",
        "The audit log's entries about the person's records: when, by which user, and what.",
        ("When", "By", "What"),
        [(e.at, e.actor, e.summary) for e in session.scalars(query)],
    )


def _cell(value: object) -> Cell:
    if isinstance(value, datetime):
        return to_london(value).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
