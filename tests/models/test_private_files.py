from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import text

from models.db import open_database
from models.private_files import is_owner_only, restrict_to_owner, write_private_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX")


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_its_wal_and_its_folder_are_private(tmp_path):
    folder = tmp_path / "data" / "briefing-desk"
    database = open_database(str(folder / "new.sqlite3"))
    with database.sessions.begin() as session:
        session.execute(text("INSERT INTO preferences VALUES ('k', '1')"))
    try:
        assert mode(folder) == 0o700
        assert mode(folder / "new.sqlite3") == 0o600
        assert mode(folder / "new.sqlite3-wal") == 0o600
        assert mode(folder / "new.sqlite3-shm") == 0o600
    finally:
        database.dispose()


def test_an_existing_readable_database_is_tightened_on_opening(db_path):
    db_path.chmod(0o644)
    database = open_database(str(db_path))
    database.dispose()
    assert mode(db_path) == 0o600


def test_restrict_to_owner_keeps_the_owners_bits(tmp_path):
    path = tmp_path / "f"
    path.write_text("x")
    path.chmod(0o764)
    assert restrict_to_owner(path)
    assert mode(path) == 0o700
    assert is_owner_only(path)


def test_private_write_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o644)
    write_private_file(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_failed_private_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space"):
        write_private_file(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
