"""What the UI (and the command line) may ask of imports: previews first, then one-transaction applies.

Previews read; applies write everything or nothing and re-check that the database has not moved
since the preview. Files arrive as bytes with their name: choosing and reading the file is the
caller's job (a worker thread in the app), and the name is only used in messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from briefings import preferences
from briefings.clock import london_today
from briefings.errors import OperationCancelled
from briefings.importing.attendance_apply import AttendanceImportResult, apply_attendance, resolve_row
from briefings.importing.attendance_plan import (
    LATE_AFTER_PREFERENCE,
    MIN_MINUTES_PREFERENCE,
    AttendancePreview,
    RowDecision,
    preview_attendance,
)
from briefings.importing.people_import import (
    MAPPING_PREFERENCE,
    PeopleImportResult,
    PeoplePreview,
    apply_people,
    column_samples,
    mapping_for,
    preview_people,
)
from briefings.importing.settings_import import (
    SettingsImportResult,
    SettingsPreview,
    apply_settings,
    preview_settings,
)
from briefings.importing.settings_plan import ALL_AUTHORITIES
from briefings.importing.staff import ColumnMapping
from briefings.services.base import Service
from models.imports import AttendanceImportRow, ImportRowStatus

LA_PREFERENCE = "imports.gias.la_code"
#: ``progress(done, total)`` returning False stops the work; an apply then writes nothing.
Progress = Callable[[int, int], bool]


def _step(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise OperationCancelled


@dataclass(frozen=True)
class MappingSuggestion:
    """A staff list's headers, the mapping suggested for them, and a few values under each header."""

    headers: tuple[str, ...]
    mapping: ColumnMapping
    samples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportRowView:
    """A stored participant row of an attendance import, as the review list shows it."""

    id: int
    briefing_id: int
    position: int
    source_name: str
    display_name: str
    email: str | None
    joins: int
    minutes: int | None
    first_join: datetime | None
    last_leave: datetime | None
    match_kind: str
    candidates: tuple[tuple[int, str, int], ...]
    status: ImportRowStatus
    person_id: int | None
    note: str | None
    candidate_notes: tuple[str, ...] = ()  # per candidate: "booked", and where they work

    @classmethod
    def of(cls, row: AttendanceImportRow) -> ImportRowView:
        """The view of a stored row."""
        return cls(
            id=row.id,
            briefing_id=row.briefing_id,
            position=row.position,
            source_name=row.source_name,
            display_name=row.display_name,
            email=row.email,
            joins=row.joins,
            minutes=None if row.seconds is None else row.seconds // 60,
            first_join=row.first_join,
            last_leave=row.last_leave,
            match_kind=row.match_kind,
            candidates=tuple((int(c["person_id"]), str(c["name"]), int(c["score"])) for c in row.candidates),
            status=row.status,
            person_id=row.person_id,
            note=row.note,
            candidate_notes=tuple(_candidate_note(c) for c in row.candidates),
        )


def _candidate_note(candidate: Mapping[str, object]) -> str:
    places = candidate.get("settings")
    booked = ["booked"] if candidate.get("booked") else []
    return ", ".join([*booked, *(str(p) for p in places)] if isinstance(places, list) else booked)


