"""A child process for the start-up benchmark: start the app, or a bare Qt window, and say when.

``python -m tests.benchmarks.start_child app DATABASE`` runs ``main.main`` as ``make run`` does
and prints ``window TIME PAGES`` once the main window is first painted, then ``loaded TIME``
once the page it opens on shows its data, and quits. ``... start_child bare`` imports only
PySide6 and shows an empty ``QMainWindow`` of the same size: the floor. TIME is
``time.monotonic()``, a clock every process on the machine shares, so the parent subtracts the
moment it spawned the child. Only the standard library loads before the work being timed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

SIZE = (1280, 800)


def say(event: str, *figures: object) -> None:
    """One line for the parent."""
    print(event, time.monotonic(), *figures, flush=True)


def when_painted(window: Any, then: Callable[[], None]) -> None:
    """Call ``then`` once ``window`` has been exposed and painted for the first time.

    Qt paints a top-level window while it handles the window's first Expose event; a zero timer
    started there fires once that handling (and so the paint) is over.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, then)
        return

    class ExposeWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Expose:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    watch = ExposeWatch(window)
    window.windowHandle().installEventFilter(watch)


def bare() -> int:
    """The floor: PySide6 and an empty main window, nothing of ours."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*SIZE)
    window.show()

    def painted() -> None:
        say("window", 1)
        app.quit()

    when_painted(window, painted)
    return app.exec()


def app(database: str) -> int:
    """The app as ``make run`` starts it, told to quit once its first page shows its data."""
    import ui.app

    create_application = ui.app.create_application

    def create_and_watch() -> Any:
        from PySide6.QtCore import QTimer

        application = create_application()
        # Posted now, so it runs as soon as the event loop starts: after the window is shown.
        QTimer.singleShot(0, lambda: watch(application))
        return application

    ui.app.create_application = create_and_watch  # type: ignore[assignment]
    import main

    return main.main(["--database", database])


def watch(application: Any) -> None:
    """Report the first paint and the first page's data, then quit once both are in."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    seen: set[str] = set()

    def reached(event: str, *figures: object) -> None:
        say(event, *figures)
        seen.add(event)
        if seen == {"window", "loaded"}:
            application.quit()

    window.current_page().loaded.connect(lambda: reached("loaded"))
    when_painted(window, lambda: reached("window", len(window.pages)))


def main(argv: list[str]) -> int:
    """``bare`` or ``app DATABASE``."""
    if argv[:1] == ["bare"]:
        return bare()
    if argv[:1] == ["app"] and len(argv) == 2:
        return app(argv[1])
    print("usage: python -m tests.benchmarks.start_child (bare | app DATABASE)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
