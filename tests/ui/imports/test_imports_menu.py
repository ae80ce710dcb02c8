from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from briefings.queries.directory import SettingFilter
from tests.ui.conftest import page_of
from tests.ui.imports.conftest import GIAS, choose_file, click_and_settle
from tests.ui.page_driving import OFFSCREEN_LIMITS, shown_dialog
from ui.dialogs.first_run import FirstRunDialog, FirstRunOffer
from ui.dialogs.imports.attendance_import import AttendanceImportDialog
from ui.dialogs.imports.settings_import import SettingsImportDialog, open_settings_import
from ui.dialogs.imports.staff_import import StaffImportDialog
from ui.menus.imports_menu import ImportMenu

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


def _press(qtbot, window, keys: str) -> None:
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())


def test_file_import_lists_the_three_imports_with_their_shortcuts(window):
    file_menu = window.menuBar().actions()[0].menu()
    titles = [a.text() for a in file_menu.actions()]
    assert titles.index("&Import") < titles.index("&Export")
    menu = window.findChild(ImportMenu)
    assert [(a.text(), a.shortcut().toString()) for a in menu.actions()] == [
        ("&Settings from GIAS…", ""),
        ("S&taff list…", "Ctrl+Shift+I"),
        ("&Attendance report…", "Ctrl+I"),
    ]


def test_ctrl_shift_i_opens_the_staff_import_once(qtbot, window):
    _press(qtbot, window, "Ctrl+Shift+I")
    dialog = shown_dialog(qtbot, window, StaffImportDialog)
    _press(qtbot, window, "Ctrl+Shift+I")
    assert [d for d in window.findChildren(StaffImportDialog) if d.isVisible()] == [dialog]


def test_ctrl_i_offers_the_briefing_open_on_the_briefing_page(qtbot, window, make_briefing):
    briefing = make_briefing(title="Prevent update")
    window.open_item("briefing", briefing.id)
    page = page_of(window, "BriefingPage")
    qtbot.waitUntil(lambda: page.row is not None, timeout=5000)
    _press(qtbot, window, "Ctrl+I")
    dialog = shown_dialog(qtbot, window, AttendanceImportDialog)
    assert dialog.briefing.choice.id == briefing.id
    assert dialog.briefing.text() == "Prevent update"


def test_a_settings_import_from_the_menu_reports_in_the_status_bar(qtbot, window, services):
    window.findChild(ImportMenu).settings_action.trigger()
    dialog = shown_dialog(qtbot, window, SettingsImportDialog)
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    with qtbot.waitSignal(dialog.imported, timeout=15_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage().startswith("Imported settings: 9 added")
    assert services.directory.count_settings(SettingFilter(openness="all")) == 9


def test_the_first_run_offer_opens_the_settings_import(qtbot, services, ui_settings, settled_pool):
    from ui.app_info import AppInfo
    from ui.main_window import MainWindow
    from ui.pages.catalogue import PAGES

    offer = FirstRunOffer(import_settings=lambda parent: open_settings_import(parent, services))
    window = MainWindow(services, AppInfo("1", "empty.sqlite3"), PAGES, settings=ui_settings, first_run=offer)
    qtbot.addWidget(window)
    window.show()
    welcome = shown_dialog(qtbot, window, FirstRunDialog)
    qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, window, SettingsImportDialog)
    assert dialog.step() == "file"
