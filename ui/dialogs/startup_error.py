"""Why the database could not be opened at start-up, and the way out where there is one.

A damaged file, or one that is not a database, can be replaced by one of its backups right
here (the file as it is is kept aside first); once restored, the dialog says so and the app
opens the database. A file written by a newer version asks for the app to be updated, and
nothing is offered that would touch it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefings.storage.restoring import RestoreReport
from ui.dialogs.restore_dialog import RestoreDialog, RestoreSource


class StartupErrorDialog(QDialog):
    """The refusal, with Restore from a backup (where it can help) and Quit.

    ``report`` holds the restore's report once a backup is in place; the dialog is then
    accepted with Open Briefing Desk.
    """

    def __init__(
        self,
        title: str,
        message: str,
        *,
        restore: RestoreSource | None = None,
        folder: Path | None = None,
        update_app: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._restore = restore
        self._folder = folder
        self.report: RestoreReport | None = None
        self.restore_dialog: RestoreDialog | None = None
        icon = QLabel()
        # A newer version's file is sound, just not for this version: a warning, not an error.
        which = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if update_app
            else QStyle.StandardPixmap.SP_MessageBoxCritical
        )
        icon.setPixmap(self.style().standardIcon(which).pixmap(48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = _label(_heading(restore is not None, update_app), bold=True)
        self.message = _label(message + _advice(restore is not None, update_app))
        self.buttons = QDialogButtonBox()
        self.restore_button = self._restore_button() if restore is not None else None
        self.quit_button = self.buttons.addButton("&Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button = self.buttons.addButton(
            "&Open Briefing Desk", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.message, 1)
        body = QHBoxLayout()
        body.addWidget(icon)
        body.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def _restore_button(self) -> QPushButton:
        button = QPushButton("&Restore from a backup…")
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(self.choose_backup)
        button.setDefault(True)
        return button

    def choose_backup(self) -> RestoreDialog | None:
        """Open the list of backups."""
        if self._restore is None:
            return None
        dialog = RestoreDialog(self._restore, self._folder or Path.home(), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.restored.connect(self._restored)
        dialog.open()
        self.restore_dialog = dialog
        return dialog

    def _restored(self, report: RestoreReport) -> None:
        self.report = report
        self.heading.setText("The backup is back in place")
        self.message.setText(report.sentence() + " Briefing Desk opens it now.")
        if self.restore_button is not None:
            self.restore_button.hide()
        self.quit_button.hide()
        self.open_button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()


def _label(text: str, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths and error text, never markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
    return label


def _heading(can_restore: bool, update_app: bool) -> str:
    if update_app:
        return "This database needs a newer version of Briefing Desk"
    if can_restore:
        return "The database is damaged or is not a Briefing Desk database"
    return "Briefing Desk cannot open the database"


def _advice(can_restore: bool, update_app: bool) -> str:
    if can_restore and not update_app:
        return (
            "\n\nRestore from a backup puts one of its backups in its place; "
            "the file as it is now is kept aside first, so nothing is lost."
        )
    return ""


def show_startup_error(
    title: str,
    message: str,
    *,
    restore: RestoreSource | None = None,
    folder: Path | None = None,
    update_app: bool = False,
) -> bool:
    """Explain why the database was refused; True once a backup was restored (open it again)."""
    dialog = StartupErrorDialog(title, message, restore=restore, folder=folder, update_app=update_app)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return accepted and dialog.report is not None
