"""What a view shows instead of being empty: what is missing and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """An optional heading and one sentence saying what to do next, centred."""

    def __init__(self, heading: str = "", advice: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.heading, self.advice):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addStretch(2)
        self.say(heading, advice)

    def say(self, heading: str, advice: str = "") -> None:
        """Change the message (an empty heading is hidden)."""
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.advice.setText(advice)

    def text(self) -> str:
        """Heading and advice, as one string (for tests and screen readers)."""
        return f"{self.heading.text()} {self.advice.text()}".strip()


class Stack(QStackedWidget):
    """A content widget that gives way to an :class:`EmptyState` when there is nothing to show."""

    def __init__(self, content: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.empty = empty
        self.addWidget(content)
        self.addWidget(empty)

    def show_empty(self, empty: bool) -> None:
        """Show the empty state (True) or the content (False)."""
        self.setCurrentWidget(self.empty if empty else self.content)

    def is_empty_shown(self) -> bool:
        """Whether the empty state is showing."""
        return self.currentWidget() is self.empty


class Placeholder(Stack):
    """A :class:`Stack` whose empty state is one sentence, set when it is shown."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(content, EmptyState(), parent)

    @property
    def showing_message(self) -> bool:
        """Whether the sentence is shown instead of the content."""
        return self.is_empty_shown()

    @property
    def message(self) -> QLabel:
        """The label holding the sentence."""
        return self.empty.advice

    def show_message(self, text: str) -> None:
        """Say what to do next instead of showing an empty view."""
        self.empty.say("", text)
        self.show_empty(True)

    def show_content(self) -> None:
        """Show the content again."""
        self.show_empty(False)
