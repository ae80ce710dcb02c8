"""Reading GIAS extracts: columns by name, our phases and statuses, and every bad row reported."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

import pytest

from briefings.importing.gias import read_gias
from briefings.importing.gias_vocabulary import gias_phase
from briefings.importing.problems import ImportRefused, Severity
from briefings.importing.successors import find_successors
from briefings.vocabulary import Phase

HEADER = ["URN", "EstablishmentName", "EstablishmentStatus (name)", "LA (code)", "Street", "Town"]


def _csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue().encode("cp1252")


def test_the_small_extract_reads_in_our_vocabulary(fixture_bytes):
    extract = read_gias(fixture_bytes("gias_small.csv"), "gias_small.csv")
    by_urn = {r.urn: r for r in extract.records}
    assert len(by_urn) == 10
    assert by_urn[960001].name == "Renée Brontë Primary School"
    assert by_urn[960002].name == "St Mary’s – Ashmoor High School"  # cp1252 0x92 and 0x96
    assert [by_urn[u].phase for u in range(960001, 960010)] == [
        Phase.PRIMARY,
        Phase.SECONDARY,
        Phase.SPECIAL,
        Phase.PRU_AP,
        Phase.PRIMARY,
        Phase.PRIMARY,
        Phase.PRIMARY,
        Phase.INDEPENDENT,
        Phase.NURSERY,
    ]
    assert [by_urn[u].status.value for u in (960004, 960005, 960007)] == ["open", "closed", "proposed"]
    assert by_urn[960005].closed_on == date(2025, 3, 31)
    assert by_urn[960001].laestab == "9902001"
    assert by_urn[960001].address == "High Street, Ashmoor"
    assert by_urn[960001].district == "Ashmoor"
    assert extract.authorities == (("990", "Wyvernshire", 9), ("691", "Gwynfa", 1))


@pytest.mark.parametrize(
    ("kind", "group", "phase", "expected"),
    [
        ("Other independent special school", "Independent schools", "Not applicable", Phase.SPECIAL),
        ("Academy alternative provision converter", "Academies", "Not applicable", Phase.PRU_AP),
        ("Further education", "Colleges", "16 plus", Phase.SIXTEEN_PLUS),
        ("Academy 16 to 19 sponsor led", "Academies", "16 plus", Phase.SIXTEEN_PLUS),
        ("Community school", "Local authority maintained schools", "Middle deemed secondary", Phase.MIDDLE),
        ("Academy converter", "Academies", "All-through", Phase.ALL_THROUGH),
        ("Welsh establishment", "Welsh schools", "Not applicable", Phase.OTHER),
    ],
)
def test_gias_types_and_phases_map_to_ours(kind, group, phase, expected):
    assert gias_phase(kind, group, phase) is expected


def test_bad_rows_are_reported_by_row_and_column_and_left_out():
    data = _csv(
        [
            ["960001", "Good School", "Open", "990", "", ""],
            ["96000X", "Bad URN", "Open", "990", "", ""],
            ["", "No URN", "Open", "990", "", ""],
            ["960003", "", "Open", "990", "", ""],
            ["960004", "Odd status", "Sort of open", "990", "", ""],
            ["960005", "N" * 10_000, "Open", "990", "", ""],
            ["960006", "Long street", "Open", "990", "x" * 2000, "Town"],
            ["960001", "Good School (renamed)", "Open", "990", "", ""],
            ["960007", '=HYPERLINK("http://x","y")', "Open", "990", "", ""],
        ]
    )
    extract = read_gias(data, "bad.csv")
    assert sorted(r.urn for r in extract.records) == [960001, 960006, 960007]
    errors = {(p.row, p.column): p.message for p in extract.problems if p.severity is Severity.ERROR}
    assert "is not a URN" in errors[(3, "URN")]
    assert errors[(4, "URN")] == "the URN is blank"
    assert errors[(5, "EstablishmentName")] == "the establishment name is blank"
    assert "unknown status “Sort of open”" in errors[(6, "EstablishmentStatus (name)")]
    assert "10,000 characters" in errors[(7, "EstablishmentName")]
    assert "also on row 2 with different details" in errors[(9, "URN")]
    warnings = {(p.row, p.column) for p in extract.problems if p.severity is Severity.WARNING}
    assert {(8, "Street"), (10, "EstablishmentName")} <= warnings
    long_street = next(r for r in extract.records if r.urn == 960006)
    assert long_street.address is None
    assert next(r for r in extract.records if r.urn == 960007).name == '=HYPERLINK("http://x","y")'


def test_an_exact_repeat_is_read_once_with_a_note():
    extract = read_gias(
        _csv([["960001", "A", "Open", "990", "", ""], [" 960001", "A", "Open", "990", "", ""]]), "d.csv"
    )
    assert len(extract.records) == 1
    assert any(p.severity is Severity.NOTE and p.row == 3 for p in extract.problems)


def test_a_header_only_extract_has_no_records_and_no_errors():
    extract = read_gias(_csv([]), "header_only.csv")
    assert extract.records == ()
    assert not [p for p in extract.problems if p.severity is Severity.ERROR]


def test_without_a_urn_column_the_file_is_refused():
    with pytest.raises(ImportRefused, match="no “URN” column"):
        read_gias(_csv([["A", "Open"]], ["EstablishmentName", "EstablishmentStatus (name)"]), "x.csv")


def test_a_conversion_is_linked_by_establishment_number(fixture_bytes):
    extract = read_gias(fixture_bytes("gias_small.csv"), "gias_small.csv")
    links = find_successors(extract.records, {}, {})
    assert [(link.old_urn, link.new_urn, link.reason, link.carries_staff) for link in links] == [
        (960005, 960006, "academy conversion", True)
    ]


# ------------------------------------------------------------------ the sample county


def test_the_2025_extract_has_the_counts_its_readme_gives(sample_data):
    extract = read_gias((sample_data / "gias_county.csv").read_bytes(), "gias_county.csv")
    assert extract.rows_read == 471
    assert len(extract.records) == 471
    statuses = Counter(r.status.value for r in extract.records)
    assert statuses == {"open": 446, "closed": 24, "proposed": 1}
    open_here = Counter(r.phase for r in extract.records if r.status.value == "open" and r.la_code == "990")
    # The README counts "middle deemed primary" with primaries; our vocabulary keeps middle schools apart.
    assert open_here[Phase.PRIMARY] + open_here[Phase.MIDDLE] // 2 == 334
    assert open_here[Phase.SECONDARY] + open_here[Phase.MIDDLE] // 2 + open_here[Phase.ALL_THROUGH] == 67
    assert (open_here[Phase.SPECIAL], open_here[Phase.PRU_AP]) == (22, 6)
    assert (open_here[Phase.INDEPENDENT], open_here[Phase.NURSERY]) == (10, 5)
    assert extract.authorities == (("990", "Wyvernshire", 469), ("691", "Gwynfa", 2))
    names = {r.name for r in extract.records}
    assert any("Renée" in n for n in names)
    assert any("’" in n for n in names)


def test_the_workbook_reads_exactly_like_the_csv(sample_data):
    from_csv = read_gias((sample_data / "gias_county.csv").read_bytes(), "gias_county.csv")
    from_xlsx = read_gias((sample_data / "nasty" / "gias_county.xlsx").read_bytes(), "gias_county.xlsx")
    assert [r.__dict__ for r in from_xlsx.records] == [r.__dict__ for r in from_csv.records]


def test_both_layouts_read_by_header_name(sample_data):
    old = read_gias((sample_data / "gias_county_2023layout.csv").read_bytes(), "2023.csv")
    assert len(old.records) == 456
    assert Counter(r.status.value for r in old.records) == {"open": 449, "closed": 7}


def test_the_successor_links_are_the_conversions_and_the_amalgamation_in_the_truth_file(sample_data):
    extract = read_gias((sample_data / "gias_county.csv").read_bytes(), "gias_county.csv")
    links = {(link.old_urn, link.new_urn) for link in find_successors(extract.records, {}, {})}
    text = (sample_data / "truth" / "gias_changes_2023_to_2025.csv").read_text(encoding="utf-8")
    truth = list(csv.DictReader(io.StringIO(text)))
    expected = {(int(t["old_urn"]), int(t["new_urn"])) for t in truth if t["change"] == "converted"}
    merged = next(t for t in truth if t["change"] == "amalgamated")
    expected |= {(int(old), int(merged["new_urn"])) for old in merged["old_urn"].split("+")}
    assert links == expected


@pytest.mark.parametrize(
    ("name", "records", "errors"),
    [
        ("gias_utf8_bom.csv", 60, 0),
        ("gias_semicolon_delimited.csv", 60, 0),
        ("gias_blank_lines.csv", 20, 0),
        ("gias_duplicate_urns.csv", 15, 1),
        ("gias_huge_field.csv", 9, 1),
        ("header_only.csv", 0, 0),
    ],
)
def test_the_nasty_extracts_are_read_or_reported(sample_data, name, records, errors):
    extract = read_gias((sample_data / "nasty" / name).read_bytes(), name)
    assert len(extract.records) == records
    assert sum(p.severity is Severity.ERROR for p in extract.problems) == errors


def test_the_utf8_copy_keeps_its_accents(sample_data):
    extract = read_gias((sample_data / "nasty" / "gias_utf8_bom.csv").read_bytes(), "bom.csv")
    assert not any("Ã" in r.name for r in extract.records)
    assert any("é" in r.name or "ë" in r.name for r in extract.records)


def test_the_huge_fields_are_reported_where_they_are(sample_data):
    extract = read_gias((sample_data / "nasty" / "gias_huge_field.csv").read_bytes(), "huge.csv")
    located = {(p.severity, p.column) for p in extract.problems if p.row is not None}
    assert located == {(Severity.WARNING, "Street"), (Severity.ERROR, "EstablishmentName")}


@pytest.mark.parametrize(
    ("name", "message"),
    [("gias_missing_urn_column.csv", "no “URN” column"), ("empty.csv", "is empty")],
)
def test_the_nasty_extracts_that_cannot_be_read_are_refused(sample_data, name, message):
    with pytest.raises(ImportRefused, match=message):
        read_gias((sample_data / "nasty" / name).read_bytes(), name)


def test_a_pdf_named_csv_is_refused(sample_data):
    with pytest.raises(ImportRefused, match="is a PDF document"):
        read_gias(b"%PDF-1.4\n" + (sample_data / "README.md").read_bytes(), "gias.csv")
