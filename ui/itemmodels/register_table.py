"""A briefing's register: booked (numbered as printed), waiting (in order), cancelled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from typing_extensions import override

from briefings.queries.briefings import RegisterRow
from briefings.vocabulary import ATTENDED, Attendance, BookingStatus
from ui.colours import error_colour, good_colour, muted, warning_colour
from ui.itemmodels.row_table import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
ATTENDANCE_COLUMN, MINUTES_COLUMN = 5, 6


def place_text(row: RegisterRow) -> str:
    """The printed number, the waiting-list position, or blank when cancelled."""
    if row.number is not None:
        return str(row.number)
    return f"W{row.position}" if row.position is not None else ""


def status_text(row: RegisterRow) -> str:
    """Booked, walk-in, waiting with position, or cancelled."""
    if row.status is BookingStatus.WAITLISTED:
        return f"Waiting ({row.position})"
    if row.status is BookingStatus.CANCELLED:
        return "Cancelled"
    return "Walk-in" if row.walk_in else "Booked"


def _place_key(row: RegisterRow) -> tuple[int, int]:
    order = {BookingStatus.BOOKED: 0, BookingStatus.WAITLISTED: 1, BookingStatus.CANCELLED: 2}
    return (order[row.status], row.number or row.position or 0)


COLUMNS: tuple[Column[RegisterRow], ...] = (
    Column("No.", place_text, sort_key=_place_key, numeric=True),
    Column(
        "Name", lambda r: r.person_name, sort_key=lambda r: (r.last_name.casefold(), r.first_name.casefold())
    ),
    Column("Setting", lambda r: r.setting_name or "", tooltip=lambda r: f"URN {r.urn}" if r.urn else None),
    Column("Role", lambda r: r.role.label if r.role else ""),
    Column("Status", status_text, sort_key=_place_key),
    Column("Attendance", lambda r: r.attendance.label if r.attendance else ""),
    Column(
        "Minutes",
        lambda r: str(r.minutes_attended) if r.minutes_attended is not None else "",
        sort_key=lambda r: r.minutes_attended,
        numeric=True,
    ),
    Column("Certificate", lambda r: r.certificate_number or ""),
    Column("Email", lambda r: r.email or ""),
)


class RegisterTableModel(RowTableModel[RegisterRow]):
    """Register rows; minutes are editable on booked rows.

    Signals:
        minutes_edited: (registration id, minutes) typed into the Minutes column; the page
            records it through the services and reloads, so the model never changes itself.
    """

    minutes_edited = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        row = self.row_of(index)
        if row is not None and index.column() == MINUTES_COLUMN and row.status is BookingStatus.BOOKED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    @override
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_of(index)
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() != MINUTES_COLUMN:
            return False
        try:
            minutes = int(str(value).strip())
        except ValueError:
            return False
        self.minutes_edited.emit(row.registration_id, minutes)
        return True

    def extra_data(self, row: RegisterRow, column: int, role: int) -> Any:
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.EditRole and column == MINUTES_COLUMN:
            return row.minutes_attended or 0
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is BookingStatus.CANCELLED:
                return muted(palette)
            if column == ATTENDANCE_COLUMN and row.attendance is not None:
                if row.attendance in ATTENDED:
                    return (
                        good_colour(palette)
                        if row.attendance is Attendance.PRESENT
                        else warning_colour(palette)
                    )
                return error_colour(palette) if row.attendance is Attendance.ABSENT else muted(palette)
        if role == Qt.ItemDataRole.FontRole and row.status is BookingStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
