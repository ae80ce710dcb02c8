"""A topic's name on its colour, with black or white text, whichever reads better."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from ui.colours import text_on, topic_colour

PADDING = 8


class TopicChip(QWidget):
    """A rounded label in the topic's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._colour = topic_colour(None)

    def show_topic(self, name: str, colour: str | None) -> None:
        """Show a topic."""
        self._name = name
        self._colour = topic_colour(colour)
        self.setToolTip(f"Topic: {name}")
        self.setAccessibleName(f"Topic: {name}")
        self.updateGeometry()
        self.update()

    @override
    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._name) + 2 * PADDING, metrics.height() + PADDING)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(text_on(self._colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._name)
