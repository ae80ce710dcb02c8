"""One recording: its link and host, its window, the passcode on request, and who was given it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefings.errors import DomainError
from briefings.queries.recordings import RecordingAccessRow, RecordingRow
from briefings.services import Services
from ui.display_text import moment_text
from ui.itemmodels.recording_rows import STATE_WORDS, AccessTableModel
from ui.pages.history_tabs import Facts, HistoryTab, heading
from ui.widgets.empty_state import Placeholder
from ui.widgets.row_table_view import RowTableView

NOTHING_CHOSEN = "Choose a recording to see its link, passcode and who it was given to."
HIDDEN = "••••••••"


class RecordingDetail(Placeholder):
    """Shows one recording. The passcode is fetched only when the advisor presses Show passcode.

    Signals:
        open_requested: show the briefing (or a person) elsewhere.
        status_message: what just happened ("Passcode shown").
    """

    open_requested = Signal(str, int)
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._services = services
        self.recording: RecordingRow | None = None
        self.passcode_shown = False
        body = QWidget()
        super().__init__(body, parent)
        self.title = heading()
        self.facts = Facts(["Session", "Link", "Link goes to", "Available", "State", "Passcode", "Notes"])
        self.facts.values["Link"].setTextFormat(Qt.TextFormat.PlainText)  # never a clickable link
        self.show_passcode_button = QPushButton("Show &passcode")
        self.copy_link_button = QPushButton("&Copy link")
        self.open_button = QPushButton("&Open in browser…")
        self.give_button = QPushButton("&Record who was given the link…")
        self.briefing_button = QPushButton("Go to the &briefing")
        self.accesses = AccessTableModel(self)
        self.accesses_tab = HistoryTab(
            RowTableView(self.accesses), "The link has not been given to anyone yet."
        )
        self.accesses_tab.table.row_activated.connect(self._open_person)
        link_buttons = QHBoxLayout()
        for button in (
            self.show_passcode_button,
            self.copy_link_button,
            self.open_button,
            self.briefing_button,
        ):
            link_buttons.addWidget(button)
        link_buttons.addStretch(1)
        given = QHBoxLayout()
        given.addWidget(QLabel("Given to:"), 1)
        given.addWidget(self.give_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(link_buttons)
        layout.addLayout(given)
        layout.addWidget(self.accesses_tab, 1)
        self.show_passcode_button.clicked.connect(self.toggle_passcode)
        self.briefing_button.clicked.connect(self._open_briefing)
        self.show_message(NOTHING_CHOSEN)

    def show_recording(self, recording: RecordingRow | None, now: datetime) -> None:
        """Show this recording (None: nothing chosen); the passcode starts hidden again."""
        changed = recording is None or self.recording is None or recording.id != self.recording.id
        self.recording = recording
        if recording is None:
            self.show_message(NOTHING_CHOSEN)
            return
        if changed:
            self.passcode_shown = False
        state = recording.state(now)
        window = f"{moment_text(recording.available_from)} to {moment_text(recording.available_until)}"
        self.title.setText(f"Recording of {recording.briefing_title}")
        self.facts.show_values(
            {
                "Session": moment_text(recording.briefing_starts_at),
                "Link": recording.url,
                "Link goes to": recording.host,
                "Available": window,
                "State": STATE_WORDS[state],
                "Notes": recording.notes,
            }
        )
        self._show_passcode()
        self.give_button.setEnabled(state != "expired")
        self.give_button.setToolTip("The link has expired" if state == "expired" else "")
        accesses = self._services.recordings.accesses(recording.id)
        self.accesses.set_rows(accesses)
        self.accesses_tab.rows_shown(len(accesses))
        self.show_content()

    def toggle_passcode(self) -> None:
        """Show the passcode (asking the service for it) or hide it again."""
        if self.recording is None or not self.recording.has_passcode:
            return
        self.passcode_shown = not self.passcode_shown
        self._show_passcode()
        if self.passcode_shown:
            self.status_message.emit(f"Showing the passcode for {self.recording.briefing_title}")

    def _show_passcode(self) -> None:
        label = self.facts.values["Passcode"]
        recording = self.recording
        if recording is None or not recording.has_passcode:
            label.setText("None")
            self.show_passcode_button.setEnabled(False)
            self.show_passcode_button.setText("Show &passcode")
            return
        self.show_passcode_button.setEnabled(True)
        if not self.passcode_shown:
            label.setText(HIDDEN)
            self.show_passcode_button.setText("Show &passcode")
            return
        try:
            passcode = self._services.recordings.passcode(recording.id)
        except DomainError as error:
            passcode = error.message
        label.setText(passcode or "None")
        self.show_passcode_button.setText("Hide &passcode")

    def _open_briefing(self) -> None:
        if self.recording is not None:
            self.open_requested.emit("briefing", self.recording.briefing_id)

    def _open_person(self, access: RecordingAccessRow) -> None:
        if access.person_id is not None:
            self.open_requested.emit("person", access.person_id)
