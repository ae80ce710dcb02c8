"""What happened to the programme after it was planned: a cancellation, a move, next year's drafts."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from briefings.clock import london
from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.programme_items import CANCEL_REASONS, SLOTS
from briefings.demo.tables import DemoTables
from briefings.term_calendar import academic_year_label, half_termly_dates
from models.briefings import Briefing
from models.enums import BriefingStatus

if TYPE_CHECKING:
    from briefings.demo.programme import DemoBriefing

CANCELLED_AHEAD = timedelta(days=10)  # the cancelled briefing was still this far off


def cancel_one(rng: DemoRandom, now: datetime, briefings: list[DemoBriefing]) -> None:
    """One briefing that is not part of a series was called off a few days ago.

    Preferably one already taking bookings, so there are people to send the cancellation to.
    """
    loose = [b for b in briefings if b.series_id is None and b.slot.topic != "dsl_new"]
    upcoming = [b for b in loose if b.starts_at - CANCELLED_AHEAD > now]
    chosen = upcoming[0] if upcoming else loose[-1]
    chosen.status = BriefingStatus.CANCELLED
    chosen.cancel_reason = rng.choice(CANCEL_REASONS)
    chosen.sequence = 1
    chosen.updated_at = max(chosen.created_at, min(now, chosen.starts_at) - timedelta(days=2))


def move_one(rng: DemoRandom, now: datetime, briefings: list[DemoBriefing]) -> None:
    """One in-person briefing was moved a week later because the room was double-booked."""
    rooms = [b for b in briefings if b.venue is not None and b.status is BriefingStatus.SCHEDULED]
    upcoming = [b for b in rooms if b.starts_at - timedelta(days=14) > now]
    chosen = upcoming[0] if upcoming else rooms[-1]
    was = chosen.starts_at
    chosen.starts_at += timedelta(days=7)
    chosen.ends_at += timedelta(days=7)
    chosen.sequence = 1
    chosen.updated_at = max(chosen.created_at, min(now, was) - timedelta(days=rng.randint(3, 6)))
    chosen.notes = f"Moved from {was:%A %d %B}: the room was double-booked."


def add_drafts(ctx: DemoContext, tables: DemoTables, room: int) -> None:
    """Next year's first DSL update and heads' workshop, not yet ready to publish."""
    rng = ctx.rng("drafts")
    year = ctx.current_year + 1
    label = academic_year_label(year)
    created = ctx.now - timedelta(days=3)
    for slot, title in (
        (SLOTS[0], f"DSL update: Autumn 1 {year} (online)"),
        (SLOTS[-1], f"Headteachers' safeguarding workshop: Autumn {label}"),
    ):
        day = half_termly_dates(year, slot.weekday, slot.week)[0]
        tables.add(
            Briefing,
            title=title,
            topic_id=ctx.topics[slot.topic],
            series_id=None,
            starts_at=london(day, slot.start),
            ends_at=london(day, slot.end),
            delivery=slot.deliveries[0],
            venue_id=None,
            join_url=None,
            join_passcode=None,
            capacity=slot.capacity or room,
            audience_roles=[r.value for r in slot.audience_roles],
            audience_phases=[p.value for p in slot.audience_phases],
            audience_districts=[],
            status=BriefingStatus.DRAFT,
            calendar_uid=f"{rng.uuid4()}@briefing-desk",
            calendar_sequence=0,
            notes="Draft: waiting for the venue and the joining link.",
            cancel_reason=None,
            created_at=created,
            updated_at=created,
        )
