"""One writer per database: a lock file beside it, held with an operating-system lock.

The lock file (``briefing-desk.sqlite3.lock``) records who holds it (process, host, user and
since when) so a second copy can say who has the database open. The record alone cannot be
trusted after a crash, so the holder also keeps an exclusive OS lock on the file (``flock`` on
POSIX, ``msvcrt.locking`` on Windows); the operating system drops that lock when the process
dies, however it dies. Whoever gets the OS lock is the writer; a record left behind by a dead
holder on this host is stale and is replaced (and reported).

A record from another computer is respected even when the OS lock was free: network shares do
not always pass locks between computers, and two computers writing one SQLite file over a share
would damage it. The message says how to clear it if that computer is no longer using it.

The file is never deleted, only emptied on release: deleting a locked file lets a third
process create a fresh one and lock that while a second still waits on the old, giving two
writers.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from models.private_files import OWNER_ONLY_FILE, make_private_folder

LOCK_SUFFIX = ".lock"
# Windows byte-range locks are mandatory: lock a byte past the record so others can read it.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a database's writer lock."""

    pid: int
    host: str
    user: str
    started: datetime

    @property
    def on_this_host(self) -> bool:
        """Whether the holder ran on this computer."""
        return self.host == socket.gethostname()

    def to_json(self) -> str:
        """The record written into the lock file."""
        return json.dumps({**asdict(self), "started": self.started.isoformat()})

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        """The record in a lock file, or None when it is empty or unreadable."""
        try:
            data = json.loads(text)
            return cls(
                int(data["pid"]),
                str(data["host"]),
                str(data["user"]),
                datetime.fromisoformat(data["started"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class LockAttempt:
    """The outcome of asking for the writer lock.

    ``lock`` is set when we are the writer; otherwise ``holder`` says who is (None when the
    holder has not written its record yet). ``cleared`` is a stale record from a crashed
    holder that we replaced.
    """

    lock: WriterLock | None
    holder: LockHolder | None = None
    cleared: LockHolder | None = None
    other_host: bool = False


class WriterLock:
    """The writer lock on one database, held until ``release``."""

    def __init__(self, path: Path, handle: IO[bytes], holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        self._handle: IO[bytes] | None = handle

    @staticmethod
    def path_for(database: Path) -> Path:
        """The lock file beside a database file."""
        return database.with_name(f"{database.name}{LOCK_SUFFIX}")

    @classmethod
    def acquire(cls, database: Path, now: datetime) -> LockAttempt:
        """Become the database's only writer, or learn who is.

        Raises:
            OSError: the lock file cannot be created (a read-only folder).
        """
        path = cls.path_for(database)
        make_private_folder(path.parent)
        handle = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, OWNER_ONLY_FILE), "r+b")
        try:
            locked = _try_os_lock(handle)
        except OSError:
            handle.close()
            raise
        previous = _read_record(handle)
        if locked is False:
            handle.close()
            return LockAttempt(None, holder=previous)
        if previous is not None and not previous.on_this_host:
            _release_os_lock(handle)
            handle.close()
            return LockAttempt(None, holder=previous, other_host=True)
        if locked is None and previous is not None and _alive(previous.pid):
            # No OS locks on this file system: the record is all there is to go on.
            handle.close()
            return LockAttempt(None, holder=previous)
        me = LockHolder(os.getpid(), socket.gethostname(), _user(), now)
        _write_record(handle, me)
        return LockAttempt(cls(path, handle, me), cleared=previous)

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._handle is not None

    def release(self) -> None:
        """Empty the record and drop the OS lock (safe to call twice)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            _release_os_lock(handle)
        finally:
            handle.close()

    def __repr__(self) -> str:
        return f"<WriterLock {self.path} held={self.held}>"


def read_holder(database: Path) -> LockHolder | None:
    """Who the lock file says holds the database, without locking anything."""
    try:
        return LockHolder.from_json(WriterLock.path_for(database).read_text(encoding="utf-8"))
    except OSError:
        return None


def _read_record(handle: IO[bytes]) -> LockHolder | None:
    handle.seek(0)
    return LockHolder.from_json(handle.read(4096).decode("utf-8", "replace"))


def _write_record(handle: IO[bytes], holder: LockHolder) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(holder.to_json().encode("utf-8"))
    handle.flush()
    os.fsync(handle.fileno())


def _try_os_lock(handle: IO[bytes]) -> bool | None:
    """True when locked, False when someone else holds it, None when the file system has no locks."""
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415 - Windows only

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415 - POSIX only

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as error:
        if error.errno in _NO_LOCKS_ERRNOS:
            return None
        if sys.platform == "win32":  # msvcrt reports a held lock as a plain OSError
            return False
        raise
    return True


def _release_os_lock(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415 - Windows only

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl  # noqa: PLC0415 - POSIX only

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own earlier record: we are not holding it now
    if sys.platform == "win32":
        return True  # no cheap, safe probe; only reached on file systems without locks
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


_NO_LOCKS_ERRNOS = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS})
