from __future__ import annotations

import re

import pytest

from briefings.vocabulary import Attendance, Delivery, Role
from exports.base import ExportCancelled, ExportError
from exports.sign_in_register import SignInRegisterExporter, register_exporter
from tests.attendance_scenario import ODD_PEOPLE, Attendee, hold_briefing
from tests.exports.pdf_reading import font_names, pdf_pages

ROW = re.compile(r"^\s*(\d+)\n(.+)$", re.MULTILINE)


def rendered(services, briefing_id, **options):
    (export_file,) = register_exporter(services, briefing_id, **options).render().files
    return export_file, pdf_pages(export_file.data)


def printed_rows(pages):
    """(number, first line of the name) for each numbered row, in the order printed."""
    return [(int(n), first) for page in pages for n, first in ROW.findall(page)]


@pytest.fixture
def booked(services, clock, make_briefing):
    """In-person briefing with odd names, before anyone is marked."""
    people = [Attendee(a.first_name, a.last_name, a.setting, a.role, attendance=None) for a in ODD_PEOPLE]
    return hold_briefing(services, clock, make_briefing, people)


def test_rows_carry_the_apps_own_numbers_in_setting_order(services, booked):
    export_file, pages = rendered(services, booked.briefing.id)
    assert export_file.filename == "Sign-in register 2025-10-08 DSL update briefing.pdf"
    assert export_file.mimetype == "application/pdf"
    rows = printed_rows(pages)
    numbered = [r for r in booked.register if r.number is not None]
    assert [n for n, _ in rows] == [r.number for r in numbered]
    for (_, first_line), row in zip(rows, numbered, strict=True):
        assert row.person_name.startswith(first_line.strip())
    settings = [r.setting_name or "\uffff" for r in numbered]
    assert settings == sorted(settings, key=str.casefold)


def test_numbers_typed_back_from_the_paper_mark_the_right_people(services, booked):
    _, pages = rendered(services, booked.briefing.id)
    signed = {n for n, first in printed_rows(pages) if first.startswith(("Zoë", "Jo Ó"))}
    services.bookings.mark_numbers(booked.briefing.id, signed)
    present = {
        r.person_name
        for r in services.briefings.register(booked.briefing.id)
        if r.attendance is Attendance.PRESENT
    }
    assert present == {"Zoë Brontë", "Jo Ó Súilleabháin"}


def test_the_heading_names_the_briefing_date_venue_and_facilitator(services, booked):
    _, pages = rendered(services, booked.briefing.id)
    first = pages[0]
    assert "Sign-in register" in first
    assert "DSL update briefing" in first
    assert "Wednesday 8 October 2025, 09:30–11:30" in first
    assert "Wyvern Hall, Committee Room 2, County Hall, Castle Street, Wyvern, WX1 2AB" in first
    assert "Siobhán O'Donnell" in first


def test_odd_names_print_as_written(services, booked):
    text = "\n".join(rendered(services, booked.briefing.id)[1])
    for expected in (
        "Zoë Brontë",
        "Aoife O'Brien",
        "Ó Súilleabháin",
        "Wiśniewska-Wood",
        "../../etc/passwd",
        "<b>NUL</b> & co",
        "Ysgol Gymraeg Awel y Môr",
        "St Thomas à Becket",
    ):
        assert expected in text


def test_a_long_register_repeats_its_header_and_numbers_its_pages(services, clock, make_briefing):
    people = [
        Attendee(f"Person{i:03d}", "Smith", f"School {i // 7:02d}", Role.DSL, attendance=None)
        for i in range(70)
    ]
    held = hold_briefing(services, clock, make_briefing, people)
    _, pages = rendered(services, held.briefing.id, blank_rows=5)
    assert len(pages) >= 3
    for index, page in enumerate(pages, start=1):
        assert f"Page {index} of {len(pages)}" in page
        assert "Signature" in page  # the column headings repeat on every page
    assert [n for n, _ in printed_rows(pages)] == list(range(1, 71))
    assert "DSL update briefing · Wednesday 8 October 2025, 09:30–11:30 (continued)" in pages[1]


def test_empty_rows_for_walk_ins_fill_the_last_page(services, booked):
    _, none = rendered(services, booked.briefing.id, blank_rows=0)
    _, default = rendered(services, booked.briefing.id)
    assert len(none) == len(default) == 1


def test_when_too_few_empty_rows_fit_they_take_a_new_page(services, booked):
    _, few = rendered(services, booked.briefing.id, blank_rows=0)
    _, many = rendered(services, booked.briefing.id, blank_rows=20)
    assert (len(few), len(many)) == (1, 2)
    assert "Signature" in many[1]  # under the column headings again
    assert printed_rows(many) == printed_rows(few)


def test_every_font_is_embedded(services, booked):
    export_file, _ = rendered(services, booked.briefing.id)
    fonts = font_names(export_file.data)
    assert fonts == {"DejaVuSans": True, "DejaVuSans-Bold": True}


def test_nobody_booked_is_a_clear_error(services, make_briefing, make_venue):
    briefing = make_briefing(delivery=Delivery.IN_PERSON, venue_id=make_venue().id, join_url=None)
    with pytest.raises(ExportError, match="Nobody is booked on “DSL update briefing”"):
        register_exporter(services, briefing.id).render()


def test_an_online_briefing_has_no_paper_register(services, make_briefing, make_person):
    briefing = make_briefing()
    services.bookings.book(briefing.id, make_person().id)
    with pytest.raises(ExportError, match="is online"):
        register_exporter(services, briefing.id).render()


def test_a_cancelled_briefing_has_no_register(services, booked):
    services.briefings.cancel(booked.briefing.id, "Snow")
    with pytest.raises(ExportError, match="was cancelled"):
        register_exporter(services, booked.briefing.id).render()


def test_an_absurd_number_of_blank_rows_is_refused(services, booked):
    with pytest.raises(ExportError, match="empty rows for walk-ins must be from 0 to 20"):
        register_exporter(services, booked.briefing.id, blank_rows=21).render()


def test_cancelling_the_export_stops_it(services, clock, make_briefing):
    people = [Attendee(f"P{i}", "Q", "S", attendance=None) for i in range(120)]
    held = hold_briefing(services, clock, make_briefing, people)
    exporter = register_exporter(services, held.briefing.id)
    with pytest.raises(ExportCancelled):
        exporter.render(lambda done, total: False)
    assert isinstance(exporter, SignInRegisterExporter)
