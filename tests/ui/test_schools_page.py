from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from briefings.licensing import PoolFields
from briefings.vocabulary import Attendance, Phase, Role, SettingStatus
from tests.ui.page_driving import (
    OFFSCREEN_LIMITS,
    cell_texts,
    click_row,
    load,
    press,
    replace_text,
    settle,
    shown,
    shown_dialog,
    tick,
)
from ui.dialogs.setting_dialog import SettingDialog
from ui.pages.schools_page import SchoolsPage

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


@pytest.fixture
def page(qtbot, services):
    with shown(qtbot, SchoolsPage(services, QUndoStack())) as page:
        yield page


def test_empty_directory_says_what_to_do_next(qtbot, page):
    load(qtbot, page)
    assert page.table_state.showing_message
    assert "Add one with New setting" in page.table_state.message.text()
    assert page.count_label.text() == "0 settings"


def test_search_and_filters_narrow_the_directory_in_sql(qtbot, page, make_setting):
    make_setting(name="Ashdown Primary", district="North", phase=Phase.PRIMARY)
    make_setting(name="Beacon High", district="South", phase=Phase.SECONDARY, establishment_type="Academy")
    make_setting(name="Cedar Infants", status=SettingStatus.CLOSED, closed_on=date(2024, 8, 31))
    load(qtbot, page)
    assert cell_texts(page.table, 0) == ["Ashdown Primary", "Beacon High"]
    assert page.count_label.text() == "2 settings"

    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.search, "beac")
    assert cell_texts(page.table, 0) == ["Beacon High"]

    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.district, "North")
    assert cell_texts(page.table, 0) == ["Ashdown Primary"]

    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClick(page.district, Qt.Key.Key_Home)
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.openness, "Closed")
    assert cell_texts(page.table, 0) == ["Cedar Infants"]
    assert cell_texts(page.table, 6) == ["Closed 31 Aug 2024"]

    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.phase, "Secondary")
    assert page.table_state.showing_message
    assert "No settings match" in page.table_state.message.text()


def test_clicking_a_column_sorts_in_sql(qtbot, page, make_setting):
    make_setting(name="Ashdown Primary", district="South")
    make_setting(name="Beacon High", district="North")
    load(qtbot, page)
    header = page.table.horizontalHeader()
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(4) + 5, 5)
        )
    assert page.model.sort_name == "district"
    assert cell_texts(page.table, 0) == ["Beacon High", "Ashdown Primary"]


def test_a_settings_history_shows_staff_briefings_licences_and_last_refresh(
    qtbot, page, services, clock, make_setting, make_person, make_briefing
):
    school = make_setting(name="Ashdown Primary")
    dsl = make_person(first_name="Dana", last_name="Lead", role=Role.DSL, setting_id=school.id)
    former = make_person(first_name="Fred", last_name="Former", role=Role.DEPUTY_DSL, setting_id=school.id)
    services.directory.end_membership(services.directory.person(former.id).roles[0].id, date(2025, 7, 31))
    briefing = make_briefing()
    registration = services.bookings.book(briefing.id, dsl.id)
    clock.advance(timedelta(days=8))
    services.bookings.mark(registration.registration_id, Attendance.PRESENT)
    pool = services.licences.create_pool(
        PoolFields("NSPCC", "Keeping Children Safe Online", 10, date(2025, 4, 1), date(2026, 3, 31))
    )
    services.licences.allocate(pool.id, 2, setting_id=school.id)
    load(qtbot, page)

    click_row(qtbot, page.table, 0)
    detail = page.detail
    assert detail.title.text() == "Ashdown Primary"
    assert detail.refresh_line.text() == "Last DSL refresh: 8 Oct 2025."
    assert cell_texts(detail.staff_tab.table, 0) == ["Dana Lead"]
    assert detail.tabs.tabText(0) == "Staff (1)"
    tick(qtbot, detail.show_former)
    assert cell_texts(detail.staff_tab.table, 0) == ["Dana Lead", "Fred Former"]
    assert cell_texts(detail.staff_tab.table, 3) == ["Now", "31 Jul 2025"]
    assert cell_texts(detail.bookings_tab.table, 5) == ["Present"]
    assert "1 booking made for this setting; 1 attended" in detail.bookings_summary.text()
    assert cell_texts(detail.licences_tab.table, 0) == ["Keeping Children Safe Online"]

    detail.tabs.setCurrentWidget(detail.bookings_tab)
    with qtbot.waitSignal(page.open_requested, timeout=2000) as opened:
        click_row(qtbot, detail.bookings_tab.table, 0, double=True)
    assert opened.args == ["briefing", briefing.id]


def test_adding_a_setting_shows_refusals_next_to_the_field(qtbot, page, services, make_setting):
    make_setting(name="Beacon High", urn=960104)
    load(qtbot, page)
    press(qtbot, page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_dialog(qtbot, page, SettingDialog)
    qtbot.keyClicks(dialog.name_edit, "Cedar Infants")
    qtbot.keyClicks(dialog.urn_edit, "960104")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("urn") == "URN 960104 already belongs to Beacon High"
    assert dialog.message_for("name") == ""
    assert services.directory.count_settings() == 1

    replace_text(qtbot, dialog.urn_edit, "96O105")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "must be a number" in dialog.message_for("urn")

    replace_text(qtbot, dialog.urn_edit, "960105")
    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Added Cedar Infants"]
    assert not dialog.isVisible()
    settle(qtbot, page)
    assert cell_texts(page.table, 0) == ["Beacon High", "Cedar Infants"]
    assert page.detail.title.text() == "Cedar Infants"


def test_editing_a_setting_can_be_undone_and_redone(qtbot, services, make_setting):
    stack = QUndoStack()
    page = SchoolsPage(services, stack)
    qtbot.addWidget(page)
    school = make_setting(name="Ashdown Primary", district="North")
    load(qtbot, page)
    assert page.open_item("setting", school.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, SettingDialog)
    replace_text(qtbot, dialog.name_edit, "Ashdown Church of England Primary")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.directory.setting(school.id).name == "Ashdown Church of England Primary"
    assert stack.undoText() == "Edit Ashdown Church of England Primary"

    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        stack.undo()
    assert said.args == ["Undid: Edit Ashdown Church of England Primary"]
    assert services.directory.setting(school.id).name == "Ashdown Primary"
    assert page.detail.title.text() == "Ashdown Primary"
    stack.redo()
    assert services.directory.setting(school.id).name == "Ashdown Church of England Primary"
    settle(qtbot, page)


def test_open_item_shows_only_settings(qtbot, page, make_setting):
    school = make_setting(name="Ashdown Primary")
    assert page.open_item("person", school.id) is False
    assert page.open_item("setting", school.id) is True
    assert page.detail.title.text() == "Ashdown Primary"
    assert page.title == "Schools and settings"
