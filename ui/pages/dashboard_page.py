"""Dashboard: what needs attention now; each line opens what it names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefings.clock import london, london_today
from briefings.queries.briefings import BriefingRow
from briefings.queries.compliance import SettingCompliance
from briefings.queries.licences import PoolRow
from briefings.queries.statistics import AttendanceCount
from briefings.services import Services
from briefings.term_calendar import academic_year_label, academic_year_of
from ui.formatting import day_text, plural, time_text
from ui.itemmodels.briefing_table import places_text
from ui.loading import BackgroundLoad
from ui.pages.page import Page
from ui.widgets.attendance_chart import AttendanceChart
from ui.widgets.bar_delegate import FRACTION_ROLE, BarDelegate
from ui.widgets.empty_state import EmptyState, Stack

UPCOMING = 8
DUE_SHOWN = 15
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, read in one background job."""

    today: date
    upcoming: list[BriefingRow]
    pools: list[PoolRow]
    by_district: list[AttendanceCount]
    by_phase: list[AttendanceCount]
    academic_year: int

    @classmethod
    def load(cls, services: Services) -> DashboardData:
        """Read the quick figures (several short queries; run off the UI thread)."""
        now = services.briefings.now()
        today = london_today(now)
        year = academic_year_of(today)
        # "So far": bookings for briefings still to come have had no chance to be attended.
        start, end = london(date(year, 9, 1), time(0)), min(london(date(year + 1, 9, 1), time(0)), now)
        return cls(
            today=today,
            upcoming=services.briefings.upcoming(UPCOMING),
            pools=services.licences.running_out(),
            by_district=services.compliance.attendance_by_district(start, end),
            by_phase=services.compliance.attendance_by_phase(start, end),
            academic_year=year,
        )


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    # Every column gets the bar delegate: it draws bars where there is a fraction, and gives all
    # rows the same comfortable height.
    tree.setItemDelegate(BarDelegate(tree))
    return tree


