"""A short list of checkable choices (audience roles, phases, districts)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget


class CheckList(QListWidget):
    """Labelled values with a tick box each; ``checked()`` returns the ticked values in order.

    Signals:
        changed: a box was ticked or cleared.
    """

    changed = Signal()

    def __init__(
        self, choices: Sequence[tuple[str, Any]] = (), *, rows: int = 4, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)
        self._rows = rows
        self.set_choices(choices)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_choices(self, choices: Sequence[tuple[str, Any]]) -> None:
        """Replace the choices, keeping ticks on values still offered."""
        kept = set(self.checked())
        self.blockSignals(True)
        self.clear()
        for label, value in choices:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in kept else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().lineSpacing() + 2)
        self.setFixedHeight(row_height * self._rows + 2 * self.frameWidth() + 2)

    def checked(self) -> list[Any]:
        """The ticked values, in the order offered."""
        return [
            self.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.count())
            if self.item(n).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, values: Iterable[Any]) -> None:
        """Tick exactly ``values``."""
        wanted = set(values)
        self.blockSignals(True)
        for n in range(self.count()):
            item = self.item(n)
            state = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.changed.emit()
