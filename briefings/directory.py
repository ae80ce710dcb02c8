"""Operations on who and where: settings, people, memberships, organisations, venues and topics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from briefings.validation import clean_text, optional_text, positive_int
from models.briefings import Topic
from models.enums import Phase, Role, SettingStatus
from models.people import Membership, Organisation, Person
from models.settings import Setting
from models.venues import Venue

# Deliberately loose: real lists hold odd but valid addresses; we only catch obvious typos.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
URN_RANGE = range(100_000, 10_000_000)  # URNs are six digits today; seven leaves room
MAX_CPD_HOURS = 24


@dataclass(frozen=True)
class SettingFields:
    """An education setting's details."""

    name: str
    urn: int | None = None
    phase: Phase = Phase.OTHER
    establishment_type: str | None = None
    la_code: str | None = None
    la_name: str | None = None
    district: str | None = None
    area: str | None = None
    address: str | None = None
    postcode: str | None = None
    status: SettingStatus = SettingStatus.OPEN
    closed_on: date | None = None
    laestab: str | None = None


@dataclass(frozen=True)
class PersonFields:
    """A person's own details (roles are memberships)."""

    first_name: str
    last_name: str
    email: str | None = None
    title: str | None = None
    phone: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class VenueFields:
    """A venue's details."""

    name: str
    address: str | None = None
    postcode: str | None = None
    room_capacity: int | None = None
    notes: str | None = None


@dataclass(frozen=True)
class TopicFields:
    """A topic's name and the defaults new briefings of it take."""

    name: str
    default_minutes: int = 120
    cpd_hours: float = 2.0
    counts_as_refresh: bool = False
    counts_as_formal_training: bool = False
    colour: str = "#607d8b"


def add_setting(session: Session, fields: SettingFields) -> Setting:
    """Add a setting; a URN already held by another setting is refused."""
    setting = Setting()
    _fill_setting(session, setting, fields)
    session.add(setting)
    session.flush()
    return setting


def update_setting(session: Session, setting_id: int, fields: SettingFields) -> Setting:
    """Change a setting's details."""
    setting = get_or_fail(session, Setting, setting_id, "Setting", "setting_id")
    _fill_setting(session, setting, fields)
    session.flush()
    return setting


def add_person(session: Session, fields: PersonFields) -> Person:
    """Add a person; an email another person already has (ignoring case) is refused."""
    person = Person()
    _fill_person(session, person, fields)
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, person_id: int, fields: PersonFields) -> Person:
    """Change a person's own details."""
    person = get_or_fail(session, Person, person_id, "Person", "person_id")
    if person.erased_at is not None:
        raise ConflictError("This person's details were erased and cannot be edited", "person_id")
    _fill_person(session, person, fields)
    session.flush()
    return person


def find_person_by_email(session: Session, email: str) -> Person | None:
    """The person with this email, ignoring case and surrounding spaces."""
    key = email.strip().lower()
    return session.scalar(select(Person).where(func.lower(Person.email) == key)) if key else None


def add_membership(
    session: Session,
    person_id: int,
    role: Role,
    *,
    setting_id: int | None = None,
    organisation_id: int | None = None,
    starts_on: date | None = None,
    job_title: str | None = None,
) -> Membership:
    """Give a person a role at a setting or an organisation (exactly one of them)."""
    person = get_or_fail(session, Person, person_id, "Person", "person_id")
    if (setting_id is None) == (organisation_id is None):
        raise ValidationError("Choose either a setting or an organisation", "setting_id")
    if setting_id is not None:
        get_or_fail(session, Setting, setting_id, "Setting", "setting_id")
    if organisation_id is not None:
        get_or_fail(session, Organisation, organisation_id, "Organisation", "organisation_id")
    role = Role(role)
    for existing in person.memberships:
        same_place = (existing.setting_id, existing.organisation_id) == (setting_id, organisation_id)
        if same_place and existing.role is role and existing.ends_on is None:
            raise ConflictError(f"{person.full_name} already holds this role there", "role")
    membership = Membership(
        person=person,
        setting_id=setting_id,
        organisation_id=organisation_id,
        role=role,
        starts_on=starts_on,
        job_title=optional_text(job_title, "job_title", "The job title", limit=120),
    )
    session.add(membership)
    session.flush()
    return membership


