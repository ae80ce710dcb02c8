"""Import settings from a GIAS extract: choose the file, see what would change, then apply.

The local authority is remembered from the last import; the first time, a file mostly of one
authority (a county's own download) is narrowed to it, and an all-England file is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefings.importing.problems import Problem
from briefings.importing.settings_import import SettingsImportResult, SettingsPreview
from briefings.services import Services
from ui.dialogs.imports.file_row import read_import_file
from ui.dialogs.imports.import_dialog import ImportDialog, Progress
from ui.dialogs.imports.preview_tabs import PreviewTabs
from ui.itemmodels.problem_rows import ProblemRowsModel, problem_order
from ui.itemmodels.settings_preview_rows import (
    CHANGED_COLUMNS,
    CLOSED_COLUMNS,
    NEW_COLUMNS,
    SUCCESSOR_COLUMNS,
    ChangedField,
    changed_fields,
)
from ui.widgets.count_strip import Count, CountStrip

ALL = "all"
ADVICE = (
    "Download the <b>Establishment fields</b> CSV from Get Information about Schools "
    "(Downloads), or save it as an Excel workbook. New schools are added, changed names, phases, "
    "districts and statuses are updated, and closed schools are marked closed (never deleted). "
    "You will see everything that would change before anything is written."
)


@dataclass(frozen=True)
class _Previewed:
    preview: SettingsPreview
    changed: list[ChangedField]
    problems: list[Problem]
    why: str


def main_authority(preview: SettingsPreview) -> str | None:
    """The LA most of an extract belongs to, if one does (a county's own download)."""
    authorities = preview.extract.authorities
    if not authorities or not authorities[0][0]:
        return None
    code, _name, count = authorities[0]
    return code if count * 2 > preview.extract.rows_read else None


class SettingsImportDialog(ImportDialog):
    """Settings from GIAS in three steps: file, preview, done."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Import settings from GIAS", parent)
        self._services = services
        self.preview: SettingsPreview | None = None
        self.add_file_step(
            "Settings from GIAS", ADVICE, "Choose a GIAS extract", ["GIAS extracts (*.csv *.xlsx)"]
        )
        self.add_step(self._preview_step(), "preview")
        self.add_done_step()
        self.resize(1100, 680)
        self.show_step("file")

    def _preview_step(self) -> QWidget:
        step = QWidget()
        self.authority = QComboBox()
        self.authority.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.authority.activated.connect(self._authority_chosen)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.counts = CountStrip()
        self.tabs = PreviewTabs()
        self.tabs.add_rows_table("new", "New", NEW_COLUMNS)
        self.tabs.add_rows_table("changed", "Changed", CHANGED_COLUMNS)
        self.tabs.add_rows_table("closed", "Closing", CLOSED_COLUMNS)
        self.tabs.add_rows_table("successors", "Successors", SUCCESSOR_COLUMNS)
        self.tabs.add_table("problems", "Problems", ProblemRowsModel(self))
        label = QLabel("&Local authority:")
        label.setBuddy(self.authority)
        authority_row = QHBoxLayout()
        authority_row.addWidget(label)
        authority_row.addWidget(self.authority)
        authority_row.addWidget(self.why, 1)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(authority_row)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        return step

    # ------------------------------------------------------------------ buttons
    def update_buttons(self) -> None:
        """Preview on the file step, Import on the preview step, Close when done."""
        step, idle = self.step(), not self.busy
        self.back_button.setVisible(step == "preview")
        self.next_button.setVisible(step == "file")
        self.next_button.setText("&Preview >")
        self.next_button.setEnabled(idle and self.file_step.file.path() is not None)
        self.apply_button.setVisible(step == "preview")
        changes = self.preview is not None and self.preview.has_changes
        self.apply_button.setEnabled(idle and changes)
        self.authority.setEnabled(idle)
        self.settle_buttons("preview")

    def go_back(self) -> None:
        """Back to choosing the file."""
        self.clear_message()
        self.show_step("file")

    def go_next(self) -> None:
        """Read the file and preview it against the database, for the remembered (or main) LA."""
        self._run_preview(None)

    def _authority_chosen(self, _index: int) -> None:
        code = self.authority.currentData()
        if self.preview is not None and code != (self.preview.plan.la_code or ALL):
            self._run_preview(str(code))

    def _run_preview(self, la_code: str | None) -> None:
        path = self.file_step.file.path()
        if path is None:
            return
        imports = self._services.imports

        def job(progress: Progress) -> _Previewed:
            data = read_import_file(path)
            remembered = imports.remembered_authority() if la_code is None else None
            chosen = la_code or (None if remembered else ALL)
            why = "Remembered from the last import." if remembered and la_code is None else ""
            preview = imports.preview_settings(data, path.name, chosen, progress=progress)
            main = main_authority(preview) if la_code is None and remembered is None else None
            if main is not None:
                preview = imports.preview_settings(data, path.name, main, progress=progress)
                why = "Most rows of this file belong to it; choose “All” to import every row."
            return _Previewed(
                preview,
                changed_fields(preview.plan.changed),
                sorted(preview.problems, key=problem_order),
                why,
            )

        self.run_job(f"Reading {path.name}…", job, self._show_preview)

    # ------------------------------------------------------------------ preview
    def _show_preview(self, previewed: _Previewed) -> None:
        preview = previewed.preview
        self.preview = preview
        plan, counts, extract = preview.plan, preview.counts, preview.extract
        self._fill_authorities(preview)
        kept = extract.rows_read - plan.other_authorities
        self.why.setText(self._why_text(preview, previewed.why))
        self.summary.setText(
            f"<b>{preview.file_name}</b>: {preview.description}; {extract.rows_read:,} rows, "
            f"{kept:,} for this import."
        )
        self.counts.set_counts(
            [
                Count("new", counts["new"]),
                Count("changed", counts["changed"]),
                Count("closing", counts["closed"]),
                Count("unchanged", counts["unchanged"]),
                Count("rows rejected", counts["rejected"], "error", "Rows that cannot be read; see Problems"),
                Count("of other LAs, left out", counts["other_authorities"]),
                Count("successor links", counts["links"], tip="Closed schools that carry on under a new URN"),
                Count("roles carried over", counts["staff_to_carry"], tip="Staff who move to the successor"),
            ]
        )
        self.tabs.show_rows("new", plan.new)
        self.tabs.show_rows("changed", previewed.changed, count=len(plan.changed))
        self.tabs.show_rows("closed", plan.closed)
        self.tabs.show_rows("successors", plan.links)
        self.tabs.show_rows("problems", previewed.problems)
        self.tabs.show_first_filled()
        settings = counts["new"] + counts["changed"] + counts["closed"]
        self.apply_button.setText(f"&Import {settings:,} settings" if settings else "&Import")
        self.show_step("preview")
        if not preview.has_changes:
            self.say("Nothing to import: every setting in this file is already up to date.")

    def _fill_authorities(self, preview: SettingsPreview) -> None:
        self.authority.blockSignals(True)
        self.authority.clear()
        self.authority.addItem(f"All local authorities ({preview.extract.rows_read:,} rows)", ALL)
        for code, name, count in preview.extract.authorities:
            if code:
                self.authority.addItem(f"{code} {name} ({count:,} rows)", code)
        chosen = preview.plan.la_code or ALL
        found = self.authority.findData(chosen)
        if found < 0:  # a remembered LA with no rows in this file
            self.authority.addItem(f"{chosen} (no rows in this file)", chosen)
            found = self.authority.count() - 1
        self.authority.setCurrentIndex(found)
        self.authority.blockSignals(False)

    @staticmethod
    def _why_text(preview: SettingsPreview, why: str) -> str:
        plan = preview.plan
        if plan.la_code and plan.other_authorities == preview.extract.rows_read:
            return f"No row of this file belongs to local authority {plan.la_code}: choose another."
        return why

    # ------------------------------------------------------------------ apply
    def apply(self) -> None:
        """Write the previewed changes in one transaction."""
        preview = self.preview
        if preview is None:
            return
        imports = self._services.imports
        self.run_job(
            "Importing settings…",
            lambda progress: imports.apply_settings(preview, progress=progress),
            self._applied,
            writes=True,
        )

    def _applied(self, result: SettingsImportResult) -> None:
        line = (
            f"Imported settings: {result.added:,} added, {result.changed:,} changed, {result.closed:,} closed"
        )
        detail = (
            f"{line}, {result.linked:,} successor links made and {result.staff_carried:,} roles "
            "carried to the successor schools.\n\nNext, import the staff list (File ▸ Import ▸ Staff list…)."
        )
        self.preview = None
        self.done_step.show_result("Settings imported", detail)
        self.show_step("done")
        self.imported.emit(line)


def open_settings_import(
    parent: QWidget, services: Services, path: Path | None = None
) -> SettingsImportDialog:
    """Open the GIAS import over ``parent`` (the window's status bar hears how it went)."""
    return SettingsImportDialog(services, parent).present(parent, path)
