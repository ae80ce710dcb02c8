"""The briefings table: one row per briefing, coloured by topic, cancelled ones greyed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication

from briefings.queries.briefings import BriefingRow
from briefings.vocabulary import BriefingStatus, Delivery
from ui.colours import muted, topic_colour
from ui.formatting import day_text, time_text
from ui.itemmodels.row_table import Column, RowTableModel

TITLE_COLUMN, TOPIC_COLUMN = 1, 2


def when_text(row: BriefingRow) -> str:
    """The session as "Thu 20 Nov 2025 09:30–12:30"."""
    return f"{day_text(row.starts_at.date())} {time_text(row.starts_at)}–{time_text(row.ends_at)}"


def where_text(row: BriefingRow) -> str:
    """Where people go: the venue, online, or both."""
    if row.delivery is Delivery.ONLINE:
        return "Online"
    venue = row.venue_name or "(no venue yet)"
    return f"{venue} + online" if row.delivery is Delivery.HYBRID else venue


def places_text(row: BriefingRow) -> str:
    """Places taken as "12 / 30", with "full" once the waiting list takes over."""
    return f"{row.booked} / {row.capacity}" + (" full" if row.is_full else "")


def status_text(row: BriefingRow) -> str:
    """The status as a word."""
    return row.status.value.capitalize()


COLUMNS: tuple[Column[BriefingRow], ...] = (
    Column("When", when_text, sort_key=lambda r: r.starts_at),
    Column("Title", lambda r: r.title, tooltip=lambda r: r.title),
    Column("Topic", lambda r: r.topic_name),
    Column("Where", where_text),
    Column(
        "Booked",
        places_text,
        sort_key=lambda r: (r.booked / r.capacity if r.capacity else 0, r.booked),
        numeric=True,
    ),
    Column(
        "Waiting",
        lambda r: str(r.waitlisted) if r.waitlisted else "",
        sort_key=lambda r: r.waitlisted,
        numeric=True,
    ),
    Column("Status", status_text),
    Column("Series", lambda r: r.series_name or ""),
)


class BriefingTableModel(RowTableModel[BriefingRow]):
    """Briefing rows for the briefings page."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    def extra_data(self, row: BriefingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == TOPIC_COLUMN:
            return topic_colour(row.topic_colour)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is BriefingStatus.CANCELLED:
            return muted(QGuiApplication.palette())
        if (
            role == Qt.ItemDataRole.FontRole
            and row.status is BriefingStatus.CANCELLED
            and column == TITLE_COLUMN
        ):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
