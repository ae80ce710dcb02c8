"""Add or edit a person; a new person may start with a role at a setting, in one transaction."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from briefings.directory import PersonFields
from briefings.errors import ValidationError
from briefings.queries.directory import PersonRow
from briefings.services import Services
from briefings.vocabulary import Role
from ui.dialogs.choices import search_settings
from ui.dialogs.form_dialog import FormDialog
from ui.widgets.search_chooser import Choice, SearchChooser, chosen_or_refuse


def person_fields(row: PersonRow) -> PersonFields:
    """A person's own details as they stand (for an edit's undo)."""
    return PersonFields(
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        title=row.title,
        phone=row.phone,
        notes=row.notes,
    )


def role_combo(*, none_label: str | None = None, current: Role | None = None) -> QComboBox:
    """Roles by their labels, optionally led by a "none" entry."""
    combo = QComboBox()
    if none_label is not None:
        combo.addItem(none_label, None)
    for role in Role:
        combo.addItem(role.label, role)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


class PersonDialog(FormDialog):
    """A person's details; when adding, optionally their first role and setting."""

    def __init__(
        self,
        services: Services,
        person: PersonRow | None,
        parent: QWidget | None = None,
        *,
        setting: Choice | None = None,
    ) -> None:
        super().__init__(
            f"Edit {person.full_name}" if person else "New person",
            parent,
            save_label="Save" if person else "Add person",
        )
        self._services = services
        self.person = person
        self.title_edit = QLineEdit(person.title or "" if person else "")
        self.title_edit.setPlaceholderText("Mrs, Mr, Dr…")
        self.first_name_edit = QLineEdit(person.first_name if person else "")
        self.last_name_edit = QLineEdit(person.last_name if person else "")
        self.email_edit = QLineEdit(person.email or "" if person else "")
        self.phone_edit = QLineEdit(person.phone or "" if person else "")
        self.notes_edit = QPlainTextEdit(person.notes or "" if person else "")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4)
        self.add_field("title", "&Title", self.title_edit)
        self.add_field("first_name", "&First name", self.first_name_edit)
        self.add_field("last_name", "&Last name", self.last_name_edit)
        self.add_field("email", "&Email", self.email_edit)
        self.add_field("phone", "&Phone", self.phone_edit)
        self.add_field("notes", "N&otes", self.notes_edit)
        # Only a new person starts with a role; an existing one gets roles from the People page.
        self.role_combo = role_combo(none_label="No role yet", current=Role.DSL if setting else None)
        self.setting_chooser = SearchChooser(
            search_settings(services), "Type part of a setting's name or URN"
        )
        self.setting_chooser.set_choice(setting)
        if person is None:
            self.add_field("role", "&Role", self.role_combo)
            self.add_field("setting_id", "&At setting", self.setting_chooser, also=("organisation_id",))
        else:
            self.role_combo.setParent(self)
            self.setting_chooser.setParent(self)
            self.role_combo.hide()
            self.setting_chooser.hide()

    def fields(self) -> PersonFields:
        """What the form says."""
        return PersonFields(
            first_name=self.first_name_edit.text(),
            last_name=self.last_name_edit.text(),
            email=self.email_edit.text(),
            title=self.title_edit.text(),
            phone=self.phone_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> PersonRow:
        """Add the person (with their first role) or store the changes."""
        directory = self._services.directory
        if self.person is not None:
            return directory.update_person(self.person.id, self.fields())
        role: Role | None = self.role_combo.currentData()
        choice = chosen_or_refuse(self.setting_chooser, "setting_id")
        if role is None and choice is not None:
            raise ValidationError(f"Choose the role they hold at {choice.label}", "role")
        if role is None:
            return directory.add_person(self.fields())
        return directory.add_person(self.fields(), role=role, setting_id=choice.id if choice else None)
