"""Licence pools with seats used and how close each is to expiring."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle
from typing_extensions import override

from briefings.queries.licences import PoolRow
from ui.display_text import day_text
from ui.itemmodels.row_table import Column, RowTableModel

#: A pool this close to its end is flagged (the dashboard's "running out" uses the same window).
EXPIRING_SOON_DAYS = 60
STATE_COLUMN = 4


def expiry_text(pool: PoolRow, today: date) -> str:
    """Plain words: "Expired 31 Mar 2025", "Expires in 12 days", "Expires today", or "Valid"."""
    days = pool.days_left(today)
    if days < 0:
        return f"Expired {day_text(pool.valid_until)}"
    if days == 0:
        return "Expires today"
    if days <= EXPIRING_SOON_DAYS:
        return f"Expires in {days} day{'s' if days != 1 else ''}"
    return "Valid"


def seats_reading(pool: PoolRow) -> tuple[int, int, str]:
    """The seats-used bar: used, of how many, and its words."""
    return pool.used, pool.seats, f"{pool.used:,} of {pool.seats:,} used"


class PoolTableModel(RowTableModel[PoolRow]):
    """Pools, latest expiry first; expired and expiring ones carry a warning icon and bold text."""

    SEATS_COLUMN = 2

    def __init__(self, parent: Any = None) -> None:
        self.today = date.min  # set_pools() passes the services' today
        columns: tuple[Column[PoolRow], ...] = (
            Column("Product", lambda p: p.product, sort_key=lambda p: p.product.casefold()),
            Column("Provider", lambda p: p.provider, sort_key=lambda p: p.provider.casefold()),
            Column("Seats used", lambda p: seats_reading(p)[2], sort_key=lambda p: p.used / max(p.seats, 1)),
            Column("Left", lambda p: f"{p.left:,}", sort_key=lambda p: p.left, numeric=True),
            Column("State", lambda p: expiry_text(p, self.today), sort_key=lambda p: p.valid_until),
            Column("Expires", lambda p: day_text(p.valid_until), sort_key=lambda p: p.valid_until),
        )
        super().__init__(columns, parent)

    def set_pools(self, pools: list[PoolRow], today: date) -> None:
        """Show these pools as they stand on ``today``."""
        self.today = today
        self.set_rows(pools)

    def needs_attention(self, pool: PoolRow) -> bool:
        """Expired, or expiring within the warning window."""
        return pool.days_left(self.today) <= EXPIRING_SOON_DAYS

    @override
    def extra_data(self, row: PoolRow, column: int, role: int) -> Any:
        if column == STATE_COLUMN and self.needs_attention(row):
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None
