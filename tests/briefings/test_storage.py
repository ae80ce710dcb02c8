from __future__ import annotations

import os
import signal
import socket
import stat
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from briefings.errors import ReadOnlyError, ValidationError
from briefings.services import Services
from briefings.storage import opening
from briefings.storage.backups import BackupSettings, read_backup_settings
from briefings.storage.opening import open_for_use
from briefings.storage.restoring import restore_database_file
from models.backup import BackupKind, list_backups
from models.db import create_database_engine
from models.schema import DatabaseError, NotADatabaseError
from models.writer_lock import WriterLock
from tests.storage_checks import integrity, table_dump
from tests.two_copies import close_properly, other_copy

DAY = datetime(2025, 10, 1, 8, tzinfo=UTC)


def clock_at(moment):
    return lambda: moment


def backups_of(path, kind=None):
    return [b for b in list_backups(path.parent / "backups", path.stem) if kind is None or b.kind is kind]


# ---------------------------------------------------------------- opening: one writer, daily backups


def test_the_first_copy_is_the_writer_and_takes_the_days_backup_once(db_path):
    for hour in (8, 9):
        opened = open_for_use(str(db_path), clock=clock_at(DAY.replace(hour=hour)))
        try:
            assert opened.lock is not None
            assert not opened.read_only
            assert opened.notes == ()
        finally:
            opened.close()
    assert [b.taken_at for b in backups_of(db_path)] == [DAY]
    opened = open_for_use(str(db_path), clock=clock_at(DAY + timedelta(days=1)))
    opened.close()
    assert len(backups_of(db_path, BackupKind.DAILY)) == 2


def test_daily_backups_are_rotated_to_the_number_kept(db, db_path, clock):
    Services.build(db.sessions, clock=clock).backups.set_settings(None, 2)
    for day in range(4):
        open_for_use(str(db_path), clock=clock_at(DAY + timedelta(days=day))).close()
    assert [b.taken_at.day for b in backups_of(db_path, BackupKind.DAILY)] == [4, 3]


@pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX")
def test_backups_and_their_folder_are_readable_by_the_owner_only(services, db_path):
    row = services.backups.back_up_now()
    assert stat.S_IMODE(row.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(row.path.parent.stat().st_mode) == 0o700


@pytest.mark.slow
def test_a_second_copy_opens_read_only_and_says_who_has_the_database(db_path, clock):
    with other_copy(db_path, app=True) as child:
        opened = open_for_use(str(db_path), clock=clock)
        try:
            assert opened.read_only
            assert opened.lock is None
            reason = opened.read_only_reason
            assert reason.startswith("Read-only: Briefing Desk is already open on this database (")
            assert f"on {socket.gethostname()}" in reason
            assert f"process {child.pid}" in reason
            services = Services.build(opened.database.sessions, clock=clock, read_only_reason=reason)
            assert services.briefings.topics()  # reading works
            with pytest.raises(ReadOnlyError) as caught:
                services.preferences.set("organiser.name", "x")
            assert caught.value.message == reason
            with pytest.raises(Exception, match="readonly"), opened.database.engine.begin() as connection:
                connection.execute(text("INSERT INTO preferences (key, value) VALUES ('k', '1')"))
        finally:
            opened.close()
        close_properly(child)
    writer = open_for_use(str(db_path), clock=clock)
    assert not writer.read_only
    writer.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_after_a_crash_the_next_copy_clears_the_stale_lock_and_says_so(db_path, clock):
    with other_copy(db_path, app=True) as child:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    opened = open_for_use(str(db_path), clock=clock)
    try:
        assert not opened.read_only
        assert len(opened.notes) == 1
        assert opened.notes[0].startswith(
            f"Briefing Desk did not close properly last time (process {child.pid},"
        )
    finally:
        opened.close()
    assert integrity(db_path) == ["ok"]


def test_a_folder_where_no_lock_can_be_made_opens_read_only(db_path, clock, monkeypatch):
    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(WriterLock, "acquire", refuse)
    opened = open_for_use(str(db_path), clock=clock)
    try:
        assert opened.read_only_reason == (
            "Read-only: the folder holding the database cannot be written (Permission denied)."
        )
    finally:
        opened.close()


def test_a_bad_file_is_refused_and_the_lock_released(tmp_path, clock):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(NotADatabaseError):
        open_for_use(str(path), clock=clock)
    attempt = WriterLock.acquire(path, clock())
    assert attempt.lock is not None
    attempt.lock.release()


# ---------------------------------------------------------------- the backup before an upgrade


def test_an_upgrade_is_preceded_by_a_backup(db, db_path, clock):
    opening._backup_before_upgrade(clock)(db.engine, "0000_older")
    assert [b.kind for b in backups_of(db_path)] == [BackupKind.BEFORE_UPGRADE]


def test_a_new_database_needs_no_backup_before_its_first_migration(db, db_path, clock):
    opening._backup_before_upgrade(clock)(db.engine, None)
    assert backups_of(db_path) == []


def test_when_that_backup_fails_the_upgrade_is_refused(db, db_path, clock, services):
    blocker = db_path.parent / "blocked"
    blocker.write_text("a file where the folder should be")
    services.backups.set_settings(blocker / "backups", 5)
    with pytest.raises(DatabaseError, match=r"the backup taken first failed: .* Nothing was changed"):
        opening._backup_before_upgrade(clock)(db.engine, "0000_older")


def test_backup_settings_read_without_the_orm_fall_back_to_defaults(tmp_path):
    engine = create_database_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        assert read_backup_settings(engine) == BackupSettings()
    finally:
        engine.dispose()


# ---------------------------------------------------------------- the backup service


def test_backup_settings_can_be_chosen_and_are_checked(services, db_path, tmp_path):
    assert services.backups.settings().folder == db_path.parent / "backups"
    chosen = tmp_path / "usb-stick" / "briefing-desk"
    row = services.backups.set_settings(chosen, 30)
    assert (row.folder, row.chosen, row.keep) == (chosen, True, 30)
    assert services.backups.back_up_now().path.parent == chosen
    for folder, keep, field in [
        (None, 0, "keep"),
        (None, 366, "keep"),
        (tmp_path.relative_to(tmp_path), 5, "folder"),
    ]:
        with pytest.raises(ValidationError) as caught:
            services.backups.set_settings(folder, keep)
        assert caught.value.field == field


def test_back_up_now_works_read_only_but_restore_does_not(db, clock, services):
    reader = Services.build(db.sessions, clock=clock, read_only_reason="Read-only: open elsewhere.")
    row = reader.backups.back_up_now()
    assert row.kind == "manual"
    with pytest.raises(ReadOnlyError, match="open elsewhere"):
        reader.backups.restore(row.path)


def test_a_bad_backup_is_explained_before_anything_is_touched(services, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    with pytest.raises(ValidationError, match="is not a database file") as caught:
        services.backups.check(junk)
    assert caught.value.field == "path"
    with pytest.raises(ValidationError, match="is not a database file"):
        services.backups.restore(junk)
    assert services.backups.backups() == []


@pytest.mark.usefixtures("county")
def test_backup_and_restore_round_trip_every_table_byte_for_byte(services, db, clock):
    backup = services.backups.back_up_now()
    assert services.backups.check(backup.path).needs_upgrade is False
    at_backup = table_dump(backup.path)
    assert at_backup == table_dump(db.path)
    clock.advance(timedelta(hours=1))
    services.privacy.erase_person(1)
    services.privacy.apply_retention()
    before_restore = table_dump(db.path)
    clock.advance(timedelta(hours=1))
    report = services.backups.restore(backup.path)
    restored = table_dump(db.path)
    restore_entry = restored["audit_events"].pop()
    assert restored == at_backup
    assert restore_entry[3:5] == ("restored", "database")
    assert report.kept_aside is not None
    assert table_dump(report.kept_aside) == before_restore
    assert [b.kind for b in services.backups.backups()] == ["before-restore", "manual"]
    assert services.directory.person(1).full_name == "Amy Okafor"  # the open services see it at once
    assert integrity(db.path) == ["ok"]


@pytest.mark.usefixtures("county")
def test_restoring_without_the_app_open_repairs_a_damaged_database(services, db, db_path, clock):
    backup = services.backups.back_up_now().path
    expected = table_dump(backup)
    db.dispose()
    data = bytearray(db_path.read_bytes())
    data[8192:16384] = b"\xa5" * 8192
    db_path.write_bytes(bytes(data))
    db_path.with_name(db_path.name + "-wal").unlink(missing_ok=True)
    with pytest.raises(DatabaseError, match="damaged"):
        open_for_use(str(db_path), clock=clock)
    report = restore_database_file(str(db_path), backup, "dpo", clock())
    assert report.sentence().startswith(f"Restored {backup.name}. The database as it was is kept in ")
    restored = table_dump(db_path)
    assert restored["audit_events"].pop()[2] == "dpo"
    assert restored == expected
    open_for_use(str(db_path), clock=clock).close()


def test_restoring_is_refused_while_another_copy_has_the_database(services, db_path, clock):
    backup = services.backups.back_up_now().path
    holder = WriterLock.acquire(db_path, clock())
    try:
        with pytest.raises(ReadOnlyError, match=r"^Cannot restore: Briefing Desk is already open"):
            restore_database_file(str(db_path), backup, "dpo", clock())
    finally:
        holder.lock.release()


def test_restoring_a_bad_backup_without_the_app_open_is_a_domain_error(db_path, tmp_path, clock):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a header cut short
    before = table_dump(db_path)
    with pytest.raises(ValidationError, match="not a database file") as caught:
        restore_database_file(str(db_path), junk, "dpo", clock())
    assert caught.value.field == "path"
    assert table_dump(db_path) == before
