"""Add a recording's link to a briefing, or correct one; only https links are accepted."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from briefings.errors import ValidationError
from briefings.queries.recordings import RecordingRow
from briefings.recordings import DEFAULT_AVAILABILITY, RecordingFields
from briefings.services import Services
from briefings.vocabulary import BriefingStatus
from ui.dialogs.choices import search_briefings
from ui.dialogs.form_dialog import FormDialog
from ui.display_text import moment_text
from ui.widgets.day_edit import LondonDateTimeEdit
from ui.widgets.search_chooser import SearchChooser, chosen_or_refuse
from ui.widgets.secret_field import secret_field


def recording_fields(recording: RecordingRow, passcode: str | None) -> RecordingFields:
    """A recording's fields as they stand (for an edit's undo); the passcode is asked for separately."""
    return RecordingFields(
        url=recording.url,
        passcode=passcode,
        available_from=recording.available_from,
        available_until=recording.available_until,
        notes=recording.notes,
    )


class RecordingDialog(FormDialog):
    """Briefing, link, passcode, availability window and notes; ``saved`` carries the stored row."""

    def __init__(
        self,
        services: Services,
        recording: RecordingRow | None,
        now: datetime,
        parent: QWidget | None = None,
        *,
        passcode: str | None = None,
    ) -> None:
        super().__init__(
            "Edit recording" if recording else "Add a recording",
            parent,
            save_label="Save" if recording else "Add recording",
        )
        self._services = services
        self.recording = recording
        self.briefing_chooser = SearchChooser(
            search_briefings(services, keep=lambda b: b.status is not BriefingStatus.CANCELLED),
            "Type part of the briefing's title or topic",
        )
        self.url_edit = QLineEdit(recording.url if recording else "")
        self.url_edit.setPlaceholderText("https://…")
        self.passcode_edit = secret_field(passcode or "")
        self.usual_window = QCheckBox(
            f"The usual window: from the session's end for {DEFAULT_AVAILABILITY.days} days"
        )
        self.usual_window.setChecked(recording is None)
        self.available_from_edit = LondonDateTimeEdit(recording.available_from if recording else now)
        self.available_until_edit = LondonDateTimeEdit(
            recording.available_until if recording else now + DEFAULT_AVAILABILITY
        )
        self.notes_edit = QPlainTextEdit(recording.notes or "" if recording else "")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 3)
        if recording is None:
            self.add_field("briefing_id", "&Briefing", self.briefing_chooser)
        else:
            self.briefing_chooser.setParent(self)
            self.briefing_chooser.hide()
            self.form.addRow(
                "Briefing", QLabel(f"{recording.briefing_title}, {moment_text(recording.briefing_starts_at)}")
            )
        self.add_field("url", "&Link", self.url_edit)
        self.add_field("passcode", "&Passcode", self.passcode_edit)
        self.form.addRow("", self.usual_window)
        self.add_field("available_from", "Available &from", self.available_from_edit)
        self.add_field("available_until", "Available &until", self.available_until_edit)
        self.add_field("notes", "N&otes", self.notes_edit)
        self.usual_window.toggled.connect(self._window_changed)
        self._window_changed()

    def _window_changed(self) -> None:
        custom = not self.usual_window.isChecked()
        self.available_from_edit.setEnabled(custom)
        self.available_until_edit.setEnabled(custom)

    def fields(self) -> RecordingFields:
        """What the form says (no window means the usual one)."""
        custom = not self.usual_window.isChecked()
        return RecordingFields(
            url=self.url_edit.text(),
            passcode=self.passcode_edit.text(),
            available_from=self.available_from_edit.moment if custom else None,
            available_until=self.available_until_edit.moment if custom else None,
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> RecordingRow:
        """Keep the recording, or store the corrections."""
        recordings = self._services.recordings
        if self.recording is not None:
            return recordings.update(self.recording.id, self.fields())
        briefing = chosen_or_refuse(self.briefing_chooser, "briefing_id")
        if briefing is None:
            raise ValidationError("Choose the briefing this is a recording of", "briefing_id")
        return recordings.attach(briefing.id, self.fields())
