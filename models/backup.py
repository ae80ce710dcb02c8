"""Backups of the SQLite database with SQLite's online backup API, their rotation and checks.

A live database is never copied as a plain file: its latest changes may sit in the -wal file
and a writer may be halfway through a transaction. The backup API copies a consistent snapshot
through SQLite itself. Each backup is written to a private temporary file, switched to a
single-file journal mode, synced and only then renamed to its final name, so a crash leaves
no half-written backup behind.

Backup names carry the database's file stem, the moment (UTC) and the kind, so one folder can
hold the backups of several databases and rotation only ever touches its own:
``briefing-desk-20251001T090000Z-daily.sqlite3``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from models.private_files import OWNER_ONLY_FILE, PARTIAL_PREFIX, make_private_folder, sync_folder

SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
# Pages copied per step: a step holds a read snapshot, so big steps make restarts (caused by
# another connection writing between steps) rare while still reporting progress.
PAGES_PER_STEP = 4096
ABANDONED_AFTER_SECONDS = 24 * 60 * 60

Progress = Callable[[int, int], None]


class BackupKind(StrEnum):
    """Why a backup was taken; rotation keeps the newest few of each kind."""

    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<kind>"
    + "|".join(re.escape(k.value) for k in BackupKind)
    + r")(?:-(?P<n>\d+))?"
    + re.escape(SUFFIX)
    + "$"
)


class BackupError(Exception):
    """A backup could not be written or read; the message says why."""


@dataclass(frozen=True)
class BackupFile:
    """One backup in a backup folder."""

    path: Path
    database_stem: str
    kind: BackupKind
    taken_at: datetime
    size: int

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.name

    @classmethod
    def parse(cls, path: Path) -> BackupFile | None:
        """The backup a file name describes, or None for files that are not our backups."""
        if path.name.startswith("."):  # a backup still being written, or abandoned by a crash
            return None
        match = _NAME.match(path.name)
        if match is None:
            return None
        try:
            size = path.stat().st_size
        except OSError:
            return None
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
        return cls(path, match["stem"], BackupKind(match["kind"]), taken, size)


def backup_name(database_stem: str, kind: BackupKind, at: datetime, attempt: int = 1) -> str:
    """The file name for a backup taken at ``at`` (aware)."""
    stamp = at.astimezone(UTC).strftime(STAMP_FORMAT)
    extra = f"-{attempt}" if attempt > 1 else ""
    return f"{database_stem}-{stamp}-{kind.value}{extra}{SUFFIX}"


def take_backup(
    source: sqlite3.Connection,
    folder: Path,
    database_stem: str,
    kind: BackupKind,
    at: datetime,
    *,
    progress: Progress | None = None,
) -> BackupFile:
    """Copy the database behind ``source`` into ``folder`` as a new backup file.

    Args:
        source: A connection to the live database (not inside a transaction).
        folder: Where backups go; created owner-only if missing.
        database_stem: The database file's stem, which starts the backup's name.
        kind: Why the backup is taken.
        at: When (aware); it names the file.
        progress: Called with (pages done, pages in all) after each step; raising stops the
            backup and removes the partial file.

    Raises:
        BackupError: the folder cannot be written or SQLite refused.
    """
    try:
        make_private_folder(folder)
        _remove_abandoned(folder, database_stem)
        target, partial = _reserve(folder, database_stem, kind, at)
    except OSError as error:
        raise BackupError(f"Cannot write backups to {folder}: {error.strerror or error}.") from error
    try:
        copy_database(source, partial, progress=progress)
        partial.replace(target)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error | OSError):
            raise BackupError(f"The backup to {folder} failed: {error}.") from error
        raise
    sync_folder(folder)
    found = BackupFile.parse(target)
    assert found is not None  # noqa: S101 - we named it
    return found


def copy_database(source: sqlite3.Connection, target: Path, *, progress: Progress | None = None) -> None:
    """Copy ``source`` into the existing (empty, private) file ``target`` and sync it to disk.

    The copy uses a rollback journal rather than WAL, so it is one self-contained file.
    """
    destination = sqlite3.connect(target)
    try:

        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        source.backup(destination, pages=PAGES_PER_STEP, progress=report)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    descriptor = os.open(target, os.O_RDWR)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def list_backups(folder: Path, database_stem: str | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (of one database, when its stem is given), newest first."""
    if not folder.is_dir():
        return []
    found = [BackupFile.parse(path) for path in folder.iterdir() if path.suffix == SUFFIX]
    backups = [
        b for b in found if b is not None and (database_stem is None or b.database_stem == database_stem)
    ]
    return sorted(backups, key=lambda b: (b.taken_at, b.name), reverse=True)


def rotate_backups(folder: Path, database_stem: str, kind: BackupKind, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of one kind; returns what was deleted."""
    if keep < 1:
        raise ValueError("rotation must keep at least one backup")
    old = [b for b in list_backups(folder, database_stem) if b.kind is kind][keep:]
    removed = []
    for backup in old:
        try:
            backup.path.unlink()
        except FileNotFoundError:
            continue
        removed.append(backup.path)
    return removed


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to a database file that must not be changed (a backup).

    Falls back to SQLite's ``immutable`` mode when the folder cannot hold a -shm file (a
    write-protected stick): backups we write use a rollback journal, so nothing is missed.
    """
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True)
    return connection


def _remove_abandoned(folder: Path, database_stem: str) -> None:
    """Delete partial backups a crash left behind (old enough not to be another copy's, in progress)."""
    cutoff = time.time() - ABANDONED_AFTER_SECONDS
    for partial in folder.glob(f"{PARTIAL_PREFIX}{database_stem}-*{SUFFIX}"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < cutoff:
                partial.unlink()


def _reserve(folder: Path, database_stem: str, kind: BackupKind, at: datetime) -> tuple[Path, Path]:
    """A free final name and an empty private temporary file beside it."""
    for attempt in range(1, 100):
        target = folder / backup_name(database_stem, kind, at, attempt)
        partial = folder / f"{PARTIAL_PREFIX}{target.name}"
        if target.exists():
            continue
        try:
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE))
        except FileExistsError:
            continue
        return target, partial
    raise BackupError(f"Too many backups named {backup_name(database_stem, kind, at)} in {folder}.")
