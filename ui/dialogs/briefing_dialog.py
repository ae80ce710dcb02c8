"""New, Edit and Duplicate briefing: the form, submitted to the services, refusals shown in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from typing_extensions import override

from briefings.errors import DomainError
from briefings.queries.briefings import BriefingRow
from briefings.scheduling import BriefingFields
from ui.dialogs.briefing_form import BriefingChoices, BriefingForm
from ui.dialogs.field_errors import ErrorLabel, FieldErrors

Submit = Callable[[BriefingFields], BriefingRow]


class BriefingDialog(QDialog):
    """Edits a briefing's fields; OK hands them to ``submit`` and closes only if it succeeds.

    A refusal (``DomainError``) is shown next to the field it names and the dialog stays open
    with everything as typed; nothing was stored.
    """

    def __init__(
        self,
        choices: BriefingChoices,
        submit: Submit,
        *,
        heading: str,
        fields: BriefingFields | None = None,
        day: date | None = None,
        ok_text: str = "Save",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self._submit = submit
        self.result_row: BriefingRow | None = None
        banner = ErrorLabel()
        self.errors = FieldErrors(banner, self)
        self.form = BriefingForm(choices, self.errors)
        if fields is not None:
            self.form.set_fields(fields)
        elif day is not None:
            self.form.suggest(day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.focus_first()

    @override
    def accept(self) -> None:
        self.errors.clear()
        try:
            self.result_row = self._submit(self.form.fields())
        except DomainError as error:
            self.errors.show(error)
            return
        super().accept()
