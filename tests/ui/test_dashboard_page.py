from __future__ import annotations

from datetime import date, timedelta

import pytest

from briefings.licensing import PoolFields
from briefings.vocabulary import Attendance, Role

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, services, undo_stack, settled_pool):
    from ui.pages.dashboard_page import DashboardPage

    widget = DashboardPage(services, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def load(qtbot, page):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()


def texts(tree, column):
    return [tree.topLevelItem(n).text(column) for n in range(tree.topLevelItemCount())]


def test_an_empty_database_says_what_to_do_first(qtbot, page):
    load(qtbot, page)
    assert page.stack.is_empty_shown()
    assert "Load the demo county or import your settings" in page.empty.text()


def test_next_briefings_show_places_against_capacity_and_open_their_register(
    qtbot, page, services, make_briefing, make_person
):
    full = make_briefing(title="Prevent update", capacity=1)
    later = make_briefing(title="DSL update", capacity=4)
    services.bookings.book(full.id, make_person().id)
    services.bookings.book(full.id, make_person().id)
    load(qtbot, page)
    assert texts(page.upcoming, 1) == ["Prevent update", "DSL update"]
    assert texts(page.upcoming, 2) == ["1 / 1 full", "0 / 4"]
    assert texts(page.upcoming, 3) == ["1", ""]
    item = page.upcoming.topLevelItem(1)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.upcoming.itemActivated.emit(item, 0)
    assert opened.args == ["briefing", later.id]


def test_licences_running_out_show_seats_and_expiry(qtbot, page, services, make_setting):
    short = services.licences.create_pool(
        PoolFields("Educare", "DSL refresher", 3, date(2025, 1, 1), date(2025, 11, 30))
    )
    services.licences.create_pool(
        PoolFields("NSPCC", "Safer recruitment", 100, date(2025, 1, 1), date(2026, 12, 31))
    )
    services.licences.allocate(short.id, 2, setting_id=make_setting().id)
    load(qtbot, page)
    assert texts(page.pools, 0) == ["DSL refresher"]
    assert texts(page.pools, 2) == ["2 of 3 (1 left)"]
    assert texts(page.pools, 3) == ["30 Nov 2025 (60 days)"]
    with qtbot.waitSignal(page.open_requested) as opened:
        page.pools.itemActivated.emit(page.pools.topLevelItem(0), 0)
    assert opened.args == ["pool", short.id]


def test_settings_behind_on_refresh_are_listed_and_open_the_setting(
    qtbot, page, services, make_setting, make_person, make_briefing, clock
):
    behind = make_setting(name="Ashmoor Primary School")
    refreshed = make_setting(name="Brackendale Primary School")
    make_person(role=Role.DSL, setting_id=behind.id)
    lead = make_person(role=Role.DSL, setting_id=refreshed.id)
    briefing = make_briefing()
    registration = services.bookings.book(briefing.id, lead.id)
    clock.advance(timedelta(days=7, hours=2))
    services.bookings.mark(registration.registration_id, Attendance.PRESENT)
    load(qtbot, page)
    assert texts(page.due, 0) == ["Ashmoor Primary School"]
    assert texts(page.due, 3) == ["never"]
    assert page.due_box.title() == "Behind on DSL refresh: 1 setting"
    with qtbot.waitSignal(page.open_requested) as opened:
        page.due.itemActivated.emit(page.due.topLevelItem(0), 0)
    assert opened.args == ["setting", behind.id]


def test_attendance_chart_counts_this_academic_year_so_far(
    qtbot, page, services, make_setting, make_person, make_briefing, clock
):
    north = make_setting(district="North")
    people = [make_person(role=Role.DSL, setting_id=north.id) for _ in range(2)]
    briefing = make_briefing()
    regs = [services.bookings.book(briefing.id, p.id) for p in people]
    future = make_briefing(
        title="Later",
        starts_at=briefing.starts_at + timedelta(days=60),
        ends_at=briefing.ends_at + timedelta(days=60),
    )
    services.bookings.book(future.id, people[0].id)
    clock.advance(timedelta(days=7, hours=2))
    services.bookings.mark(regs[0].registration_id, Attendance.PRESENT)
    load(qtbot, page)
    assert [(c.group, c.booked, c.attended) for c in page.chart.counts()] == [("North", 2, 1)]
    assert "North: 1 of 2 attended" in page.chart.accessibleDescription()
    page.grouping.setCurrentIndex(page.grouping.findData("phase"))
    assert [(c.group, c.booked) for c in page.chart.counts()] == [("Primary", 2)]
    assert page.chart_heading.text() == "Places booked and attended, 2025/26 so far"
