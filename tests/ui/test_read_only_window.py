"""A second copy of the app: the banner says why nothing can be changed; every write is refused politely."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from briefings.queries.directory import SettingFilter
from briefings.services import Services
from tests.ui.conftest import page_of
from tests.ui.message_driving import answer, button, message_box
from tests.ui.page_driving import OFFSCREEN_LIMITS, choose, click_row, load, shown_dialog
from ui.app_info import AppInfo
from ui.dialogs.backup_settings_dialog import BackupSettingsDialog
from ui.dialogs.briefing_dialog import BriefingDialog
from ui.dialogs.pool_dialog import PoolDialog
from ui.dialogs.recording_dialog import RecordingDialog
from ui.dialogs.retention_dialog import RetentionDialog
from ui.dialogs.setting_dialog import SettingDialog
from ui.main_window import MainWindow
from ui.pages.catalogue import PAGES
from ui.undo.stack import CallbackCommand

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]

REASON = (
    "Read-only: Briefing Desk is already open on this database (sam on LA-LAPTOP-14, since 08:52 on "
    "1 October 2025, process 4182). Close that copy to make changes here."
)
CRASH_NOTE = "Briefing Desk did not close properly last time. Its lock was cleared; the database is intact."


@pytest.fixture
def read_only(db, clock) -> Services:
    """Services over the test database as a second copy of the app sees it."""
    return Services.build(db.sessions, clock=clock, read_only_reason=REASON)


@pytest.fixture
def window(qtbot, read_only, ui_settings, settled_pool):
    main = MainWindow(
        read_only, AppInfo("9.9.9", "county.sqlite3", (CRASH_NOTE,)), PAGES, settings=ui_settings
    )
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def under_way(services, make_briefing, make_person, clock):
    """A briefing under way with one person booked (made by the writing copy)."""
    briefing = make_briefing(capacity=5)
    services.bookings.book(briefing.id, make_person(last_name="Able").id)
    clock.advance(timedelta(days=7, hours=1))
    return briefing


def test_the_banner_says_why_and_stays(window):
    banner = window.notice_bar.banner
    assert banner is not None
    assert banner.isVisible()
    assert banner.text == REASON
    assert banner.dismiss_button is None
    assert window.windowTitle() == "Briefing Desk — county.sqlite3 (read-only)"
    (notice,) = window.notice_bar.notices()
    assert notice.text == CRASH_NOTE


def test_a_new_setting_is_refused_with_the_reason_and_nothing_is_stored(qtbot, window, services):
    schools = page_of(window, "SchoolsPage")
    window.show_page(window.pages.index(schools))
    qtbot.mouseClick(schools.new_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, schools, SettingDialog)
    qtbot.keyClicks(dialog.name_edit, "Ashdown Primary")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message_for("") == REASON
    assert services.directory.settings(SettingFilter(openness="all")) == []


def test_marking_attendance_is_refused_with_the_reason(qtbot, window, services, under_way):
    page = page_of(window, "BriefingPage")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_item("briefing", under_way.id)
    view = page.register.view
    view.selectionModel().select(
        page.register.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert answer(qtbot, page.register, "Not marked", "OK") == REASON
    assert [r.attendance for r in services.briefings.register(under_way.id)] == [None]


def test_a_new_licence_pool_is_refused_with_the_reason(qtbot, window, services):
    page = page_of(window, "LicencesPage")
    window.show_page(window.pages.index(page))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, PoolDialog)
    qtbot.keyClicks(dialog.product_edit, "Keeping Children Safe Online")
    qtbot.keyClicks(dialog.provider_edit, "NSPCC")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("") == REASON
    assert services.licences.pools() == []


def test_erasing_someone_is_refused_with_the_reason(qtbot, window, services, make_person):
    person = make_person(first_name="Zoë", last_name="Brontë")
    page = page_of(window, "PeoplePage")
    window.show_page(window.pages.index(page))
    load(qtbot, page)
    click_row(qtbot, page.table, 0)
    qtbot.waitUntil(page.privacy_button.erase_action.isEnabled, timeout=5000)
    page.privacy_button.erase_action.trigger()
    answer(qtbot, page.privacy_button, "Erase this person?", "Erase")
    assert answer(qtbot, page.privacy_button, "Not erased", "OK") == REASON
    assert services.directory.person(person.id).first_name == "Zoë"


def test_undo_is_refused_with_the_reason(qtbot, window, read_only):
    refused = []
    window.undo_stack.refused.connect(refused.append)
    step = CallbackCommand(
        "Choose the organiser",
        undo=lambda: read_only.preferences.set("organiser.name", None),
        redo=lambda: None,
        stack=window.undo_stack,
    )
    window.undo_stack.push(step)
    window.undo_stack.undo()
    assert refused == [f"Could not undo “Choose the organiser”: {REASON}"]
    assert answer(qtbot, window, "Cannot undo", "OK") == refused[0]


def test_restore_and_the_backup_settings_are_refused_but_backing_up_works(qtbot, window, db_path):
    window.storage_actions.restore_action.trigger()
    assert answer(qtbot, window, "Cannot restore", "OK") == REASON
    window.storage_actions.settings_action.trigger()
    dialog = shown_dialog(qtbot, window, BackupSettingsDialog)
    dialog.keep_spin.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("") == REASON
    dialog.reject()
    window.storage_actions.back_up_action.trigger()
    box = message_box(qtbot, window, "Backed up")
    assert str(db_path.parent / "backups") in box.text()
    qtbot.mouseClick(button(box, "OK"), Qt.MouseButton.LeftButton)


def test_retention_can_be_previewed_but_applying_is_refused(qtbot, window, services, make_person, clock):
    make_person(first_name="Old", last_name="Contact")  # one audit entry, seven years old by now
    clock.advance(timedelta(days=365 * 7))
    logged = services.audit.count()
    window.storage_actions.retention_action.trigger()
    dialog = shown_dialog(qtbot, window, RetentionDialog)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=5000)
    assert f"{logged} are deleted" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "Apply the retention policy?", "Apply policy")
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text() == REASON
    assert services.audit.count() == logged


def test_scheduling_a_briefing_is_refused_with_the_reason(qtbot, window, services):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_dialog(qtbot, window, BriefingDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.banner_message() == REASON
    assert services.briefings.search() == []


def test_changes_on_the_briefing_page_are_refused_with_the_reason(qtbot, window, services, under_way):
    page = page_of(window, "BriefingPage")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_item("briefing", under_way.id)
    page.register.view.selectRow(0)
    qtbot.mouseClick(page.register.cancel_button, Qt.MouseButton.LeftButton)
    assert answer(qtbot, page.register, "Alex Able's booking was not cancelled", "OK") == REASON
    page.resources.add_row("KCSIE 2025", "https://www.gov.uk/kcsie")
    page.resources.save()
    assert page.resources.error.text() == REASON
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "Mark as taken place", "Mark as taken place")
    assert answer(qtbot, page, "Not completed", "OK") == REASON
    detail = services.briefings.get(under_way.id)
    assert (detail.resources, detail.row.status.value) == ((), "scheduled")
    assert [r.status.value for r in services.briefings.register(under_way.id)] == ["booked"]


def test_adding_a_recording_is_refused_with_the_reason(qtbot, window, services, under_way):
    page = page_of(window, "RecordingsPage")
    window.show_page(window.pages.index(page))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, page, RecordingDialog)
    choose(qtbot, dialog.briefing_chooser, "DSL")
    qtbot.keyClicks(dialog.url_edit, "https://stream.example.org/v/1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("") == REASON
    assert services.recordings.search() == []


def test_an_empty_database_opened_read_only_offers_no_first_run(window, read_only):
    from ui.dialogs.first_run import FirstRunOffer, database_is_empty, offer_first_run

    assert database_is_empty(read_only)
    offer = FirstRunOffer(load_demo=lambda progress: "Loaded the demo county")
    assert offer_first_run(window, read_only, offer, lambda message: None) is None
