"""File menu entries for keeping the data safe: back up, restore, backup settings, retention.

``add_storage_actions(window, services)`` is the main window's one line. Backing up runs off
the UI thread behind a progress dialog and says where the backup went; restoring goes through
:class:`~ui.dialogs.restore_dialog.RestoreDialog` and then clears the undo history (its steps
describe a database that is no longer there) and reloads every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from briefings.errors import DomainError, OperationCancelled
from briefings.privacy.retention import RetentionPreview
from briefings.services import Services
from briefings.services.backup_service import BackupRow
from briefings.storage.restoring import RestoreReport
from ui.dialogs.backup_settings_dialog import BackupSettingsDialog
from ui.dialogs.messages import tell
from ui.dialogs.restore_dialog import RestoreDialog
from ui.dialogs.retention_dialog import RetentionDialog
from ui.itemmodels.backup_rows import size_text
from ui.workers import Worker, run_with_progress

if TYPE_CHECKING:
    from ui.main_window import MainWindow

D = TypeVar("D", bound=QDialog)


class StorageActions(QObject):
    """The actions and what they do; the window owns this object."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self.worker: Worker | None = None
        self._dialog: QDialog | None = None
        self.back_up_action = self._action("&Back up now", self.back_up_now, "Ctrl+Shift+B")
        self.restore_action = self._action("&Restore from backup…", self.restore)
        self.settings_action = self._action("Backup se&ttings…", self.backup_settings)
        self.retention_action = self._action("Re&tention policy…", self.retention)
        self.retention_action.setStatusTip("How long personal details are kept, and removing what is older")

    def _action(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, menu: QMenu) -> None:
        """Put the actions in ``menu``, above its last entry (Quit) when it has one."""
        entries = menu.actions()
        before = entries[-1] if entries else None
        groups = [[self.back_up_action, self.restore_action, self.settings_action], [self.retention_action]]
        for group in groups:
            separator = QAction(self._window)
            separator.setSeparator(True)
            for action in [*group, separator]:
                if before is None:
                    menu.addAction(action)
                else:
                    menu.insertAction(before, action)

    # ------------------------------------------------------------------ backing up
    def back_up_now(self) -> Worker:
        """Take a backup behind a progress dialog that can stop it."""
        backups = self._services.backups

        def job(progress: Callable[[int, int], bool]) -> BackupRow:
            def step(done: int, total: int) -> None:
                if not progress(done, total):
                    raise OperationCancelled

            return backups.back_up_now(progress=step)

        self.worker = run_with_progress(
            self._window,
            "Backing up the database…",
            job,
            on_done=self._backed_up,
            on_error=lambda error: self._refused("No backup was taken", error),
            on_cancel=lambda: self._window.say("Stopped the backup"),
        )
        return self.worker

    def _backed_up(self, row: BackupRow) -> None:
        self._window.say(f"Backed up to {row.path} ({size_text(row.size)})")
        tell(
            self._window,
            "Backed up",
            f"The backup is in {row.path.parent}\nas {row.name} ({size_text(row.size)}).",
            warning=False,
        )

    # ------------------------------------------------------------------ restoring
    def restore(self) -> RestoreDialog | QMessageBox:
        """Open the Restore from backup dialog (refused, with the reason, when read-only)."""
        context = self._services.context
        if context.read_only:
            return tell(self._window, "Cannot restore", context.read_only_reason)
        try:
            folder = self._services.backups.settings().folder
        except DomainError as error:
            return tell(self._window, "Cannot restore", error.message)
        dialog = RestoreDialog(self._services.backups, folder, self._window)
        dialog.restored.connect(self._restored)
        return self._open(dialog)

    def _restored(self, report: RestoreReport) -> None:
        window = self._window
        window.undo_stack.clear()  # its steps describe the database before the restore
        for page in window.pages:
            page.refresh()
        window.say(report.sentence())
        tell(window, "Restored", report.sentence(), warning=False)

    # ------------------------------------------------------------------ settings and retention
    def backup_settings(self) -> QDialog:
        """Open the backup settings (folder and number kept)."""
        dialog = BackupSettingsDialog(self._services, self._window)
        dialog.saved.connect(
            lambda row: self._window.say(f"Backups now go to {row.folder}; keeping {row.keep} of each kind")
        )
        dialog.open()
        return dialog

    def retention(self) -> RetentionDialog:
        """Open the retention policy dialog."""
        dialog = RetentionDialog(self._services, self._window)
        dialog.applied.connect(self._retention_applied)
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        # Not deleted on close: the dialog owns a worker whose pool thread may still be returning
        # from run() when its answer arrives. The previous one goes once the next is opened.
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _retention_applied(self, done: RetentionPreview) -> None:
        self._window.undo_stack.clear()  # erased people and unlinked bookings cannot be undone into
        self._window.current_page().refresh()
        self._window.say(
            f"Applied the retention policy: {done.bookings:,} bookings anonymised, "
            f"{done.people:,} people erased"
        )

    def _refused(self, title: str, error: BaseException) -> None:
        tell(self._window, title, error.message if isinstance(error, DomainError) else str(error))


def add_storage_actions(window: MainWindow, services: Services) -> StorageActions:
    """Add Back up now, Restore from backup, Backup settings and Retention policy to the File menu."""
    actions = StorageActions(window, services)
    file_menu = next(
        (a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File" and a.menu()),
        None,
    )
    if not isinstance(file_menu, QMenu):
        file_menu = window.menuBar().addMenu("&File")
    actions.add_to(file_menu)
    return actions
