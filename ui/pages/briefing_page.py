"""One briefing: its register, details, recordings, resources, changes and exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefings.queries.briefings import BriefingDetail, BriefingRow, RegisterRow
from briefings.queries.recordings import RecordingRow
from briefings.services import Services
from briefings.vocabulary import BriefingStatus
from exports.registry import ExportScope
from ui.briefing_editor import BriefingEditor
from ui.export_menu import ExportMenu
from ui.formatting import span_text
from ui.itemmodels.briefing_table import where_text
from ui.loading import BackgroundLoad
from ui.pages.page import Page
from ui.panels.attendance_import_button import AttendanceImportButton
from ui.panels.details_panel import DetailsPanel
from ui.panels.recordings_panel import RecordingsPanel
from ui.panels.register_panel import RegisterPanel
from ui.panels.resources_panel import ResourcesPanel
from ui.widgets.action_bar import ActionBar
from ui.widgets.empty_state import EmptyState, Stack
from ui.widgets.topic_chip import TopicChip


@dataclass(frozen=True)
class _Loaded:
    detail: BriefingDetail
    register: list[RegisterRow]
    recordings: list[RecordingRow]
    now: datetime


class BriefingPage(Page):
    """The briefing opened from the table, the calendar or the dashboard.

    Signals:
        loaded: the briefing's data arrived and is on show.
        export_requested: (exporter identifier, briefing id) chosen from the Export menu.
    """

    title = "Briefing"
    export_requested = Signal(str, int)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._briefing_id: int | None = None
        self.row: BriefingRow | None = None
        self.editor = BriefingEditor(services, undo_stack, self)
        self.editor.changed.connect(self._changed)
        self._load = BackgroundLoad(self)
        self._load.loaded.connect(self._show_loaded)
        self._load.failed.connect(self._failed)
        self.register = RegisterPanel(services, undo_stack)
        self.register.changed.connect(self._panel_changed)
        self.details = DetailsPanel(services)
        self.details.said.connect(self.status_message)
        self.recordings = RecordingsPanel(services)
        self.recordings.said.connect(self.status_message)
        self.resources = ResourcesPanel(services)
        self.resources.changed.connect(self._panel_changed)
        self.empty = EmptyState(
            "No briefing open",
            "Open one from Briefings (double-click or Enter), the Calendar or the Dashboard.",
        )
        self.stack = Stack(self._body(), self.empty)
        self.stack.show_empty(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    def _body(self) -> QWidget:
        body = QWidget()
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chip = TopicChip()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar = ActionBar()
        self.edit_button = bar.add("&Edit…", lambda: self._act(self.editor.edit))
        self.reschedule_button = bar.add("Re&schedule…", lambda: self._act(self.editor.reschedule))
        self.cancel_button = bar.add("&Cancel briefing…", lambda: self._act(self.editor.cancel))
        self.complete_button = bar.add("Mark &taken place", lambda: self._act(self.editor.complete))
        self.duplicate_button = bar.add("D&uplicate…", lambda: self._act(self.editor.duplicate))
        self.attendance_import = AttendanceImportButton(self._services)
        bar.addWidget(self.attendance_import)
        self.invites_button = bar.add("&Invites…", lambda: self._export_chosen("invites", self._briefing_id))
        bar.add_stretch()
        self.export_menu = ExportMenu("Export", self._export_chosen, scope=ExportScope.BRIEFING, parent=self)
        self.export_button = QToolButton()
        self.export_button.setText("E&xport")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.export_menu)
        bar.addWidget(self.export_button)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading, 1)
        title_row.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.register, "&Register")
        self.tabs.addTab(self.details, "&Details")
        self.tabs.addTab(self.recordings, "Rec&ordings")
        self.tabs.addTab(self.resources, "Reso&urces")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title_row)
        layout.addWidget(self.summary)
        layout.addWidget(bar)
        layout.addWidget(self.tabs, 1)
        return body

    # ------------------------------------------------------------------ Page
    def open_item(self, kind: str, item_id: int) -> bool:
        """Open a briefing."""
        if kind != "briefing":
            return False
        if item_id != self._briefing_id:
            self.tabs.setCurrentWidget(self.register)
        self._briefing_id = item_id
        self.refresh()
        return True

    def refresh(self) -> None:
        """Reload the open briefing in the background."""
        briefing_id = self._briefing_id
        if briefing_id is None:
            self.loaded.emit()  # the empty state is all there is to show
            return
        services = self._services

        def job() -> _Loaded:
            return _Loaded(
                detail=services.briefings.get(briefing_id),
                register=services.briefings.register(briefing_id),
                recordings=services.recordings.search(briefing_id),
                now=services.briefings.now(),
            )

        self._load.run(job)

    def briefing_id(self) -> int | None:
        """The briefing open, if any."""
        return self._briefing_id

    # ------------------------------------------------------------------ showing
    def _show_loaded(self, loaded: _Loaded) -> None:
        row = loaded.detail.row
        self.row = row
        self.heading.setText(row.title)
        self.chip.show_topic(row.topic_name, row.topic_colour)
        status = "" if row.status is BriefingStatus.SCHEDULED else f"{row.status.value.capitalize()} · "
        places = f"{row.booked} of {row.capacity} places booked" + (" (full)" if row.is_full else "")
        waiting = f", {row.waitlisted} waiting" if row.waitlisted else ""
        self.summary.setText(
            f"{status}{span_text(row.starts_at, row.ends_at)} · {where_text(row)} · {places}{waiting}"
        )
        self.register.show_register(row, loaded.register, loaded.now)
        self.details.show_detail(loaded.detail)
        self.recordings.show_recordings(loaded.recordings, loaded.now)
        self.resources.show_resources(row.id, loaded.detail.resources)
        self.export_menu.briefing_id = row.id
        self.attendance_import.show_briefing(row)
        live = row.status in (BriefingStatus.SCHEDULED, BriefingStatus.DRAFT)
        for button in (self.edit_button, self.reschedule_button, self.cancel_button):
            button.setEnabled(live)
        self.complete_button.setEnabled(
            row.status is BriefingStatus.SCHEDULED and row.starts_at <= loaded.now
        )
        self.invites_button.setEnabled(row.status is not BriefingStatus.DRAFT and row.ends_at > loaded.now)
        self.stack.show_empty(False)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._briefing_id = None
        self.row = None
        self.empty.say("This briefing could not be opened", str(error))
        self.stack.show_empty(True)
        self.status_message.emit(f"Could not open the briefing: {error}")

    # ------------------------------------------------------------------ changes
    def _act(self, action: Callable[[BriefingRow], object]) -> None:
        if self.row is not None:
            action(self.row)

    def _changed(self, briefing_id: int, message: str) -> None:
        self.status_message.emit(message)
        if briefing_id and briefing_id != self._briefing_id:
            self.open_item("briefing", briefing_id)  # a duplicate opens the copy
        else:
            self.refresh()

    def _panel_changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()

    def _export_chosen(self, identifier: str, briefing_id: int | None) -> None:
        if briefing_id is not None:
            self.export_requested.emit(identifier, briefing_id)
