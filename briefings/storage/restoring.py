"""Restoring a backup: checked first, the current file kept aside, the restore itself logged.

Two ways in: ``restore_open_database`` for the running app (its engine stays open; SQLite's
backup API writes the backup into the live file in one transaction), and
``restore_database_file`` for the command line and the start-up error dialog, when the
database may be too damaged to open at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from briefings.clock import to_london
from briefings.errors import ReadOnlyError
from briefings.storage.backups import BackupSettings, as_domain_errors, database_file, read_backup_settings
from briefings.storage.opening import read_only_reason
from models.audit import AuditEvent
from models.backup import BackupError, Progress
from models.db import create_database_engine, default_database_url, normalise_url, open_database, sqlite_path
from models.restore import RestoreOutcome, check_database_file, restore_database
from models.schema import check_and_upgrade
from models.writer_lock import WriterLock


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did, in the advisor's terms."""

    backup: Path
    revision: str
    upgraded: bool
    kept_aside: Path | None

    def sentence(self) -> str:
        """One line for a message box or the command line."""
        text = f"Restored {self.backup.name}"
        if self.upgraded:
            text += " and brought it up to date"
        if self.kept_aside is not None:
            text += f". The database as it was is kept in {self.kept_aside}"
        return text + "."


def restore_open_database(
    engine: Engine, backup: Path, actor: str, now: datetime, *, progress: Progress | None = None
) -> RestoreReport:
    """Restore into the database the running app has open (the caller is its writer).

    Raises:
        DatabaseError: the backup is not one we can restore; nothing was changed.
        BackupError: the current file could not be kept aside, or it is damaged (restore from
            the command line or the start-up dialog instead); nothing was changed.
    """
    database = database_file(engine)
    outcome = restore_database(
        backup, database, read_backup_settings(engine).folder_for(database), now, progress=progress, live=True
    )
    check_and_upgrade(engine)
    report = _report(outcome)
    with Session(engine) as session, session.begin():
        log_restore(session, report, actor, now)
    return report


def restore_database_file(
    url: str | None, backup: Path, actor: str, now: datetime, *, progress: Progress | None = None
) -> RestoreReport:
    """Restore over a database no copy of the app has open (which may be damaged or missing).

    For the command line and the start-up error dialog; file problems come back as domain
    errors naming ``path`` (the backup) or ``database``.

    Raises:
        ReadOnlyError: another copy of the app has the database open.
        ValidationError: the backup is not one we can restore; nothing was changed.
        ConflictError: the current file could not be kept aside; nothing was changed.
    """
    with as_domain_errors("path"):
        return _restore_closed(url, backup, actor, now, progress)


def _restore_closed(
    url: str | None, backup: Path, actor: str, now: datetime, progress: Progress | None
) -> RestoreReport:
    resolved = normalise_url(url) if url else default_database_url()
    database = sqlite_path(resolved)
    if database is None:
        raise BackupError("Only a database kept in a file can be restored here; use the server's own tools.")
    check_database_file(backup)  # refuse a bad backup before touching the lock or anything else
    attempt = WriterLock.acquire(database, now)
    if attempt.lock is None:
        raise ReadOnlyError(read_only_reason(attempt, database).replace("Read-only: ", "Cannot restore: ", 1))
    try:
        outcome = restore_database(
            backup, database, _aside_folder(database, resolved), now, progress=progress
        )
        opened = open_database(resolved)
        try:
            report = _report(outcome)
            with opened.sessions.begin() as session:
                log_restore(session, report, actor, now)
        finally:
            opened.dispose()
    finally:
        attempt.lock.release()
    return report


def log_restore(session: Session, report: RestoreReport, actor: str, now: datetime) -> None:
    """Record the restore in the restored database's own audit log."""
    session.add(
        AuditEvent(
            at=now,
            actor=actor[:120],
            action="restored",
            entity="database",
            entity_id=None,
            summary=f"Restored the backup {report.backup.name} (schema {report.revision})"
            + (f"; the database before it was kept as {report.kept_aside.name}" if report.kept_aside else ""),
            details={
                "backup": str(report.backup),
                "kept_aside": str(report.kept_aside) if report.kept_aside else None,
                "restored_at": to_london(now).isoformat(),
            },
        )
    )


def _report(outcome: RestoreOutcome) -> RestoreReport:
    return RestoreReport(
        outcome.restored.path, outcome.restored.revision, not outcome.restored.current, outcome.kept_aside
    )


def database_file_and_backup_folder(url: str | None) -> tuple[Path, Path] | None:
    """The database file at ``url`` and its backup folder, without opening it for use.

    For the start-up error dialog, which lists backups of a database too damaged to open; None
    for a database not kept in a file.
    """
    resolved = normalise_url(url) if url else default_database_url()
    database = sqlite_path(resolved)
    if database is None:
        return None
    return database, _aside_folder(database, resolved)


def _aside_folder(database: Path, url: str) -> Path:
    """The backup folder the (possibly damaged) database names, or the default one."""
    if not database.is_file():
        return BackupSettings().folder_for(database)
    engine = create_database_engine(url, read_only=True)
    try:
        return read_backup_settings(engine).folder_for(database)
    finally:
        engine.dispose()
