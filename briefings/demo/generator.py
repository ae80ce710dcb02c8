"""Fill an empty database with the demo county, deterministically, in one transaction.

The same seed and day give byte-identical data: every random choice comes from a stream seeded
by (seed, step), every timestamp is derived from ``today``, and ids are assigned in order. Rows
go in with Core bulk inserts, but each step builds them the way the domain's rules would (see
the step modules), and the tests check the rules on the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.demo.bookings import BookingOutcome, make_bookings
from briefings.demo.context import DemoContext, DemoScale
from briefings.demo.county import make_settings
from briefings.demo.licences import make_licences
from briefings.demo.people import DemoPeople
from briefings.demo.programme import make_programme
from briefings.demo.recordings import make_recordings
from briefings.demo.tables import DemoTables
from briefings.demo.turnover import make_people
from briefings.errors import ConflictError, NotFoundError, OperationCancelled
from briefings.queries.compliance import settings_due_refresh
from models.briefings import Briefing, Series, Topic
from models.enums import AllocationStatus, BookingStatus, BriefingStatus, SettingStatus
from models.licences import LicenceAllocation, LicencePool
from models.people import Membership, Organisation, Person
from models.recordings import Recording, RecordingAccess
from models.registrations import Registration
from models.settings import Setting
from models.venues import Venue

# Bump when the same seed and day would give different data (the benchmarks cache by it).
GENERATOR_VERSION = 1
DEFAULT_SEED = 1

# Called with (done, total); returning False asks the generator to stop (nothing is kept).
Progress = Callable[[int, int], bool]

# Tables whose rows would clash with the demo's (unique names, ids the generator assigns).
_MUST_BE_EMPTY = (
    (Setting, "setting"),
    (Person, "person"),
    (Briefing, "briefing"),
    (Organisation, "organisation"),
    (Venue, "venue"),
    (Series, "series"),
    (LicencePool, "licence pool"),
)
_PLURALS = {"person": "people", "series": "series"}
_BUILD_SHARE = 50  # of 100: building in memory, then writing


@dataclass(frozen=True)
class DemoSummary:
    """What the demo generator made."""

    seed: int
    today: date
    settings: int
    open_settings: int
    closed_settings: int
    districts: int
    people: int
    partner_people: int
    memberships: int
    venues: int
    series: int
    briefings: int
    drafts: int
    cancelled: int
    registrations: int
    waitlisted: int
    briefings_with_attendance: int
    licence_pools: int
    seats_allocated: int
    recordings: int
    recordings_sent: int
    settings_behind_on_refresh: int

    @property
    def headline(self) -> str:
        """One line for a status bar."""
        return (
            f"Loaded the demo county: {self.settings:,} settings, {self.people:,} people and "
            f"{self.briefings} briefings, as it stands on {self.today:%d %B %Y}"
        )


def demo_refusal(session: Session) -> str | None:
    """Why the demo cannot go into this database, or None when it is empty enough."""
    held = []
    for model, noun in _MUST_BE_EMPTY:
        count = session.scalar(select(func.count()).select_from(model)) or 0
        if count:
            held.append(f"{count:,} {noun if count == 1 else _PLURALS.get(noun, noun + 's')}")
    if not held:
        return None
    listed = ", ".join(held[:-1]) + (" and " if len(held) > 1 else "") + held[-1]
    return (
        f"The demo county only goes into an empty database, and this one already holds {listed}. "
        "Open a new database for the demo instead."
    )


def generate_demo(
    session: Session,
    *,
    seed: int = DEFAULT_SEED,
    today: date,
    scale: DemoScale | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Build the demo county in ``session`` (flushed, not committed).

    Raises:
        ConflictError: the database already holds data.
        OperationCancelled: ``progress`` returned False.
    """
    refusal = demo_refusal(session)
    if refusal:
        raise ConflictError(refusal, "database")
    ctx = DemoContext(seed=seed, today=today, scale=scale or DemoScale(), topics=_topics(session))
    tables = DemoTables()
    steps = 6

    def tick(step: int) -> None:
        if progress is not None and progress(step * _BUILD_SHARE // steps, 100) is False:
            raise OperationCancelled("The demo county was not loaded.")

    settings = make_settings(ctx, tables)
    tick(1)
    people = make_people(ctx, tables, settings)
    people.write(tables, created_before=_app_started(ctx), now=ctx.now)
    tick(2)
    briefings = make_programme(ctx, tables, people)
    tick(3)
    bookings = make_bookings(ctx, tables, settings, people, briefings)
    tick(4)
    make_licences(ctx, tables, settings, people)
    tick(5)
    make_recordings(ctx, tables, briefings, bookings)
    tick(6)
    _write(session, tables, progress)
    return _summary(session, ctx, tables, people, bookings)


def _app_started(ctx: DemoContext) -> date:
    """When the county began keeping its records here: the summer before the first year."""
    return date(ctx.years[0], 7, 1)


def _topics(session: Session) -> dict[str, int]:
    found: dict[str, int] = dict(session.execute(select(Topic.code, Topic.id)).all())
    needed = {"dsl_update", "dsl_new", "dsl_refresher", "rse", "pshe", "prevent", "hsb", "mental_health",
              "online_safety", "working_group", "heads_workshop"}  # fmt: skip
    missing = sorted(needed - found.keys())
    if missing:
        raise NotFoundError(
            f"The built-in topics {', '.join(missing)} are missing from this database", "topics"
        )
    return found


def _write(session: Session, tables: DemoTables, progress: Progress | None) -> None:
    total, done = tables.total(), 0

    def on_rows(count: int) -> None:
        nonlocal done
        done += count
        share = _BUILD_SHARE + (100 - _BUILD_SHARE) * done // max(total, 1)
        if progress is not None and progress(share, 100) is False:
            raise OperationCancelled("The demo county was not loaded.")

    tables.write(session, on_rows)
    session.flush()


def _summary(
    session: Session,
    ctx: DemoContext,
    tables: DemoTables,
    people: DemoPeople,
    bookings: BookingOutcome,
) -> DemoSummary:
    settings = tables.rows(Setting)
    briefings = tables.rows(Briefing)
    running = {p["id"] for p in tables.rows(LicencePool) if p["valid_until"] >= ctx.today}
    allocations = [a for a in tables.rows(LicenceAllocation) if a["pool_id"] in running]
    return DemoSummary(
        seed=ctx.seed,
        today=ctx.today,
        settings=len(settings),
        open_settings=sum(s["status"] is SettingStatus.OPEN for s in settings),
        closed_settings=sum(s["status"] is SettingStatus.CLOSED for s in settings),
        districts=len({s["district"] for s in settings}),
        people=tables.count(Person),
        partner_people=sum(len(ids) for ids in people.partners.values()),
        memberships=tables.count(Membership),
        venues=tables.count(Venue),
        series=tables.count(Series),
        briefings=len(briefings),
        drafts=sum(b["status"] is BriefingStatus.DRAFT for b in briefings),
        cancelled=sum(b["status"] is BriefingStatus.CANCELLED for b in briefings),
        registrations=sum(r["status"] is not BookingStatus.CANCELLED for r in tables.rows(Registration)),
        waitlisted=bookings.waitlisted,
        briefings_with_attendance=bookings.marked_briefings,
        licence_pools=tables.count(LicencePool),
        seats_allocated=sum(a["seats"] for a in allocations if a["status"] is AllocationStatus.ACTIVE),
        recordings=tables.count(Recording),
        recordings_sent=tables.count(RecordingAccess),
        settings_behind_on_refresh=len(settings_due_refresh(session, ctx.now)),
    )
