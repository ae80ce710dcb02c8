"""Changes the crash test interrupts with SIGKILL, and how to tell all from none afterwards.

Each workload has three parts:

- ``prepare(database, folder)`` runs in the test process on a fresh copy of the database and
  returns whatever ``outcome`` needs to know about "before";
- ``child(database, folder)`` runs in a child process forked for each run from a process that
  has already imported ``modules`` (see ``serve``): it does its set-up and returns the change
  itself, which prints ``begun`` once it is under way and ``committed`` when it is done;
- ``outcome(database, folder, before)`` runs after the kill on the reopened files and returns
  ``"none"`` or ``"all"``, or fails the test for anything in between.

To put the real importer under the same test, add a workload whose child returns a call of the
import service on a large file and whose outcome compares the counts the import changes.
"""

from __future__ import annotations

import functools
import importlib
import os
import random
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

PEOPLE = 2_000
REGISTRATIONS = 20_000
BRIEFINGS = 60
EXPORT_FILES = ("register.xlsx", "attendance.pdf")
EXPORT_BYTES = 8_000_000

Change = Callable[[], None]


@dataclass(frozen=True)
class Workload:
    """One interruptible change and the checks that it happened wholly or not at all."""

    name: str
    modules: tuple[str, ...]
    prepare: Callable[[Path, Path], Any]
    child: Callable[[Path, Path], Change]
    outcome: Callable[[Path, Path, Any], str]


def say(word: str) -> None:
    """Tell the harness how far the change has got.

    One ``write`` call per line: the server and its child share the pipe, and a write this
    small is atomic, so their lines never run into each other.
    """
    os.write(sys.stdout.fileno(), f"{word}\n".encode())


