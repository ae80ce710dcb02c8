"""Operations on briefings and series: schedule, edit, reschedule, cancel, reinstate, complete.

Each validates, changes and flushes; none commits (the service owns the transaction).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.booking import count_with_status, promote_waiting
from briefings.clock import as_utc, london, require_aware, whole_minutes
from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from briefings.validation import clean_text, https_url, optional_text, positive_int
from models.briefings import Briefing, BriefingResource, Series, Topic
from models.enums import BookingStatus, BriefingStatus, Delivery, Phase, Role
from models.people import Person
from models.venues import Venue

MAX_CAPACITY = 5000


@dataclass(frozen=True)
class BriefingFields:
    """What an advisor fills in for a briefing; the same shape serves create and edit."""

    title: str
    topic_id: int
    starts_at: datetime
    ends_at: datetime
    delivery: Delivery
    capacity: int
    venue_id: int | None = None
    join_url: str | None = None
    join_passcode: str | None = None
    series_id: int | None = None
    audience_roles: tuple[Role, ...] = ()
    audience_phases: tuple[Phase, ...] = ()
    audience_districts: tuple[str, ...] = ()
    facilitator_ids: tuple[int, ...] = ()
    notes: str | None = None
    draft: bool = False


@dataclass(frozen=True)
class ResourceLink:
    """A titled link to hand out with a briefing."""

    title: str
    url: str


@dataclass(frozen=True)
class SeriesPlan:
    """A series to create: one briefing per date, each from the same template and times."""

    name: str
    template: BriefingFields
    dates: tuple[date, ...]
    start: time
    end: time
    notes: str | None = None
    uids: tuple[str, ...] = field(default=())


def new_calendar_uid() -> str:
    """A globally unique calendar UID for a briefing (kept for its whole life)."""
    return f"{uuid.uuid4()}@briefing-desk"


def schedule_briefing(
    session: Session, fields: BriefingFields, now: datetime, uid: str | None = None
) -> Briefing:
    """Create a briefing (scheduled, or a draft) after checking every field."""
    require_aware(now, "now")
    checked = _validated(session, fields)
    briefing = Briefing(
        calendar_uid=uid or new_calendar_uid(),
        calendar_sequence=0,
        status=BriefingStatus.DRAFT if checked.draft else BriefingStatus.SCHEDULED,
        created_at=now,
        updated_at=now,
    )
    _apply(session, briefing, checked)
    session.add(briefing)
    session.flush()
    return briefing


def update_briefing(session: Session, briefing_id: int, fields: BriefingFields, now: datetime) -> Briefing:
    """Change a briefing's details; a change people's calendars show bumps the sequence.

    A capacity raised lets people off the waiting list; one lowered below the bookings is refused.
    """
    briefing = _editable(session, briefing_id)
    checked = _validated(session, fields)
    booked = count_with_status(session, briefing.id, BookingStatus.BOOKED)
    if checked.capacity < booked:
        raise ConflictError(
            f"Capacity {checked.capacity} is below the {booked} people already booked; "
            "cancel bookings first or keep a larger capacity",
            "capacity",
        )
    calendar_visible = (
        briefing.title,
        briefing.starts_at,
        briefing.ends_at,
        briefing.delivery,
        briefing.venue_id,
        briefing.join_url,
    )
    if checked.draft and briefing.status is BriefingStatus.SCHEDULED:
        raise ConflictError("A scheduled briefing cannot go back to being a draft", "status")
    _apply(session, briefing, checked)
    if not checked.draft:
        briefing.status = BriefingStatus.SCHEDULED
    if calendar_visible != (
        briefing.title,
        briefing.starts_at,
        briefing.ends_at,
        briefing.delivery,
        briefing.venue_id,
        briefing.join_url,
    ):
        _calendar_changed(briefing, now)
    session.flush()
    promote_waiting(session, briefing)
    return briefing


def reschedule_briefing(
    session: Session, briefing_id: int, starts_at: datetime, ends_at: datetime, now: datetime
) -> Briefing:
    """Move a briefing to new times, keeping everything else; calendars get an update."""
    briefing = _editable(session, briefing_id)
    _check_times(starts_at, ends_at)
    if (starts_at, ends_at) == (briefing.starts_at, briefing.ends_at):
        raise ValidationError("The new times are the same as the current ones", "starts_at")
    briefing.starts_at = as_utc(starts_at)
    briefing.ends_at = as_utc(ends_at)
    _calendar_changed(briefing, now)
    session.flush()
    return briefing


def cancel_briefing(session: Session, briefing_id: int, now: datetime, reason: str | None = None) -> Briefing:
    """Cancel a briefing; its bookings stay so everyone can be sent the cancellation."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is BriefingStatus.CANCELLED:
        raise ConflictError(f"“{briefing.title}” is already cancelled", "status")
    if briefing.status is BriefingStatus.COMPLETED:
        raise ConflictError(f"“{briefing.title}” has taken place and cannot be cancelled", "status")
    briefing.status = BriefingStatus.CANCELLED
    briefing.cancel_reason = optional_text(reason, "cancel_reason", "The reason")
    _calendar_changed(briefing, now)
    session.flush()
    return briefing


