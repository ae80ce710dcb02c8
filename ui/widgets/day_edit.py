"""Date and date-time fields written the English way, with a calendar to pick from."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from briefings.clock import london, to_london


class DayEdit(QDateEdit):
    """A day, typed or picked from a calendar."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.set_day(day)

    @property
    def day(self) -> date:
        """The day shown."""
        return date(self.date().year(), self.date().month(), self.date().day())

    def set_day(self, day: date) -> None:
        """Show this day."""
        self.setDate(QDate(day.year, day.month, day.day))


class LondonDateTimeEdit(QDateTimeEdit):
    """A moment on English clocks (the services store it as UTC)."""

    def __init__(self, moment: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy HH:mm")
        self.set_moment(moment)

    @property
    def moment(self) -> datetime:
        """The moment shown, as an aware datetime in England."""
        shown = self.dateTime()
        day, clock = shown.date(), shown.time()
        return london(date(day.year(), day.month(), day.day()), time(clock.hour(), clock.minute()))

    def set_moment(self, moment: datetime) -> None:
        """Show this moment on English clocks."""
        local = to_london(moment)
        self.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
