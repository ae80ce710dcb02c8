"""Closing any file handle on a database releases every POSIX lock this process holds on it,
SQLite's included ("How To Corrupt An SQLite Database File", section 2.2). Checks that run while
the app has its database open must therefore never read the file outside SQLite."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from models.restore import check_database_file, restore_database
from models.schema import check_and_upgrade

pytestmark = pytest.mark.slow


def _write(db) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO preferences (key, value) VALUES ('k' || random(), '1')")


def _rows_seen_afresh(path) -> int:
    # What another connection (the next start of the app) finds on disk.
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
        return connection.execute("SELECT count(*) FROM preferences WHERE key LIKE 'k%'").fetchone()[0]
    finally:
        connection.close()


def _read_in_another_process(path) -> None:
    # A reader that opens, reads and exits: with our locks gone it deletes the WAL under us.
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('SELECT count(*) FROM preferences').fetchall(); c.close()"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)


def test_checking_the_open_database_keeps_its_locks(db, db_path):
    _write(db)
    check_and_upgrade(db.engine)  # what runs again after a restore into the open database
    check_database_file(db_path, thorough=False)
    _read_in_another_process(db_path)
    _write(db)  # with our locks dropped, this goes into a WAL file the reader has unlinked
    assert _rows_seen_afresh(db_path) == 2


def test_restoring_into_the_open_database_keeps_its_locks(db, db_path, tmp_path):
    from datetime import UTC, datetime

    _write(db)
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(db_path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    source.close()
    target.close()
    restore_database(backup, db_path, tmp_path / "aside", datetime(2025, 10, 1, tzinfo=UTC), live=True)
    _read_in_another_process(db_path)
    _write(db)
    assert _rows_seen_afresh(db_path) == 2  # the restored row and the new one
