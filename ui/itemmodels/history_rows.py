"""Briefings booked and attended, for one person or everyone at one setting."""

from __future__ import annotations

from typing import Any

from briefings.queries.directory import HistoryRow
from briefings.vocabulary import BookingStatus, BriefingStatus
from ui.display_text import NOTHING, moment_text
from ui.itemmodels.row_table import Column, RowTableModel


def outcome_text(row: HistoryRow) -> str:
    """What happened: the attendance mark, or where the booking stands."""
    if row.briefing_status is BriefingStatus.CANCELLED:
        return "Briefing cancelled"
    if row.attendance is not None:
        return row.attendance.label
    return {
        BookingStatus.BOOKED: "Booked",
        BookingStatus.WAITLISTED: "Waiting list",
        BookingStatus.CANCELLED: "Booking cancelled",
    }[row.status]


def _refresh(row: HistoryRow) -> str:
    return "Yes" if row.refreshed else ""


_WHEN = Column[HistoryRow]("Date", lambda h: moment_text(h.starts_at), sort_key=lambda h: h.starts_at)
_BRIEFING = Column[HistoryRow]("Briefing", lambda h: h.title, sort_key=lambda h: h.title.casefold())
_TOPIC = Column[HistoryRow]("Topic", lambda h: h.topic_name, sort_key=lambda h: h.topic_name)
_OUTCOME = Column[HistoryRow]("Outcome", outcome_text, sort_key=outcome_text)
_REFRESH = Column[HistoryRow](
    "Counts as refresh",
    _refresh,
    sort_key=_refresh,
    tooltip=lambda h: "Attended a refresh briefing" if h.refreshed else None,
)

PERSON_HISTORY_COLUMNS = (
    _WHEN,
    _BRIEFING,
    _TOPIC,
    Column[HistoryRow]("For", lambda h: h.setting_name or NOTHING),
    _OUTCOME,
    _REFRESH,
)
SETTING_HISTORY_COLUMNS = (
    _WHEN,
    _BRIEFING,
    _TOPIC,
    Column[HistoryRow]("Person", lambda h: h.person_name, sort_key=lambda h: h.person_name.casefold()),
    Column[HistoryRow]("Role", lambda h: h.role.label if h.role else NOTHING),
    _OUTCOME,
    _REFRESH,
)


class HistoryTableModel(RowTableModel[HistoryRow]):
    """Bookings, latest briefing first."""

    @classmethod
    def of_person(cls, parent: Any = None) -> HistoryTableModel:
        """One person's bookings (with the setting each was made for)."""
        return cls(PERSON_HISTORY_COLUMNS, parent)

    @classmethod
    def of_setting(cls, parent: Any = None) -> HistoryTableModel:
        """Bookings made for a setting (with who went)."""
        return cls(SETTING_HISTORY_COLUMNS, parent)
