"""Licence allocations: seats held by a setting or a named person."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from typing_extensions import override

from briefings.queries.licences import AllocationRow
from briefings.vocabulary import AllocationStatus
from ui.display_text import NOTHING, day_text
from ui.itemmodels.row_table import Column, RowTableModel


def holder_text(allocation: AllocationRow) -> str:
    """Who holds the seats: the setting, the person, or both."""
    names = [n for n in (allocation.setting_name, allocation.person_name) if n]
    return " — ".join(names) if names else "(removed)"


def status_text(allocation: AllocationRow) -> str:
    """Active, or returned/revoked with the day."""
    if allocation.status is AllocationStatus.ACTIVE:
        return "Active"
    return f"{allocation.status.value.capitalize()} {day_text(allocation.ended_on)}"


_SEATS = Column[AllocationRow]("Seats", lambda a: f"{a.seats:,}", sort_key=lambda a: a.seats, numeric=True)
_GIVEN = Column[AllocationRow](
    "Allocated", lambda a: day_text(a.allocated_on), sort_key=lambda a: a.allocated_on
)
_EXPIRES = Column[AllocationRow]("Expires", lambda a: day_text(a.expires_on), sort_key=lambda a: a.expires_on)
_STATUS = Column[AllocationRow]("Status", status_text, sort_key=status_text)

POOL_ALLOCATION_COLUMNS = (
    Column[AllocationRow]("Held by", holder_text, sort_key=lambda a: holder_text(a).casefold()),
    Column[AllocationRow]("URN", lambda a: str(a.urn) if a.urn else NOTHING, sort_key=lambda a: a.urn),
    _SEATS,
    _GIVEN,
    _EXPIRES,
    _STATUS,
    Column[AllocationRow]("Notes", lambda a: a.notes or "", tooltip=lambda a: a.notes),
)
HELD_LICENCE_COLUMNS = (
    Column[AllocationRow]("Product", lambda a: a.product, sort_key=lambda a: a.product.casefold()),
    Column[AllocationRow]("Held by", holder_text, sort_key=lambda a: holder_text(a).casefold()),
    _SEATS,
    _GIVEN,
    _EXPIRES,
    _STATUS,
)


class AllocationTableModel(RowTableModel[AllocationRow]):
    """Allocations; returned and revoked ones in italics."""

    @classmethod
    def of_pool(cls, parent: Any = None) -> AllocationTableModel:
        """A pool's allocations, by holder."""
        return cls(POOL_ALLOCATION_COLUMNS, parent)

    @classmethod
    def held(cls, parent: Any = None) -> AllocationTableModel:
        """Licences a setting or person holds, by product."""
        return cls(HELD_LICENCE_COLUMNS, parent)

    @override
    def row_font(self, row: AllocationRow) -> QFont | None:
        if row.status is AllocationStatus.ACTIVE:
            return None
        font = QFont()
        font.setItalic(True)
        return font
