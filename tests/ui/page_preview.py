"""Show one directory page in a window and save a screenshot (a developer's look, not a test).

    python -m tests.ui.page_preview DATABASE PAGE OUT.png [--select N] [--open KIND:ID] [--dark]

PAGE is one of schools, people, licences, recordings. Run under Xvfb (xvfb-run -a) or with
QT_QPA_PLATFORM=offscreen. The clock is fixed at 1 Oct 2025 09:00 UTC, as in the tests.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from briefings.clock import fixed_clock
from briefings.services import Services
from models.db import open_database
from ui.background_load import LatestLoad

PAGES = {
    "schools": "ui.pages.schools_page:SchoolsPage",
    "people": "ui.pages.people_page:PeoplePage",
    "licences": "ui.pages.licences_page:LicencesPage",
    "recordings": "ui.pages.recordings_page:RecordingsPage",
}


def page_class(name: str) -> Any:
    """The page class for a short name."""
    module, _, cls = PAGES[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def settle(window: QMainWindow, ms: int = 300) -> None:
    """Let queued loads land and the window paint."""
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms or any(load.busy for load in window.findChildren(LatestLoad)):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if timer.elapsed() > 10_000:
            break


def dark_palette() -> QPalette:
    """A dark palette like a desktop's dark mode."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("page", choices=sorted(PAGES))
    parser.add_argument("out")
    parser.add_argument("--select", type=int, default=None, help="select this row of the main table")
    parser.add_argument("--open", default=None, help="KIND:ID to open")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--call", default=None, help="call this page method (new_person...); grab its dialog")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if args.dark:
        app.setPalette(dark_palette())
    database = open_database(args.database)
    services = Services.build(database.sessions, clock=fixed_clock(datetime(2025, 10, 1, 9, tzinfo=UTC)))
    page = page_class(args.page)(services, QUndoStack())
    window = QMainWindow()
    window.setWindowTitle(f"Briefing Desk — {page.title}")
    window.setCentralWidget(page)
    window.resize(1366, 800)
    page.status_message.connect(lambda text: window.statusBar().showMessage(text))
    window.show()
    page.refresh()
    settle(window)
    if args.select is not None:
        page.table.selectRow(args.select)
    if args.open:
        kind, _, item = args.open.partition(":")
        page.open_item(kind, int(item))
    settle(window)
    window.grab().save(args.out)
    if args.call:
        getattr(page, args.call)()
        settle(window)
        dialogs = [d for d in page.findChildren(QDialog) if d.isVisible()]
        if dialogs:
            dialogs[-1].grab().save(args.out.replace(".png", f"-{args.call}.png"))
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
