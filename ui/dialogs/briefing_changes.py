"""Reschedule and Cancel: the two changes to a briefing that ask one small question each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPlainTextEdit, QTimeEdit, QWidget

from briefings.clock import london
from briefings.queries.briefings import BriefingRow
from ui.dialogs.briefing_form import py_date, py_time, qdate, qtime
from ui.dialogs.submit_dialog import SubmitDialog
from ui.formatting import span_text


class RescheduleDialog(SubmitDialog):
    """New day and times for a briefing; ``reschedule(starts, ends)`` makes the change."""

    def __init__(
        self,
        row: BriefingRow,
        reschedule: Callable[[datetime, datetime], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Reschedule “{row.title}”", "Reschedule", parent)
        self._reschedule = reschedule
        self.day = QDateEdit(qdate(row.starts_at.date()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.starts = QTimeEdit(qtime(row.starts_at.time()))
        self.ends = QTimeEdit(qtime(row.ends_at.time()))
        times = QWidget()
        line = QHBoxLayout(times)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.starts, QLabel("to"), self.ends):
            line.addWidget(widget)
        line.addStretch(1)
        self.form.addRow(QLabel(f"Now {span_text(row.starts_at, row.ends_at)}."))
        self.add_row("New &day", self.day, "starts_at")
        self.add_row("&Times", times, "ends_at")
        if row.booked or row.waitlisted:
            note = QLabel(f"{row.booked + row.waitlisted} people are registered; send them the new time.")
            note.setWordWrap(True)
            self.form.addRow(note)

    def new_times(self) -> tuple[datetime, datetime]:
        """The times chosen, on English clocks."""
        day = py_date(self.day.date())
        return london(day, py_time(self.starts.time())), london(day, py_time(self.ends.time()))

    def attempt(self) -> object:
        return self._reschedule(*self.new_times())


class CancelBriefingDialog(SubmitDialog):
    """Asks why a briefing is cancelled; ``cancel(reason)`` makes the change."""

    def __init__(
        self, row: BriefingRow, cancel: Callable[[str | None], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Cancel “{row.title}”", "Cancel briefing", parent)
        self._cancel = cancel
        people = row.booked + row.waitlisted
        intro = QLabel(
            f"{span_text(row.starts_at, row.ends_at)}. "
            + (f"{people} registered people keep their bookings so they can be told." if people else "")
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("For example: presenter unwell; new date to follow")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.add_row("&Reason", self.reason, "cancel_reason")
        self.reason.setFocus()

    def attempt(self) -> object:
        return self._cancel(self.reason.toPlainText().strip() or None)
