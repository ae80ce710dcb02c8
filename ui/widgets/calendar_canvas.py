"""What the month and week views of briefings share: chips coloured by topic, hit-testing, keys.

Both views lay out "chips" (a briefing's rectangle) in :meth:`CalendarCanvas.layout_chips`, which
painting and hit-testing share, so what is clicked is exactly what was drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPalette
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
