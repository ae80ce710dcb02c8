"""The one base of every workbook: subclasses describe sheets and yield rows; the base writes.

The openpyxl loop itself lives in :mod:`exports.xlsx_writer`, imported on first render so that
building menus of exporters does not pay for openpyxl.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from exports.base import Exporter, ExportFile, ExportOutcome, Progress
from exports.document_context import Provenance

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# text: user text, never a formula; integer/number: plain numbers; hours: two decimals;
# date and datetime: real Excel dates on English clocks.
CellKind = Literal["text", "integer", "number", "hours", "date", "datetime"]


@dataclass(frozen=True)
class Column:
    """A column's heading, what its cells hold, and (rarely) a fixed width in characters."""

    header: str
    kind: CellKind = "text"
    width: float | None = None


@dataclass(frozen=True)
class Sheet:
    """One worksheet holding one Excel table.

    ``rows`` may be a generator: it is read once, in order. ``size`` is how many rows it yields
    (for progress, and to choose openpyxl's streaming mode for big workbooks). ``totals`` is a
    row written under the table, outside it, so sorting and filtering the table leave it alone.
    """

    title: str
    table: str
    description: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    size: int
    totals: Sequence[object] | None = None
    frozen_columns: int = 0


@dataclass(frozen=True)
class FrontSheet:
    """The first sheet: what the workbook holds, for which period, made when and by whom."""

    title: str
    holds: str
    period: str
    provenance: Provenance
    facts: Sequence[tuple[str, object]] = field(default=())


class TabularExporter(Exporter):
    """A workbook of a front sheet then one table per sheet."""

    mimetype: ClassVar[str] = XLSX

    @abstractmethod
    def filename(self) -> str:
        """The file's name, ending in .xlsx."""

    @abstractmethod
    def front(self) -> FrontSheet:
        """What the front sheet says."""

    @abstractmethod
    def sheets(self) -> Sequence[Sheet]:
        """The data sheets, in order; raise ExportError when there is nothing to report."""

    def notes(self) -> tuple[str, ...]:
        """Anything the person exporting should be told."""
        return ()

    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """Write the workbook in memory."""
        from exports.xlsx_writer import write_workbook  # noqa: PLC0415 - openpyxl only when used

        sheets = self.sheets()
        data = write_workbook(self.front(), sheets, lambda done, total: self.tick(progress, done, total))
        return ExportOutcome(files=(ExportFile(self.filename(), self.mimetype, data),), notes=self.notes())
