from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from briefings.recordings import RecordingFields
from briefings.vocabulary import Role
from tests.ui.page_driving import (
    OFFSCREEN_LIMITS,
    cell_texts,
    choose,
    click_row,
    press,
    replace_text,
    shown,
    shown_dialog,
)
from ui.dialogs.give_link_dialog import GiveLinkDialog
from ui.dialogs.recording_dialog import RecordingDialog
from ui.pages.recording_detail import HIDDEN
from ui.pages.recordings_page import RecordingsPage

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]
TEAMS = "https://teams.microsoft.com/l/meetup-recording/abc"


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def page(qtbot, services, stack):
    with shown(qtbot, RecordingsPage(services, stack)) as page:
        opened: list[QUrl] = []
        page.open_url = opened.append
        page.opened = opened
        yield page


@pytest.fixture
def recorded(services, clock, make_briefing):
    briefing = make_briefing()
    clock.advance(timedelta(days=8))
    return services.recordings.attach(briefing.id, RecordingFields(TEAMS, passcode="Wx7!pq"))


def test_no_recordings_says_what_to_do(page):
    page.refresh()
    assert "add its recording link with Add recording" in page.table_state.message.text()


def test_adding_a_recording_refuses_a_link_that_is_not_https(qtbot, page, services, make_briefing):
    make_briefing(title="DSL update briefing")
    page.refresh()
    press(qtbot, page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_dialog(qtbot, page, RecordingDialog)
    choose(qtbot, dialog.briefing_chooser, "DSL", "DSL update briefing")
    qtbot.keyClicks(dialog.url_edit, "http://teams.microsoft.com/l/rec/abc")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("url") == "The recording link must start with https:// (it has http)"
    assert services.recordings.search() == []

    replace_text(qtbot, dialog.url_edit, TEAMS)
    qtbot.keyClicks(dialog.passcode_edit, "Wx7!pq")
    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Added the recording of DSL update briefing"]
    [recording] = services.recordings.search()
    assert (recording.url, recording.has_passcode) == (TEAMS, True)
    assert cell_texts(page.table, 2) == ["teams.microsoft.com"]
    assert cell_texts(page.table, 5) == ["Not yet available"]
    assert page.detail.title.text() == "Recording of DSL update briefing"


@pytest.mark.usefixtures("recorded")
def test_the_passcode_stays_hidden_until_asked_for(qtbot, page):
    page.refresh()
    click_row(qtbot, page.table, 0)
    passcode = page.detail.facts.values["Passcode"]
    assert passcode.text() == HIDDEN
    assert "Wx7!pq" not in [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    with qtbot.waitSignal(page.status_message, timeout=2000):
        qtbot.mouseClick(page.detail.show_passcode_button, Qt.MouseButton.LeftButton)
    assert passcode.text() == "Wx7!pq"
    assert page.detail.show_passcode_button.text() == "Hide &passcode"
    qtbot.mouseClick(page.detail.show_passcode_button, Qt.MouseButton.LeftButton)
    assert passcode.text() == HIDDEN


@pytest.mark.usefixtures("recorded")
def test_open_in_browser_shows_the_host_and_asks_first(qtbot, page):
    page.refresh()
    click_row(qtbot, page.table, 0)

    qtbot.mouseClick(page.detail.open_button, Qt.MouseButton.LeftButton)
    box = shown_dialog(qtbot, page, QMessageBox)
    assert box.text() == "Open this link in your browser? It goes to teams.microsoft.com."
    assert box.informativeText().startswith("The link is the recording of DSL update briefing.")
    assert page.opened == []
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert page.opened == []

    qtbot.mouseClick(page.detail.open_button, Qt.MouseButton.LeftButton)
    box = shown_dialog(qtbot, page, QMessageBox)
    [open_button] = [b for b in box.buttons() if b.text() == "Open in browser"]
    with qtbot.waitSignal(page.status_message, timeout=2000) as said:
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert page.opened == [QUrl(TEAMS)]
    assert said.args == ["Opened the link to teams.microsoft.com in your browser"]


@pytest.mark.usefixtures("recorded")
def test_copy_link_puts_it_on_the_clipboard(qtbot, page):
    page.refresh()
    click_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.detail.copy_link_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == TEAMS


def test_recording_who_was_given_the_link(qtbot, page, services, recorded, make_setting, make_person):
    school = make_setting(name="Ashdown Primary")
    make_person(first_name="Dana", last_name="Lead", role=Role.DSL, setting_id=school.id)
    page.refresh()
    click_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.detail.give_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, GiveLinkDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("person_id") == "Choose who was given the link"
    choose(qtbot, dialog.person_chooser, "dana", "Dana Lead")
    qtbot.keyClicks(dialog.note_edit, "Missed the session")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [a.person_name for a in services.recordings.accesses(recorded.id)] == ["Dana Lead"]
    assert cell_texts(page.detail.accesses_tab.table, 1) == ["Dana Lead"]
    assert cell_texts(page.table, 7) == ["1"]


def test_editing_a_recording_can_be_undone(qtbot, page, services, stack, recorded):
    page.refresh()
    click_row(qtbot, page.table, 0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, RecordingDialog)
    assert dialog.passcode_edit.echoMode() is dialog.passcode_edit.EchoMode.Password
    replace_text(qtbot, dialog.passcode_edit, "new-code")
    replace_text(qtbot, dialog.url_edit, "javascript:alert(1)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "must start with https://" in dialog.message_for("url")
    replace_text(qtbot, dialog.url_edit, "https://wyvernshire.sharepoint.com/rec.mp4")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.recordings.passcode(recorded.id) == "new-code"
    assert cell_texts(page.table, 2) == ["wyvernshire.sharepoint.com"]

    stack.undo()
    assert services.recordings.passcode(recorded.id) == "Wx7!pq"
    [restored] = services.recordings.search()
    assert (restored.url, restored.available_until) == (TEAMS, recorded.available_until)
    assert cell_texts(page.table, 2) == ["teams.microsoft.com"]


def test_state_filter_and_expiry(qtbot, page, services, clock, recorded):
    page.refresh()
    assert cell_texts(page.table, 5) == ["Available"]
    clock.advance(timedelta(days=200))
    page.refresh()
    assert cell_texts(page.table, 5) == ["Expired"]
    click_row(qtbot, page.table, 0)
    assert not page.detail.give_button.isEnabled()
    qtbot.keyClicks(page.state, "Available")
    assert page.table_state.showing_message
    assert "No recordings match" in page.table_state.message.text()
    assert page.detail.recording is None
