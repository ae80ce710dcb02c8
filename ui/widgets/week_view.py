"""The week view: seven days side by side on an hour scale, each briefing a block."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from briefings.queries.briefings import BriefingRow
from ui.colours import blend, muted
from ui.widgets.calendar_canvas import FIRST_HOUR, LAST_HOUR, WEEKDAY_NAMES, CalendarCanvas, Chip, monday_of


class WeekView(CalendarCanvas):
    """Seven days side by side with an hour scale; each briefing a block from its start to its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = monday_of(self.selected)

    def first_day(self) -> date:
        return self.monday

    def day_count(self) -> int:
        return 7

    def _geometry(self) -> tuple[int, int, float, float]:
        header = self.fontMetrics().height() + 10
        gutter = self.fontMetrics().horizontalAdvance("00:00") + 10
        column = (self.width() - gutter) / 7
        # Half a line below the last hour so its label is not cut off.
        hour = (self.height() - header - self.fontMetrics().height() // 2) / (LAST_HOUR - FIRST_HOUR)
        return header, gutter, column, hour

    def day_at(self, point: QPoint) -> date | None:
        _header, gutter, column, _hour = self._geometry()
        if point.x() < gutter or column <= 0:
            return None
        return self.monday + timedelta(days=min(int((point.x() - gutter) / column), 6))

    def _y(self, hours: float) -> int:
        header, _gutter, _column, hour = self._geometry()
        clamped = min(max(hours, FIRST_HOUR), LAST_HOUR)
        return round(header + (clamped - FIRST_HOUR) * hour)

    def layout_chips(self) -> list[Chip]:
        _header, gutter, column, _hour = self._geometry()
        chips = []
        for index in range(7):
            day = self.monday + timedelta(days=index)
            rows = self.by_day.get(day, [])
            lanes: list[list[BriefingRow]] = []
            for row in rows:  # side by side when they overlap
                lane = next((ln for ln in lanes if ln[-1].ends_at <= row.starts_at), None)
                if lane is None:
                    lanes.append([row])
                else:
                    lane.append(row)
            for number, lane in enumerate(lanes):
                width = (column - 6) / max(len(lanes), 1)
                left = round(gutter + index * column + 3 + number * width)
                for row in lane:
                    start = row.starts_at.hour + row.starts_at.minute / 60
                    end = start + row.minutes / 60
                    top, bottom = self._y(start), self._y(end)
                    chips.append(Chip(QRect(left, top, max(round(width) - 2, 4), max(bottom - top, 14)), row))
        return chips

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        header, gutter, column, _hour = self._geometry()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        grid = palette.color(QPalette.ColorRole.Mid)
        for index in range(7):
            day = self.monday + timedelta(days=index)
            left = round(gutter + index * column)
            rect = QRect(left, header, round(column), self.height() - header)
            if day.weekday() >= 5:  # noqa: PLR2004 - Saturday and Sunday
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            if day == self.selected:
                painter.fillRect(
                    rect,
                    blend(
                        palette.color(QPalette.ColorRole.Base),
                        palette.color(QPalette.ColorRole.Highlight),
                        0.2,
                    ),
                )
            font = QFont(self.font())
            font.setBold(day == self.today)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            label = f"{WEEKDAY_NAMES[index]} {day.day} {day:%b}"
            painter.drawText(QRect(left, 0, round(column), header), Qt.AlignmentFlag.AlignCenter, label)
            painter.setPen(grid)
            painter.drawLine(left, header, left, self.height())
        painter.setFont(self.font())
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = self._y(hour)
            painter.setPen(grid)
            painter.drawLine(gutter, y, self.width(), y)
            painter.setPen(muted(palette))
            painter.drawText(
                QRect(0, y - 8, gutter - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{hour:02d}:00",
            )
        for chip in self.layout_chips():
            self.paint_chip(painter, chip, show_time=True)
