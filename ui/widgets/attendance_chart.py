"""Booked places and attendances per group (district or phase), as paired horizontal bars.

PySide6-Essentials has no QtCharts; a chart this simple reads better drawn directly anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from briefings.queries.statistics import AttendanceCount
from ui.colours import blend, good_colour, muted


class AttendanceChart(QWidget):
    """One row per group: a bar for places booked, a darker one inside it for those who came."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: list[AttendanceCount] = []
        self._empty_text = "No bookings in this period yet"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_counts(self, counts: Sequence[AttendanceCount], empty_text: str | None = None) -> None:
        """The figures to draw."""
        self._counts = list(counts)
        if empty_text is not None:
            self._empty_text = empty_text
        described = "; ".join(f"{c.group}: {c.attended} of {c.booked} attended" for c in counts)
        self.setAccessibleDescription(described or self._empty_text)
        self.setToolTip(
            "\n".join(f"{c.group}: {c.attended} of {c.booked} attended ({c.rate:.0%})" for c in counts)
        )
        self.updateGeometry()
        self.update()

    def counts(self) -> list[AttendanceCount]:
        """The figures drawn."""
        return list(self._counts)

    @override
    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height() + 10
        return QSize(420, max(len(self._counts), 3) * line + 2 * line)

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(300, 120)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        if not self._counts:
            painter.setPen(muted(palette))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        metrics = self.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(c.group) for c in self._counts) + 12, self.width() // 3
        )
        figure_width = metrics.horizontalAdvance("9,999 of 9,999 (100%)") + 12
        legend = metrics.height() + 8
        line = min((self.height() - legend) / len(self._counts), metrics.height() * 2.2)
        span = max(self.width() - label_width - figure_width, 40)
        most = max(c.booked for c in self._counts) or 1
        booked_colour = blend(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.35
        )
        came_colour = good_colour(palette)
        for n, count in enumerate(self._counts):
            top = legend + n * line
            painter.setPen(text)
            label = metrics.elidedText(count.group, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, top, label_width - 8, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            bar = QRectF(label_width, top + line * 0.18, span * count.booked / most, line * 0.64)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(booked_colour)
            painter.drawRoundedRect(bar, 2, 2)
            came = QRectF(bar)
            came.setWidth(bar.width() * (count.attended / count.booked if count.booked else 0))
            painter.setBrush(came_colour)
            painter.drawRoundedRect(came.adjusted(0, bar.height() * 0.2, 0, -bar.height() * 0.2), 2, 2)
            painter.setPen(text)
            figures = f"{count.attended:,} of {count.booked:,} ({count.rate:.0%})"
            painter.drawText(
                QRectF(label_width + span + 6, top, figure_width, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                figures,
            )
        self._paint_legend(painter, booked_colour, came_colour, label_width)

    def _paint_legend(self, painter: QPainter, booked: QColor, came: QColor, left: int) -> None:
        metrics = self.fontMetrics()
        size = metrics.height() - 4
        x = left
        for colour, words in ((booked, "booked"), (came, "attended")):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRect(x, 4, size, size))
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(x + size + 4, 4 + size, words)
            x += size + 12 + metrics.horizontalAdvance(words)
