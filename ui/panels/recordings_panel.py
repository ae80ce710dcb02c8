"""A briefing's recordings: the link's host shown, passcode hidden until asked, opened only on request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefings.errors import DomainError
from briefings.queries.recordings import RecordingRow
from briefings.services import Services
from ui.dialogs.messages import tell
from ui.formatting import day_text
from ui.link_opening import ask_to_open
from ui.widgets.empty_state import EmptyState, Stack

HIDDEN = "••••••"


class RecordingsPanel(QWidget):
    """Recordings of one briefing, with Copy link, Show passcode and Open in browser.

    Signals:
        said: a line for the status bar.
    """

    said = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[RecordingRow] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Link goes to", "Available", "Passcode", "Given to", "Notes"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.copy_button = self._button("&Copy link", self.copy_link)
        self.passcode_button = self._button("Show &passcode", self.show_passcode)
        self.open_button = self._button("&Open in browser…", self.open_in_browser)
        self.empty = EmptyState(
            "No recording yet",
            "Add the recording's https link on the Recordings page once the session has been recorded.",
        )
        self.stack = Stack(self.tree, self.empty)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.passcode_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        note = QLabel("Links open only when you ask, after you have seen where they go.")
        note.setWordWrap(True)
        layout.addWidget(note)
        self._update_buttons()

    @staticmethod
    def _button(text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def show_recordings(self, rows: Sequence[RecordingRow], now: datetime) -> None:
        """List the recordings (passcodes hidden)."""
        self._rows = list(rows)
        self.tree.clear()
        for row in rows:
            window = f"{day_text(row.available_from.date())} to {day_text(row.available_until.date())}"
            item = QTreeWidgetItem(
                [
                    row.host,
                    f"{row.state(now).capitalize()} · {window}",
                    HIDDEN if row.has_passcode else "(none)",
                    str(row.given_to),
                    row.notes or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(0, "The full link stays hidden until you copy or open it")
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.stack.show_empty(not rows)
        self._update_buttons()

    def selected(self) -> RecordingRow | None:
        """The recording chosen in the list."""
        item = self.tree.currentItem()
        if item is None:
            return None
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self._rows if r.id == wanted), None)

    def copy_link(self) -> None:
        """Put the link on the clipboard."""
        row = self.selected()
        if row is not None:
            QGuiApplication.clipboard().setText(row.url)
            self.said.emit(f"Copied the link to {row.host}")

    def show_passcode(self) -> None:
        """Fetch and show the passcode (only now is it read from the database)."""
        row = self.selected()
        item = self.tree.currentItem()
        if row is None or item is None:
            return
        try:
            passcode = self._services.recordings.passcode(row.id)
        except DomainError as error:
            tell(self, "Passcode not shown", error.message)
            return
        item.setText(2, passcode or "(none)")
        self.said.emit("Passcode shown")

    def open_in_browser(self) -> QMessageBox | None:
        """Say where the link goes and open it only if the advisor agrees."""
        row = self.selected()
        if row is None:
            return None
        links = self._services.links
        return ask_to_open(
            self,
            lambda: links.recording_link(row.id),
            f"the recording of {row.briefing_title}",
            said=self.said.emit,
        )

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.copy_button, self.open_button):
            button.setEnabled(row is not None)
        self.passcode_button.setEnabled(row is not None and row.has_passcode)
