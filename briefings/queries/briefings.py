"""Briefing rows, their details and their registers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from briefings.clock import to_london, whole_minutes
from briefings.errors import NotFoundError
from briefings.register_order import sign_in_key
from models.briefings import Briefing, Series, Topic
from models.certificates import Certificate
from models.enums import ATTENDED, Attendance, BookingStatus, BriefingStatus, Delivery, Phase, Role
from models.people import Person
from models.registrations import Registration
from models.settings import Setting
from models.venues import Venue

When = Literal["upcoming", "past", "all"]
# Outer-joined series and venue may be None at run time; the typing cannot say so.
_BriefingSelect = Select[Briefing, Topic, Series, Venue]
_RegisterTriple = tuple[Registration, Person | None, Setting | None]


@dataclass(frozen=True)
class BriefingRow:
    """One briefing as a table shows it; times are on English clocks."""

    id: int
    title: str
    topic_id: int
    topic_code: str
    topic_name: str
    topic_colour: str
    series_id: int | None
    series_name: str | None
    starts_at: datetime
    ends_at: datetime
    delivery: Delivery
    venue_id: int | None
    venue_name: str | None
    join_url: str | None
    capacity: int
    booked: int
    waitlisted: int
    attended: int
    status: BriefingStatus
    calendar_uid: str
    calendar_sequence: int
    audience_roles: tuple[Role, ...]
    audience_phases: tuple[Phase, ...]
    audience_districts: tuple[str, ...]
    notes: str | None

    @property
    def minutes(self) -> int:
        """Scheduled length in minutes."""
        return whole_minutes(self.starts_at, self.ends_at)

    @property
    def places_left(self) -> int:
        """Free places (never negative: walk-ins can take a briefing past capacity)."""
        return max(self.capacity - self.booked, 0)

    @property
    def is_full(self) -> bool:
        """Whether new bookings go to the waiting list."""
        return self.booked >= self.capacity


@dataclass(frozen=True)
class ResourceRow:
    """A titled link handed out with a briefing."""

    title: str
    url: str


@dataclass(frozen=True)
class BriefingDetail:
    """Everything about one briefing that its page and its exports show."""

    row: BriefingRow
    venue_address: str | None
    venue_postcode: str | None
    join_passcode: str | None
    facilitator_ids: tuple[int, ...]
    facilitator_names: tuple[str, ...]
    resources: tuple[ResourceRow, ...]
    cancel_reason: str | None
    cpd_hours: float
    counts_as_refresh: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RegisterRow:
    """One line of a briefing's register.

    ``number`` is the printed sign-in number (booked people only); ``position`` is the place on
    the waiting list (waiting people only).
    """

    registration_id: int
    number: int | None
    position: int | None
    person_id: int | None
    person_name: str
    first_name: str
    last_name: str
    email: str | None
    setting_id: int | None
    setting_name: str | None
    urn: int | None
    district: str | None
    phase: Phase | None
    role: Role | None
    status: BookingStatus
    queued_at: datetime
    attendance: Attendance | None
    minutes_attended: int | None
    walk_in: bool
    source: str | None
    certificate_number: str | None = None


@dataclass(frozen=True)
class BriefingFilter:
    """What the briefings table is narrowed to."""

    when: When = "all"
    text: str = ""
    topic_id: int | None = None
    series_id: int | None = None
    status: BriefingStatus | None = None
    district: str | None = None
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    limit: int | None = None


def list_briefings(session: Session, flt: BriefingFilter, now: datetime) -> list[BriefingRow]:
    """Briefings matching the filter: upcoming soonest first, otherwise latest first."""
    query = _base_query()
    if flt.when == "upcoming":
        query = query.where(Briefing.ends_at >= now).order_by(Briefing.starts_at, Briefing.id)
    elif flt.when == "past":
        query = query.where(Briefing.ends_at < now).order_by(Briefing.starts_at.desc(), Briefing.id)
    else:
        query = query.order_by(Briefing.starts_at.desc(), Briefing.id)
    query = _filtered(query, flt)
    rows = _rows(session, query)
    if flt.district:
        # Audience lists are JSON; filtering them here keeps the SQL portable.
        rows = [r for r in rows if not r.audience_districts or flt.district in r.audience_districts]
    return rows


def upcoming_briefings(session: Session, now: datetime, limit: int = 10) -> list[BriefingRow]:
    """The next briefings that are going ahead (scheduled, not yet finished)."""
    flt = BriefingFilter(when="upcoming", status=BriefingStatus.SCHEDULED, limit=limit)
    return list_briefings(session, flt, now)


def briefing_rows(session: Session, ids: Iterable[int]) -> list[BriefingRow]:
    """Rows for the given briefings, in date order."""
    wanted = list(ids)
    if not wanted:
        return []
    return _rows(
        session, _base_query().where(Briefing.id.in_(wanted)).order_by(Briefing.starts_at, Briefing.id)
    )


def briefing_row(session: Session, briefing_id: int) -> BriefingRow:
    """One briefing's row, or NotFoundError."""
    rows = briefing_rows(session, [briefing_id])
    if not rows:
        raise NotFoundError(f"Briefing {briefing_id} does not exist", "briefing_id")
    return rows[0]


