"""Calendar: briefings by month or week, coloured by topic; double-click opens one."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtGui import QActionGroup, QFont, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefings.clock import london, london_today
from briefings.queries.briefings import BriefingFilter, BriefingRow
from briefings.services import Services
from ui.briefing_editor import BriefingEditor
from ui.formatting import day_text
from ui.loading import BackgroundLoad
from ui.pages.page import Page
from ui.widgets.action_bar import ActionBar
from ui.widgets.calendar_canvas import CalendarCanvas, monday_of
from ui.widgets.month_view import MonthView
from ui.widgets.week_view import WeekView


class CalendarPage(Page):
    """Month and week views over the briefings' English dates.

    Signals:
        loaded: the briefings of the range on show arrived and are drawn.
    """

    title = "Calendar"

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.editor = BriefingEditor(services, undo_stack, self)
        self.editor.changed.connect(self._changed)
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show_loaded)
        self._load.failed.connect(
            lambda error: self.status_message.emit(f"Could not load the calendar: {error}")
        )
        today = london_today(services.briefings.now())
        self.month = MonthView()
        self.week = WeekView()
        self.views = QStackedWidget()
        for view in (self.month, self.week):
            view.today = today
            view.selected = today
            view.briefing_activated.connect(
                lambda briefing_id: self.open_requested.emit("briefing", briefing_id)
            )
            view.day_activated.connect(self.new_on)
            view.day_selected.connect(self._day_selected)
            self.views.addWidget(view)
        self.month.month = today.replace(day=1)
        self.week.monday = monday_of(today)
        self._build()

    def _build(self) -> None:
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(12, 0, 0, 0)
        bar = ActionBar()
        bar.add("◀ &Previous", lambda: self.step(-1), "The month (or week) before")
        bar.add("&Today", self.go_today)
        bar.add("&Next ▶", lambda: self.step(1), "The month (or week) after")
        bar.addWidget(self.heading)
        bar.add_stretch()
        bar.add("New briefing on the &selected day…", lambda: self.new_on(self.current_view().selected))
        bar.addSeparator()
        self.month_button = bar.add("&Month", lambda: self.show_view(self.month))
        self.week_button = bar.add("&Week", lambda: self.show_view(self.week))
        group = QActionGroup(self)
        for button in (self.month_button, self.week_button):
            button.defaultAction().setCheckable(True)
            group.addAction(button.defaultAction())
        self.month_button.defaultAction().setChecked(True)
        hint = QLabel("Double-click a briefing to open it, or an empty part of a day to schedule one there.")
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.views, 1)
        layout.addWidget(hint)
        self._show_heading()

    # ------------------------------------------------------------------ navigation
    def current_view(self) -> CalendarCanvas:
        """The month or week view on show."""
        view = self.views.currentWidget()
        assert isinstance(view, CalendarCanvas)  # noqa: S101 - only canvases are added
        return view

    def show_view(self, view: CalendarCanvas) -> None:
        """Switch between month and week, keeping the selected day."""
        day = self.current_view().selected
        self.views.setCurrentWidget(view)
        (self.month_button if view is self.month else self.week_button).defaultAction().setChecked(True)
        view.selected = day
        self._move_to(day)

    def step(self, direction: int) -> None:
        """A month (or week) back or forward."""
        view = self.current_view()
        if view is self.month:
            first = self.month.month
            index = first.year * 12 + first.month - 1 + direction
            self._move_to(date(index // 12, index % 12 + 1, 1))
        else:
            self._move_to(self.week.monday + timedelta(weeks=direction))

    def go_today(self) -> None:
        """Back to today."""
        self._move_to(london_today(self._services.briefings.now()))

    def show_day(self, day: date) -> None:
        """Show and select ``day``."""
        self._move_to(day)

    def _move_to(self, day: date) -> None:
        self.month.month = day.replace(day=1)
        self.week.monday = monday_of(day)
        for view in (self.month, self.week):
            view.selected = day
        self._show_heading()
        self.refresh()

    def _day_selected(self, day: date) -> None:
        view = self.current_view()
        outside = (
            day.month != self.month.month.month if view is self.month else monday_of(day) != self.week.monday
        )
        if outside:
            self._move_to(day)

    def _show_heading(self) -> None:
        if self.current_view() is self.month:
            self.heading.setText(f"{self.month.month:%B %Y}")
        else:
            sunday = self.week.monday + timedelta(days=6)
            self.heading.setText(
                f"{day_text(self.week.monday, weekday=False)} – {day_text(sunday, weekday=False)}"
            )

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Load the briefings of the range on show."""
        view = self.current_view()
        first = view.first_day()
        after = first + timedelta(days=view.day_count())
        flt = BriefingFilter(
            when="all", starts_from=london(first, time(0)), starts_before=london(after, time(0))
        )
        briefings = self._services.briefings
        self._load.run(lambda: briefings.search(flt))

    def _show_loaded(self, rows: list[BriefingRow]) -> None:
        for view in (self.month, self.week):
            view.set_briefings(rows)
        self.loaded.emit()

    def open_item(self, kind: str, item_id: int) -> bool:
        """The calendar shows briefings but opens none itself; the briefing page does."""
        del kind, item_id
        return False

    def new_on(self, day: date) -> None:
        """Schedule a briefing on ``day``."""
        self.editor.new(day)

    def _changed(self, briefing_id: int, message: str) -> None:
        del briefing_id
        self.status_message.emit(message)
        self.refresh()
