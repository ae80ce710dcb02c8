"""Give a person a role at a setting or at an organisation (an agency, a charity)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from briefings.queries.directory import PersonRow
from briefings.services import Services
from ui.dialogs.choices import search_settings
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.person_dialog import role_combo
from ui.widgets.day_edit import DayEdit
from ui.widgets.search_chooser import SearchChooser, chosen_or_refuse


class AddRoleDialog(FormDialog):
    """Role, place, job title and start; ``saved`` carries the person with the new role."""

    def __init__(
        self, services: Services, person: PersonRow, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Add a role for {person.full_name}", parent, save_label="Add role")
        self._services = services
        self.person = person
        self.role_combo = role_combo()
        self.at_setting = QRadioButton("A &setting")
        self.at_organisation = QRadioButton("An &organisation")
        self.at_setting.setChecked(True)
        places = QButtonGroup(self)
        places.addButton(self.at_setting)
        places.addButton(self.at_organisation)
        place_row = QWidget()
        row_layout = QHBoxLayout(place_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.at_setting)
        row_layout.addWidget(self.at_organisation)
        row_layout.addStretch(1)
        self.setting_chooser = SearchChooser(
            search_settings(services), "Type part of a setting's name or URN"
        )
        self.organisation_combo = QComboBox()
        for organisation in services.directory.organisations():
            self.organisation_combo.addItem(organisation.name, organisation.id)
        self.at_organisation.setEnabled(self.organisation_combo.count() > 0)
        self.job_title_edit = QLineEdit()
        self.starts_on_edit = DayEdit(today)
        self.add_field("role", "&Role", self.role_combo)
        self.add_field("place", "At", place_row)
        self.add_field("setting_id", "S&etting", self.setting_chooser)
        self.add_field("organisation_id", "Or&ganisation", self.organisation_combo)
        self.add_field("job_title", "&Job title", self.job_title_edit)
        self.add_field("starts_on", "&From", self.starts_on_edit)
        self.at_setting.toggled.connect(self._place_changed)
        self._place_changed()

    def _place_changed(self) -> None:
        self.setting_chooser.setEnabled(self.at_setting.isChecked())
        self.organisation_combo.setEnabled(not self.at_setting.isChecked())

    def save(self) -> PersonRow:
        """Give the role."""
        setting = (
            chosen_or_refuse(self.setting_chooser, "setting_id") if self.at_setting.isChecked() else None
        )
        organisation_id = None if self.at_setting.isChecked() else self.organisation_combo.currentData()
        return self._services.directory.add_membership(
            self.person.id,
            self.role_combo.currentData(),
            setting_id=setting.id if setting else None,
            organisation_id=organisation_id,
            starts_on=self.starts_on_edit.day,
            job_title=self.job_title_edit.text(),
        )
