"""A briefing's joining link: opened only after the host is shown, its passcode shown only on request."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from briefings.errors import DomainError
from briefings.services import Services
from ui.link_opening import UrlOpener, ask_to_open

HIDDEN = "••••••"


class JoinLinkBar(QWidget):
    """Open joining link… and Show passcode, for the briefing shown.

    ``open_url`` opens a checked link in the browser (tests replace it).

    Signals:
        said: a line for the status bar.
    """

    said = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._briefing_id: int | None = None
        self._title = ""
        self.open_url: UrlOpener | None = None
        self.open_button = QPushButton("Open &joining link…")
        self.open_button.clicked.connect(self.open_link)
        self.passcode_button = QPushButton("Show pass&code")
        self.passcode_button.clicked.connect(self.toggle_passcode)
        self.passcode = QLabel()
        self.passcode.setAccessibleName("Passcode")
        self.passcode.setTextFormat(Qt.TextFormat.PlainText)
        self.passcode.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.open_button, self.passcode_button, self.passcode):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_briefing(self, briefing_id: int, title: str, *, has_passcode: bool) -> None:
        """Offer the briefing's link; its passcode starts hidden."""
        self._briefing_id = briefing_id
        self._title = title
        self.passcode.setText(HIDDEN if has_passcode else "")
        self.passcode_button.setText("Show pass&code")
        self.passcode_button.setVisible(has_passcode)

    @property
    def passcode_shown(self) -> bool:
        """Whether the passcode is on show."""
        return self.passcode.text() not in (HIDDEN, "")

    def open_link(self) -> QMessageBox | None:
        """Show the host and open the link in the browser only if the advisor agrees."""
        briefing_id = self._briefing_id
        if briefing_id is None:
            return None
        links = self._services.links
        return ask_to_open(
            self,
            lambda: links.join_link(briefing_id),
            f"the joining link for {self._title}",
            open_url=self.open_url,
            said=self.said.emit,
        )

    def toggle_passcode(self) -> None:
        """Fetch and show the passcode (only now is it read), or hide it again."""
        if self._briefing_id is None:
            return
        if self.passcode_shown:
            self.passcode.setText(HIDDEN)
            self.passcode_button.setText("Show pass&code")
            return
        try:
            passcode = self._services.links.join_passcode(self._briefing_id)
        except DomainError as error:
            self.said.emit(error.message)
            return
        self.passcode.setText(passcode or "(none)")
        self.passcode_button.setText("Hide pass&code")
        self.said.emit(f"Showing the passcode for {self._title}")
