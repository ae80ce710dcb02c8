"""Previewing an attendance report against a briefing: each participant, its match and its mark."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from briefings.directory import PersonFields
from briefings.errors import ValidationError
from briefings.importing.attendance_report import AttendanceReport, Interval, Participant, seconds_in
from briefings.importing.match_pool import MatchPool
from briefings.importing.matching import MatchKind, Proposal, match_report
from briefings.importing.problems import Problem
from briefings.importing.reports import read_attendance_report
from briefings.lookup import get_or_fail
from models.briefings import Briefing
from models.enums import Attendance, Role

DEFAULT_SHARE = 0.75
DEFAULT_LATE_AFTER = 10
MIN_MINUTES_PREFERENCE = "imports.attendance.min_minutes"
LATE_AFTER_PREFERENCE = "imports.attendance.late_after_minutes"


class Action(StrEnum):
    """What the advisor decides for a row."""

    ACCEPT = "accept"  # take the proposed person (a booking or a walk-in)
    MATCH = "match"  # a person the advisor chose
    NEW_PERSON = "new_person"  # add them to the directory, then as a walk-in
    IGNORE = "ignore"  # not an attendee, or not worth recording
    REVIEW = "review"  # leave it listed for later


@dataclass(frozen=True)
class RowDecision:
    """The advisor's decision on one row; ``person_id`` for MATCH, ``new_person`` for NEW_PERSON."""

    action: Action
    person_id: int | None = None
    new_person: PersonFields | None = None
    setting_id: int | None = None
    role: Role | None = None


@dataclass(frozen=True)
class AttendanceRules:
    """How minutes become a mark.

    Fewer than ``min_minutes`` within the scheduled session is "left early" (it does not count as
    a refresh); joining more than ``late_after`` minutes after the start is "late".
    """

    min_minutes: int
    late_after: int

    def mark(
        self, intervals: Iterable[Interval], starts_at: datetime, ends_at: datetime
    ) -> tuple[Attendance, int | None]:
        """The mark and the minutes within the scheduled session for someone's joins."""
        stretches = list(intervals)
        if not stretches:
            return Attendance.PRESENT, None  # a report without times only says who came
        minutes = seconds_in(stretches, starts_at, ends_at) // 60
        if minutes < self.min_minutes:
            return Attendance.LEFT_EARLY, minutes
        if min(i.start for i in stretches) > starts_at + timedelta(minutes=self.late_after):
            return Attendance.LATE, minutes
        return Attendance.PRESENT, minutes


@dataclass(frozen=True)
class AttendanceRow:
    """One participant as the review lists it."""

    position: int
    participant: Participant
    proposal: Proposal
    mark: Attendance | None
    minutes: int | None

    @property
    def kind(self) -> MatchKind:
        """What the import proposes."""
        return self.proposal.kind


@dataclass(frozen=True)
class AttendancePreview:
    """What importing a report for a briefing would record, row by row."""

    file_name: str
    briefing_id: int
    briefing_title: str
    starts_at: datetime
    ends_at: datetime
    report: AttendanceReport
    rows: tuple[AttendanceRow, ...]
    rules: AttendanceRules
    replaces: int

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What reading the report found."""
        return self.report.problems

    @property
    def fingerprint(self) -> str:
        """A digest of every proposal, to notice bookings or people that changed since the preview."""
        digest = hashlib.sha256(repr((self.briefing_id, self.rules, self.replaces)).encode())
        for row in self.rows:
            digest.update(repr((row.position, row.proposal.kind, row.proposal.person_id)).encode())
        return digest.hexdigest()

    @property
    def counts(self) -> dict[str, int]:
        """Rows per proposal, and marks among rows with a person."""
        found: Counter[str] = Counter(row.kind.value for row in self.rows)
        found.update(row.mark.value for row in self.rows if row.mark is not None and row.proposal.person_id)
        found["participants"] = len(self.rows)
        return dict(found)

    def default_decisions(self, *, accept_walk_ins: bool = False) -> dict[int, RowDecision]:
        """Bookings accepted, walk-ins accepted only if asked, excluded rows ignored, the rest for review."""
        decisions = {}
        for row in self.rows:
            if row.kind is MatchKind.BOOKED or (row.kind is MatchKind.WALK_IN and accept_walk_ins):
                decisions[row.position] = RowDecision(Action.ACCEPT)
            elif row.kind is MatchKind.EXCLUDED:
                decisions[row.position] = RowDecision(Action.IGNORE)
            else:
                decisions[row.position] = RowDecision(Action.REVIEW)
        return decisions


def rules_for(
    briefing: Briefing, min_minutes: int | None, late_after: int | None, remembered: Mapping[str, object]
) -> AttendanceRules:
    """The rules to use: what was given, else what was remembered, else 75% of the session and 10 minutes."""
    stored_min = remembered.get(MIN_MINUTES_PREFERENCE)
    stored_late = remembered.get(LATE_AFTER_PREFERENCE)
    minimum = min_minutes if min_minutes is not None else stored_min if isinstance(stored_min, int) else None
    if minimum is None:
        minimum = round(briefing.minutes * DEFAULT_SHARE)
    late = (
        late_after
        if late_after is not None
        else stored_late
        if isinstance(stored_late, int)
        else DEFAULT_LATE_AFTER
    )
    if not 0 <= minimum <= briefing.minutes:
        raise ValidationError(
            f"The minimum must be between 0 and the briefing's {briefing.minutes} minutes", "min_minutes"
        )
    if not 0 <= late <= briefing.minutes:
        raise ValidationError("“Late after” must be between 0 and the briefing's length", "late_after")
    return AttendanceRules(minimum, late)


def preview_attendance(
    session: Session,
    data: bytes,
    file_name: str,
    *,
    briefing_id: int,
    min_minutes: int | None,
    late_after: int | None,
    remembered: Mapping[str, object],
    replaces: int,
) -> AttendancePreview:
    """Read a report and propose a match and a mark for every participant; writes nothing."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    rules = rules_for(briefing, min_minutes, late_after, remembered)
    report = read_attendance_report(data, file_name, briefing.starts_at.date())
    return AttendancePreview(
        file_name=file_name,
        briefing_id=briefing.id,
        briefing_title=briefing.title,
        starts_at=briefing.starts_at,
        ends_at=briefing.ends_at,
        report=report,
        rows=plan_rows(session, report, briefing, rules),
        rules=rules,
        replaces=replaces,
    )


def plan_rows(
    session: Session, report: AttendanceReport, briefing: Briefing, rules: AttendanceRules
) -> tuple[AttendanceRow, ...]:
    """A row per participant: its proposal and the mark its own joins would give."""
    proposals = match_report(report, MatchPool(session, briefing))
    rows = []
    for position, (participant, proposal) in enumerate(
        zip(report.participants, proposals, strict=True), start=1
    ):
        mark, minutes = (None, None)
        if proposal.kind is not MatchKind.EXCLUDED:
            mark, minutes = rules.mark(participant.effective_intervals, briefing.starts_at, briefing.ends_at)
        rows.append(AttendanceRow(position, participant, proposal, mark, minutes))
    return tuple(rows)
