"""What an import found wrong, row by row and column by column, as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from briefings.importing.problems import Problem, Severity
from ui.colours import error_colour, warning_colour
from ui.itemmodels.chunked_rows import ChunkedRowModel
from ui.itemmodels.row_table import Column

SEVERITY_TEXT = {
    Severity.ERROR: "Left out",
    Severity.WARNING: "Corrected",
    Severity.NOTE: "Note",
}
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
SEVERITY_COLUMN = 2


def problem_order(problem: Problem) -> tuple[int, int]:
    """Rows left out first, then corrections, then notes; each in file order."""
    return (_ORDER[problem.severity], problem.row or 0)


PROBLEM_COLUMNS: tuple[Column[Problem], ...] = (
    Column("Row", lambda p: str(p.row) if p.row is not None else "", lambda p: p.row or 0, numeric=True),
    Column("Column", lambda p: p.column or ""),
    Column("What happened", lambda p: SEVERITY_TEXT[p.severity], problem_order),
    Column("Problem", lambda p: p.message, tooltip=lambda p: p.message),
)


class ProblemRowsModel(ChunkedRowModel[Problem]):
    """Every problem of a file, rows that were left out in the error colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(PROBLEM_COLUMNS, parent=parent)

    def extra_data(self, row: Problem, column: int, role: int) -> Any:
        """Rows left out in red, corrections in amber (the severity column only)."""
        if role != Qt.ItemDataRole.ForegroundRole or column != SEVERITY_COLUMN:
            return None
        palette = QGuiApplication.palette()
        if row.severity is Severity.ERROR:
            return error_colour(palette)
        if row.severity is Severity.WARNING:
            return warning_colour(palette)
        return None