def end_membership(session: Session, membership_id: int, on: date) -> Membership:
    """A role ends on a day (the person stays, with their history)."""
    membership = get_or_fail(session, Membership, membership_id, "Membership", "membership_id")
    if membership.ends_on is not None:
        raise ConflictError(f"This role already ended on {membership.ends_on:%d %B %Y}", "ends_on")
    if membership.starts_on is not None and on < membership.starts_on:
        raise ValidationError("A role cannot end before it started", "ends_on")
    membership.ends_on = on
    session.flush()
    return membership


def reopen_membership(session: Session, membership_id: int, ends_on: date | None = None) -> Membership:
    """Take back the end of a role (an undo): it runs on, or until ``ends_on``.

    Refused when the person has since been given the same role at the same place again.
    """
    membership = get_or_fail(session, Membership, membership_id, "Membership", "membership_id")
    if membership.ends_on is None:
        raise ConflictError("This role has not ended", "ends_on")
    if ends_on is not None and membership.starts_on is not None and ends_on < membership.starts_on:
        raise ValidationError("A role cannot end before it started", "ends_on")
    place = (membership.setting_id, membership.organisation_id)
    for other in membership.person.memberships:
        same = other is not membership and (other.setting_id, other.organisation_id) == place
        if same and other.role is membership.role and other.ends_on is None:
            raise ConflictError(
                f"{membership.person.full_name} holds this role there again already", "membership_id"
            )
    membership.ends_on = ends_on
    session.flush()
    return membership


def remove_membership(session: Session, membership_id: int) -> None:
    """Delete a role recorded in error (undoing a move); the person and their bookings stay."""
    membership = get_or_fail(session, Membership, membership_id, "Membership", "membership_id")
    membership.person.memberships.remove(membership)
    session.flush()


def move_person(
    session: Session, person_id: int, to_setting_id: int, role: Role, on: date
) -> tuple[list[Membership], Membership]:
    """A person changes setting: roles at other settings end the day before; one new role starts.

    Returns:
        The memberships that ended and the new one.
    """
    person = get_or_fail(session, Person, person_id, "Person", "person_id")
    get_or_fail(session, Setting, to_setting_id, "Setting", "to_setting_id")
    ended = []
    for membership in person.memberships:
        if membership.setting_id not in (None, to_setting_id) and membership.is_current(on):
            membership.ends_on = max(on - timedelta(days=1), membership.starts_on or date.min)
            ended.append(membership)
    session.flush()
    new = add_membership(session, person.id, role, setting_id=to_setting_id, starts_on=on)
    return ended, new


def add_organisation(
    session: Session, name: str, kind: str | None = None, notes: str | None = None
) -> Organisation:
    """Add a non-school organisation (agency, charity, service)."""
    clean = clean_text(name, "name", "The organisation's name", limit=200)
    if session.scalar(select(Organisation.id).where(func.lower(Organisation.name) == clean.lower())):
        raise ConflictError(f"An organisation called “{clean}” already exists", "name")
    organisation = Organisation(
        name=clean,
        kind=optional_text(kind, "kind", "The kind", limit=80),
        notes=optional_text(notes, "notes", "Notes"),
    )
    session.add(organisation)
    session.flush()
    return organisation


def add_venue(session: Session, fields: VenueFields) -> Venue:
    """Add a venue to choose for briefings."""
    venue = Venue()
    _fill_venue(session, venue, fields)
    session.add(venue)
    session.flush()
    return venue


def update_venue(session: Session, venue_id: int, fields: VenueFields) -> Venue:
    """Change a venue's details."""
    venue = get_or_fail(session, Venue, venue_id, "Venue", "venue_id")
    _fill_venue(session, venue, fields)
    session.flush()
    return venue


