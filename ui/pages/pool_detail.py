"""One licence pool: its seats and validity, its allocations, and the open settings with none."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from briefings.queries.licences import AllocationRow, PoolRow, UnallocatedSetting
from briefings.services import Services
from briefings.vocabulary import AllocationStatus
from ui.display_text import count_text, day_text
from ui.itemmodels.allocation_rows import AllocationTableModel
from ui.itemmodels.pool_rows import EXPIRING_SOON_DAYS, expiry_text
from ui.itemmodels.unallocated_rows import UnallocatedTableModel
from ui.pages.history_tabs import HistoryTab, heading, set_tab_count
from ui.widgets.empty_state import Placeholder
from ui.widgets.row_table_view import RowTableView
from ui.widgets.search_field import SearchField

NOTHING_CHOSEN = "Choose a pool to see who holds its seats and which open settings have none."


class PoolDetail(Placeholder):
    """Shows one pool.

    Signals:
        open_requested: show a setting or person elsewhere.
        allocate_to_setting: the advisor asked to give seats to this setting (one step from the list).
        allocation_changed: the picked allocation changed (to enable Return and Revoke).
    """

    open_requested = Signal(str, int)
    allocate_to_setting = Signal(object)
    allocation_changed = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._services = services
        self.pool: PoolRow | None = None
        self.today = date.min
        body = QWidget()
        super().__init__(body, parent)
        self.title = heading()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.allocations = AllocationTableModel.of_pool(self)
        self.unallocated = UnallocatedTableModel(self)
        self.allocate_button = QPushButton("&Allocate…")
        self.return_button = QPushButton("Re&turn…")
        self.revoke_button = QPushButton("Re&voke…")
        self.allocations_tab = HistoryTab(
            RowTableView(self.allocations),
            "No seats given from this pool yet. Allocate some with Allocate (Ctrl+Shift+A), "
            "or pick a setting in “Settings without seats”.",
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.allocate_button, self.return_button, self.revoke_button):
            buttons.addWidget(button)
        self.allocations_tab.layout_.addLayout(buttons)
        self.narrow = SearchField("Narrow by name, URN, district or phase")
        self.allocate_here_button = QPushButton("Allocate to this &setting…")
        self.unallocated_tab = HistoryTab(
            RowTableView(self.unallocated), "Every open setting holds seats from this pool."
        )
        self.unallocated_tab.layout_.insertWidget(0, self.narrow)
        self.unallocated_tab.layout_.addWidget(self.allocate_here_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.allocations_tab, "Allocations")
        self.tabs.addTab(self.unallocated_tab, "Settings without seats")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self._connect()
        self.show_message(NOTHING_CHOSEN)

    def _connect(self) -> None:
        self.narrow.search_changed.connect(self._narrowed)
        allocations, unallocated = self.allocations_tab.table, self.unallocated_tab.table
        allocations.current_row_changed.connect(self.allocation_changed)
        allocations.row_activated.connect(self._open_holder)
        unallocated.row_activated.connect(self.allocate_to_setting)
        unallocated.current_row_changed.connect(
            lambda row: self.allocate_here_button.setEnabled(row is not None and self._can_allocate())
        )
        self.allocate_here_button.clicked.connect(self._allocate_here)

    def selected_allocation(self) -> AllocationRow | None:
        """The allocation picked in the Allocations tab."""
        row = self.allocations_tab.table.current_row()
        return row if isinstance(row, AllocationRow) else None

    def selected_setting(self) -> UnallocatedSetting | None:
        """The setting picked in the Settings without seats tab."""
        row = self.unallocated_tab.table.current_row()
        return row if isinstance(row, UnallocatedSetting) else None

    def show_pool(self, pool: PoolRow | None, today: date) -> None:
        """Show this pool as it stands on ``today`` (None: nothing chosen)."""
        self.pool = pool
        self.today = today
        if pool is None:
            self.show_message(NOTHING_CHOSEN)
            return
        chosen = self.selected_allocation()
        allocations = self._services.licences.allocations(pool_id=pool.id)
        self.title.setText(pool.product)
        reference = f" · reference {pool.reference}" if pool.reference else ""
        warning = f" {expiry_text(pool, today)}." if pool.days_left(today) <= EXPIRING_SOON_DAYS else ""
        held = count_text(pool.active_allocations, "active allocation")
        valid = f"Valid {day_text(pool.valid_from)} to {day_text(pool.valid_until)}."
        lines = [
            f"{pool.provider}{reference}. {valid}{warning}",
            f"{pool.used:,} of {pool.seats:,} seats used ({held}); {pool.left:,} left.",
        ]
        self.summary.setText("\n".join([*lines, pool.notes] if pool.notes else lines))
        self.allocations.set_rows(allocations)
        self.allocations_tab.rows_shown(len(allocations))
        set_tab_count(self.tabs, self.allocations_tab, "Allocations", len(allocations))
        if chosen is not None:
            self.allocations_tab.table.select_where(lambda row: row.id == chosen.id)
        self._show_unallocated(pool, today)
        self.show_content()
        self.allocation_changed.emit(self.selected_allocation())

    def _show_unallocated(self, pool: PoolRow, today: date) -> None:
        if pool.expired(today):
            self.unallocated.set_settings([])
            self.unallocated_tab.state.show_message(
                f"This pool expired on {day_text(pool.valid_until)}; no more seats can be given from it."
            )
            set_tab_count(self.tabs, self.unallocated_tab, "Settings without seats", 0)
        else:
            self.unallocated.set_settings(self._services.licences.settings_without(pool.id))
            self.unallocated_tab.rows_shown(self.unallocated.total)
            set_tab_count(self.tabs, self.unallocated_tab, "Settings without seats", self.unallocated.total)
        self.allocate_here_button.setEnabled(self.selected_setting() is not None and self._can_allocate())

    def _can_allocate(self) -> bool:
        return self.pool is not None and not self.pool.expired(self.today) and self.pool.left > 0

    def _narrowed(self, text: str) -> None:
        self.unallocated.narrow(text)

    def _allocate_here(self) -> None:
        setting = self.selected_setting()
        if setting is not None:
            self.allocate_to_setting.emit(setting)

    def _open_holder(self, allocation: AllocationRow) -> None:
        if allocation.person_id is not None:
            self.open_requested.emit("person", allocation.person_id)
        elif allocation.setting_id is not None:
            self.open_requested.emit("setting", allocation.setting_id)


def is_active(allocation: AllocationRow | None) -> bool:
    """Whether seats are still held (so they can be returned or revoked)."""
    return allocation is not None and allocation.status is AllocationStatus.ACTIVE
