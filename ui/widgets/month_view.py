"""The month view: six weeks of days, each with as many of its briefings as fit."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from ui.colours import blend, muted
from ui.widgets.calendar_canvas import WEEKDAY_NAMES, CalendarCanvas, Chip, monday_of


class MonthView(CalendarCanvas):
    """Six weeks from the Monday on or before the 1st; up to as many chips per day as fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = self.selected.replace(day=1)

    def first_day(self) -> date:
        return monday_of(self.month)

    def day_count(self) -> int:
        return 42

    def _cells(self) -> tuple[int, float, float]:
        header = self.fontMetrics().height() + 8
        return header, self.width() / 7, (self.height() - header) / 6

    def cell_rect(self, index: int) -> QRect:
        """The rectangle of the ``index``-th day drawn (0 = top left)."""
        header, width, height = self._cells()
        column, line = index % 7, index // 7
        left, top = round(column * width), round(header + line * height)
        return QRect(left, top, round((column + 1) * width) - left, round(header + (line + 1) * height) - top)

    def day_at(self, point: QPoint) -> date | None:
        header, width, height = self._cells()
        if point.y() < header or width <= 0 or height <= 0:
            return None
        column = min(int(point.x() / width), 6)
        line = min(int((point.y() - header) / height), 5)
        return self.first_day() + timedelta(days=line * 7 + column)

    def layout_chips(self) -> list[Chip]:
        chips = []
        line_height = self.fontMetrics().height() + 4
        for index in range(42):
            day = self.first_day() + timedelta(days=index)
            rows = self.by_day.get(day, [])
            cell = self.cell_rect(index)
            room = max((cell.height() - line_height - 4) // (line_height + 2), 0)
            shown = rows if len(rows) <= room else rows[: max(room - 1, 0)]
            for n, row in enumerate(shown):
                top = cell.top() + line_height + 2 + n * (line_height + 2)
                chips.append(Chip(QRect(cell.left() + 3, top, cell.width() - 6, line_height), row))
        return chips

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        header, width, _ = self._cells()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for column, name in enumerate(WEEKDAY_NAMES):
            painter.drawText(
                QRect(round(column * width), 0, round(width), header), Qt.AlignmentFlag.AlignCenter, name
            )
        grid = palette.color(QPalette.ColorRole.Mid)
        chips = self.layout_chips()
        drawn = Counter(chip.row.starts_at.date() for chip in chips)
        for index in range(42):
            day = self.first_day() + timedelta(days=index)
            cell = self.cell_rect(index)
            if day.weekday() >= 5:  # noqa: PLR2004 - Saturday and Sunday
                painter.fillRect(cell, palette.color(QPalette.ColorRole.AlternateBase))
            if day == self.selected:
                painter.fillRect(
                    cell,
                    blend(
                        palette.color(QPalette.ColorRole.Base),
                        palette.color(QPalette.ColorRole.Highlight),
                        0.25,
                    ),
                )
            painter.setPen(grid)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            self.paint_day_number(painter, cell, day, in_range=day.month == self.month.month)
            self._paint_more(painter, cell, day, drawn[day])
        for chip in chips:
            self.paint_chip(painter, chip)

    def _paint_more(self, painter: QPainter, cell: QRect, day: date, drawn: int) -> None:
        rows = self.by_day.get(day, [])
        if len(rows) > drawn:
            painter.setPen(muted(self.palette()))
            painter.drawText(
                cell.adjusted(4, 0, -4, -2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"+{len(rows) - drawn} more",
            )
