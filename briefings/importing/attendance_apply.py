"""Recording a previewed attendance report through the booking rules, and resolving rows later.

Every participant row is kept (``attendance_import_rows``) with its times: rows the advisor has
not decided stay *pending* for the review list, and a row matched later is merged with the same
person's other rows, so nobody's minutes are counted twice or lost.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from briefings import booking, directory
from briefings.errors import ConflictError, NotFoundError, ValidationError
from briefings.importing.attendance_plan import (
    Action,
    AttendancePreview,
    AttendanceRow,
    AttendanceRules,
    RowDecision,
    plan_rows,
)
from briefings.importing.attendance_report import Interval
from briefings.importing.matching import MatchKind
from briefings.lookup import get_or_fail
from models.briefings import Briefing
from models.enums import Attendance, BookingStatus
from models.imports import AttendanceImportRow, ImportRowStatus
from models.people import Person
from models.registrations import Registration


@dataclass(frozen=True)
class AttendanceImportResult:
    """What an applied report recorded."""

    marked: dict[str, int]
    walk_ins: int
    new_people: int
    pending: int
    ignored: int


def apply_attendance(
    session: Session, preview: AttendancePreview, decisions: dict[int, RowDecision], now: datetime
) -> AttendanceImportResult:
    """Record the decided rows, keep the rest for review; one transaction, all or nothing."""
    briefing = get_or_fail(session, Briefing, preview.briefing_id, "Briefing", "briefing_id")
    rows = plan_rows(session, preview.report, briefing, preview.rules)
    if [(r.proposal.kind, r.proposal.person_id) for r in rows] != [
        (r.proposal.kind, r.proposal.person_id) for r in preview.rows
    ]:
        raise ConflictError("Bookings or people changed since this preview; preview the report again", "file")
    session.execute(
        delete(AttendanceImportRow).where(
            AttendanceImportRow.briefing_id == briefing.id,
            AttendanceImportRow.source_name == preview.file_name,
        )
    )
    people, new_people = _people_for(session, rows, decisions)
    stored = [_stored_row(preview, row, people.get(row.position), decisions, now) for row in rows]
    session.add_all(stored)
    session.flush()
    by_person: dict[int, list[AttendanceImportRow]] = defaultdict(list)
    for row in stored:
        if row.person_id is not None:
            by_person[row.person_id].append(row)
    marked: dict[str, int] = defaultdict(int)
    walk_ins = 0
    applied = _applied_rows(session, briefing.id)
    for person_id, person_rows in by_person.items():
        registration, walked_in = _record(
            session, briefing, person_id, applied[person_id], rules=preview.rules, now=now
        )
        walk_ins += walked_in
        for row in person_rows:
            row.registration_id = registration.id
        if registration.attendance is not None:
            marked[registration.attendance.value] += 1
    session.flush()
    return AttendanceImportResult(
        marked=dict(marked),
        walk_ins=walk_ins,
        new_people=new_people,
        pending=sum(1 for r in stored if r.status is ImportRowStatus.PENDING),
        ignored=sum(1 for r in stored if r.status is ImportRowStatus.IGNORED),
    )


def _people_for(
    session: Session, rows: tuple[AttendanceRow, ...], decisions: dict[int, RowDecision]
) -> tuple[dict[int, int], int]:
    """Position -> person for every row the advisor accepted, matched or added."""
    positions = {row.position: row for row in rows}
    unknown = sorted(set(decisions) - set(positions))
    if unknown:
        raise ValidationError(f"There is no row {unknown[0]} in this report", "decisions")
    found: dict[int, int] = {}
    added = 0
    for position, decision in sorted(decisions.items()):
        row = positions[position]
        if decision.action is Action.ACCEPT:
            if row.proposal.person_id is None:
                raise ValidationError(
                    f"Row {position} ({row.participant.name}) has no match to accept; choose a person",
                    "decisions",
                )
            found[position] = row.proposal.person_id
        elif decision.action is Action.MATCH:
            if decision.person_id is None:
                raise ValidationError(f"Row {position}: choose the person it was", "decisions")
            found[position] = get_or_fail(session, Person, decision.person_id, "Person", "person_id").id
        elif decision.action is Action.NEW_PERSON:
            found[position] = _new_person(session, decision, position)
            added += 1
    return found, added


def _new_person(session: Session, decision: RowDecision, position: int) -> int:
    if decision.new_person is None:
        raise ValidationError(f"Row {position}: give the new person's name", "decisions")
    person = directory.add_person(session, decision.new_person)
    if decision.setting_id is not None and decision.role is not None:
        directory.add_membership(session, person.id, decision.role, setting_id=decision.setting_id)
    return person.id


def _stored_row(
    preview: AttendancePreview,
    row: AttendanceRow,
    person_id: int | None,
    decisions: dict[int, RowDecision],
    now: datetime,
) -> AttendanceImportRow:
    decision = decisions.get(row.position, RowDecision(Action.REVIEW))
    if person_id is not None:
        status = ImportRowStatus.APPLIED
    elif decision.action is Action.IGNORE:
        status = ImportRowStatus.IGNORED
    else:
        status = ImportRowStatus.PENDING
    participant = row.participant
    return AttendanceImportRow(
        briefing_id=preview.briefing_id,
        imported_at=now,
        source_kind=preview.report.kind.value,
        source_name=preview.file_name[:255],
        position=row.position,
        display_name=participant.name[:300],
        email=(participant.email or None) and participant.email[:254],
        participant_role=participant.role.value,
        joins=participant.joins,
        seconds=participant.seconds,
        first_join=participant.first_join,
        last_leave=participant.last_leave,
        intervals=[[i.start.isoformat(), i.end.isoformat()] for i in participant.effective_intervals],
        match_kind=row.proposal.kind.value,
        candidates=[
            {
                "person_id": s.person_id,
                "name": s.name,
                "score": s.score,
                "booked": s.booked,
                "settings": list(s.settings),
            }
            for s in row.proposal.suggestions
        ],
        status=status,
        person_id=person_id,
        note=row.proposal.reason,
        min_minutes=preview.rules.min_minutes,
        late_after=preview.rules.late_after,
        resolved_at=now if status is not ImportRowStatus.PENDING else None,
    )


def _applied_rows(
    session: Session, briefing_id: int, person_id: int | None = None
) -> dict[int, list[AttendanceImportRow]]:
    """Every applied row of a briefing (or of one person at it), by person: all reports, merged."""
    query = select(AttendanceImportRow).where(
        AttendanceImportRow.briefing_id == briefing_id, AttendanceImportRow.status == ImportRowStatus.APPLIED
    )
    if person_id is not None:
        query = query.where(AttendanceImportRow.person_id == person_id)
    found: dict[int, list[AttendanceImportRow]] = defaultdict(list)
    for row in session.scalars(query):
        if row.person_id is not None:
            found[row.person_id].append(row)
    return found


def _record(
    session: Session,
    briefing: Briefing,
    person_id: int,
    rows: list[AttendanceImportRow],
    *,
    rules: AttendanceRules,
    now: datetime,
) -> tuple[Registration, int]:
    """Mark one person from all their applied rows for the briefing, joins merged once."""
    intervals = [
        Interval(datetime.fromisoformat(a), datetime.fromisoformat(b))
        for row in rows
        for a, b in row.intervals
    ]
    mark, minutes = rules.mark(intervals, briefing.starts_at, briefing.ends_at)
    registration = session.scalar(
        select(Registration).where(
            Registration.briefing_id == briefing.id, Registration.person_id == person_id
        )
    )
    walked_in = 0
    if registration is None or registration.status is not BookingStatus.BOOKED:
        registration = booking.add_walk_in(session, briefing.id, person_id, now)
        walked_in = 1
    if mark is Attendance.PRESENT and minutes is None:
        minutes = briefing.minutes
    source = rows[0].source_kind if rows else "import"
    booking.mark_attendance(session, registration.id, mark, now, minutes=minutes, source=source)
    return registration, walked_in


def resolve_row(session: Session, row_id: int, decision: RowDecision, now: datetime) -> AttendanceImportRow:
    """Decide a pending row later (from the review list): match it, add the person, or ignore it."""
    row = session.get(AttendanceImportRow, row_id)
    if row is None:
        raise NotFoundError("That attendance row no longer exists", "row_id")
    if row.status is not ImportRowStatus.PENDING:
        raise ConflictError(f"{row.display_name} was already {row.status.value}", "row_id")
    if decision.action is Action.REVIEW:
        return row
    row.resolved_at = now
    if decision.action is Action.IGNORE:
        row.status = ImportRowStatus.IGNORED
        session.flush()
        return row
    person_id = _resolved_person(session, row, decision)
    row.person_id, row.status = person_id, ImportRowStatus.APPLIED
    session.flush()
    rules = AttendanceRules(row.min_minutes, row.late_after)
    applied = _applied_rows(session, row.briefing_id, person_id)
    registration, _ = _record(
        session, row_briefing(session, row), person_id, applied[person_id], rules=rules, now=now
    )
    row.registration_id = registration.id
    session.flush()
    return row


def row_briefing(session: Session, row: AttendanceImportRow) -> Briefing:
    """The briefing a stored row belongs to."""
    return get_or_fail(session, Briefing, row.briefing_id, "Briefing", "briefing_id")


def _resolved_person(session: Session, row: AttendanceImportRow, decision: RowDecision) -> int:
    if decision.action is Action.ACCEPT:
        proposed = (
            row.candidates[0]["person_id"]
            if row.candidates and row.match_kind in (MatchKind.BOOKED, MatchKind.WALK_IN)
            else None
        )
        if proposed is None:
            raise ValidationError(f"{row.display_name} has no match to accept; choose a person", "decision")
        return int(proposed)
    if decision.action is Action.MATCH:
        if decision.person_id is None:
            raise ValidationError("Choose the person it was", "person_id")
        return get_or_fail(session, Person, decision.person_id, "Person", "person_id").id
    return _new_person(session, decision, row.position)
