from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from briefings.clock import london
from briefings.vocabulary import BriefingStatus, Delivery
from ui.dialogs.briefing_changes import CancelBriefingDialog, RescheduleDialog
from ui.dialogs.briefing_dialog import BriefingDialog
from ui.dialogs.series_dialog import SeriesDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, services, undo_stack, settled_pool):
    from ui.pages.briefings_page import BriefingsPage

    widget = BriefingsPage(services, undo_stack)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def load(qtbot, page):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()


def titles(page):
    return [row.title for row in page.model.rows()]


def open_new_dialog(qtbot, page) -> BriefingDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(BriefingDialog)
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def fill_online_briefing(qtbot, dialog: BriefingDialog, *, title: str, link: str) -> None:
    form = dialog.form
    qtbot.keyClicks(form.title, title)
    form.day.setDate(QDate(2025, 10, 15))
    form.starts.setTime(QTime(9, 30))
    form.ends.setTime(QTime(11, 0))
    form.delivery.setCurrentIndex(form.delivery.findData(Delivery.ONLINE))
    form.capacity.setValue(40)
    qtbot.keyClicks(form.join_url, link)


def test_new_briefing_through_the_dialog_appears_in_the_table_and_calendar(qtbot, page, services, undo_stack):
    load(qtbot, page)
    assert page.stack.is_empty_shown()
    assert "No briefings yet" in page.empty.text()
    dialog = open_new_dialog(qtbot, page)
    fill_online_briefing(qtbot, dialog, title="Prevent refresher", link="https://teams.microsoft.com/l/x")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert titles(page) == ["Prevent refresher"]
    assert page.selected_row().title == "Prevent refresher"
    stored = services.briefings.search()[0]
    assert (stored.starts_at, stored.ends_at) == (
        london(date(2025, 10, 15), time(9, 30)),
        london(date(2025, 10, 15), time(11, 0)),
    )
    assert stored.capacity == 40

    from ui.pages.calendar_page import CalendarPage

    calendar = CalendarPage(services, undo_stack)
    qtbot.addWidget(calendar)
    calendar.resize(900, 700)
    calendar.show()
    with qtbot.waitSignal(calendar.loaded, timeout=5000):
        calendar.refresh()
    chips = calendar.month.layout_chips()
    assert [chip.row.title for chip in chips] == ["Prevent refresher"]
    with qtbot.waitSignal(calendar.open_requested) as opened:
        qtbot.mouseDClick(calendar.month, Qt.MouseButton.LeftButton, pos=chips[0].rect.center())
    assert opened.args == ["briefing", stored.id]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda form: form.join_url.setText("http://teams.example/x"),
            "join_url",
            "must start with https://",
        ),
        (lambda form: form.capacity.setValue(0), "capacity", "at least 1"),
        (lambda form: form.ends.setTime(QTime(9, 0)), "ends_at", "end must be after the start"),
        (lambda form: form.title.clear(), "title", "title is required"),
        (
            lambda form: form.delivery.setCurrentIndex(form.delivery.findData(Delivery.IN_PERSON)),
            "venue_id",
            "need a venue",
        ),
    ],
)
def test_bad_input_is_shown_next_to_its_field_and_nothing_is_stored(
    qtbot, page, services, change, field, message
):
    load(qtbot, page)
    dialog = open_new_dialog(qtbot, page)
    fill_online_briefing(qtbot, dialog, title="Prevent refresher", link="https://teams.microsoft.com/l/x")
    change(dialog.form)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    shown = dialog.errors.message_for(field)
    assert message in shown
    assert dialog.errors.banner_message() == ""
    # Only the line under the field at fault speaks (start and end share one line).
    assert {dialog.errors.message_for(f) for f in dialog.errors.fields()} == {"", shown}
    assert services.briefings.search() == []


