"""Files that hold personal data: readable by their owner only, written whole or not at all.

On POSIX the database, its backups and subject access exports are created ``0600`` and the
folders we create ``0700``. Windows has no mode bits worth setting; there the data folder under
the user's profile is already private to them.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700
PARTIAL_PREFIX = ".partial-"


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if missing; the folder itself is made owner-only."""
    if not folder.is_dir():
        folder.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
        if os.name == "posix":
            # mkdir's mode passes through the umask; a lax umask must not widen it.
            folder.chmod(OWNER_ONLY_FOLDER)
    return folder


def create_private_file(path: Path) -> bool:
    """Create an empty owner-only file unless one exists; True when it was created.

    SQLite gives its -wal and -shm files the mode of the database file, so creating the
    database this way keeps all three private.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def restrict_to_owner(path: Path) -> bool:
    """Remove group and other permissions from an existing file we own; True when it is private."""
    if os.name != "posix" or not path.exists():
        return False
    status = path.stat()
    if status.st_uid != os.getuid():
        return False
    mode = stat.S_IMODE(status.st_mode)
    if mode & 0o077:
        path.chmod(mode & ~0o077)
    return True


def is_owner_only(path: Path) -> bool:
    """Whether nobody but the owner may read or write ``path`` (always True off POSIX)."""
    return os.name != "posix" or not stat.S_IMODE(path.stat().st_mode) & 0o077


def write_private_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: a private temporary file, synced, then renamed.

    A crash leaves either the old file or the new one, never half of either (a stray
    ``.partial-`` file at worst).
    """
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=PARTIAL_PREFIX)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    return path


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
