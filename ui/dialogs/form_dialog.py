"""A dialog of labelled fields that saves through a service and shows refusals next to the field.

Subclasses add fields with ``add_field(name, label, widget)`` using the domain's field names, and
implement ``save()`` to call the service. A ``DomainError`` naming a field is shown under that
field (and focuses it); one naming no known field is shown above the form. Nothing is stored
unless the service call succeeds, and the dialog stays open so the advisor can correct it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefings.errors import DomainError


class FieldMessage(QWidget):
    """Why a field was refused: the style's warning icon and a sentence, hidden until needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Problem")
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        self.hide()

    @property
    def text(self) -> str:
        """The message shown ("" when hidden)."""
        return self.label.text() if not self.isHidden() else ""

    def show_message(self, text: str) -> None:
        """Show why the field was refused."""
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        """Hide the message."""
        self.label.clear()
        self.hide()


class FormDialog(QDialog):
    """Fields, a Save and a Cancel button, and refusals shown where they belong.

    Signals:
        saved: the row the service returned, once ``save()`` succeeded.
    """

    saved = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None, *, save_label: str = "Save") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_message = FieldMessage(self)
        self._messages: dict[str, FieldMessage] = {}
        self._widgets: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(save_label)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_message)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: QWidget, *, also: Iterable[str] = ()) -> None:
        """A labelled row whose refusals (for ``name`` and any ``also`` names) show beneath it."""
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = FieldMessage(holder)
        column.addWidget(message)
        self.form.addRow(label, holder)
        for key in (name, *also):
            self._messages[key] = message
            self._widgets[key] = widget

    def add_note(self, text: str) -> QLabel:
        """A line of explanation across the form."""
        note = QLabel(text)
        note.setWordWrap(True)
        self.form.addRow(note)
        return note

    def message_for(self, name: str) -> str:
        """The refusal shown for a field ("" if none), or above the form for ``""``."""
        message = self._messages.get(name, self.general_message) if name else self.general_message
        return message.text

    def save(self) -> object:
        """Call the service with the fields' values and return its row; raise DomainError to refuse."""
        raise NotImplementedError

    def show_error(self, error: DomainError) -> None:
        """Show a refusal next to its field (or above the form) and put the cursor there."""
        message = self._messages.get(error.field or "", self.general_message)
        message.show_message(error.message)
        widget = self._widgets.get(error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._make_room()

    def _make_room(self) -> None:
        # A message that wraps needs more height than the dialog had; grow, never shrink.
        layout = self.layout()
        if layout is not None:
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def clear_errors(self) -> None:
        """Hide every refusal."""
        self.general_message.clear()
        for message in self._messages.values():
            message.clear()

    def _save(self) -> None:
        self.clear_errors()
        try:
            row = self.save()
        except DomainError as error:
            self.show_error(error)
            return
        self.saved.emit(row)
        self.accept()
