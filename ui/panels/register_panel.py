"""A briefing's register: add people, cancel bookings, and mark attendance fast.

Every change goes through the services in one call; the ones that overwrite (marks) or destroy
(cancelling a booking) push an undo command. ``changed`` asks the page to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefings.errors import DomainError
from briefings.queries.briefings import BriefingRow, RegisterRow
from briefings.services import Services
from briefings.services.booking_service import AttendanceMark, BookingService
from briefings.vocabulary import Attendance, BookingStatus, BriefingStatus
from ui.dialogs.audience_dialog import AudienceDialog
from ui.dialogs.field_errors import ErrorLabel
from ui.dialogs.messages import tell
from ui.dialogs.people_picker import PeoplePickerDialog
from ui.formatting import plural
from ui.itemmodels.register_table import RegisterTableModel
from ui.undo.register_commands import CancelBooking, MarkAttendance
from ui.widgets.action_bar import ActionBar
from ui.widgets.empty_state import EmptyState, Stack
from ui.widgets.register_view import KEY_LEGEND, RegisterView
from ui.widgets.tables import tidy_table
from ui.workers import Worker, run_with_progress


class RegisterPanel(QWidget):
    """The register tab of the briefing page.

    Signals:
        changed: (what happened) after a change; the page reloads the briefing.
    """

    changed = Signal(str)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._briefing: BriefingRow | None = None
        self._worker: Worker | None = None
        self.model = RegisterTableModel(self)
        self.model.minutes_edited.connect(self.set_minutes)
        self.view = RegisterView()
        self.view.setModel(self.model)
        self.view.mark_pressed.connect(self.mark_selected)
        tidy_table(self.view, (48, 190, 250, 110, 100, 100, 70, 170, 220))
        self.empty = EmptyState()
        self.stack = Stack(self.view, self.empty)
        self._build()

    def _build(self) -> None:
        top = ActionBar()
        self.add_button = top.add("&Add people…", self.add_people, "Book people found by name or e-mail")
        self.audience_button = top.add(
            "Add a&udience…", self.add_audience, "Book every DSL in a district, say"
        )
        self.walk_in_button = top.add("&Walk-in…", self.add_walk_ins, "Someone who came without booking")
        self.cancel_button = top.add(
            "Cancel &booking", self.cancel_selected, "The first waiting takes the place"
        )
        top.add_stretch()
        self.all_present_button = top.add("All booked &present", self.all_present)
        self.numbers = QLineEdit()
        self.numbers.setPlaceholderText("Row numbers ticked on the printed sheet: 1, 4, 7-9")
        self.numbers.returnPressed.connect(self.mark_numbers)
        self.others_absent = QCheckBox("others a&bsent")
        self.numbers_button = QPushButton("&Mark ticked present")
        self.numbers_button.clicked.connect(self.mark_numbers)
        self.numbers_error = ErrorLabel()
        sheet = QHBoxLayout()
        sheet.addWidget(QLabel("Sign-in sheet:"))
        sheet.addWidget(self.numbers, 1)
        sheet.addWidget(self.others_absent)
        sheet.addWidget(self.numbers_button)
        self.counts = QLabel()
        legend = QLabel(KEY_LEGEND)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(sheet)
        layout.addWidget(self.numbers_error)
        layout.addWidget(self.counts)
        layout.addWidget(legend)

    # ------------------------------------------------------------------ showing
    def show_register(self, briefing: BriefingRow, rows: Sequence[RegisterRow], now: datetime) -> None:
        """Show a briefing's register, keeping the selection on the same people."""
        selected = {r.registration_id for r in self.selected_rows()}
        self._briefing = briefing
        self.model.set_rows(rows)
        for number, row in enumerate(self.model.rows()):
            if row.registration_id in selected:
                self.view.selectionModel().select(
                    self.model.index(number, 0),
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows,
                )
        booked = sum(r.status is BookingStatus.BOOKED for r in rows)
        waiting = sum(r.status is BookingStatus.WAITLISTED for r in rows)
        marked = sum(r.attendance is not None for r in rows if r.status is BookingStatus.BOOKED)
        self.counts.setText(
            f"{booked} of {briefing.capacity} places booked · {waiting} waiting · {marked} of {booked} marked"
        )
        self.empty.say(
            "Nobody is registered yet",
            "Add people by name, or a whole audience at once (for example every DSL and deputy "
            "in one district's primary schools).",
        )
        self.stack.show_empty(not rows)
        # Once it has started, latecomers are walk-ins.
        open_for_booking = briefing.status is BriefingStatus.SCHEDULED and briefing.starts_at > now
        for button in (self.add_button, self.audience_button):
            button.setEnabled(open_for_booking)
        self.walk_in_button.setEnabled(briefing.status is not BriefingStatus.CANCELLED)

    def selected_rows(self) -> list[RegisterRow]:
        """The register rows selected, top to bottom."""
        indexes = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [row for i in indexes if (row := self.model.row_of(i)) is not None]

    # ------------------------------------------------------------------ adding people
    def add_people(self) -> PeoplePickerDialog | None:
        """Book people found by name (waiting list once full)."""
        briefing = self._briefing
        if briefing is None:
            return None
        dialog = PeoplePickerDialog(
            self._services, heading=f"Book people on “{briefing.title}”", ok_text="Book", parent=self
        )

        def book() -> None:
            people = [(p.id, None, None) for p in dialog.chosen()]
            try:
                outcome = self._services.bookings.book_many(briefing.id, people)
            except DomainError as error:
                tell(self, "Not booked", error.message)
                return
            self.changed.emit(outcome.summary.capitalize())

        self._open(dialog, book)
        return dialog

    def add_walk_ins(self) -> PeoplePickerDialog | None:
        """Someone who came without booking: booked even past capacity."""
        briefing = self._briefing
        if briefing is None:
            return None
        dialog = PeoplePickerDialog(self._services, heading="Add walk-ins", ok_text="Add", parent=self)

        def add() -> None:
            added = 0
            for person in dialog.chosen():
                try:
                    self._services.bookings.add_walk_in(briefing.id, person.id)
                except DomainError as error:
                    tell(self, f"{person.full_name} not added", error.message)
                    continue
                added += 1
            self.changed.emit(f"Added {plural(added, 'walk-in')}")

        self._open(dialog, add)
        return dialog

    def add_audience(self) -> AudienceDialog | None:
        """Book a whole audience at once, behind a progress dialog that can cancel."""
        briefing = self._briefing
        if briefing is None:
            return None
        registered = {
            r.person_id for r in self.model.rows() if r.person_id and r.status is not BookingStatus.CANCELLED
        }
        dialog = AudienceDialog(self._services, briefing, registered, self)

        def book() -> None:
            people = dialog.bookings()
            bookings = self._services.bookings
            self._worker = run_with_progress(
                self,
                f"Booking {plural(len(people), 'person', 'people')}…",
                lambda progress: bookings.book_many(briefing.id, people, progress=progress),
                on_done=lambda outcome: self.changed.emit(outcome.summary.capitalize()),
                on_error=self._booking_failed,
                on_cancel=lambda: self.changed.emit("Booking stopped; nobody was booked"),
            )

        self._open(dialog, book)
        return dialog

    def _booking_failed(self, error: BaseException) -> None:
        tell(self, "Nobody was booked", str(error))

    def _open(self, dialog: PeoplePickerDialog | AudienceDialog, on_accepted: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(on_accepted)
        dialog.open()

    # ------------------------------------------------------------------ cancelling
    def cancel_selected(self) -> None:
        """Cancel the selected bookings; the first waiting take the places (undoable)."""
        rows = [r for r in self.selected_rows() if r.status is not BookingStatus.CANCELLED]
        if not rows:
            self.changed.emit("Select the bookings to cancel first")
            return
        before = {r.registration_id: r for r in self.model.rows()}
        promoted: list[int] = []
        cancelled = 0
        if len(rows) > 1:
            self._undo.beginMacro(f"Cancel {plural(len(rows), 'booking')}")
        try:
            for row in rows:
                try:
                    outcome = self._services.bookings.cancel(row.registration_id)
                except DomainError as error:
                    tell(self, f"{row.person_name}'s booking was not cancelled", error.message)
                    continue
                cancelled += 1
                promoted.extend(outcome.promoted)
                self._undo.push(CancelBooking(self._undo, self._services, outcome, row.person_name))
        finally:
            if len(rows) > 1:
                self._undo.endMacro()
        names = ", ".join(before[p].person_name for p in promoted if p in before)
        message = f"Cancelled {plural(cancelled, 'booking')}"
        if names:
            message += f"; {names} moved up from the waiting list"
        self.changed.emit(message)

    # ------------------------------------------------------------------ attendance
    def mark_selected(self, attendance: Attendance | None) -> None:
        """Give the selected booked rows one mark, then move down a row."""
        rows = [r for r in self.selected_rows() if r.status is BookingStatus.BOOKED]
        if not rows:
            return
        after = [AttendanceMark(r.registration_id, attendance) for r in rows]
        label = attendance.label.lower() if attendance else "unmarked"
        who = rows[0].person_name if len(rows) == 1 else plural(len(rows), "person", "people")
        if self._apply(rows, after, f"Mark {who} {label}"):
            self.view.advance()

    def set_minutes(self, registration_id: int, minutes: int) -> None:
        """Minutes typed into the register (present if no mark yet)."""
        row = next((r for r in self.model.rows() if r.registration_id == registration_id), None)
        if row is None:
            return
        mark = AttendanceMark(registration_id, row.attendance or Attendance.PRESENT, minutes)
        self._apply([row], [mark], f"Set {row.person_name}'s minutes to {minutes}")

    def all_present(self) -> None:
        """Everyone booked and not yet marked is present (undoable)."""
        briefing = self._briefing
        if briefing is None:
            return
        self._bulk(
            lambda: self._services.bookings.mark_all_present(briefing.id), "Mark all booked present", "bulk"
        )

    def mark_numbers(self) -> None:
        """Mark present the rows ticked on the printed sign-in sheet."""
        briefing = self._briefing
        if briefing is None:
            return
        self.numbers_error.say("")
        try:
            numbers = BookingService.parse_row_numbers(self.numbers.text())
        except DomainError as error:
            self.numbers_error.say(error.message)
            return
        if not numbers:
            self.numbers_error.say("Type the numbers ticked on the sheet, such as 1, 4, 7-9")
            return
        others = self.others_absent.isChecked()
        text = f"Mark rows {self.numbers.text().strip()} present"
        if self._bulk(
            lambda: self._services.bookings.mark_numbers(briefing.id, numbers, others_absent=others),
            text,
            "register",
            error_label=self.numbers_error,
        ):
            self.numbers.clear()

    def _apply(self, rows: Sequence[RegisterRow], after: list[AttendanceMark], text: str) -> bool:
        before = [AttendanceMark.of(r) for r in rows]
        try:
            self._services.bookings.mark_many(after)
        except DomainError as error:
            tell(self, "Not marked", error.message)
            return False
        self._undo.push(MarkAttendance(self._undo, self._services, text, before=before, after=after))
        self.changed.emit(text.replace("Mark ", "Marked ", 1))
        return True

    def _bulk(
        self, change: Callable[[], int], text: str, source: str, *, error_label: ErrorLabel | None = None
    ) -> bool:
        briefing = self._briefing
        if briefing is None:
            return False
        before = {
            r.registration_id: AttendanceMark.of(r)
            for r in self.model.rows()
            if r.status is BookingStatus.BOOKED
        }
        try:
            count = change()
        except DomainError as error:
            if error_label is not None:
                error_label.say(error.message)
            else:
                tell(self, "Not marked", error.message)
            return False
        now = [
            AttendanceMark.of(r)
            for r in self._services.briefings.register(briefing.id)
            if r.registration_id in before
        ]
        after = [m for m in now if m != before[m.registration_id]]
        if after:
            previous = [before[m.registration_id] for m in after]
            self._undo.push(
                MarkAttendance(self._undo, self._services, text, before=previous, after=after, source=source)
            )
        self.changed.emit(f"{text.replace('Mark ', 'Marked ', 1)} ({plural(count, 'person', 'people')})")
        return True
