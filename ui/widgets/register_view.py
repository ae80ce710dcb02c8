"""The register table with single-key attendance marking, moving down a row after each mark."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget
from typing_extensions import override

from briefings.vocabulary import Attendance

#: Keys an advisor presses on a selected row, and the mark each records (None clears).
MARK_KEYS: dict[int, Attendance | None] = {
    Qt.Key.Key_P: Attendance.PRESENT,
    Qt.Key.Key_L: Attendance.LATE,
    Qt.Key.Key_E: Attendance.LEFT_EARLY,
    Qt.Key.Key_A: Attendance.ABSENT,
    Qt.Key.Key_O: Attendance.APOLOGIES,
    Qt.Key.Key_Backspace: None,
}

KEY_LEGEND = (
    "Keys: P present · L late · E left early · A absent · O apologies · Backspace clears · F2 edits minutes"
)


class RegisterView(QTableView):
    """A table view that turns P/L/E/A/O/Backspace into ``mark_pressed`` for the selected rows.

    Signals:
        mark_pressed: the mark chosen (an Attendance, or None to clear).
    """

    mark_pressed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in MARK_KEYS and self.state() != QAbstractItemView.State.EditingState:
            self.mark_pressed.emit(MARK_KEYS[event.key()])
            event.accept()
            return
        super().keyPressEvent(event)

    def advance(self) -> None:
        """Select the row after the last selected one (marking runs down the register)."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        if len(rows) != 1 or rows[0] + 1 >= self.model().rowCount():
            return
        self.selectRow(rows[0] + 1)
