"""Pieces the setting and person detail views share: a heading, facts, the refresh line and tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from briefings.clock import months_before
from briefings.errors import DomainError
from ui.display_text import NOTHING, day_text
from ui.widgets.empty_state import Placeholder
from ui.widgets.row_table_view import RowTableView

T = TypeVar("T")


def heading(text: str = "") -> QLabel:
    """A detail view's title, a size up from the body text."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def refresh_text(last: date | None, today: date, *, what: str, never: str) -> str:
    """When the last refresh was, and whether that is more than a year ago (KCSIE asks yearly)."""
    if last is None:
        return never
    if last < months_before(today, 12):
        return f"{what}: {day_text(last)}, more than a year ago, so a refresh is due (KCSIE)."
    return f"{what}: {day_text(last)}."


class Facts(QWidget):
    """Label and value pairs; values are selectable so they can be copied."""

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.values: dict[str, QLabel] = {}
        for label in labels:
            value = QLabel(NOTHING)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addRow(f"{label}:", value)
            self.values[label] = value

    def show_values(self, values: dict[str, str | None]) -> None:
        """Fill in the values (blank ones show a dash)."""
        for label, value in values.items():
            self.values[label].setText(value or NOTHING)


class HistoryTab(QWidget):
    """One tab: an optional row of controls above a table that says so when it is empty."""

    def __init__(self, table: RowTableView, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.state = Placeholder(table)
        self._empty = empty
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 6, 0, 0)
        self.layout_.addWidget(self.state)

    def rows_shown(self, count: int) -> None:
        """Show the table, or the empty sentence when it has no rows."""
        if count:
            self.state.show_content()
            self.table.fit_columns()
        else:
            self.state.show_message(self._empty)


def read_or_explain(view: Placeholder, read: Callable[[], T]) -> T | None:
    """A detail view's service read; if it is refused (the record was deleted, say) the view says why."""
    try:
        return read()
    except DomainError as error:
        view.show_message(error.message)
        return None


def set_tab_count(tabs: QTabWidget, tab: QWidget, name: str, count: int) -> None:
    """Name a tab with how many rows it holds: "Staff (12)"."""
    tabs.setTabText(tabs.indexOf(tab), f"{name} ({count:,})")
