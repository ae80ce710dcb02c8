"""A second copy of the app, for the one-writer tests: ``python -m tests.lock_holder DB [app]``.

It takes the writer lock (``app``: opens the database as the app does), prints ``ready``, and
holds on until a line arrives on stdin (then closes properly) or it is killed.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path


def main() -> int:
    database = Path(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "app":
        from briefings.storage.opening import open_for_use

        opened = open_for_use(str(database), daily_backup=False)
        print("ready" if not opened.read_only else f"read-only {opened.read_only_reason}", flush=True)
        sys.stdin.readline()
        opened.close()
        return 0
    from models.writer_lock import WriterLock

    attempt = WriterLock.acquire(database, datetime.now(UTC))
    if attempt.lock is None:
        print("refused", flush=True)
        return 1
    print("ready", flush=True)
    sys.stdin.readline()
    attempt.lock.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
