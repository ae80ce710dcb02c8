from __future__ import annotations

import json
import os
import signal
import socket
import sys
from datetime import UTC, datetime

import pytest

from models import writer_lock
from models.writer_lock import LockHolder, WriterLock, read_holder
from tests.two_copies import close_properly, other_copy

NOW = datetime(2025, 10, 1, 9, tzinfo=UTC)


def test_the_first_copy_becomes_the_writer_and_records_who_it_is(tmp_path):
    database = tmp_path / "db.sqlite3"
    attempt = WriterLock.acquire(database, NOW)
    try:
        assert attempt.lock is not None
        assert attempt.cleared is None
        holder = read_holder(database)
        assert holder == LockHolder(os.getpid(), socket.gethostname(), attempt.lock.holder.user, NOW)
    finally:
        attempt.lock.release()
    assert WriterLock.path_for(database).read_text() == ""  # emptied, never deleted
    assert read_holder(database) is None


def test_a_second_lock_in_the_same_process_is_refused(tmp_path):
    database = tmp_path / "db.sqlite3"
    first = WriterLock.acquire(database, NOW)
    try:
        second = WriterLock.acquire(database, NOW)
        assert second.lock is None
        assert second.holder is not None
        assert second.holder.pid == os.getpid()
    finally:
        first.lock.release()
    third = WriterLock.acquire(database, NOW)
    assert third.lock is not None
    third.lock.release()


@pytest.mark.slow
def test_while_another_process_holds_the_lock_we_are_refused_and_told_who(tmp_path):
    database = tmp_path / "db.sqlite3"
    with other_copy(database) as child:
        attempt = WriterLock.acquire(database, NOW)
        assert attempt.lock is None
        assert attempt.holder is not None
        assert (attempt.holder.pid, attempt.holder.host) == (child.pid, socket.gethostname())
        close_properly(child)
    after = WriterLock.acquire(database, NOW)
    assert after.lock is not None
    assert after.cleared is None  # it closed properly: nothing stale
    after.lock.release()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_lock_left_by_a_killed_process_is_cleared_and_reported(tmp_path):
    database = tmp_path / "db.sqlite3"
    with other_copy(database) as child:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert read_holder(database).pid == child.pid  # the record survives the crash
        attempt = WriterLock.acquire(database, NOW)
    assert attempt.lock is not None
    assert attempt.cleared is not None
    assert attempt.cleared.pid == child.pid
    assert read_holder(database).pid == os.getpid()
    attempt.lock.release()


def test_a_record_from_another_computer_is_respected(tmp_path):
    database = tmp_path / "db.sqlite3"
    other = LockHolder(4242, "LAPTOP-ELSEWHERE", "alice", NOW)
    WriterLock.path_for(database).write_text(other.to_json())
    attempt = WriterLock.acquire(database, NOW)
    assert attempt.lock is None
    assert attempt.other_host
    assert attempt.holder == other
    # Not ours to clear: the record is still there for the other computer.
    assert read_holder(database) == other


def test_without_os_locks_a_live_holder_is_respected_and_a_dead_one_cleared(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_lock, "_try_os_lock", lambda handle: None)
    database = tmp_path / "db.sqlite3"
    parent = LockHolder(os.getppid(), socket.gethostname(), "bob", NOW)  # alive: our parent process
    WriterLock.path_for(database).write_text(parent.to_json())
    assert WriterLock.acquire(database, NOW).lock is None
    dead = LockHolder(_dead_pid(), socket.gethostname(), "bob", NOW)
    WriterLock.path_for(database).write_text(dead.to_json())
    attempt = WriterLock.acquire(database, NOW)
    assert attempt.lock is not None
    assert attempt.cleared == dead
    attempt.lock.release()


def test_an_unreadable_record_does_not_stop_the_writer(tmp_path):
    database = tmp_path / "db.sqlite3"
    WriterLock.path_for(database).write_text("{garbage")
    attempt = WriterLock.acquire(database, NOW)
    assert attempt.lock is not None
    assert json.loads(WriterLock.path_for(database).read_text())["pid"] == os.getpid()
    attempt.lock.release()


def _dead_pid():
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1