def add_topic(session: Session, fields: TopicFields) -> Topic:
    """Add a user-defined topic."""
    name = clean_text(fields.name, "name", "The topic's name", limit=120)
    if session.scalar(select(Topic.id).where(func.lower(Topic.name) == name.lower())):
        raise ConflictError(f"A topic called “{name}” already exists", "name")
    positive_int(fields.default_minutes, "default_minutes", "The default length", most=24 * 60)
    if not 0 <= fields.cpd_hours <= MAX_CPD_HOURS:
        raise ValidationError("CPD hours must be between 0 and 24", "cpd_hours")
    if not COLOUR_PATTERN.match(fields.colour):
        raise ValidationError("The colour must look like #1f6feb", "colour")
    code = _unique_code(session, name)
    topic = Topic(
        code=code,
        name=name,
        default_minutes=fields.default_minutes,
        cpd_hours=fields.cpd_hours,
        counts_as_refresh=fields.counts_as_refresh,
        counts_as_formal_training=fields.counts_as_formal_training,
        colour=fields.colour,
        builtin=False,
    )
    session.add(topic)
    session.flush()
    return topic


def _unique_code(session: Session, name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:30] or "topic"
    taken = set(session.scalars(select(Topic.code).where(Topic.code.like(f"{base}%"))))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def _fill_setting(session: Session, setting: Setting, fields: SettingFields) -> None:
    if fields.urn is not None:
        if isinstance(fields.urn, bool) or fields.urn not in URN_RANGE:
            raise ValidationError(f"URN {fields.urn} is not a 6 or 7 digit number", "urn")
        holder = session.scalar(select(Setting).where(Setting.urn == fields.urn, Setting.id != setting.id))
        if holder is not None:
            raise ConflictError(f"URN {fields.urn} already belongs to {holder.name}", "urn")
    setting.urn = fields.urn
    setting.name = clean_text(fields.name, "name", "The setting's name")
    setting.phase = Phase(fields.phase)
    setting.establishment_type = optional_text(
        fields.establishment_type, "establishment_type", "The type", limit=120
    )
    setting.la_code = optional_text(fields.la_code, "la_code", "The LA code", limit=8)
    setting.la_name = optional_text(fields.la_name, "la_name", "The LA name", limit=120)
    setting.district = optional_text(fields.district, "district", "The district", limit=120)
    setting.area = optional_text(fields.area, "area", "The area", limit=120)
    setting.address = optional_text(fields.address, "address", "The address", limit=1000)
    setting.postcode = optional_text(fields.postcode, "postcode", "The postcode", limit=16)
    setting.status = SettingStatus(fields.status)
    setting.closed_on = fields.closed_on if setting.status is SettingStatus.CLOSED else None
    setting.laestab = optional_text(fields.laestab, "laestab", "The LAESTAB", limit=16)


def _fill_person(session: Session, person: Person, fields: PersonFields) -> None:
    person.first_name = clean_text(fields.first_name, "first_name", "The first name", limit=120)
    person.last_name = clean_text(fields.last_name, "last_name", "The last name", limit=120)
    person.title = optional_text(fields.title, "title", "The title", limit=40)
    person.phone = optional_text(fields.phone, "phone", "The phone number", limit=40)
    person.notes = optional_text(fields.notes, "notes", "Notes")
    email = optional_text(fields.email, "email", "The email address", limit=254)
    if email is not None:
        if not EMAIL_PATTERN.match(email):
            raise ValidationError(f"“{email}” does not look like an email address", "email")
        holder = find_person_by_email(session, email)
        if holder is not None and holder is not person:
            raise ConflictError(f"{holder.full_name} already has the email {email}", "email")
    person.email = email


def _fill_venue(session: Session, venue: Venue, fields: VenueFields) -> None:
    name = clean_text(fields.name, "name", "The venue's name", limit=200)
    clash = session.scalar(
        select(Venue.id).where(func.lower(Venue.name) == name.lower(), Venue.id != venue.id)
    )
    if clash is not None:
        raise ConflictError(f"A venue called “{name}” already exists", "name")
    if fields.room_capacity is not None:
        positive_int(fields.room_capacity, "room_capacity", "The room capacity", most=5000)
    venue.name = name
    venue.address = optional_text(fields.address, "address", "The address", limit=1000)
    venue.postcode = optional_text(fields.postcode, "postcode", "The postcode", limit=16)
    venue.room_capacity = fields.room_capacity
    venue.notes = optional_text(fields.notes, "notes", "Notes")
