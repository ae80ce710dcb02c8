from __future__ import annotations

import io
from datetime import UTC, date, datetime, time

import pytest
from openpyxl import load_workbook

from briefings.clock import london
from briefings.errors import ValidationError
from briefings.scheduling import SeriesPlan
from briefings.vocabulary import Attendance, Role
from exports import xlsx_writer
from exports.base import ExportError
from exports.period_return import period_return_exporter


@pytest.fixture
def autumn(services, clock, make_setting, make_person, make_briefing):
    """Two briefings in the autumn; three settings, one of which never comes."""
    north = make_setting(name="Northfield Primary", district="North")
    south = make_setting(name="=Southgate Academy", district="South")
    make_setting(name="Quiet Lane Infants", district="North")
    dsl = make_person(first_name="Dee", last_name="Lead", role=Role.DSL, setting_id=north.id)
    head = make_person(first_name="Hal", last_name="Head", role=Role.HEADTEACHER, setting_id=south.id)
    deputy = make_person(first_name="Dep", last_name="Uty", role=Role.DEPUTY_DSL, setting_id=south.id)
    loner = make_person(first_name="Lone", last_name="Visitor")
    first = make_briefing(title="October update")
    second = make_briefing(
        title="November update",
        starts_at=london(date(2025, 11, 12), time(13, 0)),
        ends_at=london(date(2025, 11, 12), time(15, 0)),
    )
    bookings = {
        first.id: [(dsl, Attendance.PRESENT), (head, Attendance.PRESENT), (loner, Attendance.PRESENT)],
        second.id: [(dsl, Attendance.ABSENT), (deputy, Attendance.PRESENT), (head, Attendance.LATE)],
    }
    rows = {
        b: [(services.bookings.book(b, p.id), mark) for p, mark in people] for b, people in bookings.items()
    }
    clock.set(datetime(2025, 12, 1, tzinfo=UTC))
    for marked in rows.values():
        for row, mark in marked:
            services.bookings.mark(row.registration_id, mark, 60 if mark is Attendance.LATE else None)
    return first, second


def rendered(services, **period):
    exporter = period_return_exporter(services, **period)
    (export_file,) = exporter.render().files
    return export_file, load_workbook(io.BytesIO(export_file.data))


