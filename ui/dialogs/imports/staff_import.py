"""Import a staff list: choose the file, map its columns, see who would be added or changed, then apply."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefings.importing.people_import import PeopleImportResult, PeoplePreview
from briefings.importing.problems import Problem
from briefings.services import Services
from briefings.services.import_service import MappingSuggestion
from ui.dialogs.imports.column_mapping import ColumnMappingStep
from ui.dialogs.imports.file_row import read_import_file
from ui.dialogs.imports.import_dialog import ImportDialog, Progress
from ui.dialogs.imports.preview_tabs import PreviewTabs
from ui.itemmodels.problem_rows import ProblemRowsModel, problem_order
from ui.itemmodels.staff_preview_rows import (
    DUPLICATE_COLUMNS,
    ENDED_COLUMNS,
    MOVED_COLUMNS,
    NEW_PEOPLE_COLUMNS,
    UPDATED_PEOPLE_COLUMNS,
    is_move,
)
from ui.widgets.count_strip import Count, CountStrip

ADVICE = (
    "A CSV file or Excel workbook with a row per person and role: names, e-mail, role, and the "
    "school by URN, LAESTAB or name. People already in the directory are matched by e-mail (or "
    "by name at the same school); someone listed at a new school is moved, not added twice. "
    "Similar names are only pointed out, never merged."
)


@dataclass(frozen=True)
class _Mapped:
    data: bytes
    name: str
    suggestion: MappingSuggestion


@dataclass(frozen=True)
class _Previewed:
    preview: PeoplePreview
    problems: list[Problem]


class StaffImportDialog(ImportDialog):
    """A staff list in four steps: file, columns, preview, done."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Import a staff list", parent)
        self._services = services
        self.mapped: _Mapped | None = None
        self.preview: PeoplePreview | None = None
        self.add_file_step("Staff list", ADVICE, "Choose a staff list", ["Staff lists (*.csv *.xlsx *.txt)"])
        self.columns = ColumnMappingStep()
        self.columns.changed.connect(self.update_buttons)
        self.add_step(self.columns, "columns")
        self.add_step(self._preview_step(), "preview")
        self.add_done_step()
        self.resize(1100, 680)
        self.show_step("file")

    def _preview_step(self) -> QWidget:
        step = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.counts = CountStrip()
        self.tabs = PreviewTabs()
        self.tabs.add_rows_table("new", "New people", NEW_PEOPLE_COLUMNS)
        self.tabs.add_rows_table("updated", "Updated", UPDATED_PEOPLE_COLUMNS)
        self.tabs.add_rows_table("moved", "Moved", MOVED_COLUMNS)
        self.tabs.add_rows_table("ended", "Roles ending", ENDED_COLUMNS)
        self.tabs.add_rows_table("duplicates", "Possible duplicates", DUPLICATE_COLUMNS)
        self.tabs.add_table("problems", "Problems", ProblemRowsModel(self))
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        return step

    # ------------------------------------------------------------------ buttons
    def update_buttons(self) -> None:
        """Next on the file and column steps, Import on the preview."""
        step, idle = self.step(), not self.busy
        self.back_button.setVisible(step in ("columns", "preview"))
        self.next_button.setVisible(step in ("file", "columns"))
        self.next_button.setText("&Preview >" if step == "columns" else "&Next >")
        if step == "file":
            self.next_button.setEnabled(idle and self.file_step.file.path() is not None)
        else:
            self.next_button.setEnabled(idle and not self.columns.missing())
        self.apply_button.setVisible(step == "preview")
        self.apply_button.setEnabled(idle and self.preview is not None and self._has_changes())
        self.settle_buttons("preview")

    def _has_changes(self) -> bool:
        counts = self.preview.counts if self.preview is not None else {}
        return bool(counts.get("new_people") or counts.get("updated_people") or counts.get("roles_ended"))

    def go_back(self) -> None:
        """One step back."""
        self.clear_message()
        self.show_step("columns" if self.step() == "preview" else "file")

    def go_next(self) -> None:
        """Read the headers (file step) or preview the list through the mapping (column step)."""
        if self.step() == "file":
            self._read_headers()
        elif self.step() == "columns":
            self._run_preview()

    def _read_headers(self) -> None:
        path = self.file_step.file.path()
        if path is None:
            return
        imports = self._services.imports

        def job(_progress: Progress) -> _Mapped:
            data = read_import_file(path)
            return _Mapped(data, path.name, imports.people_mapping(data, path.name))

        self.run_job(f"Reading {path.name}…", job, self._show_columns)

    def _show_columns(self, mapped: _Mapped) -> None:
        self.mapped = mapped
        self.columns.show_suggestion(mapped.suggestion)
        self.show_step("columns")

    def _run_preview(self) -> None:
        mapped = self.mapped
        if mapped is None:
            return
        imports, mapping = self._services.imports, self.columns.mapping()
        end_unlisted = not self.columns.partial.isChecked()

        def job(progress: Progress) -> _Previewed:
            preview = imports.preview_people(
                mapped.data, mapped.name, mapping, end_unlisted=end_unlisted, progress=progress
            )
            return _Previewed(preview, sorted(preview.problems, key=problem_order))

        self.run_job(f"Checking {mapped.name}…", job, self._show_preview)

    # ------------------------------------------------------------------ preview
    def _show_preview(self, previewed: _Previewed) -> None:
        preview = previewed.preview
        self.preview = preview
        plan, counts = preview.plan, preview.counts
        mailboxes = ", ".join(f"{address} ({n})" for address, n in plan.shared_mailboxes[:5])
        self.summary.setText(
            f"<b>{preview.file_name}</b>: {preview.staff.description}; {counts['rows']:,} rows."
            + (f" Shared mailboxes, stored as nobody's own address: {mailboxes}." if mailboxes else "")
        )
        self.counts.set_counts(
            [
                Count("new people", counts["new_people"]),
                Count("already known", counts["matched_people"]),
                Count("updated", counts["updated_people"]),
                Count("moved setting", counts["moved"]),
                Count("roles starting", counts["roles_added"]),
                Count("roles ending", counts["roles_ended"], "warning"),
                Count("possible duplicates", counts["suggested_duplicates"], "warning", "Never merged"),
                Count("rows rejected", counts["rejected"], "error", "Rows that cannot be read; see Problems"),
            ]
        )
        self.tabs.show_rows("new", plan.new_people)
        self.tabs.show_rows("updated", [p for p in plan.matched_people if p.add or p.fill])
        self.tabs.show_rows("moved", [e for e in plan.ended if is_move(e)])
        self.tabs.show_rows("ended", [e for e in plan.ended if not is_move(e)])
        self.tabs.show_rows("duplicates", plan.suggestions)
        self.tabs.show_rows("problems", previewed.problems)
        self.tabs.show_first_filled()
        self.show_step("preview")
        if not self._has_changes():
            self.say("Nothing to import: everyone in this list is already in the directory as listed.")

    # ------------------------------------------------------------------ apply
    def apply(self) -> None:
        """Write the previewed people and roles in one transaction."""
        preview = self.preview
        if preview is None:
            return
        imports, remember = self._services.imports, self.columns.remember.isChecked()
        self.run_job(
            "Importing people…",
            lambda progress: imports.apply_people(preview, remember_mapping=remember, progress=progress),
            self._applied,
            writes=True,
        )

    def _applied(self, result: PeopleImportResult) -> None:
        line = (
            f"Imported staff: {result.added:,} people added, {result.updated:,} updated, "
            f"{result.roles_added:,} roles started, {result.roles_ended:,} ended"
        )
        remembered = " The column choices were remembered." if self.columns.remember.isChecked() else ""
        self.preview = None
        self.done_step.show_result("Staff list imported", f"{line}.{remembered}")
        self.show_step("done")
        self.imported.emit(line)


def open_staff_import(parent: QWidget, services: Services, path: Path | None = None) -> StaffImportDialog:
    """Open the staff-list import over ``parent``."""
    return StaffImportDialog(services, parent).present(parent, path)
