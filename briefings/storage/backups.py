"""The backup policy: where backups go, how many of each kind are kept, and when one is due.

The folder and the number kept are preferences stored in the database (so they travel with
it). They are read with plain SQL before a migration, when the ORM's idea of the schema may
not match the file yet.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from briefings.clock import london_today
from briefings.errors import ConflictError, ValidationError
from briefings.preferences import get_preference, set_preference
from models.backup import (
    BackupError,
    BackupFile,
    BackupKind,
    Progress,
    list_backups,
    rotate_backups,
    take_backup,
)
from models.db import sqlite_path
from models.schema import DatabaseError

FOLDER_KEY = "backup.folder"
KEEP_KEY = "backup.keep"
DEFAULT_KEEP = 14
MOST_KEPT = 365
DEFAULT_FOLDER_NAME = "backups"


@dataclass(frozen=True)
class BackupSettings:
    """Where backups go (None: a ``backups`` folder beside the database) and how many are kept."""

    folder: Path | None = None
    keep: int = DEFAULT_KEEP

    def folder_for(self, database: Path) -> Path:
        """The folder backups of ``database`` go to."""
        return self.folder if self.folder is not None else database.parent / DEFAULT_FOLDER_NAME

    def checked(self) -> BackupSettings:
        """These settings, or a ValidationError naming the one at fault."""
        if isinstance(self.keep, bool) or not isinstance(self.keep, int) or not 1 <= self.keep <= MOST_KEPT:
            raise ValidationError(f"Keep from 1 to {MOST_KEPT} backups of each kind", "keep")
        if self.folder is not None and not self.folder.is_absolute():
            raise ValidationError("Choose the backup folder with its full path", "folder")
        return self


def read_backup_settings(engine: Engine) -> BackupSettings:
    """The settings stored in the database, read without the ORM; the defaults if unreadable."""
    try:
        with engine.connect() as connection:
            rows: dict[str, object] = dict(
                connection.exec_driver_sql(
                    "SELECT key, value FROM preferences WHERE key IN (?, ?)", (FOLDER_KEY, KEEP_KEY)
                ).all()
            )
    except sa_exc.DBAPIError:
        return BackupSettings()
    try:
        values = {key: json.loads(value) if isinstance(value, str) else value for key, value in rows.items()}
    except ValueError:
        return BackupSettings()
    return _settings(values.get(FOLDER_KEY), values.get(KEEP_KEY))


def load_backup_settings(session: Session) -> BackupSettings:
    """The settings, read through the ORM."""
    return _settings(get_preference(session, FOLDER_KEY), get_preference(session, KEEP_KEY))


def save_backup_settings(session: Session, settings: BackupSettings) -> BackupSettings:
    """Store checked settings."""
    checked = settings.checked()
    set_preference(session, FOLDER_KEY, str(checked.folder) if checked.folder is not None else None)
    set_preference(session, KEEP_KEY, checked.keep)
    return checked


def back_up(
    engine: Engine,
    kind: BackupKind,
    now: datetime,
    settings: BackupSettings,
    *,
    progress: Progress | None = None,
) -> BackupFile:
    """Take a backup of the database behind ``engine`` and rotate that kind's older backups.

    Raises:
        BackupError: not a SQLite file, or the backup could not be written.
    """
    database = database_file(engine)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        if not isinstance(source, sqlite3.Connection):  # pragma: no cover - database_file checked it
            raise BackupError("The database is not a SQLite file.")
        taken = take_backup(
            source, settings.folder_for(database), database.stem, kind, now, progress=progress
        )
    finally:
        raw.close()
    rotate_backups(taken.path.parent, database.stem, kind, settings.keep)
    return taken


def daily_backup_due(folder: Path, database: Path, now: datetime) -> bool:
    """Whether no daily or manual backup of ``database`` was taken today (English date)."""
    today: date = london_today(now)
    for backup in list_backups(folder, database.stem):
        if backup.kind in (BackupKind.DAILY, BackupKind.MANUAL) and london_today(backup.taken_at) == today:
            return False
    return True


def database_file(engine: Engine) -> Path:
    """The SQLite file behind ``engine``.

    Raises:
        BackupError: the database is not a SQLite file (a server keeps its own backups).
    """
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None:
        raise BackupError(
            "Only a database kept in a file can be backed up here; use the server's own backups."
        )
    return path


@contextmanager
def as_domain_errors(field: str) -> Iterator[None]:
    """Turn file problems into domain errors, which the UI (never importing models) can catch.

    A file that must not be opened or restored becomes a ValidationError; a backup that could
    not be written or kept aside becomes a ConflictError. The message is kept as it is.
    """
    try:
        yield
    except DatabaseError as error:
        raise ValidationError(str(error), field) from error
    except BackupError as error:
        raise ConflictError(str(error), field) from error


def _settings(folder: object, keep: object) -> BackupSettings:
    chosen = Path(folder) if isinstance(folder, str) and folder.strip() else None
    count = (
        keep
        if isinstance(keep, int) and not isinstance(keep, bool) and 1 <= keep <= MOST_KEPT
        else DEFAULT_KEEP
    )
    return BackupSettings(chosen, count)
