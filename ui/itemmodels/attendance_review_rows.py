"""Attendance-report participants as the review lists them, from a preview or from stored pending rows.

The review before an apply works on :class:`AttendanceRow` (the preview's proposals); the review
of rows left pending afterwards works on :class:`ImportRowView` (what was stored). Both become a
:class:`ReviewRow` so one table and one panel serve both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication

from briefings.importing.attendance_plan import AttendanceRow
from briefings.importing.matching import MatchKind, Suggestion
from briefings.services.import_service import ImportRowView
from briefings.vocabulary import Attendance
from ui.colours import good_colour, muted, warning_colour
from ui.itemmodels.row_table import Column, RowTableModel

KIND_TEXT = {
    MatchKind.BOOKED: "Booked",
    MatchKind.WALK_IN: "Walk-in",
    MatchKind.SUGGESTED: "Possible match",
    MatchKind.UNMATCHED: "No match",
    MatchKind.EXCLUDED: "Not an attendee",
}
KIND_ORDER = {kind: n for n, kind in enumerate(KIND_TEXT)}
ACCEPTABLE = frozenset({MatchKind.BOOKED, MatchKind.WALK_IN})


@dataclass(frozen=True)
class Suggested:
    """A person a participant may be: how well the name fits, and what tells them apart."""

    person_id: int
    name: str
    score: int
    detail: str = ""

    @property
    def text(self) -> str:
        """As the suggestions list shows it: the name and fit, and what tells them apart below."""
        detail = f"\n{self.detail}" if self.detail else ""
        return f"{self.name} — {self.score}%{detail}"


@dataclass(frozen=True)
class ReviewRow:
    """One participant of a report, with what the import proposes for them.

    ``key`` identifies the row to whoever decides it: the position in the report for a
    preview, the stored row's id for a pending row.
    """

    key: int
    position: int
    name: str
    email: str
    joins: int
    minutes: int | None
    kind: MatchKind
    reason: str
    proposed: Suggested | None
    suggestions: tuple[Suggested, ...]
    mark: Attendance | None = None

    @property
    def person_text(self) -> str:
        """The person proposed, or the best suggestions with a question mark."""
        if self.proposed is not None:
            return self.proposed.name
        if self.suggestions:
            return "? " + " / ".join(s.name for s in self.suggestions[:2])
        return ""


def _suggested(suggestion: Suggestion) -> Suggested:
    detail = ", ".join(("booked",) * suggestion.booked + suggestion.settings)
    return Suggested(suggestion.person_id, suggestion.name, suggestion.score, detail)


def preview_review_row(row: AttendanceRow) -> ReviewRow:
    """A previewed participant."""
    proposal, participant = row.proposal, row.participant
    suggestions = tuple(_suggested(s) for s in proposal.suggestions)
    proposed = next((s for s in suggestions if s.person_id == proposal.person_id), None)
    if proposal.person_id is not None and proposed is None:
        proposed = Suggested(proposal.person_id, "", 100)
    renamed = f" ({participant.original_name})" if participant.original_name else ""
    return ReviewRow(
        key=row.position,
        position=row.position,
        name=participant.name + renamed,
        email=participant.email or "",
        joins=participant.joins,
        minutes=row.minutes,
        kind=proposal.kind,
        reason=proposal.reason,
        proposed=proposed,
        suggestions=suggestions,
        mark=row.mark,
    )


def stored_review_row(row: ImportRowView) -> ReviewRow:
    """A participant row left pending by an earlier apply (in the app or on the command line)."""
    kind = MatchKind(row.match_kind)
    notes = row.candidate_notes or ("",) * len(row.candidates)
    suggestions = tuple(
        Suggested(person_id, name, score, note)
        for (person_id, name, score), note in zip(row.candidates, notes, strict=False)
    )
    proposed = suggestions[0] if kind in ACCEPTABLE and suggestions else None
    return ReviewRow(
        key=row.id,
        position=row.position,
        name=row.display_name,
        email=row.email or "",
        joins=row.joins,
        minutes=row.minutes,
        kind=kind,
        reason=row.note or "",
        proposed=proposed,
        suggestions=suggestions,
    )


def review_columns(decision_text: Callable[[ReviewRow], str]) -> tuple[Column[ReviewRow], ...]:
    """The review table's columns; the last says what will happen to each row."""
    return (
        Column("#", lambda r: str(r.position), lambda r: r.position, numeric=True),
        Column("Name in the report", lambda r: r.name, lambda r: r.name.casefold(), tooltip=lambda r: r.name),
        Column(
            "Proposal", lambda r: KIND_TEXT[r.kind], lambda r: KIND_ORDER[r.kind], tooltip=lambda r: r.reason
        ),
        Column("Person", lambda r: r.person_text, tooltip=lambda r: r.person_text or None),
        Column("Decision", decision_text),
        Column("Mark", lambda r: r.mark.label if r.mark is not None else ""),
        Column(
            "Minutes",
            lambda r: "" if r.minutes is None else str(r.minutes),
            lambda r: r.minutes,
            numeric=True,
        ),
        Column("Joins", lambda r: str(r.joins), lambda r: r.joins, numeric=True),
        Column("Email", lambda r: r.email),
    )


PROPOSAL_COLUMN = 2
DECISION_COLUMN = 4
MARK_COLUMN = 5


class AttendanceReviewModel(RowTableModel[ReviewRow]):
    """Participants and their proposals; ``undecided(row)`` rows show their decision in bold."""

    def __init__(
        self,
        decision_text: Callable[[ReviewRow], str],
        undecided: Callable[[ReviewRow], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(review_columns(decision_text), parent)
        self._undecided = undecided

    def decisions_changed(self, rows: Sequence[ReviewRow]) -> None:
        """Repaint the decision cells of these rows."""
        keys = {r.key for r in rows}
        for number, row in enumerate(self._rows):
            if row.key in keys:
                index = self.index(number, DECISION_COLUMN)
                self.dataChanged.emit(index, index)

    def extra_data(self, row: ReviewRow, column: int, role: int) -> Any:
        """The proposal in green (booked), amber (for the advisor) or grey (not an attendee)."""
        if role == Qt.ItemDataRole.ForegroundRole and column == PROPOSAL_COLUMN:
            palette = QGuiApplication.palette()
            if row.kind is MatchKind.BOOKED:
                return good_colour(palette)
            if row.kind in (MatchKind.SUGGESTED, MatchKind.UNMATCHED):
                return warning_colour(palette)
            if row.kind is MatchKind.EXCLUDED:
                return muted(palette)
        if role == Qt.ItemDataRole.FontRole and column == DECISION_COLUMN and self._undecided(row):
            font = QFont()
            font.setBold(True)
            return font
        return None
