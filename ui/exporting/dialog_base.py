"""What every export dialog shares: questions with refusals under them, a folder, and the run.

Pressing the run button checks the answers, then runs the export off the UI thread behind a
progress dialog with Cancel. The dialog stays open when the export is refused (an empty briefing,
no organiser email, a missing logo) and shows why, so the advisor can change an answer or fix the
cause; nothing is written then. Once files are written it closes and the result dialog opens.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefings.cli.context import CliError
from briefings.errors import DomainError
from briefings.services import Services
from exports.base import ExportError
from ui.dialogs.form_dialog import FieldMessage
from ui.exporting.arguments import ArgumentsRefusedError
from ui.exporting.folder_field import FIELD as FOLDER_FIELD
from ui.exporting.folder_field import FolderField
from ui.exporting.option_fields import OptionField
from ui.exporting.result_dialog import ExportResultDialog
from ui.exporting.run import ExportReport, ExportRun, ExportStep
from ui.workers import Worker, run_with_progress

logger = logging.getLogger(__name__)
CANCELLED = "Cancelled: nothing was written."
LATE_CANCEL = "The files were already written when Cancel was pressed, so they were kept."


class ExportDialogBase(QDialog):
    """Subclasses add their questions and say, in ``steps()``, what to run.

    Signals:
        written: the ExportReport, once files are on disk (the result dialog is then open).
        refused: the reason nothing was written (shown in the dialog too).
        cancelled: the advisor stopped the export before anything was written.
    """

    written = Signal(object)
    refused = Signal(str)
    cancelled = Signal()

    #: Several steps that may each refuse (invites for a series): the others still go ahead.
    partial = False

    def __init__(
        self,
        title: str,
        services: Services,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        run_label: str = "E&xport",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.worker: Worker | None = None
        self.result_dialog: ExportResultDialog | None = None
        self._run: ExportRun | None = None
        self._messages: dict[str, FieldMessage] = {}
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_message = FieldMessage(self)
        self.folder = FolderField(settings, parent=self)
        # The layout sets the dialog's least size (see below), so widths are asked of the fields.
        self.folder.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.run_button = QPushButton(run_label)
        self.run_button.setDefault(True)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows when a refusal appears under a field, rather than squeezing the rows.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.heading)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(self.form)
        layout.addWidget(self.general_message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ building
    def say_what(self, text: str) -> None:
        """A line at the top saying what is being exported."""
        self.heading.setText(text)
        self.heading.setVisible(bool(text))

    def add_row(self, label: str, widget: QWidget, names: tuple[str, ...] = ()) -> FieldMessage:
        """A labelled row with room under it for refusals naming any of ``names``."""
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = FieldMessage(holder)
        column.addWidget(message)
        if label:
            self.form.addRow(label, holder)
        else:
            self.form.addRow(holder)
        for name in names:
            self._messages[name] = message
        return message

    def add_option(self, field: OptionField) -> None:
        """An export option's row."""
        self.add_row(field.label + (":" if field.label else ""), field.widget, field.names)

    def add_folder_row(self) -> None:
        """The folder row (last, as people choose where once they know what)."""
        self.add_row("Save in:", self.folder, (FOLDER_FIELD,))

    def message_for(self, name: str) -> str:
        """The refusal shown under a field ("" if none), or above the buttons for ``""``."""
        return (self._messages.get(name, self.general_message) if name else self.general_message).text

    # ------------------------------------------------------------------ running
    def steps(self) -> list[ExportStep]:
        """What to run; raise DomainError (naming a field) or ArgumentsRefusedError to refuse."""
        raise NotImplementedError

    def progress_label(self) -> str:
        """What the progress dialog says."""
        return f"{self.windowTitle()}…"

    def start(self) -> None:
        """Check the answers and run the export in the background."""
        self.clear_errors()
        try:
            folder = self.folder.folder()
            steps = self.steps()
        except DomainError as error:
            self.show_refusal(error.message, error.field)
            return
        except ArgumentsRefusedError as error:
            self.show_refusal(str(error))
            return
        self._run = ExportRun(self.services, steps, folder, partial=self.partial)
        self.run_button.setEnabled(False)
        self.worker = run_with_progress(
            self,
            self.progress_label(),
            self._run,
            on_done=self._written,
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def show_refusal(self, text: str, field: str | None = None) -> None:
        """Show why nothing was written, under the field at fault or above the buttons."""
        message = self._messages.get(field or "", self.general_message)
        message.show_message(text)

    def clear_errors(self) -> None:
        """Hide every refusal."""
        self.general_message.clear()
        for message in self._messages.values():
            message.clear()

    def _written(self, report: ExportReport, *, late_cancel: bool = False) -> None:
        self.worker = None
        self.folder.remember(report.folder)
        if late_cancel:
            report = ExportReport(
                report.folder, report.written, report.skipped, report.notes, (*report.warnings, LATE_CANCEL)
            )
        owner = self.parentWidget() or self
        self.result_dialog = ExportResultDialog(self.windowTitle(), report, owner)
        self.result_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.written.emit(report)
        self.accept()
        self.result_dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.worker = None
        self.run_button.setEnabled(True)
        if self._run is not None and self._run.report is not None:
            # Written, then the follow-up broke: the files are real, so show them and the problem.
            report = self._run.report
            self._written(
                ExportReport(report.folder, report.written, report.skipped, report.notes, (str(error),))
            )
            return
        if isinstance(error, DomainError):
            text, field = error.message, error.field
        elif isinstance(error, (ExportError, CliError)):
            text, field = str(error), None
        else:
            logger.error("export failed: %s", getattr(error, "__traceback_text__", error))
            text, field = f"The export failed unexpectedly ({type(error).__name__}: {error}).", None
        self.show_refusal(text, field)
        self.refused.emit(text)

    def _cancelled(self) -> None:
        self.worker = None
        self.run_button.setEnabled(True)
        if self._run is not None and self._run.report is not None:
            self._written(self._run.report, late_cancel=True)
            return
        self.show_refusal(CANCELLED)
        self.cancelled.emit()