def counts(database: Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Rows per table, read with plain SQLite after the kill (which recovers the WAL)."""
    connection = sqlite3.connect(database)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608
    finally:
        connection.close()


# ---------------------------------------------------------------- a large write in one transaction

_TABLES = ("people", "memberships", "registrations", "audit_events")


def _prepare_bulk(database: Path, _folder: Path) -> dict[str, int]:
    from briefings.clock import london
    from briefings.directory import SettingFields
    from briefings.scheduling import BriefingFields
    from briefings.services import Services
    from briefings.vocabulary import Delivery
    from models.db import open_database

    opened = open_database(str(database))
    try:
        services = Services.build(opened.sessions)
        services.directory.add_setting(SettingFields(name="Crash Test Primary", urn=120001))
        topic = services.briefings.topics()[0].id
        for n in range(BRIEFINGS):
            day = date(2030, 1, 1) + timedelta(days=n)
            services.briefings.schedule(
                BriefingFields(title=f"Briefing {n}", topic_id=topic, starts_at=london(day, time(9)),
                               ends_at=london(day, time(11)), delivery=Delivery.ONLINE, capacity=5000,
                               join_url="https://teams.example/x")
            )  # fmt: skip
    finally:
        opened.dispose()
    return counts(database, _TABLES)


def _bulk_child(database: Path, _folder: Path) -> Change:
    """People, their roles and ten bookings each, in one audited service transaction."""
    from sqlalchemy import insert
    from sqlalchemy.orm import sessionmaker

    from briefings.audit_trail import AuditRecorder
    from briefings.services.base import Service, ServiceContext
    from models.db import create_database_engine
    from models.people import Membership, Person
    from models.registrations import Registration

    class BulkBooking(Service):
        def run(self) -> None:
            with self._write() as session:
                first = session.execute(insert(Person).returning(Person.id), [_person(0)]).scalar_one()
                say("begun")
                session.execute(insert(Person), [_person(n) for n in range(1, PEOPLE)])
                session.execute(
                    insert(Membership),
                    [{"person_id": first + n, "setting_id": 1, "role": "dsl"} for n in range(PEOPLE)],
                )
                session.execute(insert(Registration), [_booking(first, n) for n in range(REGISTRATIONS)])
            say("committed")

    # The engine the app uses, without the schema check and Alembic: the child starts faster.
    engine = create_database_engine(f"sqlite:///{database}")
    context = ServiceContext(sessions=sessionmaker(engine, expire_on_commit=False), actor="crash-test")
    context.session_hooks.append(AuditRecorder(lambda: context.actor, context.clock).attach)
    return BulkBooking(context).run


def _person(n: int) -> dict[str, Any]:
    return {"first_name": f"Bulk{n}", "last_name": "Person", "email": f"bulk{n}@crash.example"}


def _booking(first_person: int, n: int) -> dict[str, Any]:
    person, round_ = n % PEOPLE, n // PEOPLE  # each person books REGISTRATIONS / PEOPLE briefings
    return {
        "briefing_id": 1 + (person + 7 * round_) % BRIEFINGS,
        "person_id": first_person + person,
        "status": "booked",
        "queued_at": datetime(2025, 1, 1, tzinfo=UTC),
        "setting_id": 1,
        "role": "dsl",
        "attendance": "present",
        "minutes_attended": 120,
        "walk_in": False,
    }


def _bulk_outcome(database: Path, _folder: Path, before: dict[str, int]) -> str:
    added = {t: n - before[t] for t, n in counts(database, _TABLES).items()}
    if not any(added.values()):
        return "none"
    # Four audit entries: the first person, then the three bulk statements, each with a count.
    expected = {"people": PEOPLE, "memberships": PEOPLE, "registrations": REGISTRATIONS, "audit_events": 4}
    assert added == expected, added
    return "all"


# ---------------------------------------------------------------- an export written over old files


@functools.cache
def _export_bytes(name: str, version: str) -> bytes:
    return random.Random(f"{name}/{version}").randbytes(EXPORT_BYTES)  # noqa: S311 - test data, not secrets


def _prepare_export(_database: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in EXPORT_FILES:
        (folder / name).write_bytes(_export_bytes(name, "old"))


def _export_child(_database: Path, folder: Path) -> Change:
    """Two large files written as ``export`` writes them: each to a temporary file, then renamed."""
    from exports.base import ExportFile, ExportOutcome
    from exports.cli import write_outcome

    files = tuple(ExportFile(n, "application/octet-stream", _export_bytes(n, "new")) for n in EXPORT_FILES)

    def write() -> None:
        say("begun")
        write_outcome(ExportOutcome(files), folder)
        say("committed")

    return write


def _export_outcome(_database: Path, folder: Path, _before: None) -> str:
    states = []
    for name in EXPORT_FILES:
        data = (folder / name).read_bytes()
        assert data in (_export_bytes(name, "old"), _export_bytes(name, "new")), f"{name} is half written"
        states.append("all" if data == _export_bytes(name, "new") else "none")
    # Files are written one after another: each is whole, and they change in order.
    assert states in (["none", "none"], ["all", "none"], ["all", "all"]), states
    return "all" if states[-1] == "all" else "none"


# ---------------------------------------------------------------- a backup of a large database


def _prepare_backup(database: Path, folder: Path) -> dict[str, Any]:
    from tests.storage_checks import table_dump

    _prepare_bulk(database, folder)
    _bulk_child(database, folder)()  # a database worth backing up (it says begun and committed)
    return table_dump(database)


def _backup_child(database: Path, folder: Path) -> Change:
    """A backup as the app takes one, through SQLite's backup API into a temporary file."""
    from models.backup import BackupKind, take_backup

    source = sqlite3.connect(database)

    def back_up() -> None:
        say("begun")
        take_backup(source, folder, database.stem, BackupKind.MANUAL, datetime(2025, 10, 1, tzinfo=UTC))
        say("committed")

    return back_up


def _backup_outcome(_database: Path, folder: Path, before: dict[str, Any]) -> str:
    from models.backup import list_backups
    from models.restore import check_database_file
    from tests.storage_checks import table_dump

    backups = list_backups(folder)
    if not backups:
        return "none"
    assert len(backups) == 1
    check_database_file(backups[0].path)
    assert table_dump(backups[0].path) == before
    return "all"


WORKLOADS = {
    w.name: w
    for w in (
        Workload(
            "bulk-write",
            (
                "briefings.audit_trail",
                "briefings.services.base",
                "models.db",
                "models.people",
                "models.registrations",
            ),
            _prepare_bulk,
            _bulk_child,
            _bulk_outcome,
        ),
        Workload("export", ("exports.cli",), _prepare_export, _export_child, _export_outcome),
        Workload("backup", ("models.backup",), _prepare_backup, _backup_child, _backup_outcome),
    )
}


def serve(name: str) -> None:
    """Import the workload's modules once, then fork one child per run the harness asks for.

    The harness writes ``DATABASE<TAB>FOLDER``; this forks a child that sets up and runs the
    change (printing ``begun`` and ``committed``) and prints ``pid N`` for it. The child is
    reaped only when the harness writes ``reap``, so until then its pid cannot be reused and
    killing it is safe even if it has already finished; then this prints ``done STATUS``.
    Forking from an already set-up process keeps each run's start-up to milliseconds.
    """
    workload = WORKLOADS[name]
    for module in workload.modules:
        importlib.import_module(module)
    say("serving")
    for line in sys.stdin:
        database, folder = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the child: its own process, killed like any other
            workload.child(Path(database), Path(folder))()
            os._exit(0)
        say(f"pid {pid}")
        sys.stdin.readline()  # reap
        _, status = os.waitpid(pid, 0)
        say(f"done {status}")


if __name__ == "__main__":
    serve(sys.argv[1])