def table_rows(sheet):
    header = [c.value for c in sheet[1]]
    ref = next(iter(sheet.tables.values())).ref
    last = int(ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return [
        dict(zip(header, (c.value for c in row), strict=True))
        for row in sheet.iter_rows(min_row=2, max_row=last)
    ]


def test_the_grid_has_settings_down_the_side_and_briefings_across(services, autumn):
    export_file, workbook = rendered(services, first_day=date(2025, 9, 1), last_day=date(2025, 12, 31))
    assert export_file.filename == "Attendance return 2025-09-01 to 2025-12-31.xlsx"
    assert workbook.sheetnames == ["About", "Attendance", "Coverage", "Briefings", "Bookings"]
    grid = workbook["Attendance"]
    header = [c.value for c in grid[1]]
    assert header == [
        "Setting",
        "URN",
        "District",
        "Phase",
        "08 Oct 2025 October update",
        "12 Nov 2025 November update",
        "Booked",
        "Attended",
    ]
    rows = table_rows(grid)
    assert [
        (r["Setting"], r["08 Oct 2025 October update"], r["12 Nov 2025 November update"]) for r in rows
    ] == [
        ("=Southgate Academy", 1, 2),
        ("Northfield Primary", 1, 0),  # booked for November but absent: 0, not blank
        ("(no setting)", 1, None),  # nobody booked: blank
    ]
    assert [(r["Booked"], r["Attended"]) for r in rows] == [(3, 3), (2, 1), (1, 1)]
    total_row = [c.value for c in grid[len(rows) + 2]]
    assert total_row == ["Total", None, None, None, 3, 2, 6, 5]
    assert grid["A2"].quotePrefix


def test_coverage_lists_every_open_setting(services, autumn):
    _, workbook = rendered(services, first_day=date(2025, 9, 1), last_day=date(2025, 12, 31))
    rows = {r["Setting"]: r for r in table_rows(workbook["Coverage"])}
    assert set(rows) == {"=Southgate Academy", "Northfield Primary", "Quiet Lane Infants"}
    north, south, quiet = rows["Northfield Primary"], rows["=Southgate Academy"], rows["Quiet Lane Infants"]
    assert (north["DSL or deputy attended"], north["DSLs and deputies attending"]) == ("Yes", 1)
    assert north["DSL or deputy last attended"] == datetime(2025, 10, 8)
    assert south["DSL or deputy last attended"] == datetime(2025, 11, 12)
    assert (quiet["DSL or deputy attended"], quiet["Refresh due at period end"]) == ("No", "Yes")
    assert quiet["DSL or deputy last attended"] is None
    date_cell = workbook["Coverage"]["J2"]
    assert date_cell.number_format == xlsx_writer.DATE_FORMAT


def test_the_briefings_and_bookings_sheets_list_everything(services, autumn):
    _, workbook = rendered(services, first_day=date(2025, 9, 1), last_day=date(2025, 12, 31))
    briefings = table_rows(workbook["Briefings"])
    assert [(b["Title"], b["Starts"], b["Booked"], b["Attended"]) for b in briefings] == [
        ("October update", datetime(2025, 10, 8, 9, 30), 3, 3),
        ("November update", datetime(2025, 11, 12, 13, 0), 3, 2),
    ]
    bookings = table_rows(workbook["Bookings"])
    assert len(bookings) == 6
    assert bookings[0]["Date"] == datetime(2025, 10, 8)
    assert [b["Name"] for b in bookings[:3]] == ["Hal Head", "Dee Lead", "Lone Visitor"]
    assert bookings[2]["Setting"] == "(no setting)"


def test_the_front_sheet_gives_the_period_and_totals(services, autumn):
    _, workbook = rendered(services, first_day=date(2025, 9, 1), last_day=date(2025, 12, 31))
    front = {row[0].value: row[1].value for row in workbook["About"].iter_rows(min_row=3) if row[0].value}
    assert front["Period"] == "1 September 2025 to 31 December 2025"
    assert (front["Briefings in the period"], front["Booked places"], front["Attended"]) == (2, 6, 5)
    assert front["Open settings covered"] == "2 of 3 had a DSL or deputy attend"


def test_a_series_return(services, briefing_fields):
    plan = SeriesPlan(
        name="DSL briefings 2025/26",
        template=briefing_fields(),
        dates=(date(2025, 10, 8), date(2026, 1, 21)),
        start=time(9, 30),
        end=time(11, 30),
    )
    series = services.briefings.create_series(plan)
    export_file, workbook = rendered(services, series_id=series.id)
    assert export_file.filename == "Attendance return DSL briefings 2025-26.xlsx"
    front = {row[0].value: row[1].value for row in workbook["About"].iter_rows(min_row=3) if row[0].value}
    assert front["Period"] == "8 October 2025 to 21 January 2026 (series “DSL briefings 2025/26”)"
    assert len(table_rows(workbook["Briefings"])) == 2


def test_a_period_without_briefings_is_a_clear_error(services):
    exporter = period_return_exporter(services, first_day=date(2030, 1, 1), last_day=date(2030, 1, 31))
    with pytest.raises(ExportError, match="No briefings were held in 1 January 2030 to 31 January 2030"):
        exporter.render()


@pytest.mark.parametrize(
    ("period", "field"),
    [
        ({"first_day": date(2025, 9, 1)}, "first_day"),
        ({"series_id": 1, "first_day": date(2025, 9, 1)}, "series_id"),
    ],
)
def test_a_half_given_period_is_refused(services, period, field):
    with pytest.raises(ValidationError) as caught:
        period_return_exporter(services, **period)
    assert caught.value.field == field


def test_a_big_return_streams_and_keeps_its_tables(services, autumn, monkeypatch):
    monkeypatch.setattr(xlsx_writer, "WRITE_ONLY_ABOVE", 3)
    _, workbook = rendered(services, first_day=date(2025, 9, 1), last_day=date(2025, 12, 31))
    assert set(workbook["Bookings"].tables) == {"Bookings"}
    assert workbook["Bookings"].freeze_panes == "D2"
    assert len(table_rows(workbook["Bookings"])) == 6
