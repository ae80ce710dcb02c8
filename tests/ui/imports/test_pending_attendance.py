from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefings.vocabulary import Attendance, ImportRowStatus
from tests.ui.conftest import page_of
from tests.ui.imports.conftest import TEAMS
from tests.ui.page_driving import click_row, replace_text, settle, shown_dialog
from ui.dialogs.imports.pending_attendance import PendingAttendanceDialog
from ui.dialogs.imports.person_choice import WalkInDialog

pytestmark = pytest.mark.gui

PHONE = "+44 7700 900123"


@pytest.fixture
def left_pending(services, small_county):
    """The report applied as the command line does: bookings recorded, Cara and the phone left pending."""
    preview = services.imports.preview_attendance(TEAMS.read_bytes(), TEAMS.name, small_county.id)
    services.imports.apply_attendance(preview)
    return small_county


@pytest.fixture
def briefing_page(qtbot, window, left_pending):
    window.open_item("briefing", left_pending.id)
    page = page_of(window, "BriefingPage")
    qtbot.waitUntil(lambda: page.attendance_import.pending == 2, timeout=5000)
    return page


def _open_review(qtbot, window, page):
    page.attendance_import.review_action.trigger()
    dialog = shown_dialog(qtbot, window, PendingAttendanceDialog)
    qtbot.waitUntil(lambda: dialog.panel.model.rowCount() > 0, timeout=5000)
    return dialog


def _select(qtbot, dialog, name):
    click_row(qtbot, dialog.panel.table, dialog.panel.model.find(lambda r: r.name == name))


def test_the_briefing_page_says_how_many_rows_wait_for_review(briefing_page):
    button = briefing_page.attendance_import
    assert button.text() == "Attendance &import (2 to review)"
    assert button.review_action.isEnabled()
    assert button.review_action.text() == "Review 2 imported participants…"


def test_accepting_a_pending_row_records_it_at_once(qtbot, window, services, briefing_page, left_pending):
    dialog = _open_review(qtbot, window, briefing_page)
    assert sorted(r.name for r in dialog.panel.rows()) == [PHONE, "Cara White (Guest)"]
    assert not dialog.panel.leave_button.isVisibleTo(dialog)
    _select(qtbot, dialog, "Cara White (Guest)")
    assert dialog.panel.suggestions.item(0).text() == "Cara White — 100%\nGorcote Primary Academy"
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.panel.accept_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in dialog.panel.rows()] == [PHONE]
    register = {r.person_name: r for r in services.briefings.register(left_pending.id)}
    assert register["Cara White"].attendance is Attendance.LATE
    qtbot.waitUntil(lambda: briefing_page.attendance_import.pending == 1, timeout=5000)
    assert window.statusBar().currentMessage() == "Decided 1 imported participant"


def test_a_pending_phone_dial_in_can_become_a_new_person(
    qtbot, window, services, briefing_page, left_pending
):
    dialog = _open_review(qtbot, window, briefing_page)
    _select(qtbot, dialog, PHONE)
    qtbot.mouseClick(dialog.panel.new_button, Qt.MouseButton.LeftButton)
    walk_in = shown_dialog(qtbot, dialog, WalkInDialog)
    replace_text(qtbot, walk_in.first_name_edit, "Priya")
    replace_text(qtbot, walk_in.last_name_edit, "Shah")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(walk_in.save_button, Qt.MouseButton.LeftButton)
    register = {r.person_name: r for r in services.briefings.register(left_pending.id)}
    assert register["Priya Shah"].attendance is Attendance.LEFT_EARLY
    assert window.statusBar().currentMessage() == "Decided 1 imported participant as Priya Shah"


def test_ignoring_the_last_rows_leaves_nothing_waiting(qtbot, window, services, briefing_page, left_pending):
    dialog = _open_review(qtbot, window, briefing_page)
    dialog.panel.table.selectAll()
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.panel.ignore_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.empty
    assert services.imports.attendance_rows(left_pending.id) == []
    assert len(services.imports.attendance_rows(left_pending.id, ImportRowStatus.IGNORED)) == 4
    qtbot.waitUntil(lambda: briefing_page.attendance_import.pending == 0, timeout=5000)
    assert not briefing_page.attendance_import.review_action.isEnabled()
    settle(qtbot, briefing_page)


def test_the_pending_table_passes_the_model_tester(qtbot, window, briefing_page, qtmodeltester):
    dialog = _open_review(qtbot, window, briefing_page)
    qtmodeltester.check(dialog.panel.model)
