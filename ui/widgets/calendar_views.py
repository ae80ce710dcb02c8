"""Month and week views of briefings, painted with QPainter and coloured by topic.

Both lay out "chips" (a briefing's rectangle) in :meth:`CalendarCanvas.layout_chips`, which
painting and hit-testing share, so what is clicked is exactly what was drawn.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget
from typing_extensions import override

from briefings.queries.briefings import BriefingRow
from briefings.vocabulary import BriefingStatus
from ui.colours import blend, muted, text_on, topic_colour
from ui.formatting import day_text, time_text
from ui.itemmodels.briefing_table import places_text, where_text

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FIRST_HOUR, LAST_HOUR = 7, 21


@dataclass(frozen=True)
class Chip:
    """Where one briefing is drawn."""

    rect: QRect
    row: BriefingRow


def monday_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def tooltip_text(row: BriefingRow) -> str:
    """What hovering over a briefing says."""
    state = "" if row.status is BriefingStatus.SCHEDULED else f" ({row.status.value})"
    when = f"{day_text(row.starts_at.date())}, {time_text(row.starts_at)}–{time_text(row.ends_at)}"
    return f"{row.title}{state}\n{when}\n{row.topic_name} · {where_text(row)} · {places_text(row)} booked"


class CalendarCanvas(QWidget):
    """The shared behaviour: briefings by day, a selected day, hit-testing, keyboard and tooltips.

    Signals:
        briefing_activated: a briefing was double-clicked (or Enter pressed on the selected day's first).
        day_activated: an empty part of a day was double-clicked (offer a new briefing there).
        day_selected: the selected day changed.
    """

    briefing_activated = Signal(int)
    day_activated = Signal(object)
    day_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.by_day: dict[date, list[BriefingRow]] = {}
        self.selected = date.today()
        self.today = date.today()

    # ------------------------------------------------------------------ data
    def first_day(self) -> date:
        """The first day drawn."""
        raise NotImplementedError

    def day_count(self) -> int:
        """How many days are drawn."""
        raise NotImplementedError

    def set_briefings(self, rows: Sequence[BriefingRow]) -> None:
        """The briefings to draw (any outside the range are ignored)."""
        grouped: dict[date, list[BriefingRow]] = defaultdict(list)
        for row in rows:
            grouped[row.starts_at.date()].append(row)
        for day_rows in grouped.values():
            day_rows.sort(key=lambda r: (r.starts_at, r.title))
        self.by_day = dict(grouped)
        self.update()

    def select(self, day: date) -> None:
        """Select a day (the page moves the range if it falls outside)."""
        if day != self.selected:
            self.selected = day
            self.day_selected.emit(day)
            self.update()

    # ------------------------------------------------------------------ geometry
    def layout_chips(self) -> list[Chip]:
        """Where each drawn briefing is."""
        raise NotImplementedError

    def day_at(self, point: QPoint) -> date | None:
        """The day under ``point``."""
        raise NotImplementedError

    def chip_at(self, point: QPoint) -> Chip | None:
        """The briefing drawn under ``point``."""
        return next((chip for chip in self.layout_chips() if chip.rect.contains(point)), None)

    # ------------------------------------------------------------------ painting helpers
    def paint_chip(self, painter: QPainter, chip: Chip, *, show_time: bool = True) -> None:
        """A rounded rectangle in the topic's colour with the time and title."""
        row = chip.row
        colour = topic_colour(row.topic_colour)
        cancelled = row.status is BriefingStatus.CANCELLED
        base = self.palette().color(QPalette.ColorRole.Base)
        fill = blend(colour, base, 0.65) if cancelled else colour
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(chip.rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        font = QFont(self.font())
        font.setStrikeOut(cancelled)
        painter.setFont(font)
        painter.setPen(text_on(fill))
        text = f"{time_text(row.starts_at)} {row.title}" if show_time else row.title
        inner = chip.rect.adjusted(4, 0, -3, 0)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        if chip.rect.height() < 2 * painter.fontMetrics().height():
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(inner, int(flags), text)

    def paint_day_number(self, painter: QPainter, rect: QRect, day: date, *, in_range: bool = True) -> None:
        """The day's number, ringed when it is today."""
        palette = self.palette()
        font = QFont(self.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text) if in_range else muted(palette))
        painter.drawText(
            rect.adjusted(4, 2, -4, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            str(day.day),
        )

    # ------------------------------------------------------------------ events
    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.select(day)
        super().mousePressEvent(event)

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        chip = self.chip_at(point)
        if chip is not None:
            self.briefing_activated.emit(chip.row.id)
            return
        day = self.day_at(point)
        if day is not None:
            self.day_activated.emit(day)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if event.key() in steps:
            self.select(self.selected + timedelta(days=steps[Qt.Key(event.key())]))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            rows = self.by_day.get(self.selected, [])
            if rows:
                self.briefing_activated.emit(rows[0].id)
            else:
                self.day_activated.emit(self.selected)
            return
        super().keyPressEvent(event)

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            chip = self.chip_at(event.pos())
            if chip is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(chip.row), self, chip.rect)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(560, 380)


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
        hour = (self.height() - header) / (LAST_HOUR - FIRST_HOUR)
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
