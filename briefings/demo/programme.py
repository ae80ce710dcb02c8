"""The programme: venues, series and every briefing of the years the demo covers.

Briefings that have happened are completed (the last week's still wait for the advisor); the
odd cancellation, move and draft come from :mod:`briefings.demo.changes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from briefings.clock import london, whole_minutes
from briefings.demo.changes import add_drafts, cancel_one, move_one
from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.people import DemoPeople
from briefings.demo.places import COUNTY_DOMAIN, VENUES
from briefings.demo.programme_items import NOTES, SLOTS, Slot
from briefings.demo.tables import DemoTables
from briefings.term_calendar import (
    HALF_TERM_NAMES,
    academic_year_label,
    academic_year_of,
    half_termly_dates,
    half_terms,
)
from models.briefings import Briefing, BriefingResource, Series, briefing_facilitators
from models.enums import BriefingStatus, Delivery
from models.venues import Venue

HYBRID_ONLINE_PLACES = 50
COMPLETION_LAG = timedelta(days=7)  # the advisor completes a briefing within the week
ADVISORS = 4  # the team's first four people present; the fifth is its administrator


@dataclass(frozen=True)
class DemoVenue:
    """A room the county books."""

    id: int
    name: str
    town: str
    capacity: int


@dataclass
class DemoBriefing:
    """A briefing as the booking step needs it."""

    slot: Slot
    title: str
    starts_at: datetime
    ends_at: datetime
    delivery: Delivery
    capacity: int
    venue: DemoVenue | None
    created_at: datetime
    demand: float
    id: int = 0
    status: BriefingStatus = BriefingStatus.SCHEDULED
    series_id: int | None = None
    sequence: int = 0
    updated_at: datetime | None = None
    notes: str | None = None
    cancel_reason: str | None = None
    facilitators: list[int] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        """Scheduled length."""
        return whole_minutes(self.starts_at, self.ends_at)

    @property
    def topic(self) -> str:
        """The topic's code."""
        return self.slot.topic

    def started(self, now: datetime) -> bool:
        """Whether it has begun by ``now``."""
        return self.starts_at <= now


def make_programme(ctx: DemoContext, tables: DemoTables, people: DemoPeople) -> list[DemoBriefing]:
    """Venues, series and briefings for each academic year, then drafts for the next."""
    rng = ctx.rng("programme")
    venues = [
        DemoVenue(
            tables.add(Venue, name=name, address=address, postcode=postcode, room_capacity=seats, notes=None),
            name,
            address.rsplit(",", 1)[-1].strip(),
            seats,
        )
        for name, address, postcode, seats in VENUES
    ]
    series_ids: dict[str, int] = {}
    briefings = []
    for year in ctx.years:
        planned = london(date(year, 7, rng.randint(1, 18)), time(10, 0))
        for index, slot in enumerate(SLOTS):
            for half_term in slot.half_terms:
                for repeat in range(ctx.scale.repeats):
                    day = _session_day(year, slot, half_term, repeat)
                    venue = _venue(slot, venues, year + half_term + index + repeat)
                    briefing = _briefing(
                        rng, ctx, slot, day, venue=venue, repeat=repeat, created_at=min(planned, ctx.now)
                    )
                    if slot.series:
                        name = slot.series.format(year=academic_year_label(year))
                        if name not in series_ids:
                            series_ids[name] = tables.add(
                                Series, name=name, topic_id=ctx.topics[slot.topic], notes=None
                            )
                        briefing.series_id = series_ids[name]
                    briefings.append(briefing)
    briefings.sort(key=lambda b: (b.starts_at, b.title))
    cancel_one(rng, ctx.now, briefings)
    move_one(rng, ctx.now, briefings)
    advisors = people.partners["team"][:ADVISORS]
    for briefing in briefings:
        briefing.facilitators = rng.sample(advisors, rng.choice((1, 1, 2)))
        briefing.facilitators += [rng.choice(people.partners[key]) for key in briefing.slot.guests]
    for briefing in briefings:
        _write(tables, ctx, briefing)
    add_drafts(ctx, tables, venues[0].capacity)
    return briefings