def briefing_detail(session: Session, briefing_id: int) -> BriefingDetail:
    """Everything about one briefing."""
    row = briefing_row(session, briefing_id)
    briefing = session.get_one(Briefing, briefing_id)
    venue = briefing.venue
    return BriefingDetail(
        row=row,
        venue_address=venue.address if venue else None,
        venue_postcode=venue.postcode if venue else None,
        join_passcode=briefing.join_passcode,
        facilitator_ids=tuple(p.id for p in briefing.facilitators),
        facilitator_names=tuple(p.full_name for p in briefing.facilitators),
        resources=tuple(ResourceRow(r.title, r.url) for r in briefing.resources),
        cancel_reason=briefing.cancel_reason,
        cpd_hours=briefing.topic.cpd_hours,
        counts_as_refresh=briefing.topic.counts_as_refresh,
        created_at=briefing.created_at,
        updated_at=briefing.updated_at,
    )


def briefing_register(session: Session, briefing_id: int) -> list[RegisterRow]:
    """Booked people in sign-in order (numbered), then the waiting list in order, then cancellations.

    Rows carry the number of the certificate issued for the booking, once one has been.
    """
    if session.get(Briefing, briefing_id) is None:
        raise NotFoundError(f"Briefing {briefing_id} does not exist", "briefing_id")
    query = (
        select(Registration, Person, Setting)
        .join(Person, Registration.person_id == Person.id, isouter=True)
        .join(Setting, Registration.setting_id == Setting.id, isouter=True)
        .where(Registration.briefing_id == briefing_id)
    )
    booked: list[_RegisterTriple] = []
    waiting: list[_RegisterTriple] = []
    cancelled: list[_RegisterTriple] = []
    for registration, person, setting in session.execute(query):
        bucket = {BookingStatus.BOOKED: booked, BookingStatus.WAITLISTED: waiting}.get(
            registration.status, cancelled
        )
        bucket.append((registration, person, setting))
    booked.sort(key=_sign_in_key)
    waiting.sort(key=lambda t: (t[0].queued_at, t[0].id))
    cancelled.sort(key=_sign_in_key)
    rows = [_register_row(r, p, s, number=n) for n, (r, p, s) in enumerate(booked, start=1)]
    rows += [_register_row(r, p, s, position=n) for n, (r, p, s) in enumerate(waiting, start=1)]
    rows += [_register_row(r, p, s) for r, p, s in cancelled]
    return _with_certificates(session, briefing_id, rows)


def _with_certificates(session: Session, briefing_id: int, rows: list[RegisterRow]) -> list[RegisterRow]:
    query = (
        select(Certificate.registration_id, Certificate.number)
        .join(Registration, Certificate.registration_id == Registration.id)
        .where(Registration.briefing_id == briefing_id)
    )
    numbers = dict(session.execute(query).all())
    if not numbers:
        return rows
    return [replace(r, certificate_number=numbers.get(r.registration_id)) for r in rows]


def _sign_in_key(item: _RegisterTriple) -> tuple[str, str, str, int]:
    registration, person, setting = item
    return sign_in_key(
        setting.name if setting else None,
        person.last_name if person else "",
        person.first_name if person else "",
        registration.id,
    )


