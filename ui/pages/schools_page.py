"""Schools and settings: a searchable, filterable directory with each setting's history beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget
from typing_extensions import override

from briefings.clock import london_today
from briefings.queries.directory import Openness, SettingFilter, SettingRow
from briefings.services import Services
from briefings.vocabulary import Phase
from ui.dialogs.setting_dialog import SettingDialog, setting_fields
from ui.display_text import count_text
from ui.itemmodels.setting_rows import SettingDirectoryModel, SettingQuery
from ui.pages.page import Page
from ui.pages.page_actions import page_action
from ui.pages.page_layout import list_and_detail, row, stacked
from ui.pages.setting_detail import SettingDetail
from ui.undo.directory_commands import edit_setting
from ui.widgets.empty_state import Placeholder
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.row_table_view import RowTableView
from ui.widgets.search_field import SearchField


class SchoolsPage(Page):
    """Every school and setting, narrowed in SQL, with the chosen one's staff, briefings and licences."""

    title = "Schools and settings"

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._undo_stack = undo_stack
        self.search = SearchField("Search by name, URN or postcode")
        self.district = FilterCombo("All districts")
        self.phase = FilterCombo("All phases")
        self.phase.set_choices((phase.label, phase) for phase in Phase)
        self.kind = FilterCombo("All types")
        self.openness = QComboBox()
        self.openness.setAccessibleName("Open or closed")
        for label, value in (
            ("Open settings", "open"),
            ("Closed settings", "closed"),
            ("Open and closed", "all"),
        ):
            self.openness.addItem(label, value)
        self.count_label = QLabel()
        self.model = SettingDirectoryModel(self)
        self.table = RowTableView(self.model)
        self.table_state = Placeholder(self.table)
        self.detail = SettingDetail(services)
        self.new_button = QPushButton("&New setting…")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setEnabled(False)
        self._build_layout()
        self.new_action = page_action(self, "New setting…", "Ctrl+N", self.new_setting)
        self.edit_action = page_action(self, "Edit setting…", "Ctrl+E", self.edit_setting)
        page_action(self, "Find a setting", QKeySequence.StandardKey.Find, self.search.setFocus)
        page_action(self, "Reload settings", QKeySequence.StandardKey.Refresh, self.refresh)
        self._connect()

    def _build_layout(self) -> None:
        list_and_detail(
            self,
            filters=row([self.search, self.district, self.phase, self.kind, self.openness, None]),
            listing=stacked(
                self.table_state, row([self.count_label, None, self.new_button, self.edit_button])
            ),
            detail=self.detail,
            sizes=(700, 560),
        )

    def _connect(self) -> None:
        self.search.search_changed.connect(self.reload)
        for combo in (self.district, self.phase, self.kind, self.openness):
            combo.currentIndexChanged.connect(self.reload)
        self.model.reloaded.connect(self._reloaded)
        self.model.failed.connect(self.status_message)
        self.table.current_row_changed.connect(self._current_changed)
        self.table.row_activated.connect(lambda _row: self.edit_setting())
        self.new_button.clicked.connect(self.new_setting)
        self.edit_button.clicked.connect(self.edit_setting)
        self.detail.open_requested.connect(self.open_requested)

    def current_filter(self) -> SettingFilter:
        """What the search box and drop-downs narrow the directory to."""
        openness: Openness = self.openness.currentData()
        return SettingFilter(
            text=self.search.text().strip(),
            district=self.district.value,
            phase=self.phase.value,
            establishment_type=self.kind.value,
            openness=openness,
        )

    @override
    def refresh(self) -> None:
        directory = self._services.directory
        self.district.set_choices((d, d) for d in directory.districts())
        self.kind.set_choices((t, t) for t in directory.establishment_types())
        self.reload()
        self.detail.reload()

    def reload(self) -> None:
        """Ask for the settings matching the filter (in the background)."""
        self.model.load(SettingQuery(self._services, self.current_filter()))

    @override
    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "setting":
            return False
        self.detail.show_setting(item_id)
        self.edit_button.setEnabled(self.detail.history is not None)
        if not self.table.select_where(lambda row: row.id == item_id):
            self.table.clearSelection()  # it is not in the list as filtered; no other row may look chosen
        return True

    def _reloaded(self) -> None:
        flt = self.current_filter()
        self.count_label.setText(count_text(self.model.total, "setting"))
        narrowed = flt != SettingFilter() and flt != SettingFilter(openness="all")
        if self.model.total:
            self.table_state.show_content()
            self.table.fit_columns(once=True)
        elif narrowed:
            self.table_state.show_message(
                "No settings match. Clear the search (Esc) or widen the drop-downs, "
                "or choose “Open and closed” to include settings that have closed."
            )
        else:
            self.table_state.show_message(
                "No schools or settings yet. Add one with New setting (Ctrl+N), "
                "or import the county's GIAS extract from the File menu."
            )
        if self.detail.setting_id is not None:
            self.table.select_where(lambda row: row.id == self.detail.setting_id)
        self.loaded.emit()

    def _current_changed(self, row: SettingRow | None) -> None:
        if row is not None:
            self.detail.show_setting(row.id)
        self.edit_button.setEnabled(self.detail.history is not None)

    def new_setting(self) -> None:
        """Open the New setting dialog."""
        dialog = SettingDialog(self._services, None, self._today(), self)
        dialog.saved.connect(self._added)
        dialog.open()

    def edit_setting(self) -> None:
        """Open the Edit dialog for the setting shown."""
        history = self.detail.history
        if history is None:
            self.status_message.emit("Choose a setting to edit first.")
            return
        before = history.setting
        dialog = SettingDialog(self._services, before, self._today(), self)
        dialog.saved.connect(lambda after: self._edited(before, after))
        dialog.open()

    def _added(self, setting: SettingRow) -> None:
        self.status_message.emit(f"Added {setting.name}")
        self.detail.show_setting(setting.id)
        self.refresh()

    def _edited(self, before: SettingRow, after: SettingRow) -> None:
        command = edit_setting(
            self._services, before.id, setting_fields(before), setting_fields(after), self._changed
        )
        self._undo_stack.push(command)
        self._changed(f"Saved {after.name}")

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()

    def _today(self) -> date:
        return london_today(self._services.directory.now())
