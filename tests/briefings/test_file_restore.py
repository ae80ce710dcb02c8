from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from briefings.errors import ValidationError
from briefings.services.base import operating_system_user
from briefings.services.file_restore import DatabaseFileRestore, StartupAdvice, startup_problem
from briefings.storage.opening import open_for_use
from models.schema import DatabaseError
from tests.storage_checks import table_dump


def refusal(path, clock) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        open_for_use(str(path), clock=clock)
    return caught.value


def damage(db, db_path) -> None:
    db.dispose()
    data = bytearray(db_path.read_bytes())
    data[8192:16384] = b"\xa5" * 8192
    db_path.write_bytes(bytes(data))
    db_path.with_name(db_path.name + "-wal").unlink(missing_ok=True)


def test_a_damaged_database_is_offered_its_backups_and_restored_in_place(services, db, db_path, clock):
    older = services.backups.back_up_now()
    clock.advance(timedelta(hours=1))
    newer = services.backups.back_up_now()
    expected = table_dump(newer.path)
    damage(db, db_path)
    problem = startup_problem(str(db_path), refusal(db_path, clock), clock=clock)
    assert problem.advice is StartupAdvice.RESTORE
    assert "damaged" in problem.message
    restore = problem.restore
    assert restore is not None
    assert (restore.database, restore.folder) == (db_path, db_path.parent / "backups")
    assert [b.name for b in restore.backups()] == [newer.name, older.name]
    assert restore.check(newer.path).revision
    report = restore.restore(newer.path)
    assert report.kept_aside is not None
    assert report.kept_aside.exists()
    restored = table_dump(db_path)
    assert restored["audit_events"].pop()[2:4] == (operating_system_user(), "restored")
    assert restored == expected
    open_for_use(str(db_path), clock=clock).close()


def test_a_file_that_is_not_a_database_can_be_restored_too(tmp_path, clock):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database")
    problem = startup_problem(str(path), refusal(path, clock), clock=clock)
    assert problem.advice is StartupAdvice.RESTORE
    assert problem.restore is not None
    assert problem.restore.backups() == []


def test_a_database_from_a_newer_version_asks_for_an_update_and_offers_no_restore(db, db_path, clock):
    db.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    problem = startup_problem(str(db_path), refusal(db_path, clock), clock=clock)
    assert problem.advice is StartupAdvice.UPDATE
    assert problem.restore is None
    assert "Update the app" in problem.message


def test_another_programs_database_is_neither_restored_nor_updated(tmp_path, clock):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    problem = startup_problem(str(path), refusal(path, clock), clock=clock)
    assert (problem.advice, problem.restore) == (StartupAdvice.NONE, None)


def test_a_bad_backup_is_refused_before_anything_is_touched(tmp_path, db_path, clock):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a header cut short
    before = table_dump(db_path)
    restore = DatabaseFileRestore(str(db_path), clock=clock, actor="dpo")
    with pytest.raises(ValidationError, match="not a database file") as caught:
        restore.check(junk)
    assert caught.value.field == "path"
    with pytest.raises(ValidationError):
        restore.restore(junk)
    assert table_dump(db_path) == before


def test_a_server_database_has_no_file_to_restore():
    with pytest.raises(ValueError, match="kept in a file"):
        DatabaseFileRestore("postgresql://council@db.example/briefings")
