"""File ▸ Import: settings from GIAS, a staff list, and an attendance report.

Each command opens its dialog over the window (or brings forward the one already open). An
attendance report is offered for the briefing open on the Briefing page, if any.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from shiboken6 import isValid

from briefings.queries.briefings import BriefingRow
from briefings.services import Services
from ui.dialogs.choices import briefing_choice
from ui.dialogs.imports import launch

if TYPE_CHECKING:  # the window imports this module to build its File menu
    from ui.main_window import MainWindow


class ImportMenu(QMenu):
    """The Import submenu of the File menu."""

    def __init__(self, window: MainWindow, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("&Import", parent)
        self._window = window
        self._services = services
        self._open: dict[str, QDialog] = {}
        self.settings_action = self._add("&Settings from GIAS…", "", self.import_settings)
        self.staff_action = self._add("S&taff list…", "Ctrl+Shift+I", self.import_staff)
        self.attendance_action = self._add("&Attendance report…", "Ctrl+I", self.import_attendance)

    def _add(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def import_settings(self) -> QDialog:
        """Open (or bring forward) the GIAS import."""
        return self._one("settings", lambda: launch.settings_import(self._window, self._services))

    def import_staff(self) -> QDialog:
        """Open (or bring forward) the staff-list import."""
        return self._one("staff", lambda: launch.staff_import(self._window, self._services))

    def import_attendance(self) -> QDialog:
        """Open (or bring forward) the attendance import, for the briefing on the Briefing page if any."""
        page = self._window.page_named("BriefingPage")
        row = getattr(page, "row", None)
        choice = briefing_choice(row) if isinstance(row, BriefingRow) else None
        return self._one("attendance", lambda: launch.attendance_import(self._window, self._services, choice))

    def _one(self, kind: str, open_dialog: Callable[[], QDialog]) -> QDialog:
        dialog = self._open.get(kind)
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        self._open[kind] = dialog = open_dialog()
        return dialog
