"""Backup, restore, the start-up check and a backup's check of the benchmark database, beside plain SQLite.

Each works on its own copy of the cached database (``ctx.scratch_copy``), opened as the app
opens it where the app would have it open; backups go to the ``backups`` folder beside it,
emptied before every timed call. The backup checked and restored is one the app took.

- ``storage.backup``: "Back up now" (the backup API in steps into a private temporary file, its
  journal switched to a single file, synced, renamed, older backups rotated). Floor: the
  ``sqlite3`` shell's ``.backup``, or ``sqlite3.Connection.backup`` in one step where there is
  no shell (the Notes say which).
- ``storage.restore``: "Restore from backup" into the open database (the backup's full
  integrity check, the current file backed up aside, the backup written back in one
  transaction, the schema checked, the restore logged). Floor: ``Connection.backup`` from the
  backup into the database, in this process. Not the shell's ``.restore``: once the app has
  restored, another process closing the file deletes the WAL under the app's connections
  (the restore's checks open and close the file outside SQLite, which drops SQLite's locks).
- ``storage.check_backup``: the check a backup gets before it is restored. Floor: ``PRAGMA
  integrity_check`` on a plain connection.
- ``storage.open``: opening the database as the app does at start (schema check and
  ``quick_check``), with nothing else holding it. Floor: ``PRAGMA quick_check`` and the schema
  revision on a plain connection.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from briefings.clock import fixed_clock
from briefings.services import Services
from models.backup import BackupKind, take_backup
from models.db import open_database
from tests.benchmarks.harness import BenchContext, Benchmark, register, remove_file

DATABASE = "briefing-desk.sqlite3"


@dataclass
class PageCount:
    """A backup's progress callback that remembers how many pages it copied."""

    pages: int = 0

    def __call__(self, done: int, total: int) -> None:
        self.pages = total


@dataclass(frozen=True)
class Storage:
    """A copy of the benchmark database, the app's services over it, and a backup the app took."""

    live: Path
    services: Services
    backup: Path
    shell: str | None

    @property
    def backups(self) -> Path:
        """Where the app puts this database's backups (beside it, as by default)."""
        return self.live.parent / "backups"

    @property
    def floor_copy(self) -> Path:
        """Where the floor's backup goes."""
        return self.live.parent / "floor.sqlite3"

    def clear(self) -> None:
        """Delete the backups the last call made (the app's, the one kept aside, the floor's)."""
        shutil.rmtree(self.backups, ignore_errors=True)
        remove_file(self.floor_copy)

    def size(self) -> str:
        """The database's size, for the Notes column."""
        return f"{self.live.stat().st_size / 1e6:.0f} MB"


def app_backup(ctx: BenchContext) -> Path:
    """A backup of the benchmark database as the app takes it, made once and only read."""

    def make() -> Path:
        folder = ctx.workdir / "storage-backup-file"
        with closing(ctx.sqlite()) as source:
            taken = take_backup(source, folder, "briefing-desk", BackupKind.MANUAL, ctx.now)
        return taken.path

    made: Path = ctx.remember("storage.backup-file", make)
    return made


def _copy_in(ctx: BenchContext, folder_name: str) -> Path:
    (ctx.workdir / folder_name).mkdir()
    return ctx.scratch_copy(f"{folder_name}/{DATABASE}")


def _opened(ctx: BenchContext, folder_name: str) -> Storage:
    live = _copy_in(ctx, folder_name)
    database = open_database(str(live))
    ctx.on_close(database.dispose)
    services = Services.build(database.sessions, clock=fixed_clock(ctx.now))
    return Storage(live, services, app_backup(ctx), shutil.which("sqlite3"))


def _back_up(state: Storage) -> int:
    count = PageCount()
    state.services.backups.back_up_now(progress=count)
    return count.pages


def _plain_backup(state: Storage) -> None:
    if state.shell is None:
        _copy(state.live, state.floor_copy)
    else:
        subprocess.run([state.shell, str(state.live), f".backup '{state.floor_copy}'"], check=True)


def _backup_notes(state: Storage) -> str:
    if state.shell is None:
        return f"{state.size()}; floor: Connection.backup, no sqlite3 shell here"
    return f"{state.size()}; floor: sqlite3 shell .backup"


def _restore(state: Storage) -> int:
    count = PageCount()
    state.services.backups.restore(state.backup, progress=count)
    return count.pages


def _copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


def _plain_check(state: Storage) -> int:
    with closing(sqlite3.connect(state.backup)) as connection:
        return len(connection.execute("PRAGMA integrity_check(3)").fetchall())


def _checking(ctx: BenchContext) -> Storage:
    # Checking reads only the backup: the suite's read-only services will do, over the cached file.
    return Storage(ctx.path, ctx.services, app_backup(ctx), None)


def _closed(ctx: BenchContext) -> Path:
    return _copy_in(ctx, "storage-open")


def _open(live: Path) -> int:
    open_database(str(live)).dispose()
    return 1


def _plain_open(live: Path) -> int:
    with closing(sqlite3.connect(live)) as connection:
        connection.execute("SELECT version_num FROM alembic_version").fetchall()
        return len(connection.execute("PRAGMA quick_check(3)").fetchall())


register(
    Benchmark(
        "storage.backup",
        setup=lambda ctx: _opened(ctx, "storage-backup"),
        run=_back_up,
        floor=_plain_backup,
        reset=Storage.clear,
        notes=_backup_notes,
        description="Back up now (rows: pages); floor: sqlite3 shell .backup, else Connection.backup",
    )
)
register(
    Benchmark(
        "storage.restore",
        setup=lambda ctx: _opened(ctx, "storage-restore"),
        run=_restore,
        floor=lambda state: _copy(state.backup, state.live),
        reset=Storage.clear,
        notes=lambda state: f"{state.size()}; floor: Connection.backup from the backup",
        description="restore a backup into the open database (rows: pages); floor: Connection.backup",
    )
)
register(
    Benchmark(
        "storage.check_backup",
        setup=_checking,
        run=lambda state: state.services.backups.check(state.backup),
        floor=_plain_check,
        description="check a backup before restoring it (rows: 1); floor: PRAGMA integrity_check",
    )
)
register(
    Benchmark(
        "storage.open",
        setup=_closed,
        run=_open,
        floor=_plain_open,
        description="open the database as at start (rows: 1); floor: PRAGMA quick_check, schema revision",
    )
)
