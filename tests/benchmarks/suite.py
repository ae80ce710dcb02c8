"""Running the suite: pick the size, get the database, measure, print."""

from __future__ import annotations

import gc
import os
import platform
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

from briefings.clock import fixed_clock, london
from briefings.demo.context import MORNING
from briefings.services import Services
from models.db import open_database
from tests.benchmarks import catalogue
from tests.benchmarks.database import BENCH_TODAY, DEFAULT_CACHE, FULL, QUICK, bench_database
from tests.benchmarks.harness import REGISTRY, BenchContext, Result, format_table, run_all, select

COUNTED = (
    "settings",
    "people",
    "memberships",
    "briefings",
    "registrations",
    "licence_allocations",
    "recordings",
)


def run_suite(
    *,
    quick: bool = False,
    only: Sequence[str] = (),
    repeats: int | None = None,
    cache_dir: Path | None = None,
    workdir: Path,
    listing: bool = False,
    say: Callable[[str], None] = print,
) -> list[Result]:
    """Measure the chosen benchmarks on the quick or full database; returns their results."""
    assert catalogue.MODULES
    if listing:
        width = max(len(name) for name in REGISTRY)
        for benchmark in REGISTRY.values():
            say(f"{benchmark.name.ljust(width)}  {benchmark.description}")
        return []
    chosen = select(only)
    size = QUICK if quick else FULL
    path = bench_database(size, cache_dir or DEFAULT_CACHE, say=say)
    now = london(BENCH_TODAY, MORNING)
    database = open_database(str(path))
    services = Services.build(database.sessions, clock=fixed_clock(now), read_only=True)
    ctx = BenchContext(path, database, services, now, workdir, quick)
    # What is loaded by now lives to the end (as the app freezes its start-up objects): frozen,
    # the collection before each timed call walks only what the benchmarks made, in a few ms
    # rather than 50, and a full collection inside a timed run costs what it costs the app.
    gc.collect()
    gc.freeze()
    ctx.on_close(gc.unfreeze)
    try:
        say(_describe(path, size.name))
        results = run_all(
            chosen,
            ctx,
            repeats or size.repeats,
            on_result=_progress,
        )
    finally:
        try:
            ctx.close()
        finally:
            database.dispose()
    say("")
    say(format_table(results))
    say(
        "\nMedian of Runs timed runs (fewer for slow benchmarks). Floor: the same SQL replayed in raw "
        "sqlite3 on the same file, unless a benchmark brings its own (see --list). Ratio = median / "
        "floor. SQL = statements per run in this process (a child process's are not counted)."
    )
    return results


def _progress(result: Result) -> None:
    done = f"skipped {result.name}: {result.skipped}" if result.skipped else f"measured {result.name}"
    print(f"  {done}", file=sys.stderr, flush=True)


def _describe(path: Path, size: str) -> str:
    with closing(sqlite3.connect(path)) as connection:
        counts = ", ".join(
            f"{connection.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]:,} {table.replace('_', ' ')}"  # noqa: S608
            for table in COUNTED
        )
    return (
        f"Benchmark database ({size}): {path.name}, {path.stat().st_size / 1e6:.0f} MB\n  {counts}\n"
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs"
    )