def reinstate_briefing(session: Session, briefing_id: int, now: datetime) -> Briefing:
    """Undo a cancellation: the briefing is scheduled again and calendars get an update."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is not BriefingStatus.CANCELLED:
        raise ConflictError(f"“{briefing.title}” is not cancelled", "status")
    briefing.status = BriefingStatus.SCHEDULED
    briefing.cancel_reason = None
    _calendar_changed(briefing, now)
    session.flush()
    return briefing


def complete_briefing(session: Session, briefing_id: int, now: datetime) -> Briefing:
    """Mark a briefing that has started as having taken place."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is not BriefingStatus.SCHEDULED:
        raise ConflictError(
            f"Only a scheduled briefing can be completed; “{briefing.title}” is {briefing.status.value}",
            "status",
        )
    if briefing.starts_at > require_aware(now, "now"):
        raise ConflictError(f"“{briefing.title}” has not started yet", "status")
    briefing.status = BriefingStatus.COMPLETED
    briefing.updated_at = now
    session.flush()
    return briefing


def duplicate_fields(briefing: Briefing) -> BriefingFields:
    """The fields of an existing briefing, to pre-fill "Duplicate" (new times are the caller's)."""
    return BriefingFields(
        title=briefing.title,
        topic_id=briefing.topic_id,
        starts_at=briefing.starts_at,
        ends_at=briefing.ends_at,
        delivery=briefing.delivery,
        capacity=briefing.capacity,
        venue_id=briefing.venue_id,
        join_url=briefing.join_url,
        join_passcode=briefing.join_passcode,
        series_id=briefing.series_id,
        audience_roles=tuple(Role(r) for r in briefing.audience_roles),
        audience_phases=tuple(Phase(p) for p in briefing.audience_phases),
        audience_districts=tuple(briefing.audience_districts),
        facilitator_ids=tuple(p.id for p in briefing.facilitators),
        notes=briefing.notes,
    )


def create_series(session: Session, plan: SeriesPlan, now: datetime) -> Series:
    """A series and one briefing per date, at the same English wall-clock times on each date."""
    name = clean_text(plan.name, "name", "The series name", limit=200)
    if session.scalar(select(Series.id).where(func.lower(Series.name) == name.lower())) is not None:
        raise ConflictError(f"A series called “{name}” already exists", "name")
    if not plan.dates:
        raise ValidationError("Give at least one date for the series", "dates")
    repeated = sorted({d for d in plan.dates if plan.dates.count(d) > 1})
    if repeated:
        raise ValidationError(f"{repeated[0]:%d %B %Y} is listed twice", "dates")
    if plan.end <= plan.start:
        raise ValidationError("The end time must be after the start time", "end")
    if plan.uids and len(plan.uids) != len(plan.dates):
        raise ValidationError("Give one calendar UID per date, or none", "uids")
    series = Series(
        name=name, topic_id=plan.template.topic_id, notes=optional_text(plan.notes, "notes", "Notes")
    )
    session.add(series)
    session.flush()
    for index, day in enumerate(sorted(plan.dates)):
        fields = replace(
            plan.template,
            series_id=series.id,
            starts_at=london(day, plan.start),
            ends_at=london(day, plan.end),
        )
        try:
            schedule_briefing(session, fields, now, uid=plan.uids[index] if plan.uids else None)
        except ValidationError as error:
            raise ValidationError(f"{day:%d %B %Y}: {error.message}", error.field) from error
    return series


