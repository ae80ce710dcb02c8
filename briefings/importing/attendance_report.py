"""What an attendance report says, whatever wrote it: who was there, when, and in what role."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from briefings.importing.problems import Problem


class ReportKind(StrEnum):
    """Which format a report was read as."""

    TEAMS = "teams"
    TEAMS_LEGACY = "teams_legacy"
    ZOOM = "zoom"

    @property
    def label(self) -> str:
        """The format as people call it."""
        return {
            "teams": "Microsoft Teams attendance report",
            "teams_legacy": "Microsoft Teams join/leave log (before mid-2021)",
            "zoom": "Zoom participants report",
        }[self.value]


class ParticipantRole(StrEnum):
    """What part someone played in the meeting, as far as the report or the name tells."""

    ORGANISER = "organiser"
    PRESENTER = "presenter"
    ATTENDEE = "attendee"
    BOT = "bot"
    PHONE = "phone"


@dataclass(frozen=True)
class Interval:
    """One stretch of time in the meeting, UTC."""

    start: datetime
    end: datetime


def merged(intervals: Iterable[Interval]) -> list[Interval]:
    """Overlapping or touching stretches joined, so two devices at once count once."""
    ordered = sorted(intervals, key=lambda i: (i.start, i.end))
    joined: list[Interval] = []
    for interval in ordered:
        if joined and interval.start <= joined[-1].end:
            if interval.end > joined[-1].end:
                joined[-1] = Interval(joined[-1].start, interval.end)
        else:
            joined.append(interval)
    return joined


def seconds_in(
    intervals: Iterable[Interval], start: datetime | None = None, end: datetime | None = None
) -> int:
    """Seconds covered by the stretches (overlaps once), optionally only between ``start`` and ``end``."""
    total = 0.0
    for interval in merged(intervals):
        begin = max(interval.start, start) if start else interval.start
        finish = min(interval.end, end) if end else interval.end
        if finish > begin:
            total += (finish - begin).total_seconds()
    return int(total)


@dataclass(frozen=True)
class Participant:
    """One person (or device) in a report, with every stretch they were connected."""

    name: str
    email: str | None
    role: ParticipantRole
    intervals: tuple[Interval, ...]
    rows: tuple[int, ...]
    original_name: str | None = None
    reported_seconds: int | None = None
    # True when the only times are a first join and a last leave: the report's own total is
    # then more accurate than the span, which would count time away between rejoins.
    span_only: bool = False

    @property
    def seconds(self) -> int | None:
        """Time connected, overlaps counted once; the report's own total when it gives no joins."""
        if not self.intervals or (self.span_only and self.reported_seconds is not None):
            return self.reported_seconds
        return seconds_in(self.intervals)

    @property
    def effective_intervals(self) -> tuple[Interval, ...]:
        """The stretches to count.

        With only a first join and a last leave, the span is shortened to the report's own total,
        so time away between rejoins is not counted.
        """
        if self.span_only and self.reported_seconds is not None and len(self.intervals) == 1:
            span = self.intervals[0]
            return (
                Interval(span.start, min(span.end, span.start + timedelta(seconds=self.reported_seconds))),
            )
        return self.intervals

    @property
    def joins(self) -> int:
        """How many times they joined."""
        return len(self.intervals)

    @property
    def first_join(self) -> datetime | None:
        """When they first joined."""
        return min((i.start for i in self.intervals), default=None)

    @property
    def last_leave(self) -> datetime | None:
        """When they last left."""
        return max((i.end for i in self.intervals), default=None)

    @property
    def match_name(self) -> str:
        """The name to match on: the original name when a meeting app shows a renamed one."""
        return self.original_name or self.name


@dataclass(frozen=True)
class AttendanceReport:
    """A whole report: its format, the meeting's own details, and its participants."""

    kind: ReportKind
    title: str | None
    starts_at: datetime | None
    ends_at: datetime | None
    host_email: str | None
    participants: tuple[Participant, ...]
    problems: tuple[Problem, ...]
    date_order: str

    def without_times(self) -> bool:
        """Whether the report only lists who attended (an admin setting can hide the times)."""
        return all(not p.intervals for p in self.participants)


def role_from_text(text: str) -> ParticipantRole:
    """A report's role column in our words (Organizer, Co-organizer, Presenter, Attendee...)."""
    value = text.strip().lower()
    if "organi" in value or value in {"host", "co-host", "cohost"}:
        return ParticipantRole.ORGANISER
    if "presenter" in value or "panelist" in value:
        return ParticipantRole.PRESENTER
    return ParticipantRole.ATTENDEE


def intervals_of(rows: Sequence[tuple[datetime | None, datetime | None]]) -> tuple[Interval, ...]:
    """Join/leave pairs as intervals, leaving out pairs with a missing or backwards time."""
    return tuple(Interval(a, b) for a, b in rows if a is not None and b is not None and b >= a)
