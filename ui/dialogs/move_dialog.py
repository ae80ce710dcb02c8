"""Move a person to another setting: their roles elsewhere end, one starts there (one person, not two)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from briefings.errors import ValidationError
from briefings.queries.directory import PersonRow
from briefings.services import Services
from briefings.services.directory_service import MoveOutcome
from briefings.vocabulary import Role
from ui.dialogs.choices import search_settings
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.person_dialog import role_combo
from ui.widgets.day_edit import DayEdit
from ui.widgets.search_chooser import SearchChooser, chosen_or_refuse


class MoveDialog(FormDialog):
    """Where to, in what role, from when; ``saved`` carries the ``MoveOutcome`` (for undo)."""

    def __init__(
        self, services: Services, person: PersonRow, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Move {person.full_name} to another setting", parent, save_label="Move")
        self._services = services
        self.person = person
        current = [m for m in person.roles if m.current and m.setting_id is not None]
        self.note = self.add_note("")
        if current:
            self.note.setText(
                "Their roles at "
                + ", ".join(dict.fromkeys(m.place for m in current))
                + " end the day before the move; their history stays with them."
            )
        self.setting_chooser = SearchChooser(
            search_settings(services, open_only=True), "Type part of the new setting's name or URN"
        )
        self.role_combo = role_combo(current=current[0].role if current else Role.DSL)
        self.on_edit = DayEdit(today)
        self.add_field("to_setting_id", "&To setting", self.setting_chooser, also=("setting_id",))
        self.add_field("role", "&Role there", self.role_combo)
        self.add_field("on", "&From", self.on_edit, also=("starts_on", "ends_on"))

    def save(self) -> MoveOutcome:
        """Make the move."""
        choice = chosen_or_refuse(self.setting_chooser, "to_setting_id")
        if choice is None:
            raise ValidationError("Choose the setting they are moving to", "to_setting_id")
        return self._services.directory.move(
            self.person.id, choice.id, self.role_combo.currentData(), self.on_edit.day
        )
