"""Draws a cell as a progress bar in the style's own colours (seats used in a licence pool)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)
from typing_extensions import override

from ui.itemmodels.row_table import ROW_ROLE

BAR_WIDTH = 120
#: (value, maximum, text) for a row.
BarReading = Callable[[Any], tuple[int, int, str]]


class ProgressDelegate(QStyledItemDelegate):
    """A bar for ``reading(row)`` drawn by the current style, so light and dark palettes both work."""

    def __init__(self, reading: BarReading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reading = reading

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            super().paint(painter, option, index)
            return
        value, maximum, text = self._reading(row)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        # The bar and its words side by side: words drawn over a style's bar clash with its chunk.
        rect = option.rect
        bar_width = min(BAR_WIDTH, rect.width() // 2)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(rect.left() + 4, rect.top() + 5, bar_width, rect.height() - 10)
        bar.palette = option.palette
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.minimum, bar.maximum = 0, max(maximum, 1)
        bar.progress = max(0, min(value, maximum))
        bar.textVisible = False
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        words = rect.adjusted(bar_width + 10, 0, -2, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        alignment = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        style.drawItemText(painter, words, int(alignment), option.palette, True, text, role)

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        row = index.data(ROW_ROLE)
        text = self._reading(row)[2] if row is not None else ""
        return QSize(
            max(hint.width(), BAR_WIDTH + 18 + option.fontMetrics.horizontalAdvance(text)), hint.height()
        )
