"""A view that says what to do next when it has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget


class EmptyState(QStackedWidget):
    """Shows ``content`` or, when there is nothing in it, a sentence in its place."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addWidget(content)
        self.addWidget(self.message)

    @property
    def showing_message(self) -> bool:
        """Whether the sentence is shown instead of the content."""
        return self.currentWidget() is self.message

    def show_message(self, text: str) -> None:
        """Say what to do next instead of showing an empty view."""
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def show_content(self) -> None:
        """Show the content again."""
        self.setCurrentWidget(self.content)