def set_resources(session: Session, briefing_id: int, links: Sequence[ResourceLink]) -> Briefing:
    """Replace a briefing's resource links (each needs a title and an https link)."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    checked = [
        BriefingResource(
            title=clean_text(link.title, "resources", f"Resource {n} title"),
            url=https_url(link.url, "resources", f"Resource {n} link"),
            position=n,
        )
        for n, link in enumerate(links, start=1)
    ]
    briefing.resources = checked
    session.flush()
    return briefing


def _calendar_changed(briefing: Briefing, now: datetime) -> None:
    # RFC 5546: a higher SEQUENCE is how calendars know a re-sent invite replaces their copy.
    briefing.calendar_sequence += 1
    briefing.updated_at = now


def _editable(session: Session, briefing_id: int) -> Briefing:
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status in (BriefingStatus.CANCELLED, BriefingStatus.COMPLETED):
        raise ConflictError(
            f"“{briefing.title}” is {briefing.status.value}; reinstate it before changing it"
            if briefing.status is BriefingStatus.CANCELLED
            else f"“{briefing.title}” has taken place and can no longer be changed",
            "status",
        )
    return briefing


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    require_aware(starts_at, "starts_at")
    require_aware(ends_at, "ends_at")
    if ends_at <= starts_at:
        raise ValidationError("The end must be after the start", "ends_at")
    if whole_minutes(starts_at, ends_at) >= 24 * 60:
        raise ValidationError("A briefing must end within 24 hours of its start", "ends_at")


def _validated(session: Session, fields: BriefingFields) -> BriefingFields:
    title = clean_text(fields.title, "title", "The title")
    _check_times(fields.starts_at, fields.ends_at)
    positive_int(fields.capacity, "capacity", "Capacity", most=MAX_CAPACITY)
    get_or_fail(session, Topic, fields.topic_id, "Topic", "topic_id")
    if fields.series_id is not None:
        get_or_fail(session, Series, fields.series_id, "Series", "series_id")
    join_url = (fields.join_url or "").strip() or None
    if join_url is not None:
        join_url = https_url(join_url, "join_url", "The joining link")
    venue = None
    if fields.venue_id is not None:
        venue = get_or_fail(session, Venue, fields.venue_id, "Venue", "venue_id")
    if not fields.draft:
        _check_place(fields.delivery, venue, join_url)
    in_room = venue is not None and venue.room_capacity and fields.delivery is Delivery.IN_PERSON
    if in_room and venue is not None and venue.room_capacity and fields.capacity > venue.room_capacity:
        raise ValidationError(
            f"Capacity {fields.capacity} is more than {venue.name} holds ({venue.room_capacity})",
            "capacity",
        )
    for person_id in fields.facilitator_ids:
        get_or_fail(session, Person, person_id, "Facilitator", "facilitator_ids")
    districts = tuple(dict.fromkeys(d.strip() for d in fields.audience_districts if d.strip()))
    return replace(
        fields,
        title=title,
        join_url=join_url,
        join_passcode=optional_text(fields.join_passcode, "join_passcode", "The passcode", limit=100),
        audience_roles=tuple(dict.fromkeys(Role(r) for r in fields.audience_roles)),
        audience_phases=tuple(dict.fromkeys(Phase(p) for p in fields.audience_phases)),
        audience_districts=districts,
        notes=optional_text(fields.notes, "notes", "Notes"),
    )


def _check_place(delivery: Delivery, venue: Venue | None, join_url: str | None) -> None:
    if delivery.needs_venue and venue is None:
        raise ValidationError(f"{delivery.label} briefings need a venue", "venue_id")
    if delivery.needs_link and join_url is None:
        raise ValidationError(f"{delivery.label} briefings need a joining link (https://...)", "join_url")


def _apply(session: Session, briefing: Briefing, fields: BriefingFields) -> None:
    briefing.title = fields.title
    briefing.topic_id = fields.topic_id
    briefing.series_id = fields.series_id
    briefing.starts_at = as_utc(fields.starts_at)
    briefing.ends_at = as_utc(fields.ends_at)
    briefing.delivery = fields.delivery
    briefing.venue_id = fields.venue_id
    briefing.join_url = fields.join_url
    briefing.join_passcode = fields.join_passcode
    briefing.capacity = fields.capacity
    briefing.audience_roles = [r.value for r in fields.audience_roles]
    briefing.audience_phases = [p.value for p in fields.audience_phases]
    briefing.audience_districts = list(fields.audience_districts)
    briefing.notes = fields.notes
    briefing.facilitators = _people(session, fields.facilitator_ids)


def _people(session: Session, ids: Iterable[int]) -> list[Person]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(wanted)))}
    return [found[i] for i in wanted]
