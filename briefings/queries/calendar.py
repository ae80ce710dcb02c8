"""Briefings as calendars show them: everything an .ics event or an invite email says.

Passcodes are loaded only when the advisor has asked for them to go into a file, so a file
written without that choice cannot leak one by mistake.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefings.clock import as_utc, to_london
from briefings.errors import NotFoundError
from briefings.queries.briefings import BriefingRow, ResourceRow, briefing_rows
from models.briefings import Briefing, Series
from models.enums import BriefingStatus
from models.recordings import Recording


@dataclass(frozen=True)
class RecordingLink:
    """The recording of a briefing people may still watch."""

    url: str
    available_until: datetime
    passcode: str | None


@dataclass(frozen=True)
class CalendarEntry:
    """One briefing as a calendar event. Times in ``row`` are on English clocks.

    ``join_passcode`` and the recording's passcode are None unless they were asked for.
    """

    row: BriefingRow
    venue_address: str | None
    venue_postcode: str | None
    join_passcode: str | None
    facilitator_names: tuple[str, ...]
    resources: tuple[ResourceRow, ...]
    cancel_reason: str | None
    recording: RecordingLink | None
    created_at: datetime
    updated_at: datetime

    @property
    def uid(self) -> str:
        """The calendar UID the briefing keeps for its whole life."""
        return self.row.calendar_uid

    @property
    def sequence(self) -> int:
        """How many calendar-visible changes the briefing has had."""
        return self.row.calendar_sequence


def calendar_entries(
    session: Session, ids: Sequence[int], now: datetime, *, passcodes: bool = False
) -> list[CalendarEntry]:
    """Entries for the given briefings in date order (unknown ids are left out)."""
    rows = briefing_rows(session, ids)
    if not rows:
        return []
    wanted = [r.id for r in rows]
    briefings = {
        b.id: b
        for b in session.scalars(
            select(Briefing)
            .where(Briefing.id.in_(wanted))
            .options(
                selectinload(Briefing.venue),
                selectinload(Briefing.facilitators),
                selectinload(Briefing.resources),
            )
        )
    }
    recordings = _watchable_recordings(session, wanted, now, passcodes=passcodes)
    return [_entry(row, briefings[row.id], recordings.get(row.id), passcodes) for row in rows]


def calendar_entry(
    session: Session, briefing_id: int, now: datetime, *, passcodes: bool = False
) -> CalendarEntry:
    """One briefing's entry, or NotFoundError."""
    found = calendar_entries(session, [briefing_id], now, passcodes=passcodes)
    if not found:
        raise NotFoundError(f"Briefing {briefing_id} does not exist", "briefing_id")
    return found[0]


def series_entries(
    session: Session, series_id: int, now: datetime, *, passcodes: bool = False
) -> list[CalendarEntry]:
    """Every briefing of a series except drafts (which are not public yet), in date order."""
    if session.get(Series, series_id) is None:
        raise NotFoundError(f"Series {series_id} does not exist", "series_id")
    ids = session.scalars(
        select(Briefing.id).where(Briefing.series_id == series_id, Briefing.status != BriefingStatus.DRAFT)
    ).all()
    return calendar_entries(session, ids, now, passcodes=passcodes)


def feed_entries(session: Session, now: datetime, *, passcodes: bool = False) -> list[CalendarEntry]:
    """Every briefing that has not finished yet, scheduled or cancelled, in date order.

    Cancelled ones stay in the feed (marked cancelled) so subscribers see the cancellation
    instead of the entry silently vanishing.
    """
    ids = session.scalars(
        select(Briefing.id).where(
            Briefing.ends_at >= as_utc(now, "now"),
            Briefing.status.in_([BriefingStatus.SCHEDULED, BriefingStatus.CANCELLED]),
        )
    ).all()
    return calendar_entries(session, ids, now, passcodes=passcodes)


def _watchable_recordings(
    session: Session, ids: Sequence[int], now: datetime, *, passcodes: bool
) -> dict[int, RecordingLink]:
    """Per briefing, the recording that stays available longest, if any is still available."""
    query = (
        select(Recording)
        .where(Recording.briefing_id.in_(ids), Recording.available_until > as_utc(now, "now"))
        .order_by(Recording.briefing_id, Recording.available_until, Recording.id)
    )
    found: dict[int, RecordingLink] = {}
    for recording in session.scalars(query):
        found[recording.briefing_id] = RecordingLink(
            url=recording.url,
            available_until=to_london(recording.available_until),
            passcode=recording.passcode if passcodes else None,
        )
    return found


def _entry(
    row: BriefingRow, briefing: Briefing, recording: RecordingLink | None, passcodes: bool
) -> CalendarEntry:
    venue = briefing.venue
    return CalendarEntry(
        row=row,
        venue_address=venue.address if venue else None,
        venue_postcode=venue.postcode if venue else None,
        join_passcode=briefing.join_passcode if passcodes else None,
        facilitator_names=tuple(p.full_name for p in briefing.facilitators),
        resources=tuple(ResourceRow(r.title, r.url) for r in briefing.resources),
        cancel_reason=briefing.cancel_reason,
        recording=recording,
        created_at=briefing.created_at,
        updated_at=briefing.updated_at,
    )
