from __future__ import annotations

import json

import pytest

from tests.storage_checks import table_dump
from tests.two_copies import other_copy


def test_back_up_now_then_list(cli, db_path):
    status, out, _ = cli("backup", "now")
    assert status == 0
    assert out.startswith(
        f"Backed up to {db_path.parent / 'backups' / 'briefing-desk-20251001T090000Z-manual.sqlite3'}"
    )
    status, out, _ = cli("backup", "list")
    assert out.splitlines()[0] == f"Backups in {db_path.parent / 'backups'}:"
    assert "manual" in out
    assert "daily" in out  # the day's backup, taken when the database was first opened
    rows = json.loads(cli("backup", "list", "--json")[1])
    assert {r["kind"] for r in rows} == {"daily", "manual"}


def test_restore_asks_first_then_restores_and_logs_it(cli, db_path):
    cli("backup", "now")
    backup = db_path.parent / "backups" / "briefing-desk-20251001T090000Z-manual.sqlite3"
    cli("retention", "set", "--bookings", "3")
    changed = table_dump(db_path)
    status, out, err = cli("backup", "restore", str(backup))
    assert status == 2
    assert "nothing was restored; run again with --yes" in err
    assert table_dump(db_path) == changed
    status, out, _ = cli("backup", "restore", str(backup), "--yes")
    assert status == 0
    assert out.startswith(f"Restored {backup.name}. The database as it was is kept in ")
    assert json.loads(cli("audit", "list", "--json", "--limit", "1")[1])[0]["action"] == "restored"
    assert "6 years" in cli("retention", "show")[1]


@pytest.mark.parametrize(
    ("content", "message"),
    # SQLite cannot tell a wrecked header from another kind of file; deeper damage says "damaged".
    [
        (b"hello", "is not a database file"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "is not a database file"),
    ],
)
def test_restore_refuses_a_bad_backup_with_the_reason(cli, tmp_path, content, message):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    status, _, err = cli("backup", "restore", str(bad), "--yes")
    assert status == 2
    assert message in err
    assert err.count("\n") == 1


def test_backup_settings_show_and_change(cli, tmp_path):
    status, out, _ = cli("backup", "settings")
    assert "(beside the database)" in out
    assert "newest 14 of each kind" in out
    folder = tmp_path / "stick"
    status, out, _ = cli("backup", "settings", "--keep", "3", "--folder", str(folder))
    assert out.splitlines()[0] == f"Backup folder: {folder}"
    assert "newest 3 of each kind" in out
    assert cli("backup", "settings", "--keep", "5")[1].splitlines()[0] == f"Backup folder: {folder}"
    assert "(beside the database)" in cli("backup", "settings", "--default-folder")[1]
    status, _, err = cli("backup", "settings", "--keep", "0")
    assert status == 2
    assert "Keep from 1 to 365 backups" in err


@pytest.mark.slow
def test_while_the_app_has_the_database_changes_and_restores_are_refused(cli, db_path):
    cli("backup", "now")
    backup = db_path.parent / "backups" / "briefing-desk-20251001T090000Z-manual.sqlite3"
    with other_copy(db_path, app=True):
        status, _, err = cli("retention", "set", "--bookings", "3")
        assert status == 2
        assert err.startswith(
            "briefing-desk: error: Read-only: Briefing Desk is already open on this database"
        )
        assert cli("backup", "now")[0] == 0  # a backup changes nothing, so it is allowed
        status, _, err = cli("backup", "restore", str(backup), "--yes")
        assert status == 2
        assert "Cannot restore: Briefing Desk is already open" in err
