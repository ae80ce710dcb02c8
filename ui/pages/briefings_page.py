"""Briefings: every briefing in a table with filters, instant search and the changes to make."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefings.briefing_filter import briefing_words, matches
from briefings.errors import DomainError
from briefings.queries.briefings import BriefingFilter, BriefingRow
from briefings.queries.reference import SeriesRow, TopicRow
from briefings.services import Services
from briefings.vocabulary import BriefingStatus
from ui.briefing_editor import BriefingEditor
from ui.dialogs.messages import tell
from ui.formatting import plural
from ui.itemmodels.briefing_table import BriefingTableModel
from ui.loading import BackgroundLoad
from ui.pages.page import Page
from ui.widgets.action_bar import ActionBar
from ui.widgets.empty_state import EmptyState, Stack
from ui.widgets.tables import tidy_table


@dataclass(frozen=True)
class _Loaded:
    rows: list[BriefingRow]
    topics: list[TopicRow]
    series: list[SeriesRow]
    districts: list[str]
    now: datetime


class BriefingsPage(Page):
    """The briefings table.

    Signals:
        loaded: rows arrived from the services and the table shows them.
        invites_requested: (briefing id or None, series id or None) for the invites dialog.
    """

    title = "Briefings"
    invites_requested = Signal(object, object)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[BriefingRow] = []
        self._words: dict[int, str] = {}
        self._now = services.briefings.now()
        self._select_after_load: int | None = None
        self.editor = BriefingEditor(services, undo_stack, self)
        self.editor.changed.connect(self._changed)
        self.model = BriefingTableModel(self)
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show_loaded)
        self._load.failed.connect(
            lambda error: self.status_message.emit(f"Could not load briefings: {error}")
        )
        self._build()
        self._update_buttons()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search title, topic, series, venue and notes (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.when = self._combo([("Upcoming", "upcoming"), ("Past", "past"), ("All dates", "all")])
        self.topic = self._combo([("All topics", None)])
        self.series = self._combo([("All series", None)])
        self.status = self._combo(
            [("Any status", None)] + [(s.value.capitalize(), s.value) for s in BriefingStatus]
        )
        self.district = self._combo([("All districts", None)])
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.when, self.topic, self.series, self.status, self.district):
            filters.addWidget(combo, 1)
        bar = ActionBar()
        self.new_button = bar.add("&New briefing…", self.new_briefing, "Schedule a briefing (Ctrl+N)")
        self.series_button = bar.add(
            "New &series…", self.new_series, "Several briefings from a list of dates"
        )
        bar.addSeparator()
        self.open_button = bar.add("&Open", self.open_selected, "The briefing's register and details (Enter)")
        self.edit_button = bar.add("&Edit…", lambda: self._with_selected(self.editor.edit))
        self.duplicate_button = bar.add("D&uplicate…", lambda: self._with_selected(self.editor.duplicate))
        self.reschedule_button = bar.add("Re&schedule…", lambda: self._with_selected(self.editor.reschedule))
        self.cancel_button = bar.add("&Cancel briefing…", lambda: self._with_selected(self.editor.cancel))
        self.complete_button = bar.add("&Mark taken place", lambda: self._with_selected(self.editor.complete))
        bar.addSeparator()
        self.invites_button = bar.add(
            "&Invites…", self.request_invites, "Invites for the series chosen above, or the selected briefing"
        )
        bar.add_stretch()
        self.count = QLabel()
        bar.addWidget(self.count)
        self.table = self._table()
        self.empty = EmptyState()
        self.stack = Stack(self.table, self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        # Long series names must not make the window wider than a laptop screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        tidy_table(table, (205, 220, 150, 165, 85, 60, 85, 150), stretch=1)
        table.doubleClicked.connect(lambda _index: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        open_key = QShortcut(
            QKeySequence(Qt.Key.Key_Return), table, context=Qt.ShortcutContext.WidgetShortcut
        )
        open_key.activated.connect(self.open_selected)
        return table

    # ------------------------------------------------------------------ Page
    def refresh(self) -> None:
        """Reload every briefing in the background; the filters then run in Python."""
        services = self._services

        def job() -> _Loaded:
            return _Loaded(
                rows=services.briefings.search(),
                topics=services.briefings.topics(),
                series=services.briefings.series(),
                districts=services.directory.districts(),
                now=services.briefings.now(),
            )

        self._load.run(job)

    def focus_search(self) -> bool:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    # ------------------------------------------------------------------ filtering
    def current_filter(self) -> BriefingFilter:
        """What the search box and filter lists ask for."""
        status = self.status.currentData()
        return BriefingFilter(
            when=self.when.currentData(),
            text=self.search.text(),
            topic_id=self.topic.currentData(),
            series_id=self.series.currentData(),
            status=BriefingStatus(status) if status else None,
            district=self.district.currentData(),
        )

    def apply_filter(self) -> None:
        """Narrow the loaded rows (fast enough to run on every key press)."""
        flt = self.current_filter()
        selected = self.selected_row()
        shown = [r for r in self._rows if matches(r, flt, self._now, self._words[r.id])]
        self.model.set_rows(shown)
        self._show_count(len(shown))
        keep = self._select_after_load or (selected.id if selected else None)
        if keep is not None:
            self.select_briefing(keep)
        self._update_buttons()

    def _show_count(self, shown: int) -> None:
        total = len(self._rows)
        self.count.setText(plural(shown, "briefing") + (f" of {total:,}" if shown != total else ""))
        if not total:
            self.empty.say(
                "No briefings yet",
                "Press New briefing (Ctrl+N) to schedule one, or New series to plan a term's worth at once.",
            )
        elif not shown:
            self.empty.say(
                "No briefing matches",
                "Clear the search box or choose “All dates” and the other “All” filters.",
            )
        self.stack.show_empty(shown == 0)

    def _show_loaded(self, loaded: _Loaded) -> None:
        self._rows = loaded.rows
        self._words = {r.id: briefing_words(r) for r in loaded.rows}
        self._now = loaded.now
        self._refill(self.topic, [(t.name, t.id) for t in loaded.topics])
        self._refill(self.series, [(s.name, s.id) for s in loaded.series])
        self._refill(self.district, [(d, d) for d in loaded.districts])
        self.apply_filter()
        self._select_after_load = None
        self.loaded.emit()

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(kept), 0))
        combo.blockSignals(False)

    # ------------------------------------------------------------------ selection and actions
    def selected_row(self) -> BriefingRow | None:
        """The briefing selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_of(rows[0]) if rows else None

    def select_briefing(self, briefing_id: int) -> bool:
        """Select (and scroll to) a briefing if the filters show it."""
        row = self.model.find(lambda r: r.id == briefing_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectRow(row)
        self.table.scrollTo(index)
        self.table.setCurrentIndex(index)
        return True

    def new_briefing(self) -> None:
        """Open the New briefing dialog."""
        self.editor.new()

    def new_series(self) -> None:
        """Open the New series dialog."""
        self.editor.new_series()

    def open_selected(self) -> None:
        """Show the selected briefing's page."""
        row = self.selected_row()
        if row is not None:
            self.open_requested.emit("briefing", row.id)

    def request_invites(self) -> None:
        """Invites for the series the filter shows, else the selected briefing, else a series to choose."""
        series_id = self.series.currentData()
        row = self.selected_row()
        if series_id is not None:
            self.invites_requested.emit(None, series_id)
        else:
            self.invites_requested.emit(row.id if row else None, None)

    def _with_selected(self, action: Callable[[BriefingRow], object]) -> None:
        row = self.selected_row()
        if row is None:
            tell(self, "No briefing selected", "Select a briefing in the table first.", warning=False)
            return
        action(row)

    def _changed(self, briefing_id: int, message: str) -> None:
        self.status_message.emit(message)
        if briefing_id:
            self._select_after_load = briefing_id
            if self.when.currentData() == "upcoming" and self._is_past(briefing_id):
                self.when.setCurrentIndex(self.when.findData("all"))
        self.refresh()

    def _is_past(self, briefing_id: int) -> bool:
        try:
            return self._services.briefings.row(briefing_id).ends_at < self._now
        except DomainError:  # a vanished briefing simply is not selected
            return False

    def _update_buttons(self) -> None:
        row = self.selected_row()
        status = row.status if row else None
        live = status in (BriefingStatus.SCHEDULED, BriefingStatus.DRAFT)
        self.open_button.setEnabled(row is not None)
        self.edit_button.setEnabled(live)
        self.duplicate_button.setEnabled(row is not None)
        self.reschedule_button.setEnabled(live)
        self.cancel_button.setEnabled(live)
        self.complete_button.setEnabled(
            status is BriefingStatus.SCHEDULED and row is not None and row.starts_at <= self._now
        )

    def index_of(self, briefing_id: int) -> QModelIndex:
        """The model index of a briefing's first cell (invalid if filtered out)."""
        row = self.model.find(lambda r: r.id == briefing_id)
        return self.model.index(row, 0) if row >= 0 else QModelIndex()
