"""Licences: pools with a seats-used bar and expiry, their allocations, and who has none yet."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget
from typing_extensions import override

from briefings.queries.licences import AllocationRow, PoolRow, UnallocatedSetting
from briefings.services import Services
from ui.dialogs.allocate_dialog import AllocateDialog
from ui.dialogs.end_allocation_dialog import EndAllocationDialog, Ending
from ui.dialogs.pool_dialog import PoolDialog, pool_fields
from ui.itemmodels.allocation_rows import holder_text
from ui.itemmodels.pool_rows import PoolTableModel, seats_reading
from ui.pages.page import Page
from ui.pages.page_actions import page_action
from ui.pages.page_layout import list_and_detail, row, stacked
from ui.pages.pool_detail import PoolDetail, is_active
from ui.undo.licence_commands import edit_pool, end_allocation
from ui.widgets.empty_state import Placeholder
from ui.widgets.progress_delegate import ProgressDelegate
from ui.widgets.row_table_view import RowTableView
from ui.widgets.search_chooser import Choice


class LicencesPage(Page):
    """Licence pools above; the chosen pool's allocations and the settings without seats below."""

    title = "Licences"

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._undo_stack = undo_stack
        self.pools = PoolTableModel(self)
        self.table = RowTableView(self.pools)
        self.table.setItemDelegateForColumn(
            PoolTableModel.SEATS_COLUMN, ProgressDelegate(seats_reading, self.table)
        )
        self.table_state = Placeholder(self.table)
        self.detail = PoolDetail(services)
        self.new_button = QPushButton("&New pool…")
        self.edit_button = QPushButton("&Edit pool…")
        self._build_layout()
        self.new_action = page_action(self, "New pool…", "Ctrl+N", self.new_pool)
        self.edit_action = page_action(self, "Edit pool…", "Ctrl+E", self.edit_pool)
        self.allocate_action = page_action(self, "Allocate seats…", "Ctrl+Shift+A", self.allocate)
        self.return_action = page_action(
            self, "Return seats…", "Ctrl+Shift+R", lambda: self.end_allocation("return")
        )
        self.revoke_action = page_action(
            self, "Revoke seats…", "Ctrl+Shift+K", lambda: self.end_allocation("revoke")
        )
        page_action(self, "Reload licences", QKeySequence.StandardKey.Refresh, self.refresh)
        self._connect()
        self._enable()

    def _build_layout(self) -> None:
        # Pools are few and their rows wide: the list sits on top, the chosen pool's detail below.
        list_and_detail(
            self,
            filters=None,
            listing=stacked(self.table_state, row([None, self.new_button, self.edit_button])),
            detail=self.detail,
            sizes=(220, 560),
            vertical=True,
        )

    def _connect(self) -> None:
        self.table.current_row_changed.connect(self._pool_chosen)
        self.table.row_activated.connect(lambda _pool: self.edit_pool())
        self.new_button.clicked.connect(self.new_pool)
        self.edit_button.clicked.connect(self.edit_pool)
        self.detail.allocate_button.clicked.connect(self.allocate)
        self.detail.return_button.clicked.connect(lambda: self.end_allocation("return"))
        self.detail.revoke_button.clicked.connect(lambda: self.end_allocation("revoke"))
        self.detail.allocate_to_setting.connect(self._allocate_to)
        self.detail.allocation_changed.connect(lambda _row: self._enable())
        self.detail.open_requested.connect(self.open_requested)

    @override
    def refresh(self) -> None:
        chosen = self.detail.pool
        today = self._services.licences.today()
        pools = self._services.licences.pools()
        self.pools.set_pools(pools, today)
        if not pools:
            self.table_state.show_message(
                "No licence pools yet. Add the pool you bought from NSPCC (or any provider) with "
                "New pool (Ctrl+N); then give its seats to settings here."
            )
        else:
            self.table_state.show_content()
            self.table.fit_columns()
        wanted = chosen.id if chosen else (pools[0].id if pools else None)
        # Selecting a row shows its pool through _pool_chosen, but only when the selection moves;
        # held back here, the pool's allocations and settings are read and shown exactly once
        # (they were read twice on every refresh: 60 ms more on a large county, on the UI thread).
        self.table.blockSignals(True)
        try:
            found = wanted is not None and self.table.select_where(lambda pool: pool.id == wanted)
        finally:
            self.table.blockSignals(False)
        self.detail.show_pool(next(p for p in pools if p.id == wanted) if found else None, today)
        self._enable()
        self.loaded.emit()

    @override
    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "pool":
            return False
        if not self.pools.rows():
            self.refresh()
        if not self.table.select_where(lambda pool: pool.id == item_id):
            self.status_message.emit(f"Licence pool {item_id} no longer exists.")
        return True

    def _pool_chosen(self, pool: PoolRow | None) -> None:
        self.detail.show_pool(pool, self._services.licences.today())
        self._enable()

    def _enable(self) -> None:
        pool = self.detail.pool
        can_allocate = pool is not None and not pool.expired(self._services.licences.today())
        active = is_active(self.detail.selected_allocation())
        for widget, on in (
            (self.edit_button, pool is not None),
            (self.edit_action, pool is not None),
            (self.detail.allocate_button, can_allocate),
            (self.allocate_action, can_allocate),
            (self.detail.return_button, active),
            (self.return_action, active),
            (self.detail.revoke_button, active),
            (self.revoke_action, active),
        ):
            widget.setEnabled(on)

    def new_pool(self) -> None:
        """Open the New pool dialog."""
        dialog = PoolDialog(self._services, None, self._services.licences.today(), self)
        dialog.saved.connect(self._pool_added)
        dialog.open()

    def edit_pool(self) -> None:
        """Open the Edit dialog for the chosen pool."""
        before = self.detail.pool
        if before is None:
            self.status_message.emit("Choose a pool to edit first.")
            return
        dialog = PoolDialog(self._services, before, self._services.licences.today(), self)
        dialog.saved.connect(lambda after: self._pool_edited(before, after))
        dialog.open()

    def allocate(self) -> None:
        """Open the Allocate dialog for the chosen pool."""
        self.allocate_for(None)

    def allocate_for(self, setting: Choice | None) -> None:
        """Open the Allocate dialog for the chosen pool, for a setting already picked (if any)."""
        pool = self.detail.pool
        if pool is None:
            self.status_message.emit("Choose a pool to allocate from first.")
            return
        dialog = AllocateDialog(self._services, pool, self._services.licences.today(), self, setting=setting)
        dialog.saved.connect(self._allocated)
        dialog.open()

    def end_allocation(self, ending: Ending) -> None:
        """Open the Return or Revoke dialog for the chosen allocation."""
        allocation = self.detail.selected_allocation()
        if not is_active(allocation) or allocation is None:
            self.status_message.emit("Pick an active allocation first.")
            return
        dialog = EndAllocationDialog(
            self._services, allocation, ending, self._services.licences.today(), self
        )
        dialog.saved.connect(lambda ended: self._allocation_ended(ended, dialog.reason_edit.text()))
        dialog.open()

    def _allocate_to(self, setting: UnallocatedSetting) -> None:
        detail = f"URN {setting.urn}" if setting.urn else ""
        self.allocate_for(Choice(setting.id, setting.name, detail))

    def _pool_added(self, pool: PoolRow) -> None:
        self.status_message.emit(f"Added {pool.product} ({pool.seats:,} seats)")
        self.detail.pool = pool
        self.refresh()

    def _pool_edited(self, before: PoolRow, after: PoolRow) -> None:
        command = edit_pool(self._services, before.id, pool_fields(before), pool_fields(after), self._changed)
        self._undo_stack.push(command)
        self._changed(f"Saved {after.product}")

    def _allocated(self, allocation: AllocationRow) -> None:
        self._changed(f"Allocated {allocation.seats:,} of {allocation.product} to {holder_text(allocation)}")

    def _allocation_ended(self, ended: AllocationRow, reason: str) -> None:
        command = end_allocation(self._services, ended, reason or None, self._changed)
        self._undo_stack.push(command)
        self._changed(command.text())

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()
