"""Restore from a backup: the backups listed, the chosen one checked, a plain question, then the restore.

Used twice: from File ▸ Restore from backup (``services.backups``, over the open database) and
from the start-up error dialog (a ``DatabaseFileRestore`` over a database too damaged to open).
Both answer the :class:`RestoreSource` protocol. The current database is always kept aside
before anything is replaced, and the dialog says where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefings.errors import DomainError, OperationCancelled
from briefings.services.backup_service import BackupCheck, BackupRow
from briefings.storage.restoring import RestoreReport
from ui.background_load import LatestLoad
from ui.dialogs.field_errors import ErrorLabel
from ui.dialogs.messages import ask
from ui.display_text import moment_text
from ui.itemmodels.backup_rows import BackupTableModel, kind_text, size_text
from ui.widgets.empty_state import Placeholder
from ui.widgets.row_table_view import RowTableView
from ui.workers import Worker, run_with_progress

Progress = Callable[[int, int], None]


class RestoreSource(Protocol):
    """Where the backups come from and what restores one."""

    def backups(self) -> list[BackupRow]:
        """The backups, newest first."""
        ...

    def check(self, path: Path) -> BackupCheck:
        """Check a file before restoring it; a DomainError says what is wrong."""
        ...

    def restore(self, path: Path, progress: Progress | None = None) -> RestoreReport:
        """Put the backup in place of the database, keeping the current one aside first."""
        ...


class RestoreDialog(QDialog):
    """Choose a backup (or any backup file), see it checked, confirm, restore.

    Signals:
        restored: the RestoreReport once the backup is in place.
    """

    restored = Signal(object)

    def __init__(self, source: RestoreSource, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 120)
        self.resize(self.minimumWidth(), self.fontMetrics().height() * 26)
        self._source = source
        self._folder = folder
        self.chosen: Path | None = None
        self.checked: BackupCheck | None = None
        self.worker: Worker | None = None
        self._checks = LatestLoad(self)
        self._checks.failed.connect(self._check_failed)
        intro = QLabel(
            f"Backups in {folder}, newest first. Choose the one to put in place of the database: "
            "it is checked first, and the database as it is now is kept aside in that folder "
            "before anything is replaced."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = BackupTableModel(self)
        self.table = RowTableView(self.model)
        self.table_state = Placeholder(self.table)
        self.status = QLabel("Choose a backup.")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLabel()
        self.choose_button = QPushButton("Choose another &file…")
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table_state, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.table.current_row_changed.connect(self._row_chosen)
        self.choose_button.clicked.connect(self.choose_file)
        self.restore_button.clicked.connect(self.confirm)
        self.reload()

    @property
    def checking(self) -> bool:
        """Whether a check is still running."""
        return self._checks.busy

    def reload(self) -> None:
        """List the backups again."""
        try:
            rows = self._source.backups()
        except DomainError as error:
            rows = []
            self.error.say(error.message)
        self.model.set_rows(rows)
        if rows:
            self.table_state.show_content()
            self.table.fit_columns()
        else:
            self.table_state.show_message(
                f"No backups in {self._folder}. Choose a backup file kept somewhere else with "
                "“Choose another file”."
            )

    def choose(self, path: Path) -> None:
        """Check ``path`` as the backup to restore (Restore is offered once it passes)."""
        self.chosen = path
        self.checked = None
        self.restore_button.setEnabled(False)
        self.error.say("")
        self.status.setText(f"Checking {path.name}…")
        source = self._source
        self._checks.run(lambda: source.check(path), self._check_passed)

    def _row_chosen(self, row: BackupRow | None) -> None:
        if row is not None:
            self.choose(row.path)

    def choose_file(self) -> QFileDialog:
        """Pick a backup file from anywhere (a USB stick, a synced folder)."""
        dialog = QFileDialog(self, "Choose a backup to restore", str(self._folder))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(["Briefing Desk backups (*.sqlite3 *.db)", "Any file (*)"])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.open()
        return dialog

    def _file_chosen(self, name: str) -> None:
        self.table.clearSelection()
        self.choose(Path(name))

    def _check_passed(self, checked: BackupCheck) -> None:
        self.checked = checked
        upgrade = (
            " It was made by an older version and is brought up to date after restoring."
            if checked.needs_upgrade
            else ""
        )
        self.status.setText(
            f"✔ Checked: {checked.path.name} is a sound backup ({size_text(checked.size)}).{upgrade}"
        )
        self.restore_button.setEnabled(True)
        self.restore_button.setDefault(True)

    def _check_failed(self, message: str) -> None:
        self.checked = None
        self.status.setText("✘ This file cannot be restored.")
        self.error.say(message)
        self.restore_button.setEnabled(False)

    def question(self) -> str:
        """What is asked before restoring the checked backup."""
        assert self.checked is not None  # noqa: S101 - Restore is only offered once a check passed
        path = self.checked.path
        row = next((r for r in self.model.rows() if r.path == path), None)
        taken = f"taken {moment_text(row.taken_at)} ({kind_text(row.kind).lower()}, " if row else "("
        return (
            f"Put {path.name} {taken}{size_text(self.checked.size)}) in place of the database?\n\n"
            f"The database as it is now is kept aside in {self._folder} first, so you can go back "
            "to it by restoring that copy. Anything changed since this backup was taken will not "
            "be in the restored database."
        )

    def confirm(self) -> QMessageBox | None:
        """Ask, then restore."""
        if self.checked is None:
            return None
        return ask(self, "Restore this backup?", self.question(), "Restore", self.restore)

    def restore(self) -> None:
        """Restore the checked backup behind a progress dialog (it cannot be stopped halfway)."""
        if self.checked is None:
            return
        path, source = self.checked.path, self._source

        def job(progress: Callable[[int, int], bool]) -> RestoreReport:
            def step(done: int, total: int) -> None:
                progress(done, total)

            return source.restore(path, step)

        self.setEnabled(False)
        self.worker = run_with_progress(
            self,
            f"Restoring {path.name}…",
            job,
            on_done=self._restored,
            on_error=self._failed,
            cancellable=False,
        )

    def _restored(self, report: RestoreReport) -> None:
        self.setEnabled(True)
        self.restored.emit(report)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        if isinstance(error, OperationCancelled):  # pragma: no cover - the dialog offers no Cancel
            return
        self.status.setText("Nothing was restored.")
        self.error.say(error.message if isinstance(error, DomainError) else f"The restore failed: {error}")
