"""The main window the in-process UI benchmarks drive, over the benchmark database.

One window per suite run, built as the app builds it (every page of ``PAGES``, the read-only
services of the context) and shown off-screen at a laptop's size. Benchmarks wait for a page's
``loaded`` signal in a local event loop (never a sleep), then paint the window, so a figure runs
from the click to the data on screen. A ``Heartbeat`` ticks on the UI thread meanwhile: the
longest gap between its ticks is the longest the window could not repaint or take a key press.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QSettings,
    QThreadPool,
    QTimer,
    SignalInstance,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication

from briefings.version import __version__
from tests.benchmarks.harness import BenchContext
from ui.app import freeze_start_up_objects
from ui.app_info import AppInfo
from ui.main_window import MainWindow
from ui.pages.catalogue import PAGES
from ui.pages.page import Page
from ui.widgets.calendar_canvas import CalendarCanvas

SIZE = (1280, 800)
HEARTBEAT_MS = 2


class Heartbeat:
    """Ticks every 2 ms on the UI thread; :meth:`longest_gap` says how long it was held up."""

    def __init__(self) -> None:
        self._last = time.perf_counter()
        self._longest = 0.0
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self._longest = max(self._longest, now - self._last)
        self._last = now

    def restart(self) -> None:
        """Start a new watch from now."""
        self._last = time.perf_counter()
        self._longest = 0.0

    def longest_gap(self) -> float:
        """The longest stretch (seconds) without a tick since :meth:`restart`, up to now."""
        return max(self._longest, time.perf_counter() - self._last)

    def stop(self) -> None:
        """No more ticks."""
        self._timer.stop()


def wait_for(signal: SignalInstance, start: Callable[[], object], timeout: float) -> None:
    """Call ``start``, then run the event loop until ``signal`` fires (it may fire inside ``start``)."""
    fired: list[bool] = []
    loop = QEventLoop()

    def done() -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: loop.exit(1))
    try:
        start()
        if not fired:
            guard.start(int(timeout * 1000))
            loop.exec()
    finally:
        guard.stop()
        signal.disconnect(done)
    if not fired:
        raise TimeoutError(f"nothing arrived within {timeout:.0f} s")


@dataclass
class BenchWindow:
    """The shown window and its heartbeat."""

    window: MainWindow
    heart: Heartbeat
    timeout: float

    def page_index(self, class_name: str) -> int:
        """Where a page of that class sits in the navigation list."""
        return [type(p).__name__ for p in self.window.pages].index(class_name)

    def show_and_time(self, page: Page, start: Callable[[], object]) -> float:
        """Run ``start``, wait for ``page`` to show its data and paint; returns the longest stall."""
        self.heart.restart()
        wait_for(page.loaded, start, self.timeout)
        self.window.repaint()  # synchronous: the paint that shows the data is part of the figure
        return self.heart.longest_gap()


def bench_window(ctx: BenchContext) -> BenchWindow:
    """The suite's window, built and shown on first use and closed when the suite ends."""
    made: BenchWindow = ctx.remember("ui-window", lambda: _open_window(ctx))
    return made


def _open_window(ctx: BenchContext) -> BenchWindow:
    if not isinstance(QApplication.instance(), QApplication):
        QApplication(["briefing-desk-bench"])
    settings = QSettings(str(ctx.workdir / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx.services, AppInfo(__version__, ctx.path.name), PAGES, settings=settings)
    window.resize(*SIZE)
    timeout = 20.0 if ctx.quick else 120.0

    def show() -> None:
        window.show()
        freeze_start_up_objects()  # as ui.app.run_main_window does

    wait_for(window.current_page().loaded, show, timeout)
    made = BenchWindow(window, Heartbeat(), timeout)
    ctx.on_close(lambda: _close_window(made))
    return made


def _close_window(made: BenchWindow) -> None:
    made.heart.stop()
    QThreadPool.globalInstance().waitForDone(30_000)
    made.window.close()
    made.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shown_rows(page: Page) -> int:
    """Rows a page shows: its tables' and lists' rows, or the briefings its calendar draws."""
    views = [v for v in page.findChildren(QAbstractItemView) if v.isVisibleTo(page) and v.model()]
    rows = sum(v.model().rowCount() for v in views)
    canvases = [c for c in page.findChildren(CalendarCanvas) if c.isVisibleTo(page)]
    return rows + sum(len(day) for c in canvases for day in c.by_day.values())
