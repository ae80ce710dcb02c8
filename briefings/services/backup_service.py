"""What the UI may ask about backups: back up now, list, check, restore, and the backup settings.

File problems (a full disk, a bad backup) come back as domain errors so the UI, which never
imports models, can show them like any other refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from briefings.clock import to_london
from briefings.errors import ConflictError, ReadOnlyError
from briefings.services.base import Service
from briefings.storage.backups import (
    BackupSettings,
    as_domain_errors,
    back_up,
    database_file,
    load_backup_settings,
    save_backup_settings,
)
from briefings.storage.restoring import RestoreReport, restore_open_database
from models.backup import BackupFile, BackupKind, Progress, list_backups
from models.restore import check_database_file


@dataclass(frozen=True)
class BackupRow:
    """One backup file; ``taken_at`` is on English clocks."""

    path: Path
    name: str
    kind: str
    taken_at: datetime
    size: int

    @classmethod
    def of(cls, backup: BackupFile) -> BackupRow:
        """The row for a backup file."""
        return cls(backup.path, backup.name, backup.kind.value, to_london(backup.taken_at), backup.size)


@dataclass(frozen=True)
class BackupSettingsRow:
    """Where backups go and how many of each kind are kept."""

    folder: Path
    chosen: bool
    keep: int


@dataclass(frozen=True)
class BackupCheck:
    """A backup that passed the checks, and whether restoring it needs an upgrade afterwards."""

    path: Path
    revision: str
    needs_upgrade: bool
    size: int


class BackupService(Service):
    """Backups of the open database. Each call is short, except backing up and restoring."""

    def settings(self) -> BackupSettingsRow:
        """The backup folder and rotation."""
        with self._read() as session:
            settings = load_backup_settings(session)
            database = self._database(session.get_bind())
        return BackupSettingsRow(settings.folder_for(database), settings.folder is not None, settings.keep)

    def set_settings(self, folder: Path | None, keep: int) -> BackupSettingsRow:
        """Choose the backup folder (None: beside the database) and how many of each kind to keep."""
        with self._write() as session:
            save_backup_settings(session, BackupSettings(folder, keep))
        return self.settings()

    def back_up_now(self, progress: Progress | None = None) -> BackupRow:
        """Take a backup now ("Back up now"); allowed read-only, as it changes nothing."""
        with self._read() as session:
            settings = load_backup_settings(session)
            engine = session.get_bind()
        with as_domain_errors("folder"):
            return BackupRow.of(
                back_up(self._engine(engine), BackupKind.MANUAL, self.now(), settings, progress=progress)
            )

    def backups(self) -> list[BackupRow]:
        """This database's backups in the backup folder, newest first."""
        row = self.settings()
        with self._read() as session:
            database = self._database(session.get_bind())
        return [BackupRow.of(b) for b in list_backups(row.folder, database.stem)]

    def check(self, path: Path) -> BackupCheck:
        """Check a backup before restoring it (ValidationError says what is wrong with it)."""
        with as_domain_errors("path"):
            checked = check_database_file(path)
        return BackupCheck(checked.path, checked.revision, not checked.current, checked.size)

    def restore(self, path: Path, progress: Progress | None = None) -> RestoreReport:
        """Restore a backup over the open database, keeping the current one aside first."""
        if self.context.read_only:
            raise ReadOnlyError(self.context.read_only_reason)
        with self._read() as session:
            engine = self._engine(session.get_bind())
        with as_domain_errors("path"):
            return restore_open_database(engine, path, self.context.actor, self.now(), progress=progress)

    @staticmethod
    def _engine(bind: object) -> Engine:
        if not isinstance(bind, Engine):
            raise ConflictError("Backups need the database's engine", "database")
        return bind

    def _database(self, bind: object) -> Path:
        with as_domain_errors("database"):
            return database_file(self._engine(bind))
