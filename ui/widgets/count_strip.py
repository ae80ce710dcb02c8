"""A row of counts with captions ("446 new · 3 changed · 1 rejected"), read at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.colours import error_colour, warning_colour


@dataclass(frozen=True)
class Count:
    """One figure: its caption, the number, and how loudly a non-zero number should show."""

    caption: str
    value: int
    tone: str = ""  # "", "warning" or "error"
    tip: str = ""


class CountStrip(QFrame):
    """Figures side by side, each a big number over a caption; ``counts()`` reads them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._shown: list[Count] = []

    def set_counts(self, counts: Sequence[Count]) -> None:
        """Show these figures, replacing the ones before."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._shown = list(counts)
        for count in counts:
            self._layout.addWidget(self._figure(count), 1)

    def counts(self) -> dict[str, int]:
        """Caption -> number, as shown."""
        return {c.caption: c.value for c in self._shown}

    def _figure(self, count: Count) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(4, 0, 4, 0)
        column.setSpacing(0)
        number = QLabel(f"{count.value:,}")
        font = QFont(number.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        number.setFont(font)
        caption = QLabel(count.caption)
        caption.setWordWrap(True)
        if count.value and count.tone:
            colour = (error_colour if count.tone == "error" else warning_colour)(self.palette())
            number.setStyleSheet(f"color: {colour.name()}")
        for label in (number, caption):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        holder.setToolTip(count.tip)
        holder.setAccessibleName(f"{count.value} {count.caption}")
        return holder
