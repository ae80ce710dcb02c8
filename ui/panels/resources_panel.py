"""A briefing's resources: titled https links handed out with it, edited as a small table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefings.errors import DomainError
from briefings.queries.briefings import ResourceRow
from briefings.scheduling import ResourceLink
from briefings.services import Services
from ui.dialogs.field_errors import ErrorLabel


class ResourcesPanel(QWidget):
    """Resource links: add, remove, edit in place, then Save (one transaction).

    Signals:
        changed: (what happened) after a save.
    """

    changed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._briefing_id: int | None = None
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Title", "Link (https://…)"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 280)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.error = ErrorLabel()
        add = QPushButton("&Add link")
        add.clicked.connect(self.add_row)
        remove = QPushButton("&Remove link")
        remove.clicked.connect(self.remove_row)
        self.save_button = QPushButton("&Save links")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        for button in (add, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_resources(self, briefing_id: int, resources: Sequence[ResourceRow]) -> None:
        """Show a briefing's links."""
        self._briefing_id = briefing_id
        self.error.say("")
        self.table.setRowCount(0)
        for resource in resources:
            self.add_row(resource.title, resource.url)

    def add_row(self, title: str = "", url: str = "") -> None:
        """A new line to fill in."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(title))
        self.table.setItem(row, 1, QTableWidgetItem(url))
        if not title:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0) or QTableWidgetItem())

    def remove_row(self) -> None:
        """Drop the selected line (saved when Save is pressed)."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def links(self) -> list[ResourceLink]:
        """The lines as the service takes them (blank lines left out)."""
        found = []
        for row in range(self.table.rowCount()):
            title, url = (self._text(row, column) for column in (0, 1))
            if title or url:
                found.append(ResourceLink(title, url))
        return found

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def save(self) -> None:
        """Replace the briefing's links with the table's (refused links show why, nothing saved)."""
        if self._briefing_id is None:
            return
        self.error.say("")
        try:
            detail = self._services.briefings.set_resources(self._briefing_id, self.links())
        except DomainError as error:
            self.error.say(error.message)
            return
        self.changed.emit(
            f"Saved {len(detail.resources)} resource link{'s' if len(detail.resources) != 1 else ''}"
        )
