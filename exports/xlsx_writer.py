"""The openpyxl loop behind every workbook: a front sheet, then real Excel tables.

Each data sheet is an Excel table (autofilter, banded rows) under a frozen header row, with
columns fitted to their contents and dates stored as dates. Text that people typed is always
stored as text: a name such as ``=HYPERLINK(...)`` or ``+cmd|' /C calc'!A0`` is written as a string
cell marked with Excel's quote prefix, so it is neither a formula now nor after someone edits it.
Above a few thousand rows the workbook is streamed (openpyxl's write-only mode), which takes a
fraction of the memory and time.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from itertools import chain, islice
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from briefings.clock import to_london
from exports.tabular import CellKind, Column, FrontSheet, Sheet

WRITE_ONLY_ABOVE = 2_000  # rows in the whole workbook (STYLE.md section 8)
DATE_FORMAT = "d mmm yyyy"
DATETIME_FORMAT = "d mmm yyyy hh:mm"
HOURS_FORMAT = "0.00"
MAX_CELL_TEXT = 32_767  # Excel's limit; longer text corrupts the file
MAX_WIDTH = 60
WIDTH_SAMPLE = 1_000  # rows read to fit column widths
TICK_EVERY = 500
TABLE_STYLE = "TableStyleMedium2"
FONT = "Calibri"  # openpyxl's default body font; a bold cell without a name falls back to a serif elsewhere
FRONT_LABEL_WIDTH = 24
FRONT_TEXT_WIDTH = 95
# Spreadsheets start formulas with these, including the full-width forms Excel also accepts.
FORMULA_TRIGGERS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Characters a formula may hide behind (a tab, a return, odd spaces).
LEADING_NOISE = " \t\r\n\x0b\x0c\u00a0\u3000"
_FIXED_WIDTHS: dict[CellKind, float] = {"date": 13, "datetime": 18}

Tick = Callable[[int, int], None]
Converter = Callable[[Any, Any], Any]


def write_workbook(front: FrontSheet, sheets: Sequence[Sheet], tick: Tick) -> bytes:
    """The whole workbook as .xlsx bytes."""
    total = sum(sheet.size for sheet in sheets)
    workbook = Workbook(write_only=total > WRITE_ONLY_ABOVE)
    if workbook.worksheets:  # normal mode starts with an empty sheet; ours come in order
        workbook.remove(workbook.worksheets[0])
    workbook.properties.creator = front.provenance.made_by
    workbook.properties.title = front.title
    _write_front(workbook, front, sheets)
    done = 0
    for sheet in sheets:
        done = _write_sheet(workbook, sheet, done, total, tick)
    tick(total, total)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take this text for a formula."""
    return text.lstrip(LEADING_NOISE)[:1] in FORMULA_TRIGGERS


def clean_text(value: object) -> str:
    """Text Excel can store: no control characters it refuses, no longer than it allows.

    Carriage returns become line feeds: XML reads a lone CR as LF anyway, so this is what any
    reader would see.
    """
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[:MAX_CELL_TEXT]


def text_cell(sheet: Any, value: object) -> object:
    """A text column's value: a plain string, or a quote-prefixed string cell when it looks like a formula."""
    if value is None:
        return None
    text = clean_text(value)
    if not is_formula_like(text):
        return text
    cell = _cell(sheet, text)
    cell.data_type = "s"  # openpyxl took the leading "=" for a formula; it is text
    cell.quotePrefix = True  # and stays text when someone edits it in Excel
    return cell


def _write_front(workbook: Workbook, front: FrontSheet, sheets: Sequence[Sheet]) -> None:
    sheet = workbook.create_sheet("About")
    sheet.column_dimensions["A"].width = FRONT_LABEL_WIDTH
    sheet.column_dimensions["B"].width = FRONT_TEXT_WIDTH + 2
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    provenance = front.provenance
    title = _cell(sheet, clean_text(front.title))
    title.font = Font(name=FONT, bold=True, size=14)
    lines: list[tuple[str, object]] = [
        ("What it holds", front.holds),
        ("Period", front.period),
        ("Organisation", provenance.organisation or "(not set in preferences)"),
        ("Made by", provenance.author),
        ("Made on", provenance.made_at),
        ("Made with", provenance.made_with),
        *front.facts,
    ]
    sheet.append([title])
    sheet.append([])
    lines += [("", None), ("Sheets", None)]
    lines += [(data.title, data.description) for data in sheets]
    for label, value in lines:
        # Long text goes on several rows: streamed sheets cannot set row heights for wrapped text.
        pieces = textwrap.wrap(value, FRONT_TEXT_WIDTH) if isinstance(value, str) else [value]
        for index, piece in enumerate(pieces or [None]):
            shown = _label(sheet, label) if label and index == 0 else None
            sheet.append([shown, _front_value(sheet, piece) if piece is not None else None])


