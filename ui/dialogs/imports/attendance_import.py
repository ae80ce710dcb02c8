"""Import a Teams or Zoom attendance report for a briefing: choose, review every participant, record.

Booked participants are accepted from the start; everyone else waits for the advisor, who
accepts, re-matches, adds a walk-in as a new person or ignores each row. Rows still waiting at
Apply are stored as pending and stay reachable from the briefing page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefings.importing.attendance_apply import AttendanceImportResult
from briefings.importing.attendance_plan import Action, AttendancePreview, RowDecision
from briefings.services import Services
from ui.dialogs.choices import search_briefings
from ui.dialogs.imports.attendance_text import decision_text, recorded_text, report_text
from ui.dialogs.imports.file_row import read_import_file
from ui.dialogs.imports.import_dialog import ImportDialog, Progress
from ui.dialogs.imports.pending_attendance import open_pending_review
from ui.dialogs.imports.review_panel import ReviewPanel
from ui.itemmodels.attendance_review_rows import ReviewRow, preview_review_row
from ui.widgets.count_strip import Count, CountStrip
from ui.widgets.search_chooser import Choice, SearchChooser

ADVICE = (
    "A Microsoft Teams attendance report (either format) or a Zoom participants report, saved as "
    "downloaded. Participants are matched to the briefing's bookings by e-mail, then by name; you "
    "review every match before anything is recorded."
)


@dataclass(frozen=True)
class _Previewed:
    data: bytes
    preview: AttendancePreview


class AttendanceImportDialog(ImportDialog):
    """An attendance report in three steps: file and briefing, review, done."""

    def __init__(
        self, services: Services, briefing: Choice | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Import an attendance report", parent)
        self._services = services
        self.previewed: _Previewed | None = None
        self.decisions: dict[int, RowDecision] = {}
        self.labels: dict[int, str] = {}
        file_step = self.add_file_step(
            "Attendance report",
            ADVICE,
            "Choose an attendance report",
            ["Attendance reports (*.csv *.tsv *.txt)"],
        )
        self.briefing = SearchChooser(search_briefings(services), "Type part of the briefing's title")
        self.briefing.set_choice(briefing)
        self.briefing.chosen.connect(lambda _choice: self.update_buttons())
        file_step.form.addRow("B&riefing:", self.briefing)
        self.add_step(self._review_step(), "review")
        self.add_done_step()
        self.review_pending_button = QPushButton("Review the rows left &now…")
        self.review_pending_button.clicked.connect(lambda _checked=False: self.review_pending())
        self.done_step.add_next_step(self.review_pending_button)
        self.resize(1200, 720)
        self.show_step("file")

    def _review_step(self) -> QWidget:
        step = QWidget()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.min_minutes = QSpinBox()
        self.min_minutes.setSuffix(" minutes")
        self.late_after = QSpinBox()
        self.late_after.setSuffix(" minutes")
        self.recalculate_button = QPushButton("Recalc&ulate marks")
        self.recalculate_button.clicked.connect(lambda _checked=False: self.recalculate())
        self.remember = QCheckBox("Remember these for ne&xt time")
        for spin in (self.min_minutes, self.late_after):
            spin.valueChanged.connect(lambda _value: self._rules_edited())
        present = QLabel("Present &from")
        present.setBuddy(self.min_minutes)
        late = QLabel("in the session; &late if joining more than")
        late.setBuddy(self.late_after)
        rules = QHBoxLayout()
        for widget in (present, self.min_minutes, late, self.late_after, QLabel("after the start")):
            rules.addWidget(widget)
        rules.addWidget(self.recalculate_button)
        rules.addWidget(self.remember)
        rules.addStretch(1)
        self.counts = CountStrip()
        self.tally = QLabel()
        self.panel = ReviewPanel(self._services, self._decision_text, self._undecided)
        self.panel.decided.connect(self._decided)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(rules)
        layout.addWidget(self.counts)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.tally)
        return step

    # ------------------------------------------------------------------ buttons
    def update_buttons(self) -> None:
        """Preview on the first step, Record on the review."""
        step, idle = self.step(), not self.busy
        self.back_button.setVisible(step == "review")
        self.next_button.setVisible(step == "file")
        self.next_button.setText("&Preview >")
        ready = self.file_step.file.path() is not None and self.briefing.choice is not None
        self.next_button.setEnabled(idle and ready)
        self.apply_button.setVisible(step == "review")
        self.apply_button.setText("&Record attendance")
        self.apply_button.setEnabled(idle and self.previewed is not None and not self.rules_edited())
        self.recalculate_button.setEnabled(idle)
        self.settle_buttons("review")
        if step == "review" and self.rules_edited():
            self.recalculate_button.setDefault(True)

    def rules_edited(self) -> bool:
        """Whether the minutes shown differ from those the marks were worked out with."""
        if self.previewed is None:
            return False
        rules = self.previewed.preview.rules
        return (self.min_minutes.value(), self.late_after.value()) != (rules.min_minutes, rules.late_after)

    def _rules_edited(self) -> None:
        self.update_buttons()
        self._show_tally()

    def go_back(self) -> None:
        """Back to the file and briefing."""
        self.clear_message()
        self.show_step("file")

    def go_next(self) -> None:
        """Read the report and propose a match for every participant (default rules)."""
        path, briefing = self.file_step.file.path(), self.briefing.choice
        if path is None or briefing is None:
            return
        self.decisions.clear()
        self.labels.clear()
        self._run_preview(briefing.id, path.name, path=path)

    def recalculate(self) -> None:
        """Preview again with the minutes chosen; decisions made so far are kept."""
        previewed = self.previewed
        if previewed is None:
            return
        preview = previewed.preview
        self._run_preview(
            preview.briefing_id,
            preview.file_name,
            data=previewed.data,
            min_minutes=self.min_minutes.value(),
            late_after=self.late_after.value(),
        )

    def _run_preview(
        self,
        briefing_id: int,
        name: str,
        *,
        path: Path | None = None,
        data: bytes | None = None,
        min_minutes: int | None = None,
        late_after: int | None = None,
    ) -> None:
        """Preview the file at ``path`` (read on the pool) or the ``data`` already read."""
        imports = self._services.imports

        def job(progress: Progress) -> _Previewed:
            content = data if data is not None or path is None else read_import_file(path)
            preview = imports.preview_attendance(
                content or b"",
                name,
                briefing_id,
                min_minutes=min_minutes,
                late_after=late_after,
                progress=progress,
            )
            return _Previewed(content or b"", preview)

        self.run_job("Reading the report…", job, self._show_review)

    # ------------------------------------------------------------------ review
    def _show_review(self, previewed: _Previewed) -> None:
        self.previewed = previewed
        preview = previewed.preview
        defaults = preview.default_decisions()
        self.decisions = {p: self.decisions.get(p, d) for p, d in defaults.items()}
        self.heading.setText(report_text(preview))
        length = int((preview.ends_at - preview.starts_at).total_seconds() // 60)
        for spin, value in (
            (self.min_minutes, preview.rules.min_minutes),
            (self.late_after, preview.rules.late_after),
        ):
            spin.setRange(0, length)
            spin.setValue(value)
        counts = preview.counts
        self.counts.set_counts(
            [
                Count("booked", counts.get("booked", 0)),
                Count("known, not booked", counts.get("walk_in", 0), tip="Walk-ins: accept to record them"),
                Count("possible matches", counts.get("suggested", 0), "warning"),
                Count("no match", counts.get("unmatched", 0), "warning"),
                Count("not attendees", counts.get("excluded", 0), tip="Organisers, presenters and bots"),
            ]
        )
        self.panel.show_rows([preview_review_row(row) for row in preview.rows])
        self._show_tally()
        self.show_step("review")
        if preview.replaces:
            self.say(
                f"This file was imported for this briefing before: recording replaces its "
                f"{preview.replaces} earlier rows."
            )

    def _decision_text(self, row: ReviewRow) -> str:
        return decision_text(self.decisions.get(row.key), row, self.labels.get(row.key, ""))

    def _undecided(self, row: ReviewRow) -> bool:
        decision = self.decisions.get(row.key)
        return decision is None or decision.action is Action.REVIEW

    def _decided(self, rows: list[ReviewRow], decision: RowDecision, label: str) -> None:
        for row in rows:
            self.decisions[row.key] = decision
            self.labels[row.key] = label
        self.panel.refresh_decisions(rows)
        self._show_tally()

    def _show_tally(self) -> None:
        actions = [d.action for d in self.decisions.values()]
        recorded = sum(1 for a in actions if a in (Action.ACCEPT, Action.MATCH, Action.NEW_PERSON))
        stale = (
            " · the minutes changed: recalculate the marks before recording" if self.rules_edited() else ""
        )
        self.tally.setText(
            f"To record: {recorded} · left for review: {actions.count(Action.REVIEW)} · "
            f"set aside: {actions.count(Action.IGNORE)}{stale}"
        )

    # ------------------------------------------------------------------ apply
    def apply(self) -> None:
        """Record the decided rows in one transaction; the rest are kept for review."""
        if self.previewed is None:
            return
        preview, decisions = self.previewed.preview, dict(self.decisions)
        imports, remember = self._services.imports, self.remember.isChecked()
        self.run_job(
            "Recording attendance…",
            lambda progress: imports.apply_attendance(
                preview, decisions, remember_rules=remember, progress=progress
            ),
            self._applied,
            writes=True,
        )

    def _applied(self, result: AttendanceImportResult) -> None:
        line = recorded_text(result)
        self.review_pending_button.setVisible(result.pending > 0)
        waiting = (
            f"\n\n{result.pending} rows are waiting for review: open them now, or later from the "
            "briefing page (Attendance import ▸ Review)."
            if result.pending
            else ""
        )
        self.done_step.show_result("Attendance recorded", line + waiting)
        self.show_step("done")
        self.imported.emit(line)

    def review_pending(self) -> QWidget | None:
        """Open the rows left pending for this briefing."""
        if self.previewed is None:
            return None
        preview = self.previewed.preview
        return open_pending_review(
            self.parentWidget() or self, self._services, preview.briefing_id, preview.briefing_title
        )


def open_attendance_import(
    parent: QWidget, services: Services, briefing: Choice | None = None, path: Path | None = None
) -> AttendanceImportDialog:
    """Open the attendance import over ``parent``, for a briefing if one is given."""
    return AttendanceImportDialog(services, briefing, parent).present(parent, path)