class ImportService(Service):
    """Settings from GIAS, staff lists, and attendance reports."""

    def remembered_authority(self) -> str | None:
        """The local authority code the last settings import used ("all" for every LA), if any."""
        with self._read() as session:
            remembered = preferences.get_preference(session, LA_PREFERENCE)
            return str(remembered) if remembered else None

    def preview_settings(
        self, data: bytes, file_name: str, la_code: str | None = None, *, progress: Progress | None = None
    ) -> SettingsPreview:
        """What importing an extract would change; ``la_code`` "all" takes every LA, None the last used."""
        _step(progress, 0, 1)
        with self._read() as session:
            chosen = la_code if la_code is not None else preferences.get_preference(session, LA_PREFERENCE)
            la = None if chosen in (None, ALL_AUTHORITIES) else str(chosen)
            preview = preview_settings(session, data, file_name, la)
        _step(progress, 1, 1)
        return preview

    def apply_settings(
        self, preview: SettingsPreview, *, progress: Progress | None = None
    ) -> SettingsImportResult:
        """Write a previewed extract (and remember the LA chosen); cancelled, nothing is written."""
        with self._write() as session:
            _step(progress, 0, 1)
            result = apply_settings(session, preview, london_today(self.now()))
            preferences.set_preference(session, LA_PREFERENCE, preview.plan.la_code or ALL_AUTHORITIES)
            _step(progress, 1, 1)  # the last moment a cancel rolls everything back
            return result

    def people_mapping(self, data: bytes, file_name: str) -> MappingSuggestion:
        """The list's headers and a mapping for them (what was remembered last time comes first)."""
        with self._read() as session:
            remembered = preferences.get_preference(session, MAPPING_PREFERENCE) or {}
        mapping, table = mapping_for(data, file_name, remembered if isinstance(remembered, dict) else {})
        return MappingSuggestion(table.headers, mapping, column_samples(table))

    def preview_people(
        self,
        data: bytes,
        file_name: str,
        mapping: ColumnMapping,
        *,
        end_unlisted: bool = True,
        progress: Progress | None = None,
    ) -> PeoplePreview:
        """What importing a staff list through a mapping would change.

        With ``end_unlisted`` off (a partial list) roles the list does not show are kept; movers
        are still moved.
        """
        _step(progress, 0, 1)
        with self._read() as session:
            today = london_today(self.now())
            preview = preview_people(session, data, file_name, mapping, today, end_unlisted=end_unlisted)
        _step(progress, 1, 1)
        return preview

    def apply_people(
        self, preview: PeoplePreview, *, remember_mapping: bool = True, progress: Progress | None = None
    ) -> PeopleImportResult:
        """Write a previewed staff list and remember its mapping; cancelled, nothing is written."""
        with self._write() as session:
            _step(progress, 0, 1)
            result = apply_people(session, preview, self.now())
            if remember_mapping:
                preferences.set_preference(session, MAPPING_PREFERENCE, dict(preview.mapping.columns))
            _step(progress, 1, 1)
            return result

    def preview_attendance(
        self,
        data: bytes,
        file_name: str,
        briefing_id: int,
        *,
        min_minutes: int | None = None,
        late_after: int | None = None,
        progress: Progress | None = None,
    ) -> AttendancePreview:
        """What importing a Teams or Zoom report for a briefing would record."""
        _step(progress, 0, 1)
        with self._read() as session:
            remembered = preferences.get_preferences(session, "imports.attendance.")
            replaces = (
                session.scalar(
                    select(func.count()).where(
                        AttendanceImportRow.briefing_id == briefing_id,
                        AttendanceImportRow.source_name == file_name,
                    )
                )
                or 0
            )
            preview = preview_attendance(
                session,
                data,
                file_name,
                briefing_id=briefing_id,
                min_minutes=min_minutes,
                late_after=late_after,
                remembered=remembered,
                replaces=replaces,
            )
        _step(progress, 1, 1)
        return preview

    def apply_attendance(
        self,
        preview: AttendancePreview,
        decisions: Mapping[int, RowDecision] | None = None,
        *,
        accept_walk_ins: bool = False,
        remember_rules: bool = False,
        progress: Progress | None = None,
    ) -> AttendanceImportResult:
        """Record a previewed report in one transaction.

        Rows without a decision take the defaults: bookings accepted, walk-ins only with
        ``accept_walk_ins``, organisers and bots set aside, the rest left pending for review.
        Cancelled through ``progress``, nothing is written.
        """
        chosen = preview.default_decisions(accept_walk_ins=accept_walk_ins)
        chosen.update(decisions or {})
        with self._write() as session:
            _step(progress, 0, 1)
            result = apply_attendance(session, preview, chosen, self.now())
            if remember_rules:
                preferences.set_preference(session, MIN_MINUTES_PREFERENCE, preview.rules.min_minutes)
                preferences.set_preference(session, LATE_AFTER_PREFERENCE, preview.rules.late_after)
            _step(progress, 1, 1)
            return result

    def attendance_rows(
        self, briefing_id: int, status: ImportRowStatus | None = ImportRowStatus.PENDING
    ) -> list[ImportRowView]:
        """A briefing's imported rows (by default those waiting for review), in report order."""
        with self._read() as session:
            query = select(AttendanceImportRow).where(AttendanceImportRow.briefing_id == briefing_id)
            if status is not None:
                query = query.where(AttendanceImportRow.status == status)
            rows = session.scalars(
                query.order_by(AttendanceImportRow.source_name, AttendanceImportRow.position)
            )
            return [ImportRowView.of(row) for row in rows]

    def resolve_attendance_row(self, row_id: int, decision: RowDecision) -> ImportRowView:
        """Decide a pending row: accept its proposal, match it to someone, add a new person, or ignore it."""
        with self._write() as session:
            return ImportRowView.of(resolve_row(session, row_id, decision, self.now()))
