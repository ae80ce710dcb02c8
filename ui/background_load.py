"""Loads off the UI thread where only the newest request matters (search as you type, paging).

Each ``run`` supersedes the ones before it: their results are dropped when they arrive, so a slow
query for "sm" never overwrites the answer for "smith". Built on ``ui.workers.start``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from briefings.errors import DomainError
from ui.workers import Worker, start

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
        self._workers: dict[int, Worker] = {}

    @property
    def busy(self) -> bool:
        """Whether any load is still running."""
        return bool(self._workers)

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

        self._workers[generation] = start(guarded, on_done=self._finished, on_error=self._crashed)

    def cancel(self) -> None:
        """Forget any load in flight (its result will be dropped)."""
        self._generation += 1
        self._deliver = None

    def _finished(self, outcome: _Outcome) -> None:
        generation, value, error = outcome
        self._workers.pop(generation, None)
        if generation == self._generation and self._deliver is not None:
            deliver, self._deliver = self._deliver, None
            if error is None:
                deliver(value)
            else:
                self.failed.emit(error)
        if not self._workers:
            self.settled.emit()

    def _crashed(self, error: BaseException) -> None:  # pragma: no cover - guarded() catches
        self.failed.emit(f"Could not load: {error}")
