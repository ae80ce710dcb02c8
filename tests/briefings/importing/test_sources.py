"""Reading files: encodings, delimiters, blank rows, workbooks and things that are not tables."""

from __future__ import annotations

import codecs
import io

import pytest
from openpyxl import Workbook

from briefings.importing.columns import Column, header_score, locate
from briefings.importing.problems import ImportRefused, looks_like_formula
from briefings.importing.sources import cell_text, decode_text, read_table

TEXT = "URN,EstablishmentName\r\n960001,Renée Brontë’s School\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_every_usual_encoding_gives_the_same_text(data, encoding):
    decoded = decode_text(data, "f.csv")
    assert decoded.encoding == encoding
    assert decoded.text == TEXT


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused_with_the_line():
    data = "URN,Name\r\n960001,Caf".encode("cp1252") + b"\x81\r\n"
    with pytest.raises(ImportRefused, match=r"byte 0x81 on line 2.*CSV UTF-8"):
        decode_text(data, "odd.csv")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\x1f\x8b\x08\x00\x00\x00", "a gzip archive"),
    ],
)
def test_files_that_are_not_tables_are_refused_by_what_they_are(data, what):
    with pytest.raises(ImportRefused, match=f"report.csv is {what}, not a CSV file"):
        read_table(data, "report.csv")


def test_binary_data_without_a_signature_is_refused():
    with pytest.raises(ImportRefused, match="not a text file"):
        decode_text(bytes(range(1, 32)) * 40, "blob.csv")


@pytest.mark.parametrize("data", [b"", b"\r\n \r\n", codecs.BOM_UTF8])
def test_an_empty_file_is_refused(data):
    with pytest.raises(ImportRefused, match="is empty"):
        read_table(data, "empty.csv")


def test_semicolons_are_recognised_and_said():
    table = read_table(b'"URN";"Name"\n960001;"A; B"\n', "semi.csv")
    assert table.rows[0].cells == ("960001", "A; B")
    assert any("semicolons" in str(n) for n in table.notes)


def test_blank_rows_are_skipped_but_rows_keep_their_spreadsheet_numbers():
    table = read_table(b"URN,Name\r\n\r\n960001,A\r\n , \r\n,,\r\n960002,B\r\n\r\n", "blank.csv")
    assert [(r.number, r.cells[0]) for r in table.rows] == [(3, "960001"), (6, "960002")]
    assert any("4 blank rows skipped" in str(n) for n in table.notes)


def test_a_title_row_above_the_header_is_skipped_when_the_header_is_known():
    score = header_score([Column("urn", "URN", ()), Column("name", "EstablishmentName", ())])
    table = read_table(b"Schools export 1 Sept\r\nURN,EstablishmentName\r\n960001,A\r\n", "t.csv", score)
    assert table.headers == ("URN", "EstablishmentName")
    assert [r.number for r in table.rows] == [3]


def test_a_quoted_field_with_a_newline_is_one_row():
    table = read_table(b'URN,Street\r\n960001,"1 High St\r\nFlat 2"\r\n960002,x\r\n', "q.csv")
    assert table.rows[0].cells[1] == "1 High St\r\nFlat 2"
    assert [r.number for r in table.rows] == [2, 3]


def test_a_row_wider_than_its_header_is_flagged():
    table = read_table(b"URN,Name\r\n960001,A,stray\r\n960002,B,\r\n", "w.csv")
    assert table.rows[0].shape_problem(2) is not None
    assert table.rows[1].shape_problem(2) is None


def test_a_workbook_is_read_with_numbers_as_text(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["URN", "EstablishmentName", "StatutoryLowAge"])
    sheet.append([960001, "Renée", 3.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "gias.xlsx")
    assert table.headers == ("URN", "EstablishmentName", "StatutoryLowAge")
    assert table.rows[0].cells == ("960001", "Renée", "3")


def test_cells_become_the_text_a_csv_would_hold():
    assert cell_text(960104.0) == "960104"
    assert cell_text(35.6) == "35.6"
    assert cell_text(None) == ""
    assert cell_text(True) == "TRUE"


def test_a_missing_required_column_names_every_missing_one():
    columns = [
        Column("urn", "URN", (), required=True),
        Column("name", "EstablishmentName", ("Name",), required=True),
    ]
    with pytest.raises(ImportRefused) as refused:
        locate(["LA (code)", "Town"], columns, "x.csv")
    assert "“URN”, “EstablishmentName” columns" in str(refused.value)
    assert [(p.row, p.column) for p in refused.value.problems] == [(1, "URN"), (1, "EstablishmentName")]


def test_headers_are_found_whatever_their_spelling():
    found, _ = locate(
        ["la_code", " URN ", "establishment name"],
        [Column("urn", "URN", ()), Column("n", "EstablishmentName", ())],
        "f",
    )
    assert found == {"urn": 1, "n": 2}


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ('=HYPERLINK("http://x","y")', True),
        ("+cmd|' /C calc'!A0", True),
        ("@SUM(1+1)", True),
        ("-2+3+cmd|' /C calc'!A0", True),
        ("\t=1+1", True),
        ("＝1+1", True),
        ("'=already-escaped", False),
        ("-", False),
        ("+44 7700 900123", False),
        ("Jane", False),
    ],
)
def test_formula_looking_text_is_recognised(text, formula):
    assert looks_like_formula(text) is formula