def test_search_and_filters_narrow_the_table_as_you_type(qtbot, page, make_briefing, topic_id):
    make_briefing(title="DSL update: autumn")
    make_briefing(title="Prevent: radicalisation", topic_id=topic_id("prevent"), notes="Channel panel")
    load(qtbot, page)
    assert sorted(titles(page)) == ["DSL update: autumn", "Prevent: radicalisation"]
    qtbot.keyClicks(page.search, "channel")
    assert titles(page) == ["Prevent: radicalisation"]
    assert page.count.text() == "1 briefing of 2"
    page.search.clear()
    page.topic.setCurrentIndex(page.topic.findData(topic_id("dsl_update")))
    assert titles(page) == ["DSL update: autumn"]
    page.when.setCurrentIndex(page.when.findData("past"))
    assert titles(page) == []
    assert "No briefing matches" in page.empty.text()


def test_cancel_asks_for_a_reason_and_undo_reinstates(qtbot, page, services, undo_stack, make_briefing):
    briefing = make_briefing(title="DSL update")
    load(qtbot, page)
    page.select_briefing(briefing.id)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(CancelBriefingDialog)
    qtbot.keyClicks(dialog.reason, "Presenter unwell")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert services.briefings.row(briefing.id).status is BriefingStatus.CANCELLED
    assert services.briefings.get(briefing.id).cancel_reason == "Presenter unwell"
    assert page.selected_row().status is BriefingStatus.CANCELLED
    assert not page.cancel_button.isEnabled()
    assert undo_stack.undoText() == "Cancel “DSL update”"
    with qtbot.waitSignal(undo_stack.applied) as applied:
        undo_stack.undo()
    assert applied.args == ["Undone: Cancel “DSL update”"]
    assert services.briefings.row(briefing.id).status is BriefingStatus.SCHEDULED
    undo_stack.redo()
    assert services.briefings.row(briefing.id).status is BriefingStatus.CANCELLED


def test_reschedule_then_undo_moves_it_back(qtbot, page, services, undo_stack, make_briefing):
    briefing = make_briefing()
    load(qtbot, page)
    page.select_briefing(briefing.id)
    qtbot.mouseClick(page.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RescheduleDialog)
    dialog.day.setDate(QDate(2025, 10, 22))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert services.briefings.row(briefing.id).starts_at == london(date(2025, 10, 22), time(9, 30))
    undo_stack.undo()
    assert services.briefings.row(briefing.id).starts_at == briefing.starts_at


def test_refused_undo_is_reported_and_dropped(
    qtbot, page, services, undo_stack, make_briefing, make_person, clock
):
    briefing = make_briefing(title="DSL update")
    load(qtbot, page)
    page.select_briefing(briefing.id)
    page.editor.cancel(page.selected_row())
    dialog = page.findChild(CancelBriefingDialog)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    services.briefings.reinstate(briefing.id)  # someone else got there first
    with qtbot.waitSignal(undo_stack.refused) as refused:
        undo_stack.undo()
    assert "is not cancelled" in refused.args[0]
    assert undo_stack.count() == 0


def test_new_series_offers_the_half_term_pattern(qtbot, page, services):
    load(qtbot, page)
    qtbot.mouseClick(page.series_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(SeriesDialog)
    qtbot.keyClicks(dialog.name, "DSL updates 2025/26")
    form = dialog.template
    qtbot.keyClicks(form.title, "DSL termly update")
    form.delivery.setCurrentIndex(form.delivery.findData(Delivery.ONLINE))
    qtbot.keyClicks(form.join_url, "https://teams.microsoft.com/l/series")
    dialog.weekday.setCurrentIndex(2)
    dialog.fill_half_terms()
    # 1 Oct 2025: Autumn 1's second Wednesday (10 Sep) is past, so five dates remain.
    assert [d.isoformat() for d in dialog.chosen_dates()] == [
        "2025-11-12",
        "2026-01-14",
        "2026-03-04",
        "2026-04-22",
        "2026-06-10",
    ]
    assert "1 date already past left out" in dialog.count.text()
    dialog.dates.setCurrentRow(0)
    dialog.day.setDate(QDate(2025, 11, 19))
    dialog.change_date()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    rows = sorted(services.briefings.search(), key=lambda r: r.starts_at)
    assert [r.starts_at.date().isoformat() for r in rows][:2] == ["2025-11-19", "2026-01-14"]
    assert {r.series_name for r in rows} == {"DSL updates 2025/26"}
