"""A table or tree cell drawn as a filled bar (places booked, seats used) with its text on top."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from ui.colours import blend, warning_colour

#: The share filled, 0.0 to 1.0 (more than 1 draws full, in the warning colour).
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 7


class BarDelegate(QStyledItemDelegate):
    """Paints ``FRACTION_ROLE`` as a bar behind the cell's text."""

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 24, hint.height() + 8)

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        fraction = index.data(FRACTION_ROLE)
        if not isinstance(fraction, float | int):
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        track = QRectF(rect).adjusted(3, 4, -3, -4)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(base, palette.color(QPalette.ColorRole.Text), 0.12))
        painter.drawRoundedRect(track, 3, 3)
        filled = QRectF(track)
        filled.setWidth(track.width() * min(max(float(fraction), 0.0), 1.0))
        colour = warning_colour(palette) if fraction >= 1 else highlight
        painter.setBrush(blend(base, colour, 0.55))
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(track.adjusted(6, 0, -6, 0), int(Qt.AlignmentFlag.AlignCenter), str(index.data()))
        painter.restore()
