"""A search box that waits for a pause in typing before it asks for results."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget
from typing_extensions import override

TYPING_PAUSE_MS = 250


class SearchField(QLineEdit):
    """Emits ``search_changed`` once typing pauses, not on every key; Escape clears it."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setAccessibleName(placeholder)
        # Wide enough to read the hint where there is room, but never the reason a window
        # cannot shrink to a small laptop screen: the filter bar shares the width.
        wanted = self.fontMetrics().horizontalAdvance(placeholder) + 48
        self.setMinimumWidth(min(wanted, self.fontMetrics().horizontalAdvance("M") * 14))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._settled)
        self.textChanged.connect(self._pause.start)
        self._last = ""

    def _settled(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
