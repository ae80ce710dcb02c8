"""Checking a database file before trusting it, and restoring a backup over the database.

Restoring never loses the current file: it is kept aside in the backup folder first. A sound
current database is overwritten through SQLite's backup API, in one transaction, so a crash
mid-restore leaves it as it was and open connections see the change. A damaged one cannot be
written through SQLite; it is copied aside as plain files (nothing can have it open, since the
app refused to) and replaced by renaming a checked copy over it.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.backup import (
    PAGES_PER_STEP,
    BackupError,
    BackupKind,
    Progress,
    backup_name,
    copy_database,
    open_for_reading,
    take_backup,
)
from models.db import BUSY_TIMEOUT_MS
from models.private_files import create_private_file, make_private_folder, sync_folder
from models.schema import (
    NOT_A_DATABASE,
    DamagedDatabaseError,
    DatabaseError,
    ForeignDatabaseError,
    NotADatabaseError,
    first_problem,
    head_revision,
    known_revisions,
    refuse_unless_ours,
)


@dataclass(frozen=True)
class DatabaseFileCheck:
    """A database file that passed the checks: ours, undamaged, not from a newer version."""

    path: Path
    revision: str
    current: bool
    size: int


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: the backup it restored and where the previous database was kept."""

    restored: DatabaseFileCheck
    kept_aside: Path | None


def check_database_file(path: Path, *, thorough: bool = True) -> DatabaseFileCheck:
    """Refuse a file that is not a sound Briefing Desk database this version can open.

    Args:
        path: The file (typically a backup) to check without changing it.
        thorough: Run SQLite's full integrity check rather than the quicker page check.

    Raises:
        DatabaseError: which subclass and the message say what is wrong.
    """
    if not path.is_file():
        raise DatabaseError(f"{path} does not exist. Choose another file.")
    # Only SQLite reads the file: see models.schema on why a plain read of a database is unsafe.
    try:
        connection = open_for_reading(path)
        try:
            pragma = "integrity_check(3)" if thorough else "quick_check(3)"
            problems = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if NOT_A_DATABASE in str(error):
            raise NotADatabaseError(f"{path} is not a database file. Choose another file.") from error
        raise DamagedDatabaseError(
            f"{path} is damaged and cannot be read ({error}). Choose another file."
        ) from error
    if problems != ["ok"]:
        raise DamagedDatabaseError(f"{path} is damaged ({first_problem(problems)}). Choose another file.")
    refuse_unless_ours(str(path), revision, tables, known_revisions())
    if revision is None:
        raise ForeignDatabaseError(f"{path} holds no Briefing Desk data. Choose another file.")
    return DatabaseFileCheck(path, revision, revision == head_revision(), path.stat().st_size)


def restore_database(
    backup: Path,
    database: Path,
    aside_folder: Path,
    at: datetime,
    *,
    progress: Progress | None = None,
    live: bool = False,
) -> RestoreOutcome:
    """Put a checked backup in place of ``database``, keeping the current file aside first.

    The caller must hold the writer lock. An older backup is restored as it is; opening the
    database afterwards upgrades it.

    Args:
        backup: The backup file to restore.
        database: The database file to restore over.
        aside_folder: Where the current database is kept (the backup folder).
        at: Now (aware); it names the file kept aside.
        progress: Called with (pages done, pages in all); raising stops the restore unchanged.
        live: The caller has the database open, so it may only be written through SQLite.

    Raises:
        DatabaseError: the backup is not one we can restore (nothing was changed).
        BackupError: the current file could not be kept aside or written, or (``live``) it is
            damaged and must be restored with the app closed (nothing was changed).
    """
    if database.exists() and backup.resolve() == database.resolve():
        raise BackupError(f"{backup} is the database itself. Choose a backup.")
    checked = check_database_file(backup)
    aside: Path | None
    if _is_sound(database):
        aside = _restore_through_sqlite(backup, database, aside_folder, at, progress)
    elif live:
        raise BackupError(
            f"{database} is damaged, so it cannot be restored while it is open. Close Briefing Desk and "
            "restore from the start-up message or with `briefing-desk backup restore FILE`."
        )
    else:
        aside = _restore_by_renaming(backup, database, aside_folder, at, progress)
    return RestoreOutcome(checked, aside)


def _is_sound(database: Path) -> bool:
    if not database.is_file() or database.stat().st_size == 0:
        return False
    try:
        connection = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            return [row[0] for row in connection.execute("PRAGMA quick_check(1)")] == ["ok"]
        finally:
            connection.close()
    except (sqlite3.DatabaseError, OSError):
        return False


def _restore_through_sqlite(
    backup: Path, database: Path, aside_folder: Path, at: datetime, progress: Progress | None
) -> Path:
    live = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        aside = take_backup(live, aside_folder, database.stem, BackupKind.BEFORE_RESTORE, at)
        source = open_for_reading(backup)
        try:

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            # One write transaction on the live file: all of the backup or none of it.
            source.backup(live, pages=PAGES_PER_STEP, progress=report)
        except sqlite3.Error as error:
            raise BackupError(
                f"Restoring {backup.name} failed ({error}); the database is unchanged "
                f"and a copy of it is in {aside.path}."
            ) from error
        finally:
            source.close()
    finally:
        live.close()
    return aside.path


def _restore_by_renaming(
    backup: Path, database: Path, aside_folder: Path, at: datetime, progress: Progress | None
) -> Path | None:
    partial = database.with_name(f".partial-restore-{database.name}")
    partial.unlink(missing_ok=True)
    make_private_folder(database.parent)
    create_private_file(partial)
    try:
        source = open_for_reading(backup)
        try:
            copy_database(source, partial, progress=progress)
        finally:
            source.close()
        aside = _keep_files_aside(database, aside_folder, at)
        # A leftover -wal belongs to the old file; SQLite would replay it into the new one.
        for leftover in _companions(database):
            leftover.unlink(missing_ok=True)
        partial.replace(database)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    sync_folder(database.parent)
    return aside


def _keep_files_aside(database: Path, aside_folder: Path, at: datetime) -> Path | None:
    if not database.exists():
        return None
    make_private_folder(aside_folder)
    target = aside_folder / backup_name(database.stem, BackupKind.BEFORE_RESTORE, at)
    attempt = 1
    while target.exists():
        attempt += 1
        target = aside_folder / backup_name(database.stem, BackupKind.BEFORE_RESTORE, at, attempt)
    wal = database.with_name(f"{database.name}-wal")
    try:
        for source, copy in ((database, target), (wal, target.with_name(f"{target.name}-wal"))):
            if source.exists():
                create_private_file(copy)
                shutil.copyfile(source, copy)
    except OSError as error:
        raise BackupError(
            f"Cannot keep the current database aside in {aside_folder} ({error.strerror or error}); "
            "nothing was restored."
        ) from error
    sync_folder(aside_folder)
    return target


def _companions(database: Path) -> list[Path]:
    return [database.with_name(f"{database.name}-wal"), database.with_name(f"{database.name}-shm")]
