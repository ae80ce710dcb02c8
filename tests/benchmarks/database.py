"""The benchmark database: the demo county at a big county's size, built once and cached.

The file lives in ``.bench/`` under a name made of the size, the demo generator's version, a
digest of its source and the schema revision, so any change to what would be generated builds
a new one and reruns reuse it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

import briefings.demo
from briefings.demo.context import DemoScale
from briefings.demo.generator import GENERATOR_VERSION, generate_demo
from models.audit import AuditEvent
from models.db import open_database
from models.schema import head_revision
from tests.benchmarks.harness import remove_file

BENCH_SEED = 2026
# A Wednesday in the spring term: a year and a half of history behind it, bookings ahead of it.
BENCH_TODAY = date(2026, 3, 4)
DEFAULT_CACHE = Path(__file__).resolve().parents[2] / ".bench"


@dataclass(frozen=True)
class BenchSize:
    """How big a database to benchmark on, and how many timed repeats to take the median of."""

    name: str
    scale: DemoScale
    repeats: int
    # The demo is written outside the services, so its audit log is seeded separately.
    audit_entries: int = 300


# About 2,000 settings, 40,000 people, 3,000 briefings and 400,000 registrations: ten years of a
# large county that runs each session eight times.
FULL = BenchSize(
    "full",
    DemoScale(
        open_settings=1900,
        academic_years=10,
        repeats=8,
        booking_rate=4.2,
        turnover=0.1,
        teachers_per_100_pupils=2.5,
    ),
    repeats=7,
    audit_entries=200_000,
)
QUICK = BenchSize("quick", DemoScale(open_settings=60, academic_years=2), repeats=3)
SIZES = {size.name: size for size in (FULL, QUICK)}


def cache_key(size: BenchSize) -> str:
    """What the cached file's contents depend on."""
    digest = hashlib.sha256()
    for source in sorted(Path(briefings.demo.__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    digest.update(repr((size.scale, size.audit_entries, BENCH_SEED, BENCH_TODAY)).encode())
    return f"{size.name}-g{GENERATOR_VERSION}-{digest.hexdigest()[:10]}-{head_revision()}"


def bench_database(
    size: BenchSize, cache_dir: Path = DEFAULT_CACHE, say: Callable[[str], None] = print
) -> Path:
    """The cached database for ``size``, built first if it is missing or stale."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"bench-{cache_key(size)}.sqlite3"
    if path.exists():
        return path
    for stale in cache_dir.glob(f"bench-{size.name}-*.sqlite3"):
        remove_file(stale)
    say(f"Building the {size.name} benchmark database (cached in {cache_dir}) ...")
    building = path.with_suffix(".building")
    remove_file(building)
    database = open_database(str(building))
    try:
        with database.sessions.begin() as session:
            summary = generate_demo(session, seed=BENCH_SEED, today=BENCH_TODAY, scale=size.scale)
            seed_audit_log(session, size.audit_entries)
        with database.engine.connect() as connection:
            # One self-contained file: the WAL folded in, so a plain copy is a whole database.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()
    os.replace(building, path)
    remove_file(building)
    say(
        f"  {summary.settings:,} settings, {summary.people:,} people, {summary.briefings:,} briefings, "
        f"{summary.registrations:,} live registrations"
    )
    return path


_ACTORS = ("jo.advisor", "sam.officer", "pat.admin", "lee.cover")
_CHANGES = (
    ("added", "registrations", "Added booking {n}"),
    ("changed", "registrations", "Changed booking {n}: attendance"),
    ("added", "briefings", "Added briefing {n}"),
    ("changed", "briefings", "Changed briefing {n}: starts at, ends at"),
    ("changed", "people", "Changed person {n}: email"),
    ("added", "memberships", "Added role {n}"),
    ("removed", "registrations", "Removed booking {n}"),
    ("changed", "licence_allocations", "Changed allocation {n}: status"),
)


def seed_audit_log(session: Session, entries: int) -> None:
    """A realistic audit log: ``entries`` changes by four users spread over the years behind BENCH_TODAY."""
    end = datetime.combine(BENCH_TODAY, time(17), tzinfo=UTC)
    span = timedelta(days=365 * 10)
    rows = []
    for n in range(entries):
        action, entity, sentence = _CHANGES[n % len(_CHANGES)]
        rows.append(
            {
                "at": end - span * (1 - n / max(entries, 1)),
                "actor": _ACTORS[(n * 7) % len(_ACTORS)],
                "action": action,
                "entity": entity,
                "entity_id": n + 1,
                "summary": sentence.format(n=n + 1),
                "details": None,
            }
        )
    for start in range(0, len(rows), 10_000):
        session.execute(insert(AuditEvent), rows[start : start + 10_000])