def _session_day(year: int, slot: Slot, half_term: int, repeat: int) -> date:
    day = half_termly_dates(year, slot.weekday, slot.week)[half_term]
    bounds = half_terms(year)[half_term]
    for weeks in (repeat, -repeat, repeat % 3, -(repeat % 3)):
        moved = day + timedelta(weeks=weeks) + timedelta(days=repeat // 3)
        if bounds.first_day <= moved <= bounds.last_day and moved.weekday() < 5:  # noqa: PLR2004
            return moved
    return day


def _venue(slot: Slot, venues: list[DemoVenue], turn: int) -> DemoVenue | None:
    if slot.deliveries == (Delivery.ONLINE,):
        return None
    fits = [v for v in venues if slot.capacity is None or v.capacity >= slot.capacity]
    if slot.capacity is None:
        fits = [v for v in fits if "County Hall" not in v.name] or fits
    return fits[turn % len(fits)]


def _briefing(
    rng: DemoRandom,
    ctx: DemoContext,
    slot: Slot,
    day: date,
    *,
    venue: DemoVenue | None,
    repeat: int,
    created_at: datetime,
) -> DemoBriefing:
    year = academic_year_of(day)
    delivery = slot.deliveries[(year + day.month) % len(slot.deliveries)]
    if venue is None:
        delivery = Delivery.ONLINE
    capacity = slot.capacity or (venue.capacity if venue else 100)
    if venue is not None and delivery is Delivery.IN_PERSON:
        capacity = min(capacity, venue.capacity)
    elif delivery is Delivery.HYBRID and slot.capacity is None:
        capacity += HYBRID_ONLINE_PLACES
    half_term = next(i for i, h in enumerate(half_terms(year)) if day in h)
    term = f"{HALF_TERM_NAMES[half_term]} {day.year}"
    title = slot.titles[year % len(slot.titles)].format(term=term, place=venue.town if venue else "")
    if repeat:
        title += f" (session {repeat + 1})"
    return DemoBriefing(
        slot=slot,
        title=title,
        starts_at=london(day, slot.start),
        ends_at=london(day, slot.end),
        delivery=delivery,
        capacity=capacity,
        venue=venue if delivery.needs_venue else None,
        created_at=created_at,
        demand=slot.demand / ctx.scale.repeats,
        notes=rng.choice(NOTES),
    )


def _write(tables: DemoTables, ctx: DemoContext, briefing: DemoBriefing) -> None:
    rng = ctx.rng(f"briefing/{briefing.starts_at:%Y%m%d%H%M}/{briefing.title}")
    if briefing.status is BriefingStatus.SCHEDULED and briefing.ends_at + COMPLETION_LAG < ctx.now:
        briefing.status = BriefingStatus.COMPLETED
        briefing.updated_at = briefing.ends_at + timedelta(days=rng.randint(1, 6))
    join_url, passcode = _link(rng, briefing)
    briefing.id = tables.add(
        Briefing,
        title=briefing.title,
        topic_id=ctx.topics[briefing.topic],
        series_id=briefing.series_id,
        starts_at=briefing.starts_at,
        ends_at=briefing.ends_at,
        delivery=briefing.delivery,
        venue_id=briefing.venue.id if briefing.venue else None,
        join_url=join_url,
        join_passcode=passcode,
        capacity=briefing.capacity,
        audience_roles=[r.value for r in briefing.slot.audience_roles],
        audience_phases=[p.value for p in briefing.slot.audience_phases],
        audience_districts=list(briefing.slot.audience_districts),
        status=briefing.status,
        calendar_uid=f"{rng.uuid4()}@briefing-desk",
        calendar_sequence=briefing.sequence,
        notes=briefing.notes,
        cancel_reason=briefing.cancel_reason,
        created_at=briefing.created_at,
        updated_at=briefing.updated_at or briefing.created_at,
    )
    for person_id in dict.fromkeys(briefing.facilitators):
        tables.add(briefing_facilitators, briefing_id=briefing.id, person_id=person_id)
    for position, (title, url) in enumerate(_resources(rng, briefing), start=1):
        tables.add(BriefingResource, briefing_id=briefing.id, title=title, url=url, position=position)


def _link(rng: DemoRandom, briefing: DemoBriefing) -> tuple[str | None, str | None]:
    if not briefing.delivery.needs_link:
        return None, None
    if briefing.slot.platform == "zoom":
        return (
            f"https://wyvernshire.zoom.example/j/{rng.randrange(10**10, 10**11)}",
            f"{rng.randrange(10**6):06d}",
        )
    token = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=32))
    return f"https://teams.microsoft.example/l/meetup-join/19%3ameeting_{token}%40thread.v2/0", None


def _resources(rng: DemoRandom, briefing: DemoBriefing) -> list[tuple[str, str]]:
    base = f"https://learning.{COUNTY_DOMAIN}/briefings/{briefing.starts_at:%Y-%m-%d}-{briefing.topic}"
    links = [("Slides", f"{base}/slides.pdf")] if rng.chance(0.7) else []
    if briefing.topic == "dsl_update":
        year = briefing.starts_at.year if briefing.starts_at.month >= 9 else briefing.starts_at.year - 1  # noqa: PLR2004
        links.append(
            (f"KCSIE {year}: what changed", f"https://learning.{COUNTY_DOMAIN}/kcsie/{year}-changes.pdf")
        )
    if rng.chance(0.5):
        links.append(("Feedback form", f"https://forms.{COUNTY_DOMAIN}/r/{rng.randrange(16**8):08x}"))
    return links
