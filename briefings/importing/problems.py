"""What an import found wrong with a file or a row: where (row, column) and why, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from briefings.errors import ValidationError


class Severity(StrEnum):
    """How much a problem matters to the row it is about."""

    ERROR = "error"  # the row is left out
    WARNING = "warning"  # the row is kept, but a value was corrected or dropped
    NOTE = "note"  # worth knowing; nothing was lost


@dataclass(frozen=True)
class Problem:
    """One finding, located as the advisor sees the file in a spreadsheet (row 1 is the header)."""

    message: str
    row: int | None = None
    column: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def where(self) -> str:
        """Where the problem is: "row 12, Email", "row 12", or "" for the whole file."""
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(self.column)
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def error(message: str, row: int | None = None, column: str | None = None) -> Problem:
    """A problem that leaves the row out."""
    return Problem(message, row, column, Severity.ERROR)


def warning(message: str, row: int | None = None, column: str | None = None) -> Problem:
    """A problem that keeps the row with a value corrected or dropped."""
    return Problem(message, row, column, Severity.WARNING)


def note(message: str, row: int | None = None, column: str | None = None) -> Problem:
    """Something worth knowing that changed nothing."""
    return Problem(message, row, column, Severity.NOTE)


class ImportRefused(ValidationError):  # noqa: N818 - reads as what happened, like DomainError's others
    """The whole file cannot be imported (empty, not a table, a required column missing...).

    ``problems`` lists every reason found, so the advisor can fix them all in one go.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message, "file")
        self.problems = problems or (Problem(message),)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would run this text as a formula if it were written out unescaped.

    Stored text is never executed here; the exporters escape it. Imports only say so, because
    a name starting with ``=`` is almost always a sign of a tampered or mangled file.
    """
    stripped = text.lstrip(" \t\r\n")
    return bool(stripped) and stripped[0] in "=+-@＝＋－＠" and not _is_plain_number_or_dash(stripped)


def _is_plain_number_or_dash(text: str) -> bool:
    # "-" (GIAS' sponsor flag), "-2" or "+44 7700 900123" are data, not formulas.
    body = text[1:].replace(" ", "")
    return text in {"-", "+"} or (text[0] in "+-" and body.replace(".", "", 1).isdigit())
