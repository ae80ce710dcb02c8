"""Deciding who a report's participant was: someone searched for, or a new person (a walk-in).

Neither dialog writes anything: each hands back a :class:`RowDecision` for the review to apply
with the rest of the report (or, for a pending row, through the service straight away).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefings.directory import PersonFields
from briefings.errors import ValidationError
from briefings.importing.attendance_plan import Action, RowDecision
from briefings.importing.names import parse_display_name
from briefings.services import Services
from briefings.vocabulary import Role
from ui.dialogs.choices import search_people, search_settings
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.person_dialog import role_combo
from ui.widgets.search_chooser import Choice, SearchChooser, chosen_or_refuse


class ChoosePersonDialog(QDialog):
    """Search the directory for the person a participant was.

    Signals:
        chosen: the picked person as a :class:`Choice`.
    """

    chosen = Signal(object)

    def __init__(self, services: Services, participant: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Match to a person")
        question = QLabel(f"Who was “{participant}”?")
        question.setWordWrap(True)
        self.chooser = SearchChooser(search_people(services), "Type part of a name or e-mail address")
        self.chooser.chosen.connect(lambda _choice: self._update())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Match")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.chooser)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.chooser.choice is not None)

    def _accept(self) -> None:
        choice: Choice | None = self.chooser.choice
        if choice is None:
            return
        self.chosen.emit(choice)
        self.accept()


class WalkInDialog(FormDialog):
    """A new person for a participant nobody in the directory matches; ``saved`` carries the decision."""

    def __init__(
        self, services: Services, participant: str, email: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Add “{participant}” as a new person", parent, save_label="&Add")
        parts = parse_display_name(participant)
        plausible = any(ch.isalpha() for ch in parts.full)  # not a phone number or a device
        self.title_edit = QLineEdit(parts.title or "")
        self.first_name_edit = QLineEdit(parts.given if plausible else "")
        self.last_name_edit = QLineEdit(parts.family if plausible else "")
        self.email_edit = QLineEdit(email)
        self.role_combo = role_combo(none_label="No role yet", current=Role.DSL)
        self.setting_chooser = SearchChooser(
            search_settings(services, open_only=True), "Type part of a setting's name or URN"
        )
        self.add_note("They are added to the directory and recorded as a walk-in when the import is applied.")
        self.add_field("title", "&Title", self.title_edit)
        self.add_field("first_name", "&First name", self.first_name_edit)
        self.add_field("last_name", "&Last name", self.last_name_edit)
        self.add_field("email", "&Email", self.email_edit)
        self.add_field("role", "&Role", self.role_combo)
        self.add_field("setting_id", "At &setting", self.setting_chooser)
        if parts.hint:
            self.setting_chooser.setPlaceholderText(f"The report says “{parts.hint}”: type to find it")

    def save(self) -> RowDecision:
        """The decision to add this person (nothing is written here)."""
        first, last = self.first_name_edit.text().strip(), self.last_name_edit.text().strip()
        if not first:
            raise ValidationError("Give their first name", "first_name")
        if not last:
            raise ValidationError("Give their last name", "last_name")
        role: Role | None = self.role_combo.currentData()
        setting = chosen_or_refuse(self.setting_chooser, "setting_id")
        if setting is not None and role is None:
            raise ValidationError(f"Choose the role they hold at {setting.label}", "role")
        fields = PersonFields(
            first_name=first,
            last_name=last,
            email=self.email_edit.text().strip() or None,
            title=self.title_edit.text().strip() or None,
        )
        return RowDecision(
            Action.NEW_PERSON,
            new_person=fields,
            setting_id=setting.id if setting is not None else None,
            role=role if setting is not None else None,
        )
