"""Loading a page's rows off the UI thread, keeping only the newest answer.

A page asks for data whenever it is shown or a filter changes; on a large database a slow answer
to an old question can arrive after a quick answer to a new one, so each request is numbered and
stale results are dropped.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.workers import Worker, start


@dataclass(frozen=True)
class _Answer:
    generation: int
    value: Any
    error: BaseException | None


class BackgroundLoad(QObject):
    """Runs one read at a time for its owner; ``loaded`` carries the newest result.

    Signals:
        loaded: the value the newest job returned (on the UI thread).
        failed: the exception the newest job raised; its ``__traceback_text__`` holds the trace.
    """

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        # A worker is kept until an answer *after* its own arrives: the pool thread may still be
        # returning from run() when its signal reaches us, so nothing is freed by its own answer.
        self._running: dict[int, Worker] = {}
        self._finished: list[Worker] = []
        self._busy = False

    @property
    def busy(self) -> bool:
        """Whether an answer is still awaited."""
        return self._busy

    def run(self, job: Callable[[], Any]) -> None:
        """Start ``job`` on the thread pool; an earlier job still running is ignored when it ends."""
        self._generation += 1
        generation = self._generation
        self._busy = True

        def answer(_progress: Callable[[int, int], bool]) -> _Answer:
            try:
                return _Answer(generation, job(), None)
            except Exception as error:  # reported through ``failed`` on the UI thread
                error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                return _Answer(generation, None, error)

        self._running[generation] = start(answer, on_done=self._answered, on_error=self.failed.emit)

    def _answered(self, answer: _Answer) -> None:
        done = self._running.pop(answer.generation, None)
        self._finished = [done] if done is not None else []
        if answer.generation != self._generation:
            return
        self._busy = False
        if answer.error is not None:
            self.failed.emit(answer.error)
        else:
            self.loaded.emit(answer.value)
