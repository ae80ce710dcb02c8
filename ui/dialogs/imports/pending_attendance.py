"""Rows of attendance reports left for review (by the app or ``import attendance --apply``), decided later.

Each decision is written at once, one transaction per row, off the UI thread; a row matched
now is merged with anything else recorded for the same person at the briefing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from briefings.errors import DomainError, OperationCancelled
from briefings.importing.attendance_plan import RowDecision
from briefings.services import Services
from ui.dialogs.form_dialog import FieldMessage
from ui.dialogs.imports.hosting import reporter
from ui.dialogs.imports.review_panel import ReviewPanel
from ui.itemmodels.attendance_review_rows import (
    DECISION_COLUMN,
    MARK_COLUMN,
    ReviewRow,
    stored_review_row,
)
from ui.loading import BackgroundLoad
from ui.widgets.empty_state import EmptyState, Stack
from ui.workers import Worker, run_with_progress

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class _Resolved:
    done: int
    refused: list[str]


class PendingAttendanceDialog(QDialog):
    """A briefing's imported participants nobody has decided yet.

    Signals:
        changed: a line for the status bar after rows were decided.
        loaded: the pending rows are on show.
    """

    changed = Signal(str)
    loaded = Signal()

    def __init__(
        self, services: Services, briefing_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Attendance to review — {title}")
        self._services = services
        self.briefing_id = briefing_id
        self._worker: Worker | None = None
        self._closed = False
        heading = QLabel(
            f"<b>{title}</b>: participants of imported reports still waiting for a decision. "
            "Each decision is recorded straight away."
        )
        heading.setWordWrap(True)
        self.panel = ReviewPanel(services, lambda _row: "Waiting", lambda _row: True, can_leave=False)
        self.panel.decided.connect(self._decided)
        for column in (DECISION_COLUMN, MARK_COLUMN):  # decided at once, and marked when decided
            self.panel.table.setColumnHidden(column, True)
        self.empty = EmptyState(
            "Nothing is waiting for review", "Every imported participant has been decided."
        )
        self.stack = Stack(self.panel, self.empty)
        self.message = FieldMessage(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show)
        self._load.failed.connect(lambda error: self.message.show_message(str(error)))
        self.resize(1150, 620)
        self.reload()

    def reload(self) -> None:
        """Fetch the pending rows again."""
        imports, briefing_id = self._services.imports, self.briefing_id
        self._load.run(lambda: [stored_review_row(r) for r in imports.attendance_rows(briefing_id)])

    def _show(self, rows: list[ReviewRow]) -> None:
        self.panel.show_rows(rows)
        self.stack.show_empty(not rows)
        self.loaded.emit()

    def _decided(self, rows: list[ReviewRow], decision: RowDecision, label: str) -> None:
        imports = self._services.imports
        self.message.clear()

        def job(progress: Progress) -> _Resolved:
            done, refused = 0, []
            for number, row in enumerate(rows):
                if not progress(number, len(rows)):
                    if done == 0:
                        raise OperationCancelled
                    break
                try:
                    imports.resolve_attendance_row(row.key, decision)
                except DomainError as error:
                    refused.append(f"{row.name}: {error.message}")
                else:
                    done += 1
            return _Resolved(done, refused)

        who = f" as {label}" if label else ""
        self._worker = run_with_progress(
            self,
            "Recording…",
            job,
            on_done=lambda resolved: self._resolved(resolved, who),
            on_error=self._failed,
            on_cancel=self._stopped,
        )

    def _settled(self) -> bool:
        """Forget the finished job; False (and the dialog deleted) when it was closed meanwhile."""
        self._worker = None
        if self._closed:
            self.deleteLater()
        return not self._closed

    @override
    def done(self, result: int) -> None:
        super().done(result)
        self._closed = True
        if self._worker is None:
            self.deleteLater()

    def _failed(self, error: BaseException) -> None:
        if self._settled():
            self.message.show_message(str(error))

    def _stopped(self) -> None:
        if self._settled():
            self.reload()

    def _resolved(self, resolved: _Resolved, who: str) -> None:
        if not self._settled():
            return
        if resolved.refused:
            self.message.show_message("\n".join(resolved.refused))
        if resolved.done:
            self.changed.emit(
                f"Decided {resolved.done} imported participant{'s' * (resolved.done != 1)}{who}"
            )
        self.reload()


def open_pending_review(
    parent: QWidget, services: Services, briefing_id: int, title: str
) -> PendingAttendanceDialog:
    """Open the rows waiting for review for a briefing."""
    dialog = PendingAttendanceDialog(services, briefing_id, title, parent)
    dialog.changed.connect(reporter(parent))
    dialog.show()
    return dialog
