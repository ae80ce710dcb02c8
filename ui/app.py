"""Starting the desktop app: the QApplication, startup errors and the main window."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from briefings.services import Services
from ui.app_info import AppInfo
from ui.dialogs.first_run import FirstRunOffer
from ui.error_net import install_error_net

if TYPE_CHECKING:
    from briefings.services.file_restore import StartupProblem

__all__ = [
    "AppInfo",
    "FirstRunOffer",
    "create_application",
    "freeze_start_up_objects",
    "run_main_window",
    "show_startup_error",
]


def create_application() -> QApplication:
    """The one QApplication, created before anything else so errors can be shown in dialogs."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Briefing Desk")
    app.setOrganizationName("Briefing Desk")
    return app


def show_startup_error(title: str, message: str, problem: StartupProblem | None = None) -> bool:
    """A database or set-up problem explained in a dialog (there is no window yet).

    With a ``problem`` from ``startup_problem``, a damaged file offers Restore from a backup and
    a too-new one says to update the app. True when a backup was restored: open it again.
    """
    from briefings.services.file_restore import StartupAdvice  # noqa: PLC0415 - only on failure
    from ui.dialogs.startup_error import show_startup_error as show  # noqa: PLC0415

    restore = problem.restore if problem is not None else None
    update_app = problem is not None and problem.advice is StartupAdvice.UPDATE
    folder = restore.folder if restore is not None else None
    return show(title, message, restore=restore, folder=folder, update_app=update_app)


def freeze_start_up_objects() -> None:
    """Keep the garbage collector's full passes off everything start-up made (it lives until exit).

    A full (generation 2) collection walks every object the collector tracks: with the ORM, the
    Qt wrappers and eight pages loaded, each one held the UI thread (or the worker holding the
    GIL) for 55 to 75 ms, a visible stutter every few People filters on a large county. With
    the start-up objects frozen a full pass takes about 2 ms (``make bench``: the
    ``ui.people_filter.*`` stalls). No collection first: start-up leaves about 15 unreachable
    objects, cheaper to keep than a 60 ms pass before the first paint.
    """
    gc.freeze()


def run_main_window(
    app: QApplication, services: Services, info: AppInfo, first_run: FirstRunOffer | None = None
) -> int:
    """Show the main window and run until it closes.

    ``first_run`` is offered when the database is empty (load the demo county, import settings).
    """
    from ui.main_window import MainWindow  # noqa: PLC0415 - the pages load after the QApplication
    from ui.pages.catalogue import PAGES  # noqa: PLC0415

    app.setApplicationVersion(info.version)
    install_error_net()
    window = MainWindow(services, info, PAGES, first_run=first_run)
    window.show()
    freeze_start_up_objects()
    code = app.exec()
    # Background reads still running must finish before the caller closes the database.
    QThreadPool.globalInstance().waitForDone(10_000)
    return code
