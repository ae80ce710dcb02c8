"""Screenshots of keeping the data safe: the read-only banner, restoring a backup, retention, erasure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from briefings.queries.directory import PersonFilter
from briefings.services import Services
from briefings.version import __version__
from ui.app_info import AppInfo
from ui.dialogs.restore_dialog import RestoreDialog
from ui.main_window import MainWindow
from ui.pages.catalogue import PAGES
from ui.pages.people_page import PeoplePage
from ui.screenshots.settle import settle

if TYPE_CHECKING:
    from ui.screenshots.tour import Tour

Shot = tuple[str, Callable[[], QWidget]]
READ_ONLY_REASON = (
    "Read-only: Briefing Desk is already open on this database (sam.okafor on LA-LAPTOP-14, since "
    "08:52 on 19 November 2025, process 4182). Close that copy to make changes here."
)
NOTICE = (
    "Briefing Desk did not close properly last time (process 3977, opened 16:40 on 18 November 2025). "
    "Its lock was cleared; the database was checked and is intact."
)


class StorageShots:
    """The storage and privacy views, over the tour's database."""

    def __init__(self, tour: Tour) -> None:
        self._tour = tour
        self._windows: list[QWidget] = []

    def shots(self) -> list[Shot]:
        """The banner, the restore dialog, the retention preview and the erasure question."""
        return [
            ("read-only-banner", self.read_only_window),
            ("dialog-restore-backup", self.restore_dialog),
            ("dialog-retention", self.retention_dialog),
            ("dialog-erase-person", self.erase_question),
        ]

    def close(self) -> None:
        """Close what these shots opened."""
        for widget in self._windows:
            widget.close()
        self._windows.clear()

    def read_only_window(self) -> QWidget:
        """A second copy of the app: the banner across the top, a start-up notice below it."""
        self.close()
        tour = self._tour
        context = tour.services.context
        services = Services.build(context.sessions, clock=context.clock, read_only_reason=READ_ONLY_REASON)
        settings = QSettings(str(tour.scratch / "read-only.ini"), QSettings.Format.IniFormat)
        info = AppInfo(__version__, "Wyvernshire (screenshots).sqlite3", notices=(NOTICE,))
        window = MainWindow(services, info, PAGES, settings=settings)
        window.resize(tour.window.size())
        window.show()
        self._windows.append(window)
        return window

    def restore_dialog(self) -> QWidget:
        """Three backups listed, the newest checked and ready to restore."""
        self.close()
        tour = self._tour
        now = tour.clock.moment
        for days, hour in ((6, 17), (2, 8), (1, 8)):
            tour.clock.moment = now - timedelta(days=days, hours=-hour + 9)
            tour.services.backups.back_up_now()
        tour.clock.moment = now
        tour.window.show_page(0)
        dialog = tour.window.storage_actions.restore()
        assert isinstance(dialog, RestoreDialog)  # noqa: S101 - the tour's database is writable
        dialog.table.selectRow(0)
        settle()
        dialog.adjustSize()
        self._windows.append(dialog)
        return dialog

    def retention_dialog(self) -> QWidget:
        """The policy and what applying it would remove."""
        self.close()
        dialog = self._tour.window.storage_actions.retention()
        # The demo county is a year and a bit deep: a short policy shows what a preview lists.
        for name, years in (("booking_years", 1), ("people_years", 1), ("audit_years", 6)):
            dialog.spins[name].setValue(years)
        dialog.show_preview()
        settle(400)
        self._windows.append(dialog)
        return dialog

    def erase_question(self) -> QWidget:
        """What erasing someone would change, asked before anything goes."""
        self.close()
        window = self._tour.window
        page = window.page_named("PeoplePage")
        assert isinstance(page, PeoplePage)  # noqa: S101 - the catalogue always has it
        people = self._tour.services.directory.people(PersonFilter(limit=40))
        booked = max(people, key=lambda p: len(p.roles))
        window.open_item("person", booked.id)
        settle()
        box = page.privacy_button.erase()
        assert isinstance(box, QMessageBox)  # noqa: S101 - a person is shown
        self._windows.append(box)
        return box
