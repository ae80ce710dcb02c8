"""What attendance returns report: a briefing's bookings, a period's or series' attendance, licences.

Councils and schools ask for evidence: who came, from which setting, for how long, and whether each
setting's DSL or a deputy has been. These queries gather it as rows for the workbook exporters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from briefings.certificates import briefing_certificates
from briefings.clock import months_before, start_of_london_day, to_london
from briefings.errors import NotFoundError, ValidationError
from briefings.queries.briefings import (
    BriefingDetail,
    BriefingRow,
    RegisterRow,
    briefing_detail,
    briefing_register,
)
from briefings.queries.briefings import briefing_rows as rows_for_briefings
from briefings.queries.compliance import REFRESH_MONTHS
from briefings.queries.licences import AllocationRow, PoolRow, allocations, list_pools
from briefings.register_order import sign_in_key
from models.briefings import Briefing, Series, Topic
from models.enums import (
    ATTENDED,
    COUNTS_AS_REFRESH,
    SAFEGUARDING_LEADS,
    Attendance,
    BookingStatus,
    BriefingStatus,
    Phase,
    Role,
    SettingStatus,
)
from models.people import Person
from models.registrations import Registration
from models.settings import Setting

_CHUNK = 900  # SQLite's bound-parameter limit, with room to spare


@dataclass(frozen=True)
class BriefingReturn:
    """One briefing with every booking on it and the certificate numbers issued."""

    detail: BriefingDetail
    register: tuple[RegisterRow, ...]
    certificate_numbers: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PeriodBooking:
    """One booked place (walk-ins included) on a briefing in the period."""

    briefing_id: int
    registration_id: int
    person_id: int | None
    person_name: str
    setting_id: int | None
    setting_name: str | None
    urn: int | None
    district: str | None
    phase: Phase | None
    role: Role | None
    attendance: Attendance | None
    minutes_attended: int | None
    walk_in: bool


@dataclass(frozen=True)
class SettingCoverage:
    """Whether a setting's DSL or a deputy came in the period, and when one last came."""

    setting_id: int
    name: str
    urn: int | None
    district: str | None
    phase: Phase
    is_open: bool
    booked: int
    attended: int
    leads_attended: int
    last_lead_on: date | None
    last_refresh_on: date | None
    refresh_due: bool


@dataclass(frozen=True)
class PeriodReturn:
    """Attendance over a period (or one series): its briefings, every booked place, coverage."""

    label: str
    first_day: date
    last_day: date
    series_name: str | None
    briefings: tuple[BriefingRow, ...]
    bookings: tuple[PeriodBooking, ...]
    coverage: tuple[SettingCoverage, ...]


@dataclass(frozen=True)
class LicenceReturn:
    """Every pool with its use and every allocation, as on ``today``."""

    today: date
    pools: tuple[PoolRow, ...]
    allocations: tuple[AllocationRow, ...]


def briefing_return(session: Session, briefing_id: int) -> BriefingReturn:
    """A briefing's details, its whole register and its certificate numbers by booking."""
    detail = briefing_detail(session, briefing_id)
    numbers = {
        c.registration_id: c.number
        for c in briefing_certificates(session, briefing_id)
        if c.registration_id is not None
    }
    return BriefingReturn(detail, tuple(briefing_register(session, briefing_id)), numbers)


def period_return(session: Session, first_day: date, last_day: date) -> PeriodReturn:
    """Briefings going ahead that start from ``first_day`` to ``last_day`` (English dates, inclusive)."""
    if last_day < first_day:
        raise ValidationError("The period ends before it starts", "last_day")
    start, end = start_of_london_day(first_day), start_of_london_day(last_day + timedelta(days=1))
    ids = session.scalars(_held().where(Briefing.starts_at >= start, Briefing.starts_at < end)).all()
    label = f"{first_day.day} {first_day:%B %Y} to {last_day.day} {last_day:%B %Y}"
    return _gather(session, label=label, first=first_day, last=last_day, series_name=None, ids=list(ids))


def series_return(session: Session, series_id: int, today: date) -> PeriodReturn:
    """Every briefing of a series going ahead; the period is the series' span (``today`` if empty)."""
    series = session.get(Series, series_id)
    if series is None:
        raise NotFoundError(f"Series {series_id} does not exist", "series_id")
    ids = list(session.scalars(_held().where(Briefing.series_id == series_id)))
    rows = rows_for_briefings(session, ids)
    first = rows[0].starts_at.date() if rows else today
    last = rows[-1].starts_at.date() if rows else today
    return _gather(session, label=series.name, first=first, last=last, series_name=series.name, ids=ids)


def licence_return(session: Session, today: date) -> LicenceReturn:
    """Every pool and allocation."""
    return LicenceReturn(today, tuple(list_pools(session)), tuple(allocations(session)))


def _held() -> Select[int]:
    return (
        select(Briefing.id)
        .where(Briefing.status.in_([BriefingStatus.SCHEDULED, BriefingStatus.COMPLETED]))
        .order_by(Briefing.starts_at, Briefing.id)
    )


