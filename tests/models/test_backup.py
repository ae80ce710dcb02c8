from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from models.backup import BackupError, BackupFile, BackupKind, list_backups, rotate_backups, take_backup
from models.db import open_database
from models.restore import check_database_file, restore_database
from models.schema import (
    DamagedDatabaseError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    NotADatabaseError,
    head_revision,
)
from tests.storage_checks import integrity, table_dump

AT = datetime(2025, 10, 1, 9, tzinfo=UTC)


def _backup(db, folder):
    source = raw(db)
    try:
        return take_backup(source, folder, "briefing-desk", BackupKind.MANUAL, AT).path
    finally:
        source.close()


def _wreck_table_pages(path):
    """Overwrite pages in the middle of the file: the header and schema still read."""
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + 3 * page] = b"\xa5" * (3 * page)
    path.write_bytes(bytes(data))


def _make_foreign(path):
    path.unlink()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")


def _make_empty(path):
    path.unlink()
    sqlite3.connect(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")


def _stamp(path, revision):
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def raw(db):
    return sqlite3.connect(db.path)


def add_preference(db, key, value="1"):
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO preferences (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
        )


def test_a_backup_is_a_consistent_single_file_copy_named_for_its_database(db, tmp_path):
    add_preference(db, "before")
    source = raw(db)
    try:
        backup = take_backup(source, tmp_path / "backups", "briefing-desk", BackupKind.MANUAL, AT)
    finally:
        source.close()
    assert backup.name == "briefing-desk-20251001T090000Z-manual.sqlite3"
    assert backup.taken_at == AT
    assert backup.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file
    assert table_dump(backup.path) == table_dump(db.path)
    assert integrity(backup.path) == ["ok"]
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.name]


def test_a_backup_includes_changes_still_in_the_wal(db, tmp_path):
    add_preference(db, "only-in-wal")
    assert db.path.with_name(db.path.name + "-wal").stat().st_size > 0
    source = raw(db)
    try:
        backup = take_backup(source, tmp_path, "db", BackupKind.DAILY, AT)
    finally:
        source.close()
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("SELECT key FROM preferences").fetchall() == [("only-in-wal",)]


def test_two_backups_in_the_same_second_get_different_names(db, tmp_path):
    source = raw(db)
    try:
        first = take_backup(source, tmp_path, "db", BackupKind.MANUAL, AT)
        second = take_backup(source, tmp_path, "db", BackupKind.MANUAL, AT)
    finally:
        source.close()
    assert first.path != second.path
    assert second.name == "db-20251001T090000Z-manual-2.sqlite3"


class CancelledError(Exception):
    pass


def test_a_cancelled_backup_leaves_nothing_behind(db, tmp_path):
    def cancel(done, total):
        raise CancelledError

    source = raw(db)
    try:
        with pytest.raises(CancelledError):
            take_backup(source, tmp_path / "backups", "db", BackupKind.MANUAL, AT, progress=cancel)
    finally:
        source.close()
    assert list((tmp_path / "backups").iterdir()) == []


