"""Waiting for background loads to land before a screenshot (an event loop, not processEvents)."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

POLL_MS = 25
POLLS = 400


def settle(milliseconds: int = 150) -> None:
    """Let background loads finish and their results paint."""
    pool = QThreadPool.globalInstance()
    loop = QEventLoop()
    for _ in range(POLLS):
        if pool.activeThreadCount() == 0:
            break
        QTimer.singleShot(POLL_MS, loop.quit)
        loop.exec()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
