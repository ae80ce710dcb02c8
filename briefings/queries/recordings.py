"""Recordings with their availability state, and who has been given each link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.clock import to_london
from briefings.errors import NotFoundError
from briefings.validation import link_host
from models.briefings import Briefing
from models.people import Person
from models.recordings import Recording, RecordingAccess
from models.settings import Setting

Availability = Literal["not yet available", "available", "expired"]


@dataclass(frozen=True)
class RecordingRow:
    """A recording; the passcode itself is fetched only when the advisor asks for it."""

    id: int
    briefing_id: int
    briefing_title: str
    briefing_starts_at: datetime
    url: str
    host: str
    has_passcode: bool
    available_from: datetime
    available_until: datetime
    notes: str | None
    given_to: int

    def state(self, now: datetime) -> Availability:
        """Where the recording is in its availability window."""
        if now < self.available_from:
            return "not yet available"
        return "available" if now < self.available_until else "expired"


@dataclass(frozen=True)
class RecordingAccessRow:
    """The link went to someone on a day."""

    id: int
    person_id: int | None
    person_name: str | None
    email: str | None
    setting_name: str | None
    given_at: datetime
    note: str | None


def list_recordings(session: Session, *, briefing_id: int | None = None) -> list[RecordingRow]:
    """Recordings, newest session first."""
    given = (
        select(RecordingAccess.recording_id, func.count().label("n"))
        .group_by(RecordingAccess.recording_id)
        .subquery()
    )
    query = (
        select(Recording, Briefing.title, Briefing.starts_at, func.coalesce(given.c.n, 0))
        .join(Briefing, Recording.briefing_id == Briefing.id)
        .join(given, given.c.recording_id == Recording.id, isouter=True)
        .order_by(Briefing.starts_at.desc(), Recording.id)
    )
    if briefing_id is not None:
        query = query.where(Recording.briefing_id == briefing_id)
    return [
        RecordingRow(
            id=r.id,
            briefing_id=r.briefing_id,
            briefing_title=title,
            briefing_starts_at=to_london(starts_at),
            url=r.url,
            host=link_host(r.url),
            has_passcode=bool(r.passcode),
            available_from=to_london(r.available_from),
            available_until=to_london(r.available_until),
            notes=r.notes,
            given_to=int(n),
        )
        for r, title, starts_at, n in session.execute(query)
    ]


def recording_passcode(session: Session, recording_id: int) -> str | None:
    """The passcode, for when the advisor explicitly asks to see or copy it."""
    recording = session.get(Recording, recording_id)
    if recording is None:
        raise NotFoundError(f"Recording {recording_id} does not exist", "recording_id")
    return recording.passcode


def recording_accesses(session: Session, recording_id: int) -> list[RecordingAccessRow]:
    """Who was given the link, oldest first."""
    query = (
        select(RecordingAccess, Person, Setting.name)
        .join(Person, RecordingAccess.person_id == Person.id, isouter=True)
        .join(Setting, RecordingAccess.setting_id == Setting.id, isouter=True)
        .where(RecordingAccess.recording_id == recording_id)
        .order_by(RecordingAccess.given_at, RecordingAccess.id)
    )
    return [
        RecordingAccessRow(
            id=a.id,
            person_id=p.id if p else None,
            person_name=p.full_name if p else None,
            email=p.email if p else None,
            setting_name=setting_name,
            given_at=to_london(a.given_at),
            note=a.note,
        )
        for a, p, setting_name in session.execute(query)
    ]