def _gather(
    session: Session, *, label: str, first: date, last: date, series_name: str | None, ids: Sequence[int]
) -> PeriodReturn:
    briefings = tuple(rows_for_briefings(session, ids))
    bookings = _bookings(session, [b.id for b in briefings])
    end = start_of_london_day(last + timedelta(days=1))
    coverage = _coverage(session, bookings, end, last)
    return PeriodReturn(label, first, last, series_name, briefings, tuple(bookings), tuple(coverage))


def _bookings(session: Session, briefing_ids: list[int]) -> list[PeriodBooking]:
    order = {briefing_id: index for index, briefing_id in enumerate(briefing_ids)}
    found: list[tuple[tuple[int, tuple[str, str, str, int]], PeriodBooking]] = []
    for start in range(0, len(briefing_ids), _CHUNK):
        query = (
            select(
                Registration.id,
                Registration.briefing_id,
                Registration.person_id,
                Person.first_name,
                Person.last_name,
                Registration.setting_id,
                Setting.name,
                Setting.urn,
                Setting.district,
                Setting.phase,
                Registration.role,
                Registration.attendance,
                Registration.minutes_attended,
                Registration.walk_in,
            )
            .join(Person, Registration.person_id == Person.id, isouter=True)
            .join(Setting, Registration.setting_id == Setting.id, isouter=True)
            .where(
                Registration.briefing_id.in_(briefing_ids[start : start + _CHUNK]),
                Registration.status == BookingStatus.BOOKED,
            )
        )
        for row in session.execute(query):
            (rid, bid, pid, first, last, sid, sname, urn, district, phase, role, att, minutes, walk_in) = row
            name = f"{first} {last}".strip() if pid is not None else "(anonymised)"
            booking = PeriodBooking(
                bid, rid, pid, name, sid, sname, urn, district, phase, role, att, minutes, walk_in
            )
            found.append(((order[bid], sign_in_key(sname, last or "", first or "", rid)), booking))
    found.sort(key=lambda pair: pair[0])
    return [booking for _, booking in found]


def _coverage(
    session: Session, bookings: list[PeriodBooking], end: datetime, last_day: date
) -> list[SettingCoverage]:
    booked: dict[int, int] = defaultdict(int)
    attended: dict[int, int] = defaultdict(int)
    leads: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for b in bookings:
        if b.setting_id is None:
            continue
        booked[b.setting_id] += 1
        if b.attendance in ATTENDED:
            attended[b.setting_id] += 1
        if b.role in SAFEGUARDING_LEADS and b.attendance in COUNTS_AS_REFRESH:
            # The same lead at two briefings counts once; anonymised ones by booking.
            leads[b.setting_id].add(("p", b.person_id) if b.person_id else ("r", b.registration_id))
    last_lead = _last_lead_attendance(session, end, None)
    last_refresh = _last_lead_attendance(session, end, Topic.counts_as_refresh.is_(True))
    cutoff = months_before(last_day, REFRESH_MONTHS)
    settings = _covered_settings(session, list(booked))
    return [
        SettingCoverage(
            setting_id=s.id,
            name=s.name,
            urn=s.urn,
            district=s.district,
            phase=s.phase,
            is_open=s.status is SettingStatus.OPEN,
            booked=booked.get(s.id, 0),
            attended=attended.get(s.id, 0),
            leads_attended=len(leads.get(s.id, ())),
            last_lead_on=last_lead.get(s.id),
            last_refresh_on=last_refresh.get(s.id),
            refresh_due=last_refresh.get(s.id) is None or last_refresh[s.id] < cutoff,
        )
        for s in settings
    ]


def _covered_settings(session: Session, booked_ids: list[int]) -> list[Setting]:
    """Every open setting, and any other that booked in the period (one since closed, say)."""
    found = {s.id: s for s in session.scalars(select(Setting).where(Setting.status == SettingStatus.OPEN))}
    others = [i for i in booked_ids if i not in found]
    for start in range(0, len(others), _CHUNK):
        found.update(
            (s.id, s)
            for s in session.scalars(select(Setting).where(Setting.id.in_(others[start : start + _CHUNK])))
        )
    return sorted(found.values(), key=lambda s: (s.name.casefold(), s.id))


def _last_lead_attendance(
    session: Session, end: datetime, topic_flag: ColumnElement[bool] | None
) -> dict[int, date]:
    """Per setting: the day a DSL or deputy last came for it (present or late) before ``end``."""
    query = (
        select(Registration.setting_id, func.max(Briefing.starts_at))
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .where(
            Registration.setting_id.is_not(None),
            Registration.status == BookingStatus.BOOKED,
            Registration.role.in_(SAFEGUARDING_LEADS),
            Registration.attendance.in_(COUNTS_AS_REFRESH),
            Briefing.status != BriefingStatus.CANCELLED,
            Briefing.starts_at < end,
        )
        .group_by(Registration.setting_id)
    )
    if topic_flag is not None:
        query = query.join(Topic, Briefing.topic_id == Topic.id).where(topic_flag)
    return {sid: to_london(last).date() for sid, last in session.execute(query) if sid is not None and last}
