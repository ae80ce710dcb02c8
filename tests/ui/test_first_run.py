from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefings.errors import OperationCancelled
from ui.dialogs.first_run import FirstRunDialog, FirstRunOffer, database_is_empty

pytestmark = pytest.mark.gui


@pytest.fixture
def make_window(qtbot, services, ui_settings, settled_pool):
    from ui.app_info import AppInfo
    from ui.main_window import MainWindow
    from ui.pages.catalogue import PAGES

    def make(offer):
        window = MainWindow(
            services, AppInfo("1", "empty.sqlite3"), PAGES, settings=ui_settings, first_run=offer
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def test_empty_database_offers_the_demo_and_loads_it_off_the_ui_thread(
    qtbot, make_window, services, make_setting
):
    calls = []

    def load_demo(progress):
        calls.append(progress(0, 2))
        make_setting(name="Demo Primary School")
        progress(2, 2)
        return "Loaded the demo county: 1 setting"

    window = make_window(FirstRunOffer(load_demo=load_demo))
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is not None, timeout=5000)
    dialog = window.findChild(FirstRunDialog)
    assert dialog.import_button is None  # no importer offered, so no choice shown
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Loaded the demo county: 1 setting", timeout=5000
    )
    assert calls == [True]
    assert not database_is_empty(services)


def test_a_cancelled_demo_load_says_so(qtbot, make_window):
    def load_demo(progress):
        raise OperationCancelled

    window = make_window(FirstRunOffer(load_demo=load_demo))
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is not None, timeout=5000)
    window.findChild(FirstRunDialog).load_demo()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Stopped loading the demo county", timeout=5000
    )


def test_import_choice_hands_over_to_the_importer(qtbot, make_window):
    opened = []
    window = make_window(FirstRunOffer(import_settings=opened.append))
    qtbot.waitUntil(lambda: window.findChild(FirstRunDialog) is not None, timeout=5000)
    dialog = window.findChild(FirstRunDialog)
    assert dialog.demo_button is None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert opened == [window]


def test_nothing_is_offered_once_the_database_holds_data(qtbot, make_window, make_briefing):
    make_briefing()
    window = make_window(FirstRunOffer(load_demo=lambda progress: "x"))
    qtbot.wait(50)  # the offer is made on the next turn of the event loop
    assert window.findChild(FirstRunDialog) is None


def test_nothing_to_offer_means_no_dialog(qtbot, make_window):
    window = make_window(FirstRunOffer())
    qtbot.wait(50)
    assert window.findChild(FirstRunDialog) is None
