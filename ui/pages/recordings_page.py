"""Recordings: every recording with its briefing, availability window and expiry state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from briefings.queries.recordings import RecordingAccessRow, RecordingRow
from briefings.recordings import RecordingFields
from briefings.services import Services
from ui.dialogs.give_link_dialog import GiveLinkDialog
from ui.dialogs.recording_dialog import RecordingDialog, recording_fields
from ui.display_text import count_text
from ui.itemmodels.recording_rows import STATE_WORDS, RecordingTableModel
from ui.link_opening import ask_to_open
from ui.pages.page import Page
from ui.pages.page_actions import page_action
from ui.pages.page_layout import list_and_detail, row, stacked
from ui.pages.recording_detail import RecordingDetail
from ui.undo.recording_commands import edit_recording
from ui.widgets.empty_state import Placeholder
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.row_table_view import RowTableView
from ui.widgets.search_field import SearchField


class RecordingsPage(Page):
    """Recordings on the left; the chosen one's link, passcode and hand-outs on the right.

    ``open_url`` opens a link in the browser; it runs only after the advisor has seen the host and
    said yes (tests replace it).
    """

    title = "Recordings"

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._undo_stack = undo_stack
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.search = SearchField("Search by briefing or host")
        self.state = FilterCombo("Any state")
        self.state.set_choices((words, state) for state, words in STATE_WORDS.items())
        self.count_label = QLabel()
        self.model = RecordingTableModel(self)
        self.table = RowTableView(self.model)
        self.table_state = Placeholder(self.table)
        self.detail = RecordingDetail(services)
        self.add_button = QPushButton("&Add recording…")
        self.edit_button = QPushButton("&Edit…")
        self._build_layout()
        self._add_actions()
        self._connect()
        self._enable()

    def _build_layout(self) -> None:
        list_and_detail(
            self,
            filters=row([self.search, self.state], stretch_first=True),
            listing=stacked(
                self.table_state, row([self.count_label, None, self.add_button, self.edit_button])
            ),
            detail=self.detail,
            sizes=(760, 520),
        )

    def _add_actions(self) -> None:
        self.add_action = page_action(self, "Add recording…", "Ctrl+N", self.add_recording)
        self.edit_action = page_action(self, "Edit recording…", "Ctrl+E", self.edit_recording)
        self.copy_action = page_action(self, "Copy link", "Ctrl+Shift+C", self.copy_link)
        self.passcode_action = page_action(self, "Show passcode", "Ctrl+Shift+P", self.detail.toggle_passcode)
        self.open_action = page_action(self, "Open in browser…", "Ctrl+Shift+O", self.open_in_browser)
        self.give_action = page_action(self, "Record who was given the link…", "Ctrl+Shift+G", self.give_link)
        page_action(self, "Find a recording", QKeySequence.StandardKey.Find, self.search.setFocus)
        page_action(self, "Reload recordings", QKeySequence.StandardKey.Refresh, self.refresh)

    def _connect(self) -> None:
        self.search.search_changed.connect(self._narrow)
        self.state.currentIndexChanged.connect(self._narrow)
        self.table.current_row_changed.connect(self._chosen)
        self.table.row_activated.connect(lambda _row: self.edit_recording())
        self.add_button.clicked.connect(self.add_recording)
        self.edit_button.clicked.connect(self.edit_recording)
        self.detail.copy_link_button.clicked.connect(self.copy_link)
        self.detail.open_button.clicked.connect(self.open_in_browser)
        self.detail.give_button.clicked.connect(self.give_link)
        self.detail.open_requested.connect(self.open_requested)
        self.detail.status_message.connect(self.status_message)

    @override
    def refresh(self) -> None:
        chosen = self.detail.recording
        self.model.set_recordings(self._services.recordings.search(), self._services.recordings.now())
        self._shown(chosen.id if chosen else None)
        self.loaded.emit()

    @override
    def open_item(self, kind: str, item_id: int) -> bool:
        if kind != "recording":
            return False
        if not self.model.total:
            self.refresh()
        if not self.table.select_where(lambda row: row.id == item_id):
            self.search.clear()
            self.state.setCurrentIndex(0)
            self._narrow()
            if not self.table.select_where(lambda row: row.id == item_id):
                self.status_message.emit(f"Recording {item_id} no longer exists.")
        return True

    def _narrow(self) -> None:
        chosen = self.detail.recording
        self.model.narrow(self.search.text(), self.state.value)
        self._shown(chosen.id if chosen else None)

    def _shown(self, chosen_id: int | None) -> None:
        self.count_label.setText(count_text(self.model.total, "recording"))
        if self.model.rows():
            self.table_state.show_content()
            self.table.fit_columns()
        elif self.model.total:
            self.table_state.show_message("No recordings match. Clear the search (Esc) or choose Any state.")
        else:
            self.table_state.show_message(
                "No recordings yet. After an online briefing, add its recording link with "
                "Add recording (Ctrl+N) so people who missed it can catch up."
            )
        if chosen_id is None or not self.table.select_where(lambda row: row.id == chosen_id):
            self.detail.show_recording(None, self._services.recordings.now())
        else:
            self.detail.show_recording(self.table.current_row(), self._services.recordings.now())
        self._enable()

    def _chosen(self, recording: RecordingRow | None) -> None:
        self.detail.show_recording(recording, self._services.recordings.now())
        self._enable()

    def _enable(self) -> None:
        recording = self.detail.recording
        for widget in (self.edit_button, self.edit_action, self.copy_action, self.open_action):
            widget.setEnabled(recording is not None)
        for widget in (self.detail.copy_link_button, self.detail.open_button):
            widget.setEnabled(recording is not None)
        self.passcode_action.setEnabled(recording is not None and recording.has_passcode)
        self.give_action.setEnabled(recording is not None and self.detail.give_button.isEnabled())

    def copy_link(self) -> None:
        """Put the chosen recording's link on the clipboard."""
        recording = self.detail.recording
        if recording is None:
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(recording.url)
        self.status_message.emit(f"Copied the link to {recording.host}")

    def open_in_browser(self) -> QMessageBox | None:
        """Show where the link goes and open it in the browser only if the advisor says so."""
        recording = self.detail.recording
        if recording is None:
            return None
        links = self._services.links
        return ask_to_open(
            self,
            lambda: links.recording_link(recording.id),
            f"the recording of {recording.briefing_title}",
            open_url=self.open_url,
            said=self.status_message.emit,
        )

    def add_recording(self) -> None:
        """Open the Add recording dialog."""
        dialog = RecordingDialog(self._services, None, self._services.recordings.now(), self)
        dialog.saved.connect(self._added)
        dialog.open()

    def edit_recording(self) -> None:
        """Open the Edit dialog for the chosen recording (its passcode is masked there)."""
        before = self.detail.recording
        if before is None:
            self.status_message.emit("Choose a recording to edit first.")
            return
        passcode = self._services.recordings.passcode(before.id)
        dialog = RecordingDialog(
            self._services, before, self._services.recordings.now(), self, passcode=passcode
        )
        dialog.saved.connect(
            lambda after: self._edited(recording_fields(before, passcode), dialog.fields(), after)
        )
        dialog.open()

    def give_link(self) -> None:
        """Note who the chosen recording's link went to."""
        recording = self.detail.recording
        if recording is None:
            return
        dialog = GiveLinkDialog(self._services, recording, self)
        dialog.saved.connect(self._given)
        dialog.open()

    def _added(self, recording: RecordingRow) -> None:
        self.detail.recording = recording
        self._changed(f"Added the recording of {recording.briefing_title}")

    def _edited(self, before: RecordingFields, after: RecordingFields, row: RecordingRow) -> None:
        command = edit_recording(
            self._services, row.id, title=row.briefing_title, before=before, after=after, report=self._changed
        )
        self._undo_stack.push(command)
        self._changed(f"Saved the recording of {row.briefing_title}")

    def _given(self, access: RecordingAccessRow) -> None:
        who = access.person_name or access.setting_name or "someone"
        self._changed(f"Noted that {who} was given the link")

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()
