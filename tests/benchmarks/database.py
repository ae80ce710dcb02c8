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
from datetime import date
from pathlib import Path

import briefings.demo
from briefings.demo.context import DemoScale
from briefings.demo.generator import GENERATOR_VERSION, generate_demo
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
)
QUICK = BenchSize("quick", DemoScale(open_settings=60, academic_years=2), repeats=3)
SIZES = {size.name: size for size in (FULL, QUICK)}


def cache_key(size: BenchSize) -> str:
    """What the cached file's contents depend on."""
    digest = hashlib.sha256()
    for source in sorted(Path(briefings.demo.__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    digest.update(repr((size.scale, BENCH_SEED, BENCH_TODAY)).encode())
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