def _label(sheet: Any, text: str) -> Cell:
    cell = _cell(sheet, clean_text(text))
    cell.font = Font(name=FONT, bold=True)
    cell.alignment = Alignment(vertical="top")
    return cell


def _front_value(sheet: Any, value: object) -> object:
    if isinstance(value, datetime | date):
        cell = _date_cell(DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT)(sheet, value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        cell = _cell(sheet, value)
    else:
        made = text_cell(sheet, value)
        cell = made if isinstance(made, Cell) else _cell(sheet, made)
    if isinstance(cell, Cell):
        cell.alignment = Alignment(horizontal="left", vertical="top")
    return cell


def _write_sheet(workbook: Workbook, data: Sheet, done: int, total: int, tick: Tick) -> int:
    sheet = workbook.create_sheet(data.title)
    headers = _unique_headers([c.header for c in data.columns])
    rows = _rows(iter(data.rows), len(headers))
    sample = list(islice(rows, WIDTH_SAMPLE))
    for index, width in enumerate(_widths(data.columns, headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"{get_column_letter(data.frozen_columns + 1)}2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.append([text_cell(sheet, h) for h in headers])
    converters = [_converter(c.kind) for c in data.columns]
    written = 0
    for row in chain(sample, rows):
        sheet.append([convert(sheet, value) for convert, value in zip(converters, row, strict=True)])
        written += 1
        if written % TICK_EVERY == 0:
            tick(done + written, total)
    if written == 0:
        sheet.append([None] * len(headers))  # a table needs a body; Excel shows one empty row
    _add_table(sheet, data.table, headers, max(written, 1))
    if data.totals is not None:
        cells = [convert(sheet, value) for convert, value in zip(converters, data.totals, strict=True)]
        sheet.append([_bold(sheet, cell) for cell in cells])
    return done + written


def _rows(rows: Iterator[Sequence[object]], width: int) -> Iterator[Sequence[object]]:
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a row has {len(row)} values for {width} columns")
        yield row


def _add_table(sheet: Any, name: str, headers: Sequence[str], body_rows: int) -> None:
    ref = f"A1:{get_column_letter(len(headers))}{body_rows + 1}"
    table = Table(displayName=name, ref=ref)
    # Write-only mode cannot read the headers back, so the columns are named here, in both modes.
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, start=1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl warns in write-only mode whether or not the columns were named; they were.
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns manually")
        sheet.add_table(table)


def _unique_headers(headers: Sequence[str]) -> list[str]:
    """Table headings must be distinct (ignoring case) one-line strings."""
    seen: set[str] = set()
    unique = []
    for header in headers:
        base = " ".join(clean_text(header).split()) or "Column"
        name, n = base, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base} ({n})"
        seen.add(name.casefold())
        unique.append(name)
    return unique


def _widths(
    columns: Sequence[Column], headers: Sequence[str], sample: Sequence[Sequence[object]]
) -> list[float]:
    widths = []
    for index, (column, header) in enumerate(zip(columns, headers, strict=True)):
        if column.width is not None:
            widths.append(column.width)
            continue
        longest = max((len(_shown(row[index])) for row in sample), default=0)
        # The heading also carries the filter button (about three characters).
        fitted = max(longest, len(header) + 3, _FIXED_WIDTHS.get(column.kind, 0))
        widths.append(min(fitted + 2, MAX_WIDTH))
    return widths


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    text = str(value)
    return max(text.splitlines(), key=len) if "\n" in text else text


def _converter(kind: CellKind) -> Converter:
    if kind == "text":
        return text_cell
    if kind == "date":
        return _date_cell(DATE_FORMAT)
    if kind == "datetime":
        return _date_cell(DATETIME_FORMAT)
    if kind == "hours":
        return _number_cell(HOURS_FORMAT)
    return _plain


def _cell(sheet: Any, value: Any) -> Cell:
    # The stubs leave out dates, which openpyxl takes like datetimes.
    return WriteOnlyCell(sheet, value)


def _plain(_sheet: Any, value: object) -> object:
    return value


def _date_cell(number_format: str) -> Converter:
    def convert(sheet: Any, value: object) -> object:
        if value is None:
            return None
        if isinstance(value, datetime):
            # Excel has no time zones: the wall-clock time in England, as people read it.
            value = to_london(value).replace(tzinfo=None) if value.tzinfo else value
        elif not isinstance(value, date):
            return text_cell(sheet, value)
        cell = _cell(sheet, value)
        cell.number_format = number_format
        return cell

    return convert


def _number_cell(number_format: str) -> Converter:
    def convert(sheet: Any, value: object) -> object:
        if value is None:
            return None
        cell = _cell(sheet, value)
        cell.number_format = number_format
        return cell

    return convert


def _bold(sheet: Any, value: object) -> object:
    if value is None:
        return None
    cell = value if isinstance(value, Cell) else _cell(sheet, value)
    cell.font = Font(name=FONT, bold=True)
    return cell