def _register_row(
    registration: Registration,
    person: Person | None,
    setting: Setting | None,
    *,
    number: int | None = None,
    position: int | None = None,
) -> RegisterRow:
    return RegisterRow(
        registration_id=registration.id,
        number=number,
        position=position,
        person_id=person.id if person else None,
        person_name=person.full_name if person else "(anonymised)",
        first_name=person.first_name if person else "",
        last_name=person.last_name if person else "",
        email=person.email if person else None,
        setting_id=setting.id if setting else None,
        setting_name=setting.name if setting else None,
        urn=setting.urn if setting else None,
        district=setting.district if setting else None,
        phase=setting.phase if setting else None,
        role=registration.role,
        status=registration.status,
        queued_at=to_london(registration.queued_at),
        attendance=registration.attendance,
        minutes_attended=registration.minutes_attended,
        walk_in=registration.walk_in,
        source=registration.attendance_source,
    )


def _base_query() -> _BriefingSelect:
    series = aliased(Series)
    return (
        select(Briefing, Topic, series, Venue)
        .join(Topic, Briefing.topic_id == Topic.id)
        .join(series, Briefing.series_id == series.id, isouter=True)
        .join(Venue, Briefing.venue_id == Venue.id, isouter=True)
    )


def _filtered(query: _BriefingSelect, flt: BriefingFilter) -> _BriefingSelect:
    if flt.topic_id is not None:
        query = query.where(Briefing.topic_id == flt.topic_id)
    if flt.series_id is not None:
        query = query.where(Briefing.series_id == flt.series_id)
    if flt.status is not None:
        query = query.where(Briefing.status == flt.status)
    if flt.starts_from is not None:
        query = query.where(Briefing.starts_at >= flt.starts_from)
    if flt.starts_before is not None:
        query = query.where(Briefing.starts_at < flt.starts_before)
    text = flt.text.strip()
    if text:
        pattern = f"%{text}%"
        query = query.where(
            or_(
                Briefing.title.ilike(pattern),
                Topic.name.ilike(pattern),
                Venue.name.ilike(pattern),
                Briefing.notes.ilike(pattern),
            )
        )
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def _rows(session: Session, query: _BriefingSelect) -> list[BriefingRow]:
    found = session.execute(query).all()
    counts = _counts(session, [b.id for b, *_ in found])
    return [_row(b, t, s, v, counts.get(b.id, (0, 0, 0))) for b, t, s, v in found]


def _counts(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    if not ids:
        return {}
    booked = func.sum(case((Registration.status == BookingStatus.BOOKED, 1), else_=0))
    waiting = func.sum(case((Registration.status == BookingStatus.WAITLISTED, 1), else_=0))
    attended = func.sum(case((Registration.attendance.in_(ATTENDED), 1), else_=0))
    result: dict[int, tuple[int, int, int]] = {}
    # SQLite caps bound parameters per statement; chunks keep big lists portable.
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        query = (
            select(Registration.briefing_id, booked, waiting, attended)
            .where(Registration.briefing_id.in_(chunk))
            .group_by(Registration.briefing_id)
        )
        for briefing_id, b, w, a in session.execute(query):
            result[briefing_id] = (int(b or 0), int(w or 0), int(a or 0))
    return result


def _row(
    briefing: Briefing, topic: Topic, series: Series | None, venue: Venue | None, counts: tuple[int, int, int]
) -> BriefingRow:
    return BriefingRow(
        id=briefing.id,
        title=briefing.title,
        topic_id=topic.id,
        topic_code=topic.code,
        topic_name=topic.name,
        topic_colour=topic.colour,
        series_id=series.id if series else None,
        series_name=series.name if series else None,
        starts_at=to_london(briefing.starts_at),
        ends_at=to_london(briefing.ends_at),
        delivery=briefing.delivery,
        venue_id=venue.id if venue else None,
        venue_name=venue.name if venue else None,
        join_url=briefing.join_url,
        capacity=briefing.capacity,
        booked=counts[0],
        waitlisted=counts[1],
        attended=counts[2],
        status=briefing.status,
        calendar_uid=briefing.calendar_uid,
        calendar_sequence=briefing.calendar_sequence,
        audience_roles=tuple(Role(r) for r in briefing.audience_roles or ()),
        audience_phases=tuple(Phase(p) for p in briefing.audience_phases or ()),
        audience_districts=tuple(briefing.audience_districts or ()),
        notes=briefing.notes,
    )
