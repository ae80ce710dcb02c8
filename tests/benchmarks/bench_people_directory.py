"""How long the People page takes to filter a large directory, and how long the UI thread stalls.

Needs a large database (the bench seeder's 40,000 people and 2,000 settings). Run by hand:

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_people_directory PATH [REPEATS]

Each case sets the page's filters and times ``reload()`` until the model's ``reloaded`` signal
(count and first page fetched off the UI thread, reset, repainted). A 2 ms QTimer beats on the
UI thread meanwhile; the longest gap between beats is the longest the window could not repaint
or take a key press. ``measure_people_filters`` returns the figures for the bench harness.

Seen on the 2-core machine: the stalls over ~50 ms are Python's full (generation 2) garbage
collections walking every object the app holds (about 55 ms each); ``gc.freeze()`` once the
window is up brings them to under 10 ms.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from briefings.clock import fixed_clock
from briefings.services import Services
from briefings.vocabulary import Phase, Role
from models.db import open_database
from ui.pages.people_page import PeoplePage
from ui.widgets.search_chooser import Choice

NOW = datetime(2025, 10, 1, 9, tzinfo=UTC)
CASES: dict[str, dict[str, Any]] = {
    "everyone": {},
    "text 'smi'": {"text": "smi"},
    "text 'sarah smith'": {"text": "sarah smith"},
    "text with no match": {"text": "zzzz"},
    "role DSL": {"role": Role.DSL},
    "role DSL in one district": {"role": Role.DSL, "district": "first"},
    "phase secondary, former roles too": {"phase": Phase.SECONDARY, "former": True},
    "one setting": {"setting": "first"},
    "text, role and phase": {"text": "smi", "role": Role.GOVERNOR, "phase": Phase.PRIMARY},
}


@dataclass(frozen=True)
class Figure:
    """One case: median and worst time to show the rows, longest UI stall, rows matching."""

    case: str
    median_ms: float
    worst_ms: float
    stall_ms: float
    matches: int


class Heartbeat:
    """Beats every 2 ms on the UI thread; ``longest_gap`` says how long it was held up."""

    def __init__(self) -> None:
        self.beats: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(2)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self._timer.start()

    def longest_gap(self, since: float) -> float:
        stamps = [since, *(b for b in self.beats if b >= since)]
        return max((b - a for a, b in itertools.pairwise(stamps)), default=0.0)


def spin_until(done: Callable[[], bool], limit: float = 30.0) -> None:
    started = time.perf_counter()
    while not done():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - started > limit:
            raise TimeoutError("the page did not finish loading")


@contextmanager
def quiet(*widgets: Any) -> Iterator[None]:
    for widget in widgets:
        widget.blockSignals(True)
    try:
        yield
    finally:
        for widget in widgets:
            widget.blockSignals(False)


def apply_filter(page: PeoplePage, services: Services, case: dict[str, Any]) -> None:
    """Set the page's filters as the case says, without each change starting its own load."""
    district = services.directory.districts()[0] if case.get("district") == "first" else case.get("district")
    setting = None
    if case.get("setting") == "first":
        first = services.directory.settings()[0]
        setting = Choice(first.id, first.name)
    with quiet(page.search, page.role, page.district, page.phase, page.include_former, page.setting):
        page.search.setText(case.get("text", ""))
        for combo, value in (
            (page.role, case.get("role")),
            (page.district, district),
            (page.phase, case.get("phase")),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        page.include_former.setChecked(case.get("former", False))
        page.setting.set_choice(setting)


def measure_people_filters(database_path: str, repeats: int = 7) -> list[Figure]:
    """Time each case ``repeats`` times on the People page over the database at ``database_path``."""
    app = QApplication.instance() or QApplication([])
    database = open_database(database_path)
    services = Services.build(database.sessions, clock=fixed_clock(NOW))
    page = PeoplePage(services, QUndoStack())
    page.resize(1366, 800)
    page.show()
    page.refresh()
    spin_until(lambda: not page.model.busy)
    heart = Heartbeat()
    figures = []
    for name, case in CASES.items():
        times, stalls = [], []
        for _ in range(repeats):
            apply_filter(page, services, case)
            shown: list[float] = []
            page.model.reloaded.connect(lambda shown=shown: shown.append(time.perf_counter()))
            started = time.perf_counter()
            page.reload()
            spin_until(lambda shown=shown: bool(shown))
            page.model.reloaded.disconnect()
            settle_until = time.perf_counter() + 0.05  # the repaint after the reset counts too
            spin_until(lambda until=settle_until: time.perf_counter() > until)
            times.append((shown[0] - started) * 1000)
            stalls.append(heart.longest_gap(started) * 1000)
        figures.append(Figure(name, statistics.median(times), max(times), max(stalls), page.model.total))
    database.dispose()
    del app
    return figures


def main(argv: list[str]) -> int:
    figures = measure_people_filters(argv[0], int(argv[1]) if len(argv) > 1 else 7)
    for f in figures:
        print(
            f"{f.case:36s} shown in {f.median_ms:6.1f} ms median ({f.worst_ms:6.1f} worst); "
            f"longest UI stall {f.stall_ms:5.1f} ms; {f.matches:,} match"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
