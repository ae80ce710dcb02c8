from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from briefings.vocabulary import Attendance, Role
from tests.ui.page_driving import (
    OFFSCREEN_LIMITS,
    cell_texts,
    choose,
    click_row,
    load,
    press,
    replace_text,
    settle,
    shown,
    shown_dialog,
    tick,
)
from ui.dialogs.end_role_dialog import EndRoleDialog
from ui.dialogs.move_dialog import MoveDialog
from ui.dialogs.person_dialog import PersonDialog
from ui.dialogs.role_dialog import AddRoleDialog
from ui.pages.people_page import PeoplePage

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def page(qtbot, services, stack):
    with shown(qtbot, PeoplePage(services, stack)) as page:
        yield page


@pytest.fixture
def county(services, make_setting, make_person):
    north = make_setting(name="Ashdown Primary", district="North")
    south = make_setting(name="Beacon High", district="South")
    zoe = make_person(first_name="Zoë", last_name="Brontë", role=Role.DSL, setting_id=north.id)
    gov = make_person(first_name="Gary", last_name="Adams", role=Role.GOVERNOR, setting_id=south.id)
    left = make_person(first_name="Lena", last_name="Carter", role=Role.DEPUTY_DSL, setting_id=north.id)
    services.directory.end_membership(services.directory.person(left.id).roles[0].id, date(2025, 7, 31))
    return {"north": north, "south": south, "zoe": zoe, "gov": gov, "left": left}


def test_search_role_and_former_filters(qtbot, page, county):
    load(qtbot, page)
    assert cell_texts(page.table, 0) == ["Adams", "Brontë", "Carter"]
    assert cell_texts(page.table, 3) == ["Governor", "DSL", "Formerly Deputy DSL"]
    assert page.count_label.text() == "3 people"

    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.search, "bron")
    assert cell_texts(page.table, 1) == ["Zoë"]

    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        qtbot.keyClicks(page.role, "Deputy")
    assert page.table_state.showing_message
    assert "Include former roles" in page.table_state.message.text()
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        tick(qtbot, page.include_former)
    assert cell_texts(page.table, 0) == ["Carter"]


@pytest.mark.usefixtures("county")
def test_setting_filter_is_chosen_by_typing(qtbot, page):
    load(qtbot, page)
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        choose(qtbot, page.setting, "beacon", "Beacon High")
    assert cell_texts(page.table, 0) == ["Adams"]


