"""Note who a recording's link was given to (a person, a setting, or both)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from briefings.queries.recordings import RecordingAccessRow, RecordingRow
from briefings.services import Services
from ui.dialogs.choices import search_people, search_settings
from ui.dialogs.form_dialog import FormDialog
from ui.widgets.search_chooser import SearchChooser, chosen_or_refuse


class GiveLinkDialog(FormDialog):
    """Who was given the link; ``saved`` carries the access row."""

    def __init__(self, services: Services, recording: RecordingRow, parent: QWidget | None = None) -> None:
        super().__init__("Record who was given the link", parent, save_label="Record")
        self._services = services
        self.recording = recording
        self.add_note(f"The recording of {recording.briefing_title} (link to {recording.host}).")
        self.person_chooser = SearchChooser(search_people(services), "Type their name or email")
        self.setting_chooser = SearchChooser(search_settings(services), "Or a setting: type its name or URN")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Missed the session; asked by email…")
        self.add_field("person_id", "&Person", self.person_chooser)
        self.add_field("setting_id", "&Setting", self.setting_chooser)
        self.add_field("note", "&Note", self.note_edit, also=("recording_id",))

    def save(self) -> RecordingAccessRow:
        """Record the hand-out."""
        person = chosen_or_refuse(self.person_chooser, "person_id")
        setting = chosen_or_refuse(self.setting_chooser, "setting_id")
        return self._services.recordings.give(
            self.recording.id,
            person_id=person.id if person else None,
            setting_id=setting.id if setting else None,
            note=self.note_edit.text(),
        )
