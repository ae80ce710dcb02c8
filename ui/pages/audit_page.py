"""Audit log: who changed what and when, filtered by dates, user, action, kind of record and words.

The log grows with every change and is never loaded whole: the filter runs in SQL and the table
fetches a page at a time as it scrolls (``AuditTableModel``), so a log of millions of entries
opens as quickly as an empty one.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QWidget
from typing_extensions import override

from briefings.clock import london_today, start_of_london_day
from briefings.queries.audit import AuditFilter, AuditRow
from briefings.services import Services
from ui.background_load import LatestLoad
from ui.display_text import count_text
from ui.itemmodels.audit_rows import ACTION_WORDS, AuditQuery, AuditTableModel, details_text
from ui.pages.page import Page
from ui.pages.page_actions import page_action
from ui.pages.page_layout import list_and_detail, row, stacked
from ui.widgets.day_edit import DayEdit
from ui.widgets.empty_state import Placeholder
from ui.widgets.filter_combo import FilterCombo
from ui.widgets.row_table_view import RowTableView
from ui.widgets.search_field import SearchField

NOTHING_CHOSEN = "Choose an entry to see what it refers to and what changed."


class AuditPage(Page):
    """The audit log, newest first, with the chosen entry's details below it.

    Signals:
        loaded: the entries asked for (on refresh or a filter change) are on show.
    """

    title = "Audit log"
    loaded = Signal()

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        del undo_stack  # the log is read, never changed by hand
        self._services = services
        today = london_today(services.audit.now())
        self.use_since = QCheckBox("&From")
        self.since = DayEdit(today - timedelta(days=30))
        self.use_until = QCheckBox("&To")
        self.until = DayEdit(today)
        for edit in (self.since, self.until):
            edit.setEnabled(False)
        self.actor = FilterCombo("All users")
        self.action = FilterCombo("All actions")
        self.action.set_choices((words, action) for action, words in ACTION_WORDS.items())
        self.entity = FilterCombo("Any record")
        self.search = SearchField("Search the summaries")
        self.count_label = QLabel()
        self.model = AuditTableModel(self)
        self._choices = LatestLoad(self)
        self.table = RowTableView(self.model)
        self.table_state = Placeholder(self.table)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(NOTHING_CHOSEN)
        self.details.setAccessibleName("Entry details")
        note = QLabel("The log records who made each change and when, never personal details or passcodes.")
        note.setWordWrap(True)
        list_and_detail(
            self,
            filters=row(self._filters(), stretch_first=True),
            listing=stacked(self.table_state, row([self.count_label, None])),
            detail=stacked(self.details, row([note])),
            sizes=(520, 180),
            vertical=True,
        )
        page_action(self, "Find in the audit log", QKeySequence.StandardKey.Find, self.search.setFocus)
        page_action(self, "Reload the audit log", QKeySequence.StandardKey.Refresh, self.refresh)
        self._connect()

    def _filters(self) -> list[QWidget | None]:
        return [
            self.search,
            self.use_since,
            self.since,
            self.use_until,
            self.until,
            self.actor,
            self.action,
            self.entity,
        ]

    def _connect(self) -> None:
        self.search.search_changed.connect(self.reload)
        for box, edit in ((self.use_since, self.since), (self.use_until, self.until)):
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self.reload)
            edit.dateChanged.connect(self._day_changed)
        for combo in (self.actor, self.action, self.entity):
            combo.currentIndexChanged.connect(self.reload)
        self.model.reloaded.connect(self._reloaded)
        self.model.failed.connect(self._failed)
        self._choices.failed.connect(self.status_message)
        self.table.current_row_changed.connect(self._chosen)

    def current_filter(self) -> AuditFilter:
        """What the filters narrow the log to (the "To" day is included)."""
        since: date | None = self.since.day if self.use_since.isChecked() else None
        until: date | None = self.until.day if self.use_until.isChecked() else None
        return AuditFilter(
            since=start_of_london_day(since) if since else None,
            until=start_of_london_day(until + timedelta(days=1)) if until else None,
            actor=self.actor.value,
            action=self.action.value,
            entity=self.entity.value,
            text=self.search.text().strip(),
        )

    @override
    def refresh(self) -> None:
        audit = self._services.audit
        # The drop-downs' choices scan the whole log (150 ms at half a million entries): off the UI thread.
        self._choices.run(lambda: (audit.actors(), audit.entities()), self._show_choices)
        self.reload()

    def _show_choices(self, choices: tuple[list[str], list[tuple[str, str]]]) -> None:
        actors, entities = choices
        self.actor.set_choices((actor, actor) for actor in actors)
        self.entity.set_choices((label.capitalize(), entity) for entity, label in entities)

    def reload(self) -> None:
        """Ask for the entries matching the filter (in the background)."""
        self.model.load(AuditQuery(self._services, self.current_filter()))

    @override
    def focus_search(self) -> bool:
        self.search.setFocus()
        return True

    def _day_changed(self) -> None:
        if self.use_since.isChecked() or self.use_until.isChecked():
            self.reload()

    def _reloaded(self) -> None:
        self.count_label.setText(count_text(self.model.total, "entry", "entries"))
        if self.model.total:
            self.table_state.show_content()
            self.table.fit_columns(once=True)
        elif self.current_filter() != AuditFilter():
            self.table_state.show_message("No entries match. Clear the search (Esc) or widen the filters.")
        else:
            self.table_state.show_message(
                "The log is empty. Every change made from now on is recorded here with who made it and when."
            )
        self._chosen(self.table.current_row())
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.status_message.emit(message)
        self.loaded.emit()

    def _chosen(self, entry: AuditRow | None) -> None:
        if entry is None:
            self.details.clear()
            return
        lines = [
            f"{entry.summary}",
            f"By {entry.actor}, {entry.at:%H:%M:%S} on {entry.at.day} {entry.at:%B %Y}",
        ]
        extra = details_text(entry)
        self.details.setPlainText("\n".join([*lines, "", extra] if extra else lines))
