"""Opening the database for use: one writer, a backup before every upgrade, and one a day.

``open_for_use`` is what the composition root (the app and the command line) calls instead of
``open_database``: it takes the writer lock, or opens read-only with a reason to show; backs
the file up before any migration (and refuses to migrate if that backup fails); and, for the
writer, takes the day's backup on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from briefings.clock import Clock, system_clock, to_london
from briefings.storage.backups import back_up, daily_backup_due, load_backup_settings, read_backup_settings
from models.backup import BackupError, BackupKind
from models.db import Database, default_database_url, normalise_url, open_database, sqlite_path
from models.schema import DatabaseError
from models.writer_lock import LockAttempt, LockHolder, WriterLock


@dataclass
class OpenedDatabase:
    """An open database, the writer lock when we hold it, and what to tell the advisor."""

    database: Database
    lock: WriterLock | None
    read_only_reason: str | None
    notes: tuple[str, ...] = ()

    @property
    def read_only(self) -> bool:
        """Whether changes are switched off (another copy of the app is the writer)."""
        return self.read_only_reason is not None

    def close(self) -> None:
        """Close the connections, then let the next copy of the app be the writer."""
        try:
            self.database.dispose()
        finally:
            if self.lock is not None:
                self.lock.release()


def open_for_use(
    url: str | None = None, *, clock: Clock = system_clock, daily_backup: bool = True
) -> OpenedDatabase:
    """Open the database as its writer, or read-only when another copy of the app is.

    Raises:
        DatabaseError: the file must not be opened (the message says why and what to do), or
            the backup before an upgrade failed (nothing was changed).
    """
    resolved = normalise_url(url) if url else default_database_url()
    path = sqlite_path(resolved)
    if path is None:  # a server database handles its own concurrency and backups
        return OpenedDatabase(open_database(resolved), None, None)
    notes: list[str] = []
    try:
        attempt = WriterLock.acquire(path, clock())
    except OSError as error:
        reason = f"Read-only: the folder holding the database cannot be written ({error.strerror or error})."
        return OpenedDatabase(open_database(resolved, read_only=True), None, reason)
    if attempt.lock is None:
        return OpenedDatabase(open_database(resolved, read_only=True), None, read_only_reason(attempt, path))
    if attempt.cleared is not None:
        notes.append(stale_lock_note(attempt.cleared))
    try:
        database = open_database(resolved, before_migrate=_backup_before_upgrade(clock))
    except BaseException:
        attempt.lock.release()
        raise
    opened = OpenedDatabase(database, attempt.lock, None)
    if daily_backup:
        notes += _daily_backup(database, path, clock)
    opened.notes = tuple(notes)
    return opened


def read_only_reason(attempt: LockAttempt, database: Path) -> str:
    """The banner text for a copy of the app that is not the writer."""
    holder = attempt.holder
    if holder is None:
        return (
            "Read-only: another copy of Briefing Desk has this database open. Close it to make changes here."
        )
    who = f"{holder.user} on {holder.host}, since {_when(holder.started)}"
    if attempt.other_host:
        return (
            f"Read-only: Briefing Desk on another computer has this database open ({who}). "
            f"If it is no longer running there, delete {WriterLock.path_for(database)} "
            "and open the database again."
        )
    return (
        f"Read-only: Briefing Desk is already open on this database ({who}, process {holder.pid}). "
        "Close that copy to make changes here."
    )


def stale_lock_note(holder: LockHolder) -> str:
    """What to say after clearing the lock of a copy of the app that did not close properly."""
    return (
        f"Briefing Desk did not close properly last time (process {holder.pid}, "
        f"opened {_when(holder.started)}). Its lock was cleared; the database was checked and is intact."
    )


def _backup_before_upgrade(clock: Clock) -> Callable[[Engine, str | None], None]:
    def back_up_first(engine: Engine, revision: str | None) -> None:
        if revision is None:
            return  # a new, empty database: nothing to keep
        try:
            back_up(engine, BackupKind.BEFORE_UPGRADE, clock(), read_backup_settings(engine))
        except BackupError as error:
            raise DatabaseError(
                f"The database needs an upgrade, but the backup taken first failed: {error} "
                "Nothing was changed. Free some space or make the backup folder writable, then open it again."
            ) from error

    return back_up_first


def _daily_backup(database: Database, path: Path, clock: Clock) -> list[str]:
    with database.sessions() as session:
        settings = load_backup_settings(session)
    if not daily_backup_due(settings.folder_for(path), path, clock()):
        return []
    try:
        back_up(database.engine, BackupKind.DAILY, clock(), settings)
    except BackupError as error:
        return [f"Today's backup failed: {error} Back up now, or choose another backup folder."]
    return []


def _when(moment: datetime) -> str:
    if moment.tzinfo is None:
        return moment.strftime("%H:%M on %d %B %Y")
    return to_london(moment).strftime("%H:%M on %d %B %Y")
