"""Service refusals shown next to the field they name (``DomainError.field``).

A form wraps each input with :meth:`FieldErrors.wrap`, which puts a hidden message line under
it; :meth:`FieldErrors.show` fills the line for the error's field (or the banner at the top
when no input matches), moves the focus there and leaves everything the user typed in place.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from briefings.errors import DomainError
from ui.colours import error_colour


class ErrorLabel(QLabel):
    """A message line in the palette's error colour, hidden until it has something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)
        self._recolouring = False
        self._recolour()

    def say(self, message: str) -> None:
        """Show ``message`` (an empty message hides the line)."""
        self.setText(message)
        self.setVisible(bool(message))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and not self._recolouring:
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour(palette))
        # Our own setPalette sends a PaletteChange too; only the system's should recolour.
        self._recolouring = True
        try:
            self.setPalette(palette)
        finally:
            self._recolouring = False


class FieldErrors(QObject):
    """The error lines of one form, keyed by the service's field names."""

    def __init__(self, banner: ErrorLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._banner = banner
        self._lines: dict[str, ErrorLabel] = {}
        self._inputs: dict[str, QWidget] = {}

    def wrap(self, widget: QWidget, *fields: str) -> QWidget:
        """``widget`` with an error line under it, answering for each of ``fields``."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        line = ErrorLabel(box)
        layout.addWidget(line)
        for field in fields:
            self._lines[field] = line
            self._inputs[field] = widget
        return box

    def alias(self, field: str, same_as: str) -> None:
        """Let ``field`` show where ``same_as`` does (``starts_at`` on the date row, say)."""
        self._lines[field] = self._lines[same_as]
        self._inputs[field] = self._inputs[same_as]

    def clear(self) -> None:
        """Hide every message."""
        self._banner.say("")
        for line in self._lines.values():
            line.say("")
        for widget in self._inputs.values():
            widget.setAccessibleDescription("")

    def show(self, error: DomainError) -> None:
        """Show ``error`` next to its field, or in the banner; focus the input at fault."""
        self.clear()
        line = self._lines.get(error.field or "")
        if line is None:
            self._banner.say(error.message)
            return
        line.say(error.message)
        widget = self._inputs[error.field or ""]
        widget.setFocus()
        widget.setAccessibleDescription(error.message)

    def message_for(self, field: str) -> str:
        """The message showing for ``field`` (empty when none): what tests and screen readers read."""
        line = self._lines.get(field)
        return line.text() if line is not None and not line.isHidden() else ""

    def banner_message(self) -> str:
        """The message in the banner, if any."""
        return self._banner.text() if not self._banner.isHidden() else ""

    def fields(self) -> Iterable[str]:
        """Every field name this form can show a message for."""
        return self._lines.keys()