def test_an_unwritable_backup_folder_is_a_clear_error(db, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    source = raw(db)
    try:
        with pytest.raises(BackupError, match="Cannot write backups to"):
            take_backup(source, blocker / "backups", "db", BackupKind.MANUAL, AT)
    finally:
        source.close()


def test_rotation_keeps_the_newest_of_one_kind_and_touches_nothing_else(tmp_path):
    def touch(name):
        (tmp_path / name).write_bytes(b"x")

    for day in range(1, 6):
        touch(f"db-202510{day:02d}T090000Z-daily.sqlite3")
    touch("db-20251001T090000Z-manual.sqlite3")
    touch("other-20251001T090000Z-daily.sqlite3")
    touch("holiday-photos.sqlite3")
    removed = rotate_backups(tmp_path, "db", BackupKind.DAILY, keep=2)
    assert sorted(p.name for p in removed) == [f"db-202510{d:02d}T090000Z-daily.sqlite3" for d in (1, 2, 3)]
    left = [b.name for b in list_backups(tmp_path, "db")]
    assert left == [
        "db-20251005T090000Z-daily.sqlite3",
        "db-20251004T090000Z-daily.sqlite3",
        "db-20251001T090000Z-manual.sqlite3",
    ]
    assert (tmp_path / "other-20251001T090000Z-daily.sqlite3").exists()
    assert (tmp_path / "holiday-photos.sqlite3").exists()


def test_names_that_are_not_backups_are_not_parsed(tmp_path):
    path = tmp_path / "db-2025-10-01-daily.sqlite3"
    path.write_bytes(b"x")
    assert BackupFile.parse(path) is None


# ---------------------------------------------------------------- checking a file before restoring it


def test_check_accepts_a_current_backup(db, tmp_path):
    backup = _backup(db, tmp_path)
    checked = check_database_file(backup)
    assert (checked.revision, checked.current) == (head_revision(), True)


@pytest.mark.parametrize(
    ("spoil", "error", "message"),
    [
        (lambda p: p.write_bytes(b"PK\x03\x04 a zip file"), NotADatabaseError, "not a database file"),
        (_wreck_table_pages, DamagedDatabaseError, "damaged"),
        (_make_foreign, ForeignDatabaseError, "not a Briefing Desk database"),
        (lambda p: _stamp(p, "9999_future"), DatabaseTooNewError, "newer version"),
        (_make_empty, ForeignDatabaseError, "no Briefing Desk data"),
    ],
)
def test_check_refuses_each_kind_of_bad_file(db, tmp_path, spoil, error, message):
    backup = _backup(db, tmp_path)
    spoil(backup)
    with pytest.raises(error, match=message):
        check_database_file(backup)


def test_check_refuses_a_missing_file(tmp_path):
    with pytest.raises(Exception, match="does not exist"):
        check_database_file(tmp_path / "nope.sqlite3")


# ---------------------------------------------------------------- restoring


def test_restore_over_a_sound_database_keeps_it_aside_and_brings_back_the_backup(db, tmp_path):
    add_preference(db, "in-backup")
    backup = _backup(db, tmp_path / "b")
    expected = table_dump(backup)
    add_preference(db, "after-backup")
    before_restore = table_dump(db.path)
    outcome = restore_database(backup, db.path, tmp_path / "aside", AT + timedelta(hours=1), live=True)
    assert table_dump(db.path) == expected
    assert outcome.kept_aside is not None
    assert outcome.kept_aside.name == "briefing-desk-20251001T100000Z-before-restore.sqlite3"
    assert table_dump(outcome.kept_aside) == before_restore
    assert integrity(db.path) == ["ok"]
    # The open engine sees the restored data, and the file is still in WAL mode.
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT key FROM preferences")).scalars().all() == ["in-backup"]
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_restore_refuses_a_bad_backup_and_changes_nothing(db, tmp_path):
    add_preference(db, "precious")
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    before = table_dump(db.path)
    with pytest.raises(NotADatabaseError):
        restore_database(junk, db.path, tmp_path / "aside", AT)
    assert table_dump(db.path) == before
    assert not (tmp_path / "aside").exists()


def test_restore_refuses_the_database_itself(db, tmp_path):
    with pytest.raises(BackupError, match="the database itself"):
        restore_database(db.path, db.path, tmp_path, AT)


def test_restore_over_a_damaged_database_replaces_the_file_and_keeps_the_wreck(db, tmp_path):
    backup = _backup(db, tmp_path / "b")
    expected = table_dump(backup)
    path = db.path
    db.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _wreck_table_pages(path)
    wreck = path.read_bytes()
    outcome = restore_database(backup, path, tmp_path / "aside", AT)
    assert table_dump(path) == expected
    assert integrity(path) == ["ok"]
    assert outcome.kept_aside is not None
    assert outcome.kept_aside.read_bytes() == wreck
    reopened = open_database(str(path))
    reopened.dispose()


def test_restore_while_open_refuses_a_damaged_database(db, tmp_path):
    backup = _backup(db, tmp_path / "b")
    db.dispose()
    _wreck_table_pages(db.path)
    with pytest.raises(BackupError, match="cannot be restored while it is open"):
        restore_database(backup, db.path, tmp_path / "aside", AT, live=True)


def test_restore_where_the_database_is_missing_creates_it(db, tmp_path):
    backup = _backup(db, tmp_path / "b")
    target = tmp_path / "new" / "restored.sqlite3"
    outcome = restore_database(backup, target, tmp_path / "aside", AT)
    assert outcome.kept_aside is None
    assert table_dump(target) == table_dump(backup)


def test_partial_backups_are_not_listed_and_old_abandoned_ones_are_removed(db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    abandoned = folder / ".partial-briefing-desk-20250101T090000Z-daily.sqlite3"
    in_progress = folder / ".partial-briefing-desk-20251001T085959Z-manual.sqlite3"
    for partial in (abandoned, in_progress):
        partial.write_bytes(b"half a backup")
    os.utime(abandoned, (time.time() - 3 * 86400,) * 2)
    assert list_backups(folder) == []
    _backup(db, folder)
    assert not abandoned.exists()
    assert in_progress.exists()  # perhaps another copy of the app, backing up right now
    assert [b.kind for b in list_backups(folder)] == [BackupKind.MANUAL]
