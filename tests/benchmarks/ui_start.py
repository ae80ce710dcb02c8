"""Time to first window: the app started in a child process, next to a bare Qt window's start.

Each run spawns ``python -m tests.benchmarks.start_child app DATABASE`` (``main.main`` on a
private copy of the benchmark database, off-screen, with settings of its own) and counts from
the spawn to the main window's first paint; the floor spawns a child that only imports PySide6
and paints an empty ``QMainWindow``. Both pay for the interpreter's own start, so the difference
is what our imports, the database check, the services and the pages cost before anything shows.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks.harness import BenchContext, Benchmark, Timed, register

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Start:
    """The database copy and environment the children start with; what they reported."""

    database: Path
    environment: dict[str, str]
    timeout: float
    loaded: list[float] = field(default_factory=list)


def _prepare(ctx: BenchContext) -> Start:
    config = ctx.workdir / "start-config"
    config.mkdir(exist_ok=True)
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",  # the same platform as the floor, whatever the desktop
        "XDG_CONFIG_HOME": str(config),  # no remembered window layout or last page
    }
    return Start(ctx.scratch_copy("start.sqlite3"), environment, 60.0 if ctx.quick else 180.0)


def _spawn(start: Start, *args: str) -> tuple[float, dict[str, list[str]]]:
    """Run a child to its end; returns when it was spawned and what it reported, by event."""
    with tempfile.TemporaryFile() as errors:
        spawned = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.start_child", *args],
            cwd=ROOT,
            env=start.environment,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        try:
            output, _ = child.communicate(timeout=start.timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise
        if child.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise RuntimeError(f"start_child {' '.join(args)} exited with {child.returncode}:\n{message}")
    events = {line.split()[0]: line.split()[1:] for line in output.splitlines() if line.strip()}
    return spawned, events


def _start_app(start: Start) -> Timed:
    spawned, events = _spawn(start, "app", str(start.database))
    start.loaded.append(float(events["loaded"][0]) - spawned)
    pages = int(events["window"][1])
    return Timed(pages, float(events["window"][0]) - spawned)


def _start_bare(start: Start) -> Timed:
    spawned, events = _spawn(start, "bare")
    return Timed(int(events["window"][1]), float(events["window"][0]) - spawned)


def _first_page_note(start: Start) -> str:
    timed = start.loaded[1:] or start.loaded  # the first start was the untimed warm-up
    return f"first page's data on show at {statistics.median(timed) * 1000:,.0f} ms"


register(
    Benchmark(
        "ui.start.first_window",
        setup=_prepare,
        run=_start_app,
        floor=_start_bare,
        notes=_first_page_note,
        description=(
            "spawn to the main window's first paint on the benchmark database (rows: pages); "
            "floor: a child that imports PySide6 and paints an empty QMainWindow"
        ),
    )
)