def test_a_duplicate_email_is_refused_next_to_the_field_and_nothing_is_stored(qtbot, page, services, county):
    load(qtbot, page)
    press(qtbot, page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_dialog(qtbot, page, PersonDialog)
    qtbot.keyClicks(dialog.first_name_edit, "Zoe")
    qtbot.keyClicks(dialog.last_name_edit, "Bronte")
    qtbot.keyClicks(dialog.email_edit, county["zoe"].email.upper())
    qtbot.keyClicks(dialog.role_combo, "DSL")
    choose(qtbot, dialog.setting_chooser, "ashdown", "Ashdown Primary")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.message_for("email") == f"Zoë Brontë already has the email {county['zoe'].email.upper()}"
    assert dialog.message_for("first_name") == ""
    assert dialog.email_edit.hasFocus() or not dialog.isActiveWindow()
    assert services.directory.count_people() == 3

    replace_text(qtbot, dialog.email_edit, "zoe.bronte@ashdown.example")
    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Added Zoe Bronte"]
    settle(qtbot, page)
    assert services.directory.count_people() == 4
    assert page.detail.title.text() == "Zoe Bronte"
    assert page.detail.summary.text() == "DSL at Ashdown Primary"


def test_a_role_without_a_setting_is_refused_next_to_the_setting(qtbot, page, services):
    load(qtbot, page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, PersonDialog)
    qtbot.keyClicks(dialog.first_name_edit, "Sam")
    qtbot.keyClicks(dialog.last_name_edit, "Lee")
    qtbot.keyClicks(dialog.role_combo, "Governor")
    qtbot.keyClicks(dialog.setting_chooser, "nowhere")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Pick “nowhere” from the list" in dialog.message_for("setting_id")
    assert services.directory.count_people() == 0
    settle(qtbot, dialog)


def test_history_shows_roles_bookings_and_opens_elsewhere(
    qtbot, page, services, clock, county, make_briefing
):
    briefing = make_briefing()
    registration = services.bookings.book(briefing.id, county["zoe"].id)
    clock.advance(timedelta(days=8))
    services.bookings.mark(registration.registration_id, Attendance.PRESENT)
    load(qtbot, page)
    click_row(qtbot, page.table, 1)
    detail = page.detail
    assert detail.title.text() == "Zoë Brontë"
    assert detail.refresh_line.text() == "Last safeguarding refresh: 8 Oct 2025."
    assert cell_texts(detail.roles_tab.table, 1) == ["Ashdown Primary"]
    assert cell_texts(detail.bookings_tab.table, 1) == ["DSL update briefing"]
    with qtbot.waitSignal(page.open_requested, timeout=2000) as opened:
        click_row(qtbot, detail.roles_tab.table, 0, double=True)
    assert opened.args == ["setting", county["north"].id]


def test_editing_a_person_can_be_undone(qtbot, page, services, stack, county):
    load(qtbot, page)
    page.open_item("person", county["gov"].id)
    press(qtbot, page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_dialog(qtbot, page, PersonDialog)
    assert not dialog.role_combo.isVisible()
    replace_text(qtbot, dialog.email_edit, county["zoe"].email)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "already has the email" in dialog.message_for("email")
    replace_text(qtbot, dialog.phone_edit, "01632 960123")
    replace_text(qtbot, dialog.email_edit, "g.adams@beacon.example")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.directory.person(county["gov"].id).phone == "01632 960123"

    stack.undo()
    restored = services.directory.person(county["gov"].id)
    assert (restored.email, restored.phone) == (county["gov"].email, None)
    assert page.detail.facts.values["Email"].text() == county["gov"].email
    stack.redo()
    assert services.directory.person(county["gov"].id).email == "g.adams@beacon.example"


def test_ending_a_role_can_be_undone(qtbot, page, services, stack, county):
    load(qtbot, page)
    page.open_item("person", county["zoe"].id)
    assert page.end_role_button.isEnabled()
    qtbot.mouseClick(page.end_role_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, EndRoleDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.directory.person(county["zoe"].id).roles[0].ends_on == date(2025, 10, 1)
    assert cell_texts(page.detail.roles_tab.table, 3) == ["1 Oct 2025"]  # the last day it is held
    assert not page.end_role_button.isEnabled()
    assert stack.undoText() == "End Zoë Brontë's role as DSL at Ashdown Primary"

    stack.undo()
    assert services.directory.person(county["zoe"].id).roles[0].ends_on is None
    assert cell_texts(page.detail.roles_tab.table, 3) == ["Now"]
    assert page.end_role_button.isEnabled()


def test_moving_a_person_is_a_move_not_a_second_person_and_can_be_undone(
    qtbot, page, services, stack, county
):
    load(qtbot, page)
    page.open_item("person", county["zoe"].id)
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, MoveDialog)
    assert "Ashdown Primary end the day before" in dialog.note.text()
    choose(qtbot, dialog.setting_chooser, "beacon", "Beacon High")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert services.directory.count_people() == 3
    assert page.detail.summary.text() == "DSL at Beacon High"
    assert cell_texts(page.detail.roles_tab.table, 1) == ["Beacon High", "Ashdown Primary"]

    stack.undo()
    assert services.directory.person(county["zoe"].id).places == "Ashdown Primary"
    stack.redo()
    assert services.directory.person(county["zoe"].id).places == "Beacon High"
    settle(qtbot, page)


def test_adding_a_role_at_a_setting(qtbot, page, services, county):
    load(qtbot, page)
    page.open_item("person", county["gov"].id)
    press(
        qtbot,
        page.table,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = shown_dialog(qtbot, page, AddRoleDialog)
    qtbot.keyClicks(dialog.role_combo, "PSHE")
    choose(qtbot, dialog.setting_chooser, "ashdown")
    qtbot.keyClicks(dialog.job_title_edit, "PSHE coordinator")
    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Added a role for Gary Adams"]
    assert services.directory.person(county["gov"].id).role_labels == "Governor, PSHE lead"
    settle(qtbot, page)
