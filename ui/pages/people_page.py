"""People: a searchable, filterable directory of everyone the service works with, and their history."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget
from typing_extensions import override

from briefings.clock import london_today
from briefings.queries.directory import MembershipRow, PersonFilter, PersonRow
from briefings.services import Services
from briefings.services.directory_service import MoveOutcome
from briefings.vocabulary import Phase, Role
from ui.dialogs.choices import search_settings
from ui.dialogs.end_role_dialog import EndRoleDialog
from ui.dialogs.move_dialog import MoveDialog
from ui.dialogs.person_dialog import PersonDialog, person_fields
from ui.dialogs.role_dialog import AddRoleDialog
from ui.display_text import count_text
from ui.itemmodels.person_rows import PeopleDirectoryModel, PersonQuery
from ui.pages.page import Page
from ui.pages.page_actions import page_action
from ui.pages.page_layout import list_and_detail, row, stacked
from ui.pages.person_detail import PersonDetail
from ui.person_privacy import PersonPrivacyButton
from ui.undo.directory_commands import MovePersonCommand, edit_person, end_role
from ui.widgets.empty_state import Placeholder
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.row_table_view import RowTableView
from ui.widgets.search_chooser import SearchChooser
from ui.widgets.search_field import SearchField


class PeoplePage(Page):
    """Everyone, narrowed in SQL by name, role, district, phase and setting, with one person's history."""

    title = "People"

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._undo_stack = undo_stack
        self.search = SearchField("Search by name or email")
        self.role = FilterCombo("All roles")
        self.role.set_choices((role.label, role) for role in Role)
        self.district = FilterCombo("All districts")
        self.phase = FilterCombo("All phases")
        self.phase.set_choices((phase.label, phase) for phase in Phase)
        self.setting = SearchChooser(search_settings(services), "At any setting (type to choose one)")
        self.include_former = QCheckBox("Include &former roles")
        self.count_label = QLabel()
        self.model = PeopleDirectoryModel(self)
        self.table = RowTableView(self.model)
        self.table_state = Placeholder(self.table)
        self.detail = PersonDetail(services)
        self.new_button = QPushButton("&New person…")
        self.edit_button = QPushButton("&Edit…")
        self.add_role_button = QPushButton("Add &role…")
        self.end_role_button = QPushButton("End role…")
        self.move_button = QPushButton("&Move to another setting…")
        self.privacy_button = PersonPrivacyButton(services, self._shown_person, undo_stack)
        self._build_layout()
        self._add_actions()
        self._connect()
        self._enable()

    def _build_layout(self) -> None:
        filters = row([self.search, self.role, self.district, self.phase, self.setting, self.include_former])
        detail_buttons = row(
            [None, self.add_role_button, self.end_role_button, self.move_button, self.privacy_button]
        )
        list_and_detail(
            self,
            filters=filters,
            listing=stacked(
                self.table_state, row([self.count_label, None, self.new_button, self.edit_button])
            ),
            detail=stacked(self.detail, detail_buttons),
            sizes=(700, 560),
        )

    def _add_actions(self) -> None:
        self.new_action = page_action(self, "New person…", "Ctrl+N", self.new_person)
        self.edit_action = page_action(self, "Edit person…", "Ctrl+E", self.edit_person)
        self.add_role_action = page_action(self, "Add role…", "Ctrl+Shift+R", self.add_role)
        self.end_role_action = page_action(self, "End role…", "Ctrl+Shift+E", self.end_role)
        self.move_action = page_action(self, "Move to another setting…", "Ctrl+Shift+M", self.move_person)
        page_action(self, "Find a person", QKeySequence.StandardKey.Find, self.search.setFocus)
        page_action(self, "Reload people", QKeySequence.StandardKey.Refresh, self.refresh)

    def _connect(self) -> None:
        self.search.search_changed.connect(self.reload)
        for combo in (self.role, self.district, self.phase):
            combo.currentIndexChanged.connect(self.reload)
        self.setting.chosen.connect(self._setting_chosen)
        self.include_former.toggled.connect(self.reload)
        self.model.reloaded.connect(self._reloaded)
        self.model.failed.connect(self.status_message)
        self.table.current_row_changed.connect(self._current_changed)
        self.table.row_activated.connect(lambda _row: self.edit_person())
        self.detail.open_requested.connect(self.open_requested)
        self.detail.role_selected.connect(lambda _role: self._enable())
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.add_role_button.clicked.connect(self.add_role)
        self.end_role_button.clicked.connect(self.end_role)
        self.move_button.clicked.connect(self.move_person)
        self.privacy_button.changed.connect(self._changed)
        self.privacy_button.said.connect(self.status_message)

    def current_filter(self) -> PersonFilter:
        """What the search box, drop-downs and setting chooser narrow the directory to."""
        setting = self.setting.choice
        return PersonFilter(
            text=self.search.text().strip(),
            role=self.role.value,
            setting_id=setting.id if setting else None,
            district=self.district.value,
            phase=self.phase.value,
            include_former=self.include_former.isChecked(),
        )

    @override
    def refresh(self) -> None:
        self.district.set_choices((d, d) for d in self._services.directory.districts())
        self.reload()
        self.detail.reload()
        self._enable()

    def reload(self) -> None:
        """Ask for the people matching the filter (in the background)."""
        self.model.load(PersonQuery(self._services, self.current_filter()))

    @override
    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "person":
            return False
        self.detail.show_person(item_id)
        if not self.table.select_where(lambda row: row.id == item_id):
            self.table.clearSelection()  # it is not in the list as filtered; no other row may look chosen
        self._enable()
        return True

    def _setting_chosen(self, choice: object) -> None:
        if choice is not None or not self.setting.text().strip():
            self.reload()

    def _reloaded(self) -> None:
        self.count_label.setText(count_text(self.model.total, "person", "people"))
        if self.model.total:
            self.table_state.show_content()
            self.table.fit_columns(once=True)
        elif self.current_filter() != PersonFilter():
            self.table_state.show_message(
                "No one matches. Clear the search (Esc), widen the drop-downs, "
                "or tick “Include former roles” to find people who have moved on."
            )
        else:
            self.table_state.show_message(
                "No people yet. Add someone with New person (Ctrl+N), "
                "or import the council's contact list from the File menu."
            )
        if self.detail.person_id is not None:
            self.table.select_where(lambda row: row.id == self.detail.person_id)
        self.loaded.emit()

    def _current_changed(self, row: PersonRow | None) -> None:
        if row is not None:
            self.detail.show_person(row.id)
        self._enable()

    def _enable(self) -> None:
        history = self.detail.history
        person_editable = history is not None and not history.person.erased
        role = self.detail.selected_role() if history else None
        for widget in (self.edit_button, self.edit_action, self.add_role_button, self.add_role_action):
            widget.setEnabled(person_editable)
        for widget in (self.move_button, self.move_action):
            widget.setEnabled(person_editable)
        for widget in (self.end_role_button, self.end_role_action):
            widget.setEnabled(role is not None and role.current and role.ends_on is None)
        self.privacy_button.update_for(self._shown_person())

    def _shown_person(self) -> PersonRow | None:
        return self.detail.history.person if self.detail.history is not None else None

    def _person(self) -> PersonRow | None:
        history = self.detail.history
        if history is None:
            self.status_message.emit("Choose a person first.")
            return None
        return history.person

    def new_person(self) -> None:
        """Open the New person dialog (starting at the setting filtered to, if any)."""
        dialog = PersonDialog(self._services, None, self, setting=self.setting.choice)
        dialog.saved.connect(self._added)
        dialog.open()

    def edit_person(self) -> None:
        """Open the Edit dialog for the person shown."""
        before = self._person()
        if before is None:
            return
        dialog = PersonDialog(self._services, before, self)
        dialog.saved.connect(lambda after: self._edited(before, after))
        dialog.open()

    def add_role(self) -> None:
        """Give the person shown another role."""
        person = self._person()
        if person is None:
            return
        dialog = AddRoleDialog(self._services, person, self._today(), self)
        dialog.saved.connect(lambda row: self._changed(f"Added a role for {row.full_name}"))
        dialog.open()

    def end_role(self) -> None:
        """End the role picked in the Roles tab."""
        role = self.detail.selected_role()
        if role is None or not role.current:
            self.status_message.emit("Pick a current role in the Roles tab first.")
            return
        dialog = EndRoleDialog(self._services, role, self._today(), self)
        dialog.saved.connect(self._role_ended)
        dialog.open()

    def move_person(self) -> None:
        """Move the person shown to another setting."""
        person = self._person()
        if person is None:
            return
        dialog = MoveDialog(self._services, person, self._today(), self)
        dialog.saved.connect(self._moved)
        dialog.open()

    def _added(self, person: PersonRow) -> None:
        self.detail.show_person(person.id)
        self._changed(f"Added {person.full_name}")

    def _edited(self, before: PersonRow, after: PersonRow) -> None:
        command = edit_person(
            self._services, before.id, person_fields(before), person_fields(after), self._changed
        )
        self._undo_stack.push(command)
        self._changed(f"Saved {after.full_name}")

    def _role_ended(self, ended: MembershipRow) -> None:
        command = end_role(self._services, ended, self._changed)
        self._undo_stack.push(command)
        self._changed(command.text())

    def _moved(self, outcome: MoveOutcome) -> None:
        command = MovePersonCommand(self._services, outcome, self._changed)
        self._undo_stack.push(command)
        self._changed(command.text())

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()

    def _today(self) -> date:
        return london_today(self._services.directory.now())
