"""Work off the UI thread: a QRunnable on the global QThreadPool that reports through signals.

The Picard idiom: the job is a plain callable that never sees a widget; it gets a ``progress``
callback ``(done, total) -> keep_going`` and its result or error comes back as a signal on the UI
thread. ``run_with_progress`` puts a cancellable QProgressDialog in front of it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefings.errors import OperationCancelled

Job = Callable[[Callable[[int, int], bool]], Any]


class WorkerSignals(QObject):
    """Signals a worker emits; Qt queues them onto the UI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Worker(QRunnable):
    """Runs ``job(progress)`` on a pool thread."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._stop = threading.Event()
        self.setAutoDelete(False)  # the caller keeps it until a signal arrives

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self._stop.set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self._stop.is_set()

    def run(self) -> None:
        """Qt calls this on the pool thread."""
        try:
            result = self.job(self._progress)
        except OperationCancelled:
            self.signals.cancelled.emit()
            return
        except Exception as error:  # every failure must reach the UI, not vanish on a pool thread
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(error)
            return
        # A job that returns has finished, even if Cancel came too late to stop it: saying
        # "stopped" about work that was committed would mislead. Jobs that honour a cancel raise.
        self.signals.finished.emit(result)


def start(job: Job, *, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Worker:
    """Run a job in the background with no dialog (for short loads that must not block paint)."""
    worker = Worker(job)
    worker.signals.finished.connect(on_done)
    worker.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(worker)
    return worker


def run_with_progress(
    parent: QWidget | None,
    label: str,
    job: Job,
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_cancel: Callable[[], None] | None = None,
    cancellable: bool = True,
) -> Worker:
    """Run a job behind a modal progress dialog with a Cancel button.

    A job that must not be stopped once started (a restore: the answer must say what really
    happened) passes ``cancellable=False`` and its dialog has no Cancel button.
    """
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(200)  # quick jobs never flash a dialog
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    # Starts the minimum-duration timer: without it the dialog waits for the first progress
    # report, so a job that reports none would run with no dialog and no Cancel button.
    dialog.setValue(0)
    worker = Worker(job)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def finish(callback: Callable[..., None], *args: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        callback(*args)

    worker.signals.progressed.connect(progressed)
    worker.signals.finished.connect(lambda result: finish(on_done, result))
    worker.signals.failed.connect(lambda error: finish(on_error, error))
    worker.signals.cancelled.connect(lambda: finish(on_cancel or (lambda: None)))
    if cancellable:
        dialog.canceled.connect(worker.cancel)
    QThreadPool.globalInstance().start(worker)
    return worker
