from __future__ import annotations

import pytest

from briefings.errors import OperationCancelled
from ui.workers import Worker, start

pytestmark = pytest.mark.gui


def test_result_comes_back_on_the_ui_thread(qtbot):
    results = []
    errors = []
    worker = start(lambda progress: sum(range(10)), on_done=results.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(results or errors), timeout=5000)
    assert results == [45]
    assert errors == []
    assert worker.signals is not None


def test_failure_is_reported_not_swallowed(qtbot):
    errors = []

    def boom(progress):
        raise ValueError("bad row 7")

    start(boom, on_done=lambda r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "bad row 7"
    assert "ValueError" in errors[0].__traceback_text__


def test_cancel_stops_at_the_next_progress_report(qtbot):
    from PySide6.QtCore import QThreadPool

    reached = []

    def long_job(progress):
        for i in range(1000):
            if not progress(i, 1000):
                reached.append(i)
                raise OperationCancelled
        return "finished"

    worker = Worker(long_job)
    worker.cancel()
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        QThreadPool.globalInstance().start(worker)
    assert reached == [0]


def test_a_job_that_must_not_stop_halfway_offers_no_cancel(qtbot):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    from ui.workers import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    results = []

    def restore(progress):
        progress(1, 2)
        release.wait(5)
        return "restored"

    run_with_progress(
        parent, "Restoring…", restore, on_done=results.append, on_error=print, cancellable=False
    )
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    assert dialog.findChildren(QPushButton) == []
    dialog.canceled.emit()  # Escape or the window's close box: the job carries on regardless
    release.set()
    qtbot.waitUntil(lambda: results == ["restored"], timeout=5000)


def test_a_job_that_finishes_after_a_late_cancel_reports_finished(qtbot):
    from PySide6.QtCore import QThreadPool

    def ignores_cancel(progress):
        progress(1, 1)  # asked to stop here, but this job has already done its work
        return "committed"

    worker = Worker(ignores_cancel)
    worker.cancel()
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as finished:
        QThreadPool.globalInstance().start(worker)
    assert finished.args == ["committed"]


def test_the_progress_dialog_appears_even_before_any_progress_report(qtbot):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QWidget

    from ui.workers import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    done = []
    run_with_progress(
        parent, "Working…", lambda progress: release.wait(10), on_done=done.append, on_error=done.append
    )
    dialog = parent.findChild(QProgressDialog)
    try:
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [True]