class DashboardPage(Page):
    """Next briefings, licences running out, settings behind on refresh, and attendance this year.

    Signals:
        loaded: the figures arrived and are on show.
    """

    title = "Dashboard"

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        del undo_stack  # the dashboard changes nothing
        self._services = services
        self._data: DashboardData | None = None
        self._due: list[SettingCompliance] | None = None
        self._stacks: dict[QTreeWidget, Stack] = {}
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show)
        # Compliance reads every registration (seconds on a large county), so it comes separately
        # and the rest of the dashboard does not wait for it.
        self._due_load = BackgroundLoad(self)
        self._due_load.loaded.connect(self._show_due)
        self._due_load.failed.connect(
            lambda error: self.status_message.emit(f"Could not work out who is behind on refresh: {error}")
        )
        self._load.failed.connect(
            lambda error: self.status_message.emit(f"Could not load the dashboard: {error}")
        )
        self.heading = QLabel("Dashboard")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.upcoming = _tree(["When", "Briefing", "Booked", "Waiting"])
        self.pools = _tree(["Product", "Provider", "Seats used", "Expires"])
        # The product's long name gives way, so seats and expiry (the warning itself) stay in view.
        self.pools.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.pools.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.due = _tree(["Setting", "District", "Leads", "Last refresh"])
        self.due.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.due.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for tree in (self.upcoming, self.pools, self.due):
            tree.itemActivated.connect(self._activated)
        self.chart = AttendanceChart()
        self.grouping = QComboBox()
        self.grouping.addItem("by district", "district")
        self.grouping.addItem("by phase", "phase")
        self.grouping.currentIndexChanged.connect(self._show_chart)
        self.chart_heading = QLabel()
        self.due_heading = QGroupBox()
        self.empty = EmptyState(
            "Nothing to show yet",
            "Load the demo county or import your settings (File menu), then schedule briefings (Ctrl+N).",
        )
        self.stack = Stack(self._grid(), self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)

    def _grid(self) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.upcoming_box = self._box(
            "Next briefings", self.upcoming, "No briefings coming up: press Ctrl+N to schedule one."
        )
        chart_box = QGroupBox("Attendance this academic year")
        chart_layout = QVBoxLayout(chart_box)
        line = QHBoxLayout()
        line.addWidget(self.chart_heading, 1)
        line.addWidget(self.grouping)
        chart_layout.addLayout(line)
        chart_layout.addWidget(self.chart, 1)
        self.pools_box = self._box(
            "Licences running out", self.pools, "No licence pool is running low or expiring within 60 days."
        )
        self.due_box = self._box(
            "Behind on DSL refresh",
            self.due,
            "Every open setting had a DSL or deputy at a refresh in the last 12 months.",
        )
        grid.addWidget(self.upcoming_box, 0, 0)
        grid.addWidget(chart_box, 0, 1)
        grid.addWidget(self.pools_box, 1, 0)
        grid.addWidget(self.due_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        return body

    def _box(self, title: str, tree: QTreeWidget, empty_text: str) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        stack = Stack(tree, EmptyState("", empty_text))
        layout.addWidget(stack)
        self._stacks[tree] = stack
        return box

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Read the figures in the background (never blocks on a large database)."""
        services = self._services
        self._load.run(lambda: DashboardData.load(services))
        self._due_load.run(services.compliance.settings_due_refresh)
        self.due_box.setTitle("Behind on DSL refresh (working it out…)")

    def _show(self, data: DashboardData) -> None:
        self._data = data
        self.heading.setText(f"Dashboard — {day_text(data.today)}")
        self._fill_upcoming(data)
        self._fill_pools(data)
        self._show_chart()
        self._settle()

    def _show_due(self, due: list[SettingCompliance]) -> None:
        self._due = due
        self._fill_due(due)
        self._settle()

    def _settle(self) -> None:
        """Once both loads are in: the empty state if there is nothing at all, and ``loaded``."""
        data, due = self._data, self._due
        if data is None or due is None or self._load.busy or self._due_load.busy:
            return
        nothing = not (data.upcoming or data.pools or due or data.by_district)
        self.stack.show_empty(nothing)
        self.loaded.emit()

    def _fill_upcoming(self, data: DashboardData) -> None:
        self.upcoming.clear()
        for row in data.upcoming:
            when = f"{day_text(row.starts_at.date(), year=False)} {time_text(row.starts_at)}"
            item = QTreeWidgetItem([when, row.title, places_text(row), str(row.waitlisted or "")])
            item.setData(2, FRACTION_ROLE, row.booked / row.capacity if row.capacity else 0.0)
            item.setToolTip(1, f"{row.topic_name} · open the briefing's register")
            self._target(item, "briefing", row.id)
            self.upcoming.addTopLevelItem(item)
        self._stacks[self.upcoming].show_empty(not data.upcoming)

    def _fill_pools(self, data: DashboardData) -> None:
        self.pools.clear()
        for pool in data.pools:
            days = pool.days_left(data.today)
            expires = f"{day_text(pool.valid_until, weekday=False)} ({plural(days, 'day')})"
            item = QTreeWidgetItem(
                [pool.product, pool.provider, f"{pool.used} of {pool.seats} ({pool.left} left)", expires]
            )
            item.setData(2, FRACTION_ROLE, pool.used / pool.seats if pool.seats else 0.0)
            self._target(item, "pool", pool.id)
            self.pools.addTopLevelItem(item)
        self._stacks[self.pools].show_empty(not data.pools)

    def _fill_due(self, due: list[SettingCompliance]) -> None:
        self.due.clear()
        for setting in due[:DUE_SHOWN]:
            last = day_text(setting.last_refresh_on, weekday=False) if setting.last_refresh_on else "never"
            leads = str(setting.leads) if setting.leads else "none"
            item = QTreeWidgetItem([setting.name, setting.district or "", leads, last])
            if not setting.leads:
                item.setToolTip(2, "No current DSL or deputy is recorded for this setting")
            self._target(item, "setting", setting.setting_id)
            self.due.addTopLevelItem(item)
        shown = min(len(due), DUE_SHOWN)
        more = f" (the {shown} longest overdue of {len(due):,})" if len(due) > shown else ""
        self.due_box.setTitle(f"Behind on DSL refresh: {plural(len(due), 'setting')}{more}")
        self._stacks[self.due].show_empty(not due)

    def _show_chart(self) -> None:
        data = self._data
        if data is None:
            return
        by_phase = self.grouping.currentData() == "phase"
        counts = data.by_phase if by_phase else data.by_district
        self.chart_heading.setText(
            f"Places booked and attended, {academic_year_label(data.academic_year)} so far"
        )
        self.chart.set_counts(counts, "No bookings this academic year yet")

    @staticmethod
    def _target(item: QTreeWidgetItem, kind: str, item_id: int) -> None:
        item.setData(0, Qt.ItemDataRole.UserRole, item_id)
        item.setData(0, KIND_ROLE, kind)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(str(item.data(0, KIND_ROLE)), int(item.data(0, Qt.ItemDataRole.UserRole)))
