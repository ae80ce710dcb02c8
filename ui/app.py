"""Starting the desktop app: the QApplication, startup errors and the main window."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from briefings.services import Services


@dataclass(frozen=True)
class AppInfo:
    """What the window shows about the app itself: version and the database in use."""

    version: str
    database: str
    # Things to tell the advisor once the window is up (a stale lock cleared, a failed backup).
    notices: tuple[str, ...] = ()


def create_application() -> QApplication:
    """The one QApplication, created before anything else so errors can be shown in dialogs."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Briefing Desk")
    app.setOrganizationName("Briefing Desk")
    return app


def show_startup_error(title: str, message: str) -> None:
    """A database or set-up problem explained in a dialog (there is no window yet)."""
    QMessageBox.critical(None, title, message)


def run_main_window(app: QApplication, services: Services, info: AppInfo) -> int:
    """Show the main window and run until it closes."""
    app.setApplicationVersion(info.version)
    window = QMainWindow()
    window.setWindowTitle(f"Briefing Desk — {info.database}")
    count = len(services.briefings.search())
    window.setCentralWidget(QLabel(f"{count} briefings in {info.database}"))
    window.resize(1100, 720)
    window.show()
    return app.exec()
