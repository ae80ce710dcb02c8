"""When the database cannot be opened: what to advise, and restoring a backup over the closed file.

The composition root catches the refusal from ``open_for_use`` and asks ``startup_problem`` what
to tell the advisor. A damaged file, or one that is not a database at all, can be replaced by
one of its backups; the ``DatabaseFileRestore`` this offers lists them, checks the chosen one
and restores it with no copy of the app holding the database (which is why it is not a
:class:`~briefings.services.base.Service`: there are no sessions to share).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from briefings.clock import Clock, system_clock
from briefings.services.backup_service import BackupCheck, BackupRow
from briefings.services.base import operating_system_user
from briefings.storage.backups import as_domain_errors
from briefings.storage.restoring import RestoreReport, database_file_and_backup_folder, restore_database_file
from models.backup import Progress, list_backups
from models.restore import check_database_file
from models.schema import DamagedDatabaseError, DatabaseTooNewError, NotADatabaseError


class StartupAdvice(StrEnum):
    """What the start-up error dialog offers besides quitting."""

    RESTORE = "restore"  # damaged, or not a database: put a backup in its place
    UPDATE = "update"  # a newer version of the app wrote it: update the app
    NONE = "none"  # another program's file, a folder that cannot be read, a failed upgrade backup


class DatabaseFileRestore:
    """Backups of a database that is not open, and restoring one of them over it."""

    def __init__(self, url: str | None, *, clock: Clock = system_clock, actor: str | None = None) -> None:
        found = database_file_and_backup_folder(url)
        if found is None:
            raise ValueError("only a database kept in a file can be restored from a backup")
        self._url = url
        self._clock = clock
        self._actor = actor or operating_system_user()
        self.database, self.folder = found

    def backups(self) -> list[BackupRow]:
        """The database's backups in its backup folder, newest first."""
        return [BackupRow.of(b) for b in list_backups(self.folder, self.database.stem)]

    def check(self, path: Path) -> BackupCheck:
        """Check a backup before restoring it (ValidationError says what is wrong with it)."""
        with as_domain_errors("path"):
            checked = check_database_file(path)
        return BackupCheck(checked.path, checked.revision, not checked.current, checked.size)

    def restore(self, path: Path, progress: Progress | None = None) -> RestoreReport:
        """Restore ``path`` over the database, keeping what is there aside first.

        Raises:
            ReadOnlyError: another copy of the app has the database open.
            ValidationError: the backup is not one we can restore; nothing was changed.
            ConflictError: the current file could not be kept aside; nothing was changed.
        """
        return restore_database_file(self._url, path, self._actor, self._clock(), progress=progress)


@dataclass(frozen=True)
class StartupProblem:
    """Why the database was refused, what to advise, and the restore on offer (if any)."""

    message: str
    advice: StartupAdvice
    restore: DatabaseFileRestore | None = None


def startup_problem(url: str | None, error: Exception, *, clock: Clock = system_clock) -> StartupProblem:
    """What to tell the advisor when ``open_for_use(url)`` refused the database with ``error``."""
    message = str(error)
    if isinstance(error, DatabaseTooNewError):
        return StartupProblem(message, StartupAdvice.UPDATE)
    if isinstance(error, NotADatabaseError | DamagedDatabaseError):
        try:
            restore = DatabaseFileRestore(url, clock=clock)
        except ValueError:
            return StartupProblem(message, StartupAdvice.NONE)
        return StartupProblem(message, StartupAdvice.RESTORE, restore)
    return StartupProblem(message, StartupAdvice.NONE)
