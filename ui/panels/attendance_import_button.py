"""The briefing page's "Attendance import" button: import a report, or review the rows left pending.

The button says how many imported participants are still waiting for a decision, including rows
left by ``briefing-desk import attendance --apply`` on the command line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMenu, QToolButton, QWidget

from briefings.queries.briefings import BriefingRow
from briefings.services import Services
from ui.dialogs.choices import briefing_choice
from ui.dialogs.imports import launch
from ui.loading import BackgroundLoad

TEXT = "Attendance &import"


class AttendanceImportButton(QToolButton):
    """A menu of the two attendance-import commands for the briefing on show."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.briefing: BriefingRow | None = None
        self.pending = 0
        self.setText(TEXT)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(False)  # drawn as a button, like its neighbours in the page's action bar
        menu = QMenu(self)
        self.import_action = menu.addAction("Import a Teams or Zoom report…")
        self.import_action.triggered.connect(lambda _checked=False: self.import_report())
        self.review_action = menu.addAction("Review imported attendance…")
        self.review_action.triggered.connect(lambda _checked=False: self.review())
        self.setMenu(menu)
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._counted)
        self._counted(0)

    def show_briefing(self, briefing: BriefingRow) -> None:
        """Offer the commands for this briefing, and count what waits for review."""
        self.briefing = briefing
        services, briefing_id = self._services, briefing.id
        # The import service loads on first use, so that happens on the worker, not here.
        self._load.run(lambda: len(services.imports.attendance_rows(briefing_id)))

    def _counted(self, pending: int) -> None:
        self.pending = pending
        self.setText(f"{TEXT} ({pending} to review)" if pending else TEXT)
        self.review_action.setEnabled(pending > 0)
        self.review_action.setText(
            f"Review {pending} imported participant{'s' * (pending != 1)}…"
            if pending
            else "Review imported attendance (nothing waiting)"
        )

    def import_report(self) -> QDialog | None:
        """Import a report for the briefing on show."""
        if self.briefing is None:
            return None
        return launch.attendance_import(self.window(), self._services, briefing_choice(self.briefing))

    def review(self) -> QDialog | None:
        """Decide the participants left for review."""
        if self.briefing is None:
            return None
        return launch.pending_review(self.window(), self._services, self.briefing.id, self.briefing.title)
