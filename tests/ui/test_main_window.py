from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import page_of

pytestmark = pytest.mark.gui


def press(qtbot, window, keys: str) -> None:
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())


def test_title_names_the_database_and_every_page_is_listed(window):
    assert window.windowTitle() == "Briefing Desk — county.sqlite3"
    titles = [window.navigation.item(n).text() for n in range(window.navigation.count())]
    assert titles == [
        "Dashboard",
        "Briefings",
        "Briefing",
        "Calendar",
        "Schools and settings",
        "People",
        "Licences",
        "Recordings",
        "Audit log",
    ]
    assert window.current_page().title == "Dashboard"


def test_ctrl_number_shows_a_page_and_alt_left_goes_back(qtbot, window):
    press(qtbot, window, "Ctrl+4")
    assert window.current_page().title == "Calendar"
    assert window.navigation.currentRow() == 3
    press(qtbot, window, "Ctrl+2")
    assert window.current_page().title == "Briefings"
    press(qtbot, window, "Alt+Left")
    assert window.current_page().title == "Calendar"


def test_ctrl_n_opens_new_briefing_and_ctrl_f_focuses_search(qtbot, window):
    from ui.dialogs.briefing_dialog import BriefingDialog

    briefings = page_of(window, "BriefingsPage")
    press(qtbot, window, "Ctrl+F")
    assert "has no search box" in window.statusBar().currentMessage()
    press(qtbot, window, "Ctrl+N")
    assert window.current_page() is briefings
    dialog = briefings.findChild(BriefingDialog)
    assert dialog.isVisible()
    dialog.reject()
    press(qtbot, window, "Ctrl+F")
    assert briefings.search.hasFocus()


def test_open_requests_go_to_the_page_that_shows_that_kind(qtbot, window, make_briefing):
    briefing = make_briefing(title="Prevent update")
    briefing_page = page_of(window, "BriefingPage")
    with qtbot.waitSignal(briefing_page.loaded, timeout=5000):
        page_of(window, "DashboardPage").open_requested.emit("briefing", briefing.id)
    assert window.current_page() is briefing_page
    assert briefing_page.heading.text() == "Prevent update"
    window.open_item("certificate", 3)
    assert window.statusBar().currentMessage() == "No page in this version shows a certificate"
    window.open_item("pool", 3)
    assert window.current_page() is page_of(window, "LicencesPage")
    assert window.statusBar().currentMessage() == "Licence pool 3 no longer exists."


def test_page_messages_reach_the_status_bar(window):
    page_of(window, "CalendarPage").status_message.emit("Booked 12 people")
    assert window.statusBar().currentMessage() == "Booked 12 people"


def test_window_layout_and_last_page_are_remembered(qtbot, services, ui_settings, window):
    from ui.app_info import AppInfo
    from ui.main_window import MainWindow
    from ui.pages.catalogue import PAGES

    window.show_page(3)
    window.resize(780, 520)  # the offscreen screen is 800 x 600; the minimum width may win
    remembered = (window.width(), window.height())
    assert remembered[1] == 520
    window.close()
    again = MainWindow(services, AppInfo("9.9.9", "county.sqlite3"), PAGES, settings=ui_settings)
    qtbot.addWidget(again)
    assert again.current_page().title == "Calendar"
    assert again.height() == remembered[1]
    # The offscreen screen is narrower than the window's minimum; a restore is kept on screen.
    screen_width = again.screen().availableGeometry().width()
    assert min(remembered[0], screen_width) - 4 <= again.width() <= max(remembered[0], screen_width)


def test_about_names_the_version_and_database(window):
    box = window.show_about()
    assert "9.9.9" in box.text()
    assert "county.sqlite3" in box.text()
    box.close()


def test_shortcut_list_shows_every_shortcut(window):
    box = window.show_shortcuts()
    text = box.text()
    for expected in ("Ctrl+N", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+F", "F5", "Ctrl+1", "Ctrl+4"):
        assert expected in text
    box.close()


def test_undo_menu_item_undoes_the_last_change(qtbot, window, services, make_briefing):
    briefing = make_briefing(title="DSL update")
    briefings = page_of(window, "BriefingsPage")
    window.show_page(window.pages.index(briefings))
    qtbot.waitUntil(lambda: briefings.model.rowCount() == 1, timeout=5000)
    briefings.select_briefing(briefing.id)
    dialog = briefings.editor.cancel(briefings.selected_row())
    with qtbot.waitSignal(briefings.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    briefings.table.setFocus()  # a text box would take Ctrl+Z for its own typing
    window.activateWindow()  # the closed dialog took the activation with it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    with qtbot.waitSignal(briefings.loaded, timeout=5000):
        press(qtbot, window, "Ctrl+Z")
    assert services.briefings.row(briefing.id).status.value == "scheduled"
    assert window.statusBar().currentMessage() == "Undone: Cancel “DSL update”"
    assert briefings.selected_row().status.value == "scheduled"


def test_a_pages_own_ctrl_n_wins_over_new_briefing(qtbot, window):
    from ui.dialogs.person_dialog import PersonDialog

    people = page_of(window, "PeoplePage")
    window.show_page(window.pages.index(people))
    window.show()
    people.table.setFocus()
    press(qtbot, people.table, "Ctrl+N")
    dialog = people.findChild(PersonDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    briefings = page_of(window, "BriefingsPage")
    window.show_page(window.pages.index(briefings))
    press(qtbot, window, "Ctrl+N")
    from ui.dialogs.briefing_dialog import BriefingDialog

    assert briefings.findChild(BriefingDialog).isVisible()
