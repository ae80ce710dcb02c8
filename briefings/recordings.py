"""Operations on recordings: attach the link, change it, and note who was given it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from briefings.clock import as_utc, require_aware
from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from briefings.validation import https_url, optional_text
from models.briefings import Briefing
from models.enums import BriefingStatus
from models.people import Person
from models.recordings import Recording, RecordingAccess
from models.settings import Setting

# Teams keeps meeting recordings for 120 days by default; the link stops working after that.
DEFAULT_AVAILABILITY = timedelta(days=120)


@dataclass(frozen=True)
class RecordingFields:
    """A recording's link and window; a missing window defaults to 120 days from the session's end."""

    url: str
    passcode: str | None = None
    available_from: datetime | None = None
    available_until: datetime | None = None
    notes: str | None = None


def attach_recording(session: Session, briefing_id: int, fields: RecordingFields) -> Recording:
    """Keep a recording's https link for a briefing."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is BriefingStatus.CANCELLED:
        raise ConflictError(f"“{briefing.title}” was cancelled; it has no recording", "briefing_id")
    recording = Recording(briefing_id=briefing.id)
    _fill(recording, briefing, fields)
    session.add(recording)
    session.flush()
    return recording


def update_recording(session: Session, recording_id: int, fields: RecordingFields) -> Recording:
    """Correct a recording's link, passcode, window or notes."""
    recording = get_or_fail(session, Recording, recording_id, "Recording", "recording_id")
    _fill(recording, recording.briefing, fields)
    session.flush()
    return recording


def record_access(
    session: Session,
    recording_id: int,
    now: datetime,
    *,
    person_id: int | None = None,
    setting_id: int | None = None,
    note: str | None = None,
) -> RecordingAccess:
    """Note that the link went to a person or a setting; refused once the recording has expired."""
    recording = get_or_fail(session, Recording, recording_id, "Recording", "recording_id")
    require_aware(now, "now")
    if now >= recording.available_until:
        raise ConflictError(
            f"The recording expired on {recording.available_until:%d %B %Y}; the link no longer works",
            "recording_id",
        )
    if person_id is None and setting_id is None:
        raise ValidationError("Choose who was given the link", "person_id")
    if person_id is not None:
        get_or_fail(session, Person, person_id, "Person", "person_id")
    if setting_id is not None:
        get_or_fail(session, Setting, setting_id, "Setting", "setting_id")
    access = RecordingAccess(
        recording_id=recording.id,
        person_id=person_id,
        setting_id=setting_id,
        given_at=now,
        note=optional_text(note, "note", "The note"),
    )
    session.add(access)
    session.flush()
    return access


def _fill(recording: Recording, briefing: Briefing, fields: RecordingFields) -> None:
    start = (
        require_aware(fields.available_from, "available_from") if fields.available_from else briefing.ends_at
    )
    until = (
        require_aware(fields.available_until, "available_until")
        if fields.available_until
        else briefing.ends_at + DEFAULT_AVAILABILITY
    )
    if until <= start:
        raise ValidationError("The recording must stop being available after it starts", "available_until")
    recording.url = https_url(fields.url, "url", "The recording link")
    recording.passcode = optional_text(fields.passcode, "passcode", "The passcode", limit=100)
    recording.available_from = as_utc(start)
    recording.available_until = as_utc(until)
    recording.notes = optional_text(fields.notes, "notes", "Notes")
