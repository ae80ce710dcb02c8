"""The choices a calendar file is written with (kept apart from icalendar, which loads lazily)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Attendee:
    """Someone an invite names: CN and mailto, and whether they present (ROLE=CHAIR)."""

    name: str
    email: str
    chair: bool = False


@dataclass(frozen=True)
class CalendarOptions:
    """Choices the advisor makes for a file: a reminder, and a name and refresh for subscriptions."""

    reminder_minutes: int | None = None
    calendar_name: str | None = None
    refresh: timedelta | None = None
