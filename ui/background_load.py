"""Loads off the UI thread where only the newest request matters (search as you type, paging).

Each ``run`` supersedes the ones before it: their results are dropped when they arrive, so a slow
query for "sm" never overwrites the answer for "smith". Built on ``ui.workers.Worker``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

from briefings.errors import DomainError
from ui.workers import Worker

T = TypeVar("T")
logger = logging.getLogger(__name__)
_Outcome = tuple[int, Any, str | None]


class LatestLoad(QObject):
    """Runs one kind of load in the background and hands only the newest result back.

    Signals:
        settled: no load is running any more (tests and the benchmark wait for this).
        failed: the newest load failed; the message says why.
    """

    settled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._deliver: Callable[[Any], None] | None = None
        self._running: set[int] = set()

    @property
    def busy(self) -> bool:
        """Whether any load is still running."""
        return bool(self._running)

    def run(self, job: Callable[[], T], deliver: Callable[[T], None]) -> None:
        """Start ``job`` on a pool thread; ``deliver`` gets its result unless a newer run came first."""
        self._generation += 1
        generation = self._generation
        self._deliver = deliver

        def guarded(_progress: Callable[[int, int], bool]) -> _Outcome:
            try:
                return generation, job(), None
            except DomainError as error:
                return generation, None, error.message
            except Exception as error:  # a load must never die silently on a pool thread
                logger.exception("Background load failed")
                return generation, None, f"Could not load: {error}"

        worker = Worker(guarded)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._crashed)
        _keep_until_done(worker)
        self._running.add(generation)
        QThreadPool.globalInstance().start(worker)

    def cancel(self) -> None:
        """Forget any load in flight (its result will be dropped)."""
        self._generation += 1
        self._deliver = None

    def _finished(self, outcome: _Outcome) -> None:
        generation, value, error = outcome
        self._running.discard(generation)
        if generation == self._generation and self._deliver is not None:
            deliver, self._deliver = self._deliver, None
            if error is None:
                deliver(value)
            else:
                self.failed.emit(error)
        if not self._running:
            self.settled.emit()

    def _crashed(self, error: BaseException) -> None:  # guarded() catches Exception; this is the rest
        self.failed.emit(f"Could not load: {error}")


# Workers a pool thread is still running. ui.workers leaves them owned by Python until a signal
# arrives; they are kept here rather than on their LatestLoad, which a dialog closed mid-search
# takes with it.
_RUNNING: set[Worker] = set()


def _keep_until_done(worker: Worker) -> None:
    _RUNNING.add(worker)
    worker.signals.finished.connect(lambda _result: _RUNNING.discard(worker))
    worker.signals.failed.connect(lambda _error: _RUNNING.discard(worker))
    worker.signals.cancelled.connect(lambda: _RUNNING.discard(worker))
