from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from briefings.clock import london
from ui.dialogs.briefing_dialog import BriefingDialog
from ui.dialogs.briefing_form import py_date

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, services, undo_stack, settled_pool):
    from ui.pages.calendar_page import CalendarPage

    widget = CalendarPage(services, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def load(qtbot, page, action=None):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        (action or page.refresh)()


def on(day: date, hour: int = 9):
    return {"starts_at": london(day, time(hour, 30)), "ends_at": london(day, time(hour + 2, 0))}


def test_month_shows_this_months_briefings_coloured_by_topic(qtbot, page, make_briefing, topic_id):
    make_briefing(title="Prevent", topic_id=topic_id("prevent"), **on(date(2025, 10, 15)))
    make_briefing(title="Next month", **on(date(2025, 11, 12)))
    load(qtbot, page)
    assert page.heading.text() == "October 2025"
    chips = page.month.layout_chips()
    assert [(c.row.title, c.row.topic_colour) for c in chips] == [("Prevent", "#5f3dc4")]
    load(qtbot, page, lambda: page.step(1))
    assert page.heading.text() == "November 2025"
    assert [c.row.title for c in page.month.layout_chips()] == ["Next month"]


def test_week_view_places_a_briefing_by_its_time(qtbot, page, make_briefing):
    make_briefing(title="Early", **on(date(2025, 10, 8), 9))
    make_briefing(title="Late", **on(date(2025, 10, 8), 15))
    load(qtbot, page)
    load(qtbot, page, lambda: qtbot.mouseClick(page.week_button, Qt.MouseButton.LeftButton))
    assert page.heading.text() == "29 Sep 2025 – 5 Oct 2025"  # today, 1 Oct, is in this week
    load(qtbot, page, lambda: page.step(1))
    chips = {c.row.title: c.rect for c in page.week.layout_chips()}
    assert chips["Early"].top() < chips["Late"].top()
    assert chips["Early"].left() == chips["Late"].left()  # same day, not overlapping


def test_double_clicking_an_empty_day_offers_a_new_briefing_that_day(qtbot, page):
    load(qtbot, page)
    target = page.month.cell_rect(date(2025, 10, 23).toordinal() - page.month.first_day().toordinal())
    qtbot.mouseDClick(page.month, Qt.MouseButton.LeftButton, pos=target.center())
    dialog = page.findChild(BriefingDialog)
    assert py_date(dialog.form.day.date()) == date(2025, 10, 23)


def test_keyboard_moves_the_selected_day_and_enter_opens_its_briefing(qtbot, page, make_briefing):
    briefing = make_briefing(**on(date(2025, 10, 2)))
    load(qtbot, page)
    page.month.setFocus()
    assert page.month.selected == date(2025, 10, 1)
    qtbot.keyClick(page.month, Qt.Key.Key_Right)
    assert page.month.selected == date(2025, 10, 2)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.month, Qt.Key.Key_Return)
    assert opened.args == ["briefing", briefing.id]
    load(qtbot, page, lambda: page.show_day(date(2025, 11, 3)))
    assert page.heading.text() == "November 2025"
    assert page.month.selected == date(2025, 11, 3)
