"""The changes an advisor makes to briefings, shared by the Briefings, Briefing and Calendar pages.

Each opens its dialog window-modally (no nested event loop), makes the change through the
services when the dialog is accepted, pushes an undo command where the change overwrites or
destroys something, and reports through ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from briefings.clock import london_today
from briefings.errors import DomainError
from briefings.queries.briefings import BriefingRow
from briefings.scheduling import BriefingFields
from briefings.services import Services
from ui.dialogs.briefing_changes import CancelBriefingDialog, RescheduleDialog
from ui.dialogs.briefing_dialog import BriefingDialog
from ui.dialogs.briefing_form import BriefingChoices
from ui.dialogs.messages import ask, tell
from ui.dialogs.series_dialog import SeriesDialog
from ui.formatting import day_text, span_text
from ui.undo.briefing_commands import CancelBriefing, EditBriefing, RescheduleBriefing


class BriefingEditor(QObject):
    """Opens the dialogs for briefing changes and carries them out.

    Signals:
        changed: (briefing id, what happened) after a change went through; id 0 for a series.
    """

    changed = Signal(int, str)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._parent = parent

    def new(self, day: date | None = None) -> BriefingDialog:
        """Schedule a new briefing (on ``day`` if given, else a week from today)."""
        today = london_today(self._services.briefings.now())
        dialog = BriefingDialog(
            BriefingChoices.load(self._services),
            self._services.briefings.schedule,
            heading="New briefing",
            day=day or today + timedelta(days=7),
            ok_text="Schedule",
            parent=self._parent,
        )
        self._open(dialog, lambda: self._scheduled(dialog, "Scheduled"))
        return dialog

    def duplicate(self, row: BriefingRow) -> BriefingDialog | None:
        """A new briefing with another's details, a week later."""
        fields = self._fields_of(row)
        if fields is None:
            return None
        week = timedelta(days=7)
        dialog = BriefingDialog(
            BriefingChoices.load(self._services),
            self._services.briefings.schedule,
            heading=f"Duplicate “{row.title}”",
            fields=replace(fields, starts_at=fields.starts_at + week, ends_at=fields.ends_at + week),
            ok_text="Schedule copy",
            parent=self._parent,
        )
        self._open(dialog, lambda: self._scheduled(dialog, "Scheduled a copy:"))
        return dialog

    def edit(self, row: BriefingRow) -> BriefingDialog | None:
        """Change a briefing's details (undo puts the old ones back)."""
        before = self._fields_of(row)
        if before is None:
            return None
        submitted: list[BriefingFields] = []

        def submit(fields: BriefingFields) -> BriefingRow:
            updated = self._services.briefings.update(row.id, fields)
            submitted.append(fields)
            return updated

        dialog = BriefingDialog(
            BriefingChoices.load(self._services),
            submit,
            heading=f"Edit “{row.title}”",
            fields=before,
            parent=self._parent,
        )

        def done() -> None:
            self._undo.push(EditBriefing(self._undo, self._services, row.id, before, submitted[-1]))
            self.changed.emit(row.id, f"Saved “{submitted[-1].title}”")

        self._open(dialog, done)
        return dialog

    def new_series(self) -> SeriesDialog:
        """Several briefings from a list of dates."""
        dialog = SeriesDialog(
            BriefingChoices.load(self._services),
            self._services.briefings.create_series,
            today=london_today(self._services.briefings.now()),
            parent=self._parent,
        )

        def done() -> None:
            series = dialog.result_value
            self.changed.emit(0, f"Created the series “{series.name}” with {series.briefings} briefings")

        self._open(dialog, done)
        return dialog

    def reschedule(self, row: BriefingRow) -> RescheduleDialog:
        """Move a briefing (undo moves it back)."""
        dialog = RescheduleDialog(
            row, lambda starts, ends: self._services.briefings.reschedule(row.id, starts, ends), self._parent
        )

        def done() -> None:
            moved: BriefingRow = dialog.result_value
            after: tuple[datetime, datetime] = (moved.starts_at, moved.ends_at)
            before = (row.starts_at, row.ends_at)
            self._undo.push(
                RescheduleBriefing(self._undo, self._services, row.id, row.title, before=before, after=after)
            )
            self.changed.emit(row.id, f"Moved “{row.title}” to {span_text(*after)}")

        self._open(dialog, done)
        return dialog

    def cancel(self, row: BriefingRow) -> CancelBriefingDialog:
        """Cancel a briefing, asking why (undo reinstates it)."""
        dialog = CancelBriefingDialog(
            row, lambda reason: self._services.briefings.cancel(row.id, reason), self._parent
        )

        def done() -> None:
            reason = dialog.reason.toPlainText().strip() or None
            self._undo.push(CancelBriefing(self._undo, self._services, row.id, row.title, reason))
            self.changed.emit(row.id, f"Cancelled “{row.title}” (Edit ▸ Undo reinstates it)")

        self._open(dialog, done)
        return dialog

    def complete(self, row: BriefingRow) -> QMessageBox:
        """Mark a briefing as having taken place, after asking (there is no going back)."""

        def go() -> None:
            try:
                self._services.briefings.complete(row.id)
            except DomainError as error:
                tell(self._parent, "Not completed", error.message)
                return
            self.changed.emit(row.id, f"Marked “{row.title}” as taken place")

        return ask(
            self._parent,
            "Mark as taken place",
            f"Mark “{row.title}” on {day_text(row.starts_at.date())} as taken place?\n\n"
            "It can no longer be edited, rescheduled or cancelled afterwards.",
            "Mark as taken place",
            go,
        )

    def _fields_of(self, row: BriefingRow) -> BriefingFields | None:
        try:
            return self._services.briefings.fields_of(row.id)
        except DomainError as error:
            tell(self._parent, "Briefing not found", error.message)
            return None

    def _scheduled(self, dialog: BriefingDialog, verb: str) -> None:
        row = dialog.result_row
        if row is not None:
            self.changed.emit(row.id, f"{verb} “{row.title}” on {span_text(row.starts_at, row.ends_at)}")

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(on_accepted)
        dialog.open()
