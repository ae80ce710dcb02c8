"""Benchmarks for safe storage: backup and restore of a large database, beside plain SQLite.

Each ``bench_*`` function takes the large database (``large_database`` builds one) and a scratch
folder and returns seconds, so the benchmark harness can register them; run this module to
measure them by hand: ``python -m tests.benchmarks.bench_storage [FOLDER]``.

- ``bench_backup``: what "Back up now" does (SQLite backup API in steps, to a private temporary
  file, journal switched to a single file, synced, renamed, rotation).
- ``bench_sqlite3_cli_backup``: the ``sqlite3`` shell's ``.backup``, the plain baseline.
- ``bench_python_backup``: ``sqlite3.Connection.backup`` in one step, nothing else.
- ``bench_restore``: "Restore from backup" into the open database: the backup checked with
  ``integrity_check``, the current file kept aside (itself a backup), then the backup written
  back through SQLite in one transaction.
- ``bench_check``: ``check_database_file`` alone (the integrity check restore starts with).
- ``bench_open``: opening as the app does at start, whose ``quick_check`` is new here.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from models.backup import BackupKind, take_backup
from models.briefings import Briefing, Topic
from models.db import open_database
from models.people import Membership, Person
from models.registrations import Registration
from models.restore import check_database_file, restore_database
from models.settings import Setting

AT = datetime(2025, 10, 1, 9, tzinfo=UTC)


def large_database(
    path: Path, *, settings: int = 500, people: int = 20_000, registrations: int = 200_000
) -> Path:
    """A county the size of a large authority's ten years (~30 MB), seeded with bulk inserts."""
    database = open_database(str(path))
    per_briefing = 40
    with database.sessions.begin() as session:
        topic = session.query(Topic).first()
        assert topic is not None
        session.execute(
            insert(Setting),
            [{"name": f"School {n}", "urn": 100_000 + n, "phase": "primary", "district": f"D{n % 7}"}
             for n in range(settings)],
        )  # fmt: skip
        session.execute(
            insert(Person),
            [{"first_name": f"First{n}", "last_name": f"Last{n}", "email": f"p{n}@school.example",
              "created_at": AT} for n in range(people)],
        )  # fmt: skip
        session.execute(
            insert(Membership),
            [{"person_id": n + 1, "setting_id": n % settings + 1, "role": "dsl"} for n in range(people)],
        )
        start = datetime(2016, 1, 4, 9, tzinfo=UTC)
        briefings = registrations // per_briefing
        session.execute(
            insert(Briefing),
            [{"title": f"Briefing {n}", "topic_id": topic.id, "starts_at": start + timedelta(days=n),
              "ends_at": start + timedelta(days=n, hours=2), "delivery": "online", "capacity": 50,
              "calendar_uid": f"bench-{n}", "audience_roles": [], "audience_phases": [],
              "audience_districts": [], "status": "completed", "calendar_sequence": 0, "created_at": start,
              "updated_at": start}
             for n in range(briefings)],
        )  # fmt: skip
        session.execute(
            insert(Registration),
            [{"briefing_id": n // per_briefing + 1, "person_id": (n * 7919) % people + 1, "status": "booked",
              "queued_at": start, "attendance": "present", "minutes_attended": 120,
              "setting_id": ((n * 7919) % people) % settings + 1, "role": "dsl", "walk_in": False}
             for n in range(registrations)],
        )  # fmt: skip
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


def bench_backup(database: Path, scratch: Path) -> float:
    """Seconds for the app's backup of ``database``."""
    source = sqlite3.connect(database)
    try:
        return _timed(lambda: take_backup(source, scratch / "backups", database.stem, BackupKind.MANUAL, AT))
    finally:
        source.close()


def bench_sqlite3_cli_backup(database: Path, scratch: Path) -> float:
    """Seconds for ``sqlite3 DATABASE ".backup TARGET"`` (NaN without the sqlite3 shell)."""
    shell = shutil.which("sqlite3")
    if shell is None:
        return float("nan")
    target = scratch / "cli-backup.sqlite3"
    return _timed(lambda: subprocess.run([shell, str(database), f".backup '{target}'"], check=True))


def bench_python_backup(database: Path, scratch: Path) -> float:
    """Seconds for ``sqlite3.Connection.backup`` in one step and nothing else."""
    source = sqlite3.connect(database)
    target = sqlite3.connect(scratch / "python-backup.sqlite3")
    try:
        return _timed(lambda: source.backup(target))
    finally:
        target.close()
        source.close()


def bench_check(database: Path, _scratch: Path) -> float:
    """Seconds to check a file before restoring it (full integrity check)."""
    return _timed(lambda: check_database_file(database))


def bench_open(database: Path, scratch: Path) -> float:
    """Seconds to open the database as the app does at start (schema check and quick_check)."""
    copy = scratch / "open.sqlite3"
    shutil.copyfile(database, copy)
    return _timed(lambda: open_database(str(copy)).dispose())


def bench_restore(database: Path, scratch: Path) -> float:
    """Seconds to restore a backup of ``database`` over a copy of it that is open."""
    live = scratch / "live" / "briefing-desk.sqlite3"
    live.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(database, live)
    backup = scratch / "restore-from.sqlite3"
    shutil.copyfile(database, backup)
    opened = open_database(str(live))  # the app has it open while it restores
    try:
        return _timed(lambda: restore_database(backup, live, scratch / "aside", AT, live=True))
    finally:
        opened.dispose()


BENCHMARKS: dict[str, Callable[[Path, Path], float]] = {
    "backup (app)": bench_backup,
    "backup (sqlite3 shell .backup)": bench_sqlite3_cli_backup,
    "backup (Connection.backup, one step)": bench_python_backup,
    "check a backup (integrity_check)": bench_check,
    "open at start (schema check, quick_check)": bench_open,
    "restore (check, keep aside, write back)": bench_restore,
}


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main(folder: Path, repeats: int = 3) -> None:
    """Build the large database in ``folder`` and print the best of ``repeats`` for each benchmark."""
    database = folder / "large.sqlite3"
    if not database.exists():
        seeded = _timed(lambda: large_database(database))
        print(f"seeded {database} ({database.stat().st_size / 1e6:.1f} MB) in {seeded:.1f} s")
    for name, bench in BENCHMARKS.items():
        runs = []
        for _ in range(repeats):
            with tempfile.TemporaryDirectory(dir=folder) as scratch:
                runs.append(bench(database, Path(scratch)))
        print(
            f"{name:42} best {min(runs) * 1000:7.0f} ms   runs " + " ".join(f"{r * 1000:.0f}" for r in runs)
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="bench-storage-")))
