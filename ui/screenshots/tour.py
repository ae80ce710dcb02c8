"""What the screenshots show: a seeded database, the window on each page, and the main dialogs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget

from briefings.clock import london_today
from briefings.queries.briefings import BriefingFilter
from briefings.services import Services
from briefings.services.opening import open_services
from briefings.version import __version__
from ui.app_info import AppInfo
from ui.main_window import MainWindow
from ui.pages.briefing_page import BriefingPage
from ui.pages.calendar_page import CalendarPage
from ui.pages.catalogue import PAGES
from ui.screenshots import import_shots
from ui.screenshots.export_shots import export_shots
from ui.screenshots.sample_county import NOW, SettableClock, seed_sample_county
from ui.screenshots.settle import settle
from ui.screenshots.storage_shots import StorageShots

Shot = tuple[str, Callable[[], QWidget]]


def slug(text: str) -> str:
    """A file-name friendly form of a page title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Tour:
    """A window over a freshly seeded database, and the views to photograph."""

    def __init__(self, scratch: Path, size: tuple[int, int]) -> None:
        self.clock = SettableClock(NOW)
        self.scratch = scratch
        self._opened = open_services(str(scratch / "screens.sqlite3"), clock=self.clock)
        self.services: Services = self._opened.services
        self.summary = self._seed()
        settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
        info = AppInfo(__version__, "Wyvernshire (screenshots).sqlite3")
        self.window = MainWindow(self.services, info, PAGES, settings=settings)
        self.window.resize(*size)
        self.window.show()
        self._dialogs: list[QDialog] = []
        self.storage = StorageShots(self)

    def _seed(self) -> str:
        demo: Any = getattr(self.services, "demo", None)
        if demo is not None:  # the demo county, once its branch is merged
            return str(demo.load(today=london_today(NOW)))
        return seed_sample_county(self.services, self.clock)

    def close(self) -> None:
        """Close the window and the database."""
        for dialog in self._dialogs:
            dialog.close()
        self.storage.close()
        self.window.close()
        self._opened.close()

    def _page(self, number: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            self.window.show_page(number)
            return self.window

        return show

    def _briefing(self) -> QWidget:
        target = self._interesting_briefing()
        if target is not None:
            self.window.open_item("briefing", target)
        return self.window

    def _interesting_briefing(self) -> int | None:
        # The latest past briefing with a register, so attendance marks show.
        past = self.services.briefings.search(BriefingFilter(when="past"))
        marked = [r for r in past if r.attended]
        return marked[0].id if marked else (past[0].id if past else None)

    def _dialog(
        self, open_dialog: Callable[[Any], QDialog | None], prepare: str = ""
    ) -> Callable[[], QWidget]:
        def show() -> QWidget:
            page = self.window.page_named("BriefingsPage")
            assert page is not None  # noqa: S101 - the catalogue always has the briefings page
            self.window.show_page(self.window.pages.index(page))
            dialog = open_dialog(page)
            assert dialog is not None  # noqa: S101
            if prepare:
                getattr(dialog, prepare)()
            dialog.adjustSize()
            self._dialogs.append(dialog)
            return dialog

        return show

    def shots(self) -> list[Shot]:
        """Every page in catalogue order, the open briefing, and the dialogs."""
        shots: list[Shot] = [
            (f"{n + 1:02d}-{slug(page.title)}", self._page(n)) for n, page in enumerate(self.window.pages)
        ]
        shots += [
            ("briefing-register", self._briefing),
            ("briefing-details", lambda: self._briefing_tab("details")),
            ("briefing-recordings", lambda: self._briefing_tab("recordings", upcoming=False, recorded=True)),
            ("calendar-week", self._calendar_week),
            ("dialog-new-briefing", self._dialog(lambda page: page.editor.new())),
            ("dialog-new-series", self._dialog(lambda page: page.editor.new_series(), "fill_half_terms")),
            ("dialog-add-audience", self._audience_dialog),
            *self.storage.shots(),
            ("dialog-import-settings-preview", lambda: self._keep(import_shots.settings_preview)),
            ("dialog-attendance-review", lambda: self._keep(import_shots.attendance_review)),
        ]
        return shots + export_shots(self)

    def keep(self, dialog: QDialog) -> None:
        """Close this dialog with the others before the dark shots."""
        self._dialogs.append(dialog)

    def interesting_briefing(self) -> int | None:
        """The briefing the register shots show."""
        return self._interesting_briefing()

    def _keep(self, open_dialog: Callable[[QWidget, Services, Path], QDialog]) -> QWidget:
        dialog = open_dialog(self.window, self.services, self.scratch)
        self._dialogs.append(dialog)
        return dialog

    def _briefing_tab(self, tab: str, *, upcoming: bool = True, recorded: bool = False) -> QWidget:
        rows = self.services.briefings.search(BriefingFilter(when="upcoming" if upcoming else "past"))
        if recorded:
            with_recording = {r.briefing_id for r in self.services.recordings.search()}
            rows = [r for r in rows if r.id in with_recording] or rows
        page = self.window.page_named("BriefingPage")
        if rows and isinstance(page, BriefingPage):
            self.window.open_item("briefing", rows[-1].id if upcoming else rows[0].id)
            page.tabs.setCurrentWidget(page.details if tab == "details" else page.recordings)
        return self.window

    def _calendar_week(self) -> QWidget:
        page = self.window.page_named("CalendarPage")
        if isinstance(page, CalendarPage):
            self.window.show_page(self.window.pages.index(page))
            page.show_view(page.week)
        return self.window

    def _audience_dialog(self) -> QWidget:
        upcoming = self.services.briefings.upcoming(1)
        page = self.window.page_named("BriefingPage")
        assert isinstance(page, BriefingPage)  # noqa: S101 - the catalogue always has it
        self.window.open_item("briefing", upcoming[0].id)
        settle()
        dialog = page.register.add_audience()
        assert dialog is not None  # noqa: S101 - a briefing is open
        self._dialogs.append(dialog)
        return dialog

    def dark_shots(self) -> list[Shot]:
        """The busiest views again, in a dark palette."""
        for dialog in self._dialogs:
            dialog.close()
        self._dialogs.clear()
        self.storage.close()
        first = self._page(0)
        return [("01-dashboard", first), ("briefing-register", self._briefing)]

    @staticmethod
    def moment() -> datetime:
        """The date the screenshots show."""
        return NOW
