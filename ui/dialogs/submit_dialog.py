"""A dialog whose OK hands its values to a service call and stays open, explained, if refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget
from typing_extensions import override

from briefings.errors import DomainError
from ui.dialogs.field_errors import ErrorLabel, FieldErrors


class SubmitDialog(QDialog):
    """A form of rows over a banner; ``attempt()`` runs on OK and closes the dialog if it returns.

    Subclasses add rows with :meth:`add_row` and implement :meth:`attempt`; whatever it returns
    is kept in ``result_value``.
    """

    def __init__(self, heading: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self.result_value: Any = None
        banner = ErrorLabel()
        self.errors = FieldErrors(banner, self)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def add_row(self, label: str, widget: QWidget, *fields: str) -> None:
        """A labelled input that shows the errors for ``fields``."""
        self.form.addRow(label, self.errors.wrap(widget, *fields))

    def attempt(self) -> Any:
        """Make the change; raise DomainError to keep the dialog open with the reason shown."""
        raise NotImplementedError

    @override
    def accept(self) -> None:
        self.errors.clear()
        try:
            self.result_value = self.attempt()
        except DomainError as error:
            self.errors.show(error)
            return
        super().accept()
