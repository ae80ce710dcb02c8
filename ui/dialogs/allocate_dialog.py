"""Give seats from a pool to a setting or a named person; the pool refuses more than it has left."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from briefings.licensing import MAX_SEATS
from briefings.queries.licences import AllocationRow, PoolRow
from briefings.services import Services
from ui.dialogs.choices import search_people, search_settings
from ui.dialogs.form_dialog import FormDialog
from ui.display_text import day_text
from ui.widgets.day_edit import DayEdit
from ui.widgets.search_chooser import Choice, SearchChooser, chosen_or_refuse


class AllocateDialog(FormDialog):
    """Who gets how many seats, from when, until when; ``saved`` carries the allocation."""

    def __init__(
        self,
        services: Services,
        pool: PoolRow,
        today: date,
        parent: QWidget | None = None,
        *,
        setting: Choice | None = None,
    ) -> None:
        super().__init__(f"Allocate seats from {pool.product}", parent, save_label="Allocate")
        self._services = services
        self.pool = pool
        self.left_note = self.add_note(
            f"{pool.left:,} of {pool.seats:,} seats left; the pool runs until {day_text(pool.valid_until)}."
        )
        self.setting_chooser = SearchChooser(
            search_settings(services, open_only=True), "Type part of a setting's name or URN"
        )
        self.setting_chooser.set_choice(setting)
        self.person_chooser = SearchChooser(
            search_people(services), "Optional: a named person (type their name)"
        )
        self.seats_spin = QSpinBox()
        # Not capped at the seats left: the pool itself refuses, and says how many remain.
        self.seats_spin.setRange(1, MAX_SEATS)
        self.seats_spin.setGroupSeparatorShown(True)
        self.allocated_on_edit = DayEdit(today)
        self.expires_on_edit = DayEdit(pool.valid_until)
        self.notes_edit = QLineEdit()
        self.add_field("setting_id", "&Setting", self.setting_chooser)
        self.add_field("person_id", "Named &person", self.person_chooser)
        self.add_field("seats", "S&eats", self.seats_spin)
        self.add_field("allocated_on", "&Given on", self.allocated_on_edit)
        self.add_field("expires_on", "E&xpires on", self.expires_on_edit)
        self.add_field("notes", "N&otes", self.notes_edit)

    def save(self) -> AllocationRow:
        """Allocate the seats."""
        setting = chosen_or_refuse(self.setting_chooser, "setting_id")
        person = chosen_or_refuse(self.person_chooser, "person_id")
        return self._services.licences.allocate(
            self.pool.id,
            self.seats_spin.value(),
            setting_id=setting.id if setting else None,
            person_id=person.id if person else None,
            on=self.allocated_on_edit.day,
            expires_on=self.expires_on_edit.day,
            notes=self.notes_edit.text(),
        )
