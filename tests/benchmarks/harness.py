"""The benchmark registry, the context benchmarks run in, and the timing loop.

A benchmark is a ``run`` to time and a ``floor`` to compare it with, measured in the same run
and on the same file, so the ratio means something on a machine shared with other work.
"""

from __future__ import annotations

import fnmatch
import gc
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable, Sequence, Sized
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from briefings.services import Services
from models.db import Database
from tests.benchmarks.sql_capture import Replay, capture

State = TypeVar("State")
# Seconds of timed runs a benchmark may take; slow ones get fewer repeats, but never under three.
BUDGET = 10.0
MIN_REPEATS = 3


@dataclass
class BenchContext:
    """What every benchmark may use: the benchmark database, services over it, and a work folder.

    ``services`` are read-only and their clock stands still at ``now`` (the day the database
    describes). Benchmarks that write work on :meth:`scratch_copy` instead.
    """

    path: Path
    database: Database
    services: Services
    now: datetime
    workdir: Path
    quick: bool
    cache: dict[str, Any] = field(default_factory=dict)
    closers: list[Callable[[], None]] = field(default_factory=list)

    def sqlite(self) -> sqlite3.Connection:
        """A raw connection to the benchmark database, for hand-written floors and set-up queries."""
        return sqlite3.connect(self.path)

    def scratch_copy(self, name: str) -> Path:
        """A private copy of the benchmark database that a benchmark may change."""
        target = self.workdir / name
        with closing(sqlite3.connect(self.path)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
        return target

    def remember(self, key: str, make: Callable[[], Any]) -> Any:
        """A value shared between benchmarks, computed on first use (sample ids, templates)."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def on_close(self, close: Callable[[], None]) -> None:
        """Have ``close`` called when the suite ends, before the database closes (a window, a pool)."""
        self.closers.append(close)

    def close(self) -> None:
        """Undo what benchmarks set up, newest first."""
        while self.closers:
            self.closers.pop()()


class BenchmarkSkipped(Exception):  # noqa: N818 - raised to say "skipped", not an error
    """Raised (typically by ``setup``) when a benchmark cannot run here; the message says why.

    The suite carries on: the benchmark's line in the table says it was skipped and why, such
    as the import benchmarks on a machine without the shared sample data.
    """


@dataclass(frozen=True)
class Timed:
    """What a run (or floor) returns when it times itself.

    For work whose moment of truth is elsewhere, such as a child process's first paint: the
    harness reports ``seconds`` instead of its own stopwatch, and counts ``value`` as the rows.
    """

    value: object
    seconds: float


@dataclass(frozen=True)
class Benchmark(Generic[State]):
    """One measurement.

    Attributes:
        name: Dotted and unique, such as ``briefings.upcoming``; ``--only`` matches it.
        setup: Builds what ``run`` needs from the context, once and untimed.
        run: The work to time; what it returns is counted as the rows it produced.
        floor: The same work at its cheapest, timed alike. None replays the SQL ``run`` issued
            in raw ``sqlite3``.
        reset: Called untimed before every timed call of ``run`` and ``floor``: benchmarks that
            write use it to put the database back.
        description: A few words for ``--list``.
        notes: Called after the timed runs for a few words in the table's Notes column, such
            as a figure the runs gathered besides their time (the longest UI-thread stall).
    """

    name: str
    setup: Callable[[BenchContext], State]
    run: Callable[[State], object]
    floor: Callable[[State], object] | None = None
    reset: Callable[[State], None] | None = None
    description: str = ""
    notes: Callable[[State], str] | None = None


REGISTRY: dict[str, Benchmark[Any]] = {}


def register(benchmark: Benchmark[Any]) -> Benchmark[Any]:
    """Add a benchmark to the suite (names must be unique)."""
    if benchmark.name in REGISTRY:
        raise ValueError(f"a benchmark called {benchmark.name!r} is already registered")
    REGISTRY[benchmark.name] = benchmark
    return benchmark


def query(name: str, run: Callable[[BenchContext], object], description: str = "") -> Benchmark[BenchContext]:
    """Register a read-only benchmark whose floor is its own SQL replayed (the common case)."""
    return register(Benchmark(name, setup=lambda ctx: ctx, run=run, description=description))


def select(patterns: Sequence[str]) -> list[Benchmark[Any]]:
    """The registered benchmarks whose names match any of the glob ``patterns`` (all when none)."""
    if not patterns:
        return list(REGISTRY.values())
    chosen = [b for b in REGISTRY.values() if any(fnmatch.fnmatchcase(b.name, p) for p in patterns)]
    unmatched = [p for p in patterns if not any(fnmatch.fnmatchcase(b.name, p) for b in REGISTRY.values())]
    if unmatched:
        raise KeyError(f"no benchmark matches {', '.join(unmatched)}; try --list")
    return chosen


@dataclass(frozen=True)
class Result:
    """One benchmark's figures (seconds)."""

    name: str
    rows: int
    queries: int
    runs: int
    median: float
    floor: float
    notes: str = ""
    skipped: str = ""

    @property
    def ratio(self) -> float:
        """How many times the floor the real thing takes."""
        return self.median / self.floor if self.floor > 0 else float("inf")


def count_rows(value: object) -> int:
    """What a run produced, as a number of rows."""
    if isinstance(value, Timed):
        return count_rows(value.value)
    if isinstance(value, bool) or value is None:
        return int(bool(value))
    if isinstance(value, int):
        return value
    if isinstance(value, Sized):
        return len(value)
    rows = getattr(value, "rows", None)
    return int(rows) if isinstance(rows, int) else 1


def measure(benchmark: Benchmark[Any], ctx: BenchContext, repeats: int) -> Result:
    """Warm up once (recording the SQL), then time ``run`` and the floor alternately."""
    state = benchmark.setup(ctx)
    if benchmark.reset:
        benchmark.reset(state)
    started = time.perf_counter()
    with capture() as captured:
        rows = count_rows(benchmark.run(state))
    repeats = affordable_repeats(repeats, time.perf_counter() - started)
    replay = Replay(captured)
    floor: Callable[[], object] = (lambda: benchmark.floor(state)) if benchmark.floor else replay
    if benchmark.reset:
        benchmark.reset(state)
    floor()  # warm the floor's caches as the run's were
    runs, floors = [], []
    for _ in range(repeats):
        runs.append(_timed(benchmark, state, lambda: benchmark.run(state), replay))
        floors.append(_timed(benchmark, state, floor, replay))
    replay.close()
    return Result(
        benchmark.name,
        rows,
        captured.queries,
        repeats,
        statistics.median(runs),
        statistics.median(floors),
        benchmark.notes(state) if benchmark.notes else "",
    )


def affordable_repeats(wanted: int, one_run: float) -> int:
    """``wanted``, or fewer (but at least three) when that many would blow the time budget."""
    if one_run * wanted <= BUDGET:
        return wanted
    return max(min(wanted, MIN_REPEATS), int(BUDGET // one_run))


def _timed(benchmark: Benchmark[Any], state: Any, work: Callable[[], object], replay: Replay) -> float:
    if benchmark.reset:
        replay.close()  # the reset may replace the file under the replay's connection
        benchmark.reset(state)
        if work is replay:
            replay.open()
    gc.collect()
    started = time.perf_counter()
    outcome = work()
    elapsed = time.perf_counter() - started
    return outcome.seconds if isinstance(outcome, Timed) else elapsed


def run_all(
    benchmarks: Iterable[Benchmark[Any]],
    ctx: BenchContext,
    repeats: int,
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Measure each benchmark in turn; one that raises :class:`BenchmarkSkipped` is reported as such."""
    results = []
    for benchmark in benchmarks:
        try:
            result = measure(benchmark, ctx, repeats)
        except BenchmarkSkipped as skipped:
            result = Result(benchmark.name, 0, 0, 0, 0.0, 0.0, skipped=str(skipped) or "no reason given")
        results.append(result)
        if on_result:
            on_result(result)
    return results


HEADERS = ("Benchmark", "Rows", "SQL", "Runs", "Median ms", "Floor ms", "Ratio", "Notes")


def table_row(result: Result) -> tuple[str, ...]:
    """One line of the results table."""
    if result.skipped:
        return (result.name, "-", "-", "-", "-", "-", "-", f"skipped: {result.skipped}")
    return (
        result.name,
        f"{result.rows:,}",
        str(result.queries),
        str(result.runs),
        f"{result.median * 1000:,.2f}",
        f"{result.floor * 1000:,.2f}",
        f"{result.ratio:,.1f}x",
        result.notes,
    )


def format_table(results: Sequence[Result]) -> str:
    """A plain-text table: names and notes left, figures right."""
    rows = [HEADERS, *(table_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            row[0].ljust(widths[0]),
            *(cell.rjust(width) for cell, width in zip(row[1:-1], widths[1:-1], strict=True)),
            row[-1],
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def remove_file(path: Path) -> None:
    """Delete a SQLite file and its WAL companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy a closed, checkpointed SQLite file (faster than the backup API for templates)."""
    remove_file(target)
    shutil.copyfile(source, target)
