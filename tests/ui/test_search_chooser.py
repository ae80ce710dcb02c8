from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import Qt, QThreadPool
from shiboken6 import isValid

from briefings.errors import ValidationError
from tests.ui.page_driving import OFFSCREEN_LIMITS, choose
from ui import background_load
from ui.widgets.search_chooser import Choice, SearchChooser, chosen_or_refuse

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]
SCHOOLS = [Choice(1, "Oak Primary", "URN 960001"), Choice(2, "Oakwood High", "URN 960002")]


def search(text):
    return [c for c in SCHOOLS if text.lower() in c.label.lower()]


def test_typing_searches_and_the_pick_is_remembered_until_edited(qtbot):
    chooser = SearchChooser(search, "Setting")
    qtbot.addWidget(chooser)
    chooser.show()
    with qtbot.waitSignal(chooser.chosen, timeout=5000) as picked:
        choose(qtbot, chooser, "oakw")
    assert picked.args == [SCHOOLS[1]]
    assert chooser.text() == "Oakwood High"
    assert chosen_or_refuse(chooser, "setting_id") == SCHOOLS[1]

    with qtbot.waitSignal(chooser.chosen, timeout=2000) as dropped:
        qtbot.keyClick(chooser, Qt.Key.Key_Backspace)
    assert dropped.args == [None]
    with pytest.raises(ValidationError, match="Pick “Oakwood Hig” from the list") as refused:
        chosen_or_refuse(chooser, "setting_id")
    assert refused.value.field == "setting_id"
    qtbot.waitUntil(lambda: not chooser.load.busy, timeout=5000)


def test_nothing_typed_is_no_choice_rather_than_a_refusal(qtbot):
    chooser = SearchChooser(search, "Setting")
    qtbot.addWidget(chooser)
    assert chosen_or_refuse(chooser, "setting_id") is None


def test_closing_a_chooser_mid_search_is_safe(qtbot):
    release = threading.Event()

    def slow(text):
        release.wait(5)
        return search(text)

    held = [SearchChooser(slow, "Setting")]
    held[0].show()
    qtbot.keyClicks(held[0], "oak")
    qtbot.waitUntil(lambda: held[0].load.busy, timeout=5000)
    held[0].deleteLater()
    qtbot.waitUntil(lambda: not isValid(held[0]), timeout=2000)
    held.clear()
    gc.collect()
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: not background_load._RUNNING, timeout=5000)
