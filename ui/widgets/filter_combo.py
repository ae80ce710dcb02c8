"""A drop-down that narrows a list: an "All ..." entry, then the values to narrow to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget


class FilterCombo(QComboBox):
    """``value`` is None for the "All ..." entry, otherwise the chosen entry's data."""

    def __init__(self, all_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_label = all_label
        self.setAccessibleName(all_label)
        # Long entries ("PRU / alternative provision") show in full in the pop-up, not in the bar.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min(max(len(all_label), 8), 12))
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.addItem(all_label, None)

    @property
    def value(self) -> Any:
        """The chosen value, or None for all."""
        return self.currentData()

    def set_choices(self, choices: Iterable[tuple[str, Any]]) -> None:
        """Replace the entries, keeping the current choice if it is still there (no change signal)."""
        current = self.currentData()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self._all_label, None)
            for label, data in choices:
                self.addItem(label, data)
            found = self.findData(current) if current is not None else 0
            self.setCurrentIndex(max(found, 0))
        finally:
            self.blockSignals(False)
        if found < 0:
            self.currentIndexChanged.emit(0)  # the old choice went away: the list widens to all
