from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from models.briefings import Topic
from models.db import DATABASE_ENV, default_database_url, normalise_url, open_database
from models.registrations import Registration
from models.schema import DamagedDatabaseError, DatabaseTooNewError, ForeignDatabaseError, NotADatabaseError


def test_new_database_file_is_created_migrated_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "sub" / "new.sqlite3"
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert db.describe() == str(path)
    db.dispose()
    assert path.exists()


def test_default_url_uses_environment_then_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(DATABASE_ENV, "sqlite:///elsewhere.sqlite3")
    assert default_database_url() == "sqlite:///elsewhere.sqlite3"
    monkeypatch.delenv(DATABASE_ENV)
    assert default_database_url().endswith("briefing-desk.sqlite3")


def test_bare_paths_become_urls(tmp_path):
    assert normalise_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert normalise_url("postgresql://u@h/db") == "postgresql://u@h/db"


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"%PDF-1.7 not a database at all")
    with pytest.raises(NotADatabaseError, match="not a database file"):
        open_database(str(path))
    assert path.read_bytes() == b"%PDF-1.7 not a database at all"


def test_a_damaged_database_is_refused(db_path):
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    db_path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match="damaged"):
        open_database(str(db_path))


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE stuff (id INTEGER)")
    with pytest.raises(ForeignDatabaseError, match="not a Briefing Desk database"):
        open_database(str(path))


def test_a_database_from_a_newer_version_is_refused_and_not_migrated(db_path):
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_database(str(db_path))
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_from_the_future",
        )


def test_times_are_stored_in_utc_and_naive_ones_refused(db):
    from briefings.clock import LONDON
    from models.briefings import Briefing

    with db.sessions.begin() as session:
        topic = session.query(Topic).first()
        start = datetime(2025, 7, 1, 9, 30, tzinfo=LONDON)
        b = Briefing(
            title="t",
            topic_id=topic.id,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            delivery="online",
            capacity=5,
            calendar_uid="u1",
        )
        session.add(b)
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT starts_at FROM briefings")).scalar()
    assert str(stored).startswith("2025-07-01 08:30")
    with db.sessions() as session:
        loaded = session.query(Briefing).one()
        assert loaded.starts_at == datetime(2025, 7, 1, 8, 30, tzinfo=UTC)
        assert loaded.starts_at.tzinfo is UTC
    with db.sessions.begin() as session:
        session.add(Registration(briefing_id=1, status="booked", queued_at=datetime(2025, 1, 1)))
        with pytest.raises(Exception, match="naive datetime"):
            session.flush()
        session.rollback()
    with db.sessions.begin() as session:
        reg = Registration(
            briefing_id=1,
            status="booked",
            queued_at=datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=5))),
        )
        session.add(reg)
    with db.sessions() as session:
        assert session.query(Registration).one().queued_at == datetime(2024, 12, 31, 19, tzinfo=UTC)


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception, match="FOREIGN KEY"), db.sessions.begin() as session:
        session.add(
            Registration(briefing_id=12345, status="booked", queued_at=datetime(2025, 1, 1, tzinfo=UTC))
        )


def test_damage_deep_inside_the_file_is_found_when_opening(db_path):
    # Fill one table so its leaf pages are the last in the file, then wreck only those: the
    # header and schema still read, so only the integrity check on opening can notice.
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.executemany(
            "INSERT INTO organisations (name) VALUES (?)",
            [(f"Organisation {n:05d} " + "x" * 200,) for n in range(3000)],
        )
    data = bytearray(db_path.read_bytes())
    last_quarter = (len(data) * 3 // 4 // 4096) * 4096
    data[last_quarter : last_quarter + 8192] = b"\xa5" * 8192
    db_path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError, match=r"is damaged.*Restore it from a backup"):
        open_database(str(db_path))


def test_a_read_only_open_has_sqlite_refuse_every_write(db_path):
    database = open_database(str(db_path), read_only=True)
    try:
        with pytest.raises(Exception, match="readonly"), database.engine.begin() as connection:
            connection.execute(text("INSERT INTO preferences (key, value) VALUES ('k', '1')"))
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM topics")).scalar() > 0
    finally:
        database.dispose()
