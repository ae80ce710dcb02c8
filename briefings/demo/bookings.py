"""Bookings, waiting lists, cancellations, walk-ins and attendance, as the booking rules make them.

Requests and cancellations are replayed in time order: a request takes a place while there is
one and joins the waiting list otherwise; a cancelled place goes to the first person waiting.
So nobody waits while there is room, and only walk-ins take a briefing past its capacity.
Attendance is marked only on briefings that have started, were not cancelled and that the
advisor has had a couple of days to record.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from briefings.clock import to_london
from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.county import DemoSetting
from briefings.demo.people import DemoMembership, DemoPeople
from briefings.demo.programme import DemoBriefing
from briefings.demo.tables import DemoTables
from models.enums import Attendance, BookingStatus, BriefingStatus, Delivery
from models.registrations import Registration

BOOKING_WINDOW = timedelta(weeks=14)
RECORDING_LAG = timedelta(days=2)  # the advisor records attendance within a couple of days
CANCEL_SHARE = 0.08
PARTNER_TOPICS = {"rse": "nursing", "mental_health": "nursing", "online_safety": "carers", "hsb": "domestic"}


@dataclass
class _Request:
    membership: DemoMembership | None
    person_id: int
    queued_at: datetime
    cancel_at: datetime | None
    engagement: float = 1.0
    status: BookingStatus = BookingStatus.BOOKED
    walk_in: bool = False


@dataclass
class BookingOutcome:
    """What later steps need: who missed each briefing (for recordings), and totals."""

    missed: dict[int, list[tuple[int, int | None]]] = field(default_factory=dict)
    waitlisted: int = 0
    marked_briefings: int = 0


def make_bookings(
    ctx: DemoContext,
    tables: DemoTables,
    settings: Sequence[DemoSetting],
    people: DemoPeople,
    briefings: Sequence[DemoBriefing],
) -> BookingOutcome:
    """Every registration on every briefing that takes bookings."""
    by_id = {s.id: s for s in settings}
    pools: dict[tuple[object, ...], list[tuple[DemoMembership, DemoSetting]]] = {}
    outcome = BookingOutcome()
    for briefing in briefings:
        rng = ctx.rng(f"bookings/{briefing.id}")
        key = (briefing.slot.audience_roles, briefing.slot.audience_phases, briefing.slot.audience_districts)
        if key not in pools:
            pools[key] = _audience(people, by_id, briefing)
        requests = _requests(rng, ctx, briefing, pools[key], people)
        _replay(requests, briefing.capacity)
        if briefing.started(ctx.now) and briefing.status is not BriefingStatus.CANCELLED:
            requests += _walk_ins(rng, ctx, briefing, pools[key], {r.person_id for r in requests})
        outcome.waitlisted += sum(r.status is BookingStatus.WAITLISTED for r in requests)
        marked = _mark_and_write(rng, ctx, tables, briefing, requests, outcome=outcome)
        outcome.marked_briefings += marked
    return outcome


def _audience(
    people: DemoPeople, settings: dict[int, DemoSetting], briefing: DemoBriefing
) -> list[tuple[DemoMembership, DemoSetting]]:
    slot = briefing.slot
    pool = []
    for membership in people.at_settings():
        setting = settings[membership.setting_id or 0]
        if slot.audience_roles and membership.role not in slot.audience_roles:
            continue
        if slot.audience_phases and setting.phase not in slot.audience_phases:
            continue
        if slot.audience_districts and setting.district not in slot.audience_districts:
            continue
        pool.append((membership, setting))
    return pool


def _requests(
    rng: DemoRandom,
    ctx: DemoContext,
    briefing: DemoBriefing,
    pool: list[tuple[DemoMembership, DemoSetting]],
    people: DemoPeople,
) -> list[_Request]:
    if briefing.status is BriefingStatus.DRAFT or not pool:
        return []
    opens = max(briefing.created_at, briefing.starts_at - BOOKING_WINDOW)
    # Places in a room go quickly once a session is announced; online ones fill steadily.
    rush = 1.0 if briefing.delivery is Delivery.ONLINE else 2.0
    window = _Window(opens, briefing.starts_at - timedelta(hours=2) - opens, rush)
    day = briefing.starts_at.date()
    wanted = min(len(pool), round(len(pool) * min(1.0, briefing.demand * ctx.scale.booking_rate)))
    asked: dict[int, _Request] = {}
    for membership, setting in rng.sample(pool, wanted):
        if membership.person_id in asked or not membership.held_on(day) or not rng.chance(setting.engagement):
            continue
        if setting.closed_on is not None and setting.closed_on < day:
            continue
        request = window.request(rng, membership, membership.person_id, setting.engagement)
        if membership.starts_on is None or to_london(request.queued_at).date() >= membership.starts_on:
            asked[membership.person_id] = request  # else they asked before they held the role: no
    partner = PARTNER_TOPICS.get(briefing.topic)
    if partner:
        for person_id in rng.sample(people.partners[partner], rng.randint(0, 2)):
            asked.setdefault(person_id, window.request(rng, None, person_id))
    # Only what had happened by "now" (or by the cancellation) is in the data.
    cutoff = ctx.now
    if briefing.status is BriefingStatus.CANCELLED and briefing.updated_at is not None:
        cutoff = min(cutoff, briefing.updated_at)
    requests = sorted((r for r in asked.values() if r.queued_at < cutoff), key=lambda r: r.queued_at)
    for request in requests:
        if request.cancel_at is not None and request.cancel_at >= cutoff:
            request.cancel_at = None
    return requests


@dataclass(frozen=True)
class _Window:
    """When people can ask for a place, and how their requests spread over that time."""

    opens: datetime
    length: timedelta
    rush: float  # above 1, most requests come early

    def request(
        self, rng: DemoRandom, membership: DemoMembership | None, person_id: int, engagement: float = 1.0
    ) -> _Request:
        queued_at = self.opens + self.length * (rng.random() ** self.rush)
        cancel_at = None
        if rng.chance(CANCEL_SHARE):
            cancel_at = queued_at + (self.opens + self.length - queued_at) * rng.random()
        return _Request(membership, person_id, queued_at.replace(microsecond=0), cancel_at, engagement)


def _replay(requests: list[_Request], capacity: int) -> None:
    """Apply requests and cancellations in time order, promoting from the waiting list."""
    events = [(r.queued_at, 0, i) for i, r in enumerate(requests)]
    events += [(r.cancel_at, 1, i) for i, r in enumerate(requests) if r.cancel_at is not None]
    events.sort()
    booked = 0
    waiting: deque[_Request] = deque()
    for _at, kind, index in events:
        request = requests[index]
        if kind == 0:
            if booked < capacity:
                booked += 1
            else:
                request.status = BookingStatus.WAITLISTED
                waiting.append(request)
        elif request.status is BookingStatus.BOOKED:
            request.status = BookingStatus.CANCELLED
            booked -= 1
            if waiting:
                waiting.popleft().status = BookingStatus.BOOKED
                booked += 1
        else:
            waiting.remove(request)
            request.status = BookingStatus.CANCELLED


def _walk_ins(
    rng: DemoRandom,
    ctx: DemoContext,
    briefing: DemoBriefing,
    pool: list[tuple[DemoMembership, DemoSetting]],
    taken: set[int],
) -> list[_Request]:
    if briefing.delivery is Delivery.ONLINE or not pool:
        return []
    day = briefing.starts_at.date()
    walk_ins = []
    for membership, setting in rng.sample(pool, min(len(pool), rng.choice((0, 0, 1, 2, 3)))):
        if membership.person_id in taken or not membership.held_on(day) or not setting.is_open:
            continue
        taken.add(membership.person_id)
        arrived = min(briefing.starts_at + timedelta(minutes=rng.randint(0, 10)), ctx.now)
        walk_ins.append(
            _Request(membership, membership.person_id, arrived, None, setting.engagement, walk_in=True)
        )
    return walk_ins


def _mark_and_write(
    rng: DemoRandom,
    ctx: DemoContext,
    tables: DemoTables,
    briefing: DemoBriefing,
    requests: list[_Request],
    *,
    outcome: BookingOutcome,
) -> bool:
    live = briefing.status is not BriefingStatus.CANCELLED
    recorded = live and briefing.ends_at + RECORDING_LAG < ctx.now
    missed = outcome.missed.setdefault(briefing.id, [])
    source = briefing.slot.platform if briefing.delivery is Delivery.ONLINE else "register"
    for request in requests:
        mark, minutes = None, None
        if request.status is BookingStatus.BOOKED and recorded:
            mark, minutes = _mark(rng, briefing, request)
        elif request.status is BookingStatus.BOOKED and live and not briefing.started(ctx.now):
            mark = Attendance.APOLOGIES if rng.chance(0.03) else None
        if mark in (Attendance.ABSENT, Attendance.APOLOGIES):
            missed.append((request.person_id, request.membership.setting_id if request.membership else None))
        membership = request.membership
        tables.add(
            Registration,
            briefing_id=briefing.id,
            person_id=request.person_id,
            status=request.status,
            queued_at=request.queued_at,
            cancelled_at=request.cancel_at if request.status is BookingStatus.CANCELLED else None,
            attendance=mark,
            minutes_attended=minutes,
            attendance_source=None
            if mark is None
            else ("manual" if mark is Attendance.APOLOGIES else source),
            setting_id=membership.setting_id if membership else None,
            role=membership.role if membership else None,
            walk_in=request.walk_in,
            notes=None,
        )
    return recorded


def _mark(rng: DemoRandom, briefing: DemoBriefing, request: _Request) -> tuple[Attendance, int | None]:
    """What happened on the day; people from keener settings turn up more reliably."""
    minutes = briefing.minutes
    roll = rng.random() * (1.0 + 0.15 * (1.0 - request.engagement))
    if roll < 0.80:  # noqa: PLR2004
        lost = rng.randint(0, 4) if briefing.delivery is Delivery.ONLINE else 0
        return Attendance.PRESENT, minutes - lost
    if roll < 0.86:  # noqa: PLR2004
        return Attendance.LATE, minutes - rng.randint(10, 35)
    if roll < 0.91:  # noqa: PLR2004
        return Attendance.LEFT_EARLY, int(minutes * rng.uniform(0.35, 0.8))
    if roll < 0.96:  # noqa: PLR2004
        return Attendance.ABSENT, None
    return Attendance.APOLOGIES, None
