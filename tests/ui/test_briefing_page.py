from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from briefings.recordings import RecordingFields
from briefings.vocabulary import Attendance, BookingStatus, Phase, Role
from ui.dialogs.audience_dialog import AudienceDialog
from ui.dialogs.people_picker import PeoplePickerDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, services, undo_stack, settled_pool):
    from ui.pages.briefing_page import BriefingPage

    widget = BriefingPage(services, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def open_briefing(qtbot, page, briefing_id):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        assert page.open_item("briefing", briefing_id)


def after(qtbot, page, action):
    with qtbot.waitSignal(page.loaded, timeout=5000):
        action()


def select(page, *numbers):
    view = page.register.view
    view.clearSelection()
    for row in numbers:
        view.selectionModel().select(
            page.register.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    view.setCurrentIndex(page.register.model.index(numbers[0], 0))


def statuses(page):
    return [(r.person_name, r.status, r.position) for r in page.register.model.rows()]


def test_nothing_open_says_where_to_open_a_briefing(page):
    assert page.stack.is_empty_shown()
    assert "Open one from Briefings" in page.empty.text()
    assert not page.open_item("setting", 1)


def test_booking_people_by_search_until_the_waiting_list_takes_over(
    qtbot, page, services, make_briefing, make_person
):
    briefing = make_briefing(capacity=2)
    people = [make_person(first_name="Dana", last_name=f"Lee{n}") for n in range(3)]
    make_person(first_name="Sam", last_name="Lee")
    open_briefing(qtbot, page, briefing.id)
    assert "Nobody is registered yet" in page.register.empty.text()
    qtbot.mouseClick(page.register.add_button, Qt.MouseButton.LeftButton)
    picker = page.register.findChild(PeoplePickerDialog)
    qtbot.keyClicks(picker.search, "dana")
    # The search runs after a pause in typing, off the UI thread; Sam is not a Dana.
    qtbot.waitUntil(lambda: picker.results.count() == 3, timeout=5000)
    assert "Sam" not in " ".join(picker.results.item(n).text() for n in range(3))
    for row in range(3):
        picker.results.item(row).setCheckState(Qt.CheckState.Checked)
    assert picker.ok_button.text() == "Book (3)"
    with qtbot.waitSignal(page.loaded, timeout=5000), qtbot.waitSignal(page.status_message) as said:
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert said.args == ["2 booked, 1 on the waiting list"]
    assert statuses(page) == [
        (people[0].full_name, BookingStatus.BOOKED, None),
        (people[1].full_name, BookingStatus.BOOKED, None),
        (people[2].full_name, BookingStatus.WAITLISTED, 1),
    ]
    assert page.summary.text().endswith("Online · 2 of 2 places booked (full), 1 waiting")


def test_cancelling_a_booking_promotes_the_first_waiting_and_undo_restores(
    qtbot, page, services, undo_stack, make_briefing, make_person
):
    briefing = make_briefing(capacity=1)
    first, second = make_person(last_name="Able"), make_person(last_name="Baker")
    services.bookings.book(briefing.id, first.id)
    services.bookings.book(briefing.id, second.id)
    open_briefing(qtbot, page, briefing.id)
    select(page, 0)
    with qtbot.waitSignal(page.status_message) as said:
        after(qtbot, page, lambda: qtbot.mouseClick(page.register.cancel_button, Qt.MouseButton.LeftButton))
    assert said.args == [f"Cancelled 1 booking; {second.full_name} moved up from the waiting list"]
    register = {r.person_id: r.status for r in services.briefings.register(briefing.id)}
    assert register == {first.id: BookingStatus.CANCELLED, second.id: BookingStatus.BOOKED}
    undo_stack.undo()
    register = {r.person_id: r.status for r in services.briefings.register(briefing.id)}
    assert register == {first.id: BookingStatus.BOOKED, second.id: BookingStatus.BOOKED}


@pytest.fixture
def started(services, make_briefing, make_person, clock):
    """A briefing with three people booked, now under way."""
    briefing = make_briefing(capacity=5)
    for name in ("Able", "Baker", "Cole"):
        services.bookings.book(briefing.id, make_person(last_name=name).id)
    clock.advance(timedelta(days=7, hours=1))
    return briefing


def marks(services, briefing_id):
    return [(r.attendance, r.minutes_attended) for r in services.briefings.register(briefing_id)]


def test_marking_attendance_by_keyboard_runs_down_the_register(qtbot, page, services, undo_stack, started):
    open_briefing(qtbot, page, started.id)
    view = page.register.view
    view.setFocus()
    select(page, 0)
    after(qtbot, page, lambda: qtbot.keyClick(view, Qt.Key.Key_P))
    after(qtbot, page, lambda: qtbot.keyClick(view, Qt.Key.Key_L))
    assert marks(services, started.id) == [(Attendance.PRESENT, 120), (Attendance.LATE, None), (None, None)]
    assert [r.person_name for r in page.register.selected_rows()] == [
        page.register.model.row_at(2).person_name
    ]
    undo_stack.undo()
    assert marks(services, started.id)[1] == (None, None)
    undo_stack.undo()
    assert marks(services, started.id) == [(None, None)] * 3


def test_minutes_typed_in_the_register_are_recorded(qtbot, page, services, started):
    open_briefing(qtbot, page, started.id)
    model = page.register.model
    after(qtbot, page, lambda: model.setData(model.index(0, 6), 75))
    assert marks(services, started.id)[0] == (Attendance.PRESENT, 75)


def test_a_refused_mark_changes_nothing(qtbot, page, services, make_briefing, make_person):
    briefing = make_briefing()
    services.bookings.book(briefing.id, make_person().id)
    open_briefing(qtbot, page, briefing.id)
    select(page, 0)
    page.register.view.setFocus()
    qtbot.keyClick(page.register.view, Qt.Key.Key_P)  # before it starts: only apologies allowed
    box = page.register.findChild(QMessageBox)
    assert "has not started yet" in box.text()
    assert marks(services, briefing.id) == [(None, None)]


def test_sign_in_sheet_numbers_mark_present_and_bad_numbers_are_explained(
    qtbot, page, services, undo_stack, started
):
    open_briefing(qtbot, page, started.id)
    qtbot.keyClicks(page.register.numbers, "1, x")
    qtbot.mouseClick(page.register.numbers_button, Qt.MouseButton.LeftButton)
    assert "“x” is not a row number" in page.register.numbers_error.text()
    assert marks(services, started.id) == [(None, None)] * 3
    page.register.numbers.clear()
    qtbot.keyClicks(page.register.numbers, "1 3")
    page.register.others_absent.setChecked(True)
    after(qtbot, page, lambda: qtbot.keyClick(page.register.numbers, Qt.Key.Key_Return))
    assert [m for m, _ in marks(services, started.id)] == [
        Attendance.PRESENT,
        Attendance.ABSENT,
        Attendance.PRESENT,
    ]
    assert page.register.numbers.text() == ""
    undo_stack.undo()
    assert marks(services, started.id) == [(None, None)] * 3


def test_all_booked_present_in_one_step_and_undone_in_one(qtbot, page, services, undo_stack, started):
    services.bookings.mark(services.briefings.register(started.id)[1].registration_id, Attendance.APOLOGIES)
    open_briefing(qtbot, page, started.id)
    with qtbot.waitSignal(page.status_message) as said:
        after(
            qtbot, page, lambda: qtbot.mouseClick(page.register.all_present_button, Qt.MouseButton.LeftButton)
        )
    assert said.args == ["Marked all booked present (2 people)"]
    assert [m for m, _ in marks(services, started.id)] == [
        Attendance.PRESENT,
        Attendance.APOLOGIES,
        Attendance.PRESENT,
    ]
    undo_stack.undo()
    assert [m for m, _ in marks(services, started.id)] == [None, Attendance.APOLOGIES, None]


def test_a_whole_audience_is_booked_at_once(qtbot, page, services, make_briefing, make_setting, make_person):
    north = make_setting(district="North", phase=Phase.PRIMARY)
    south = make_setting(district="South", phase=Phase.PRIMARY)
    north_secondary = make_setting(district="North", phase=Phase.SECONDARY)
    wanted = [make_person(role=role, setting_id=north.id) for role in (Role.DSL, Role.DEPUTY_DSL)]
    make_person(role=Role.HEADTEACHER, setting_id=north.id)
    make_person(role=Role.DSL, setting_id=south.id)
    make_person(role=Role.DSL, setting_id=north_secondary.id)
    briefing = make_briefing(capacity=30)
    open_briefing(qtbot, page, briefing.id)
    qtbot.mouseClick(page.register.audience_button, Qt.MouseButton.LeftButton)
    dialog = page.register.findChild(AudienceDialog)
    assert set(dialog.roles.checked()) == {Role.DSL, Role.DEPUTY_DSL}
    with qtbot.waitSignal(dialog.found, timeout=5000):
        dialog.phases.set_checked([Phase.PRIMARY])
    with qtbot.waitSignal(dialog.found, timeout=5000):
        dialog.districts.set_checked(["North"])
    assert dialog.ok_button.text() == "Book 2 people"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert {r.person_id for r in services.briefings.register(briefing.id)} == {p.id for p in wanted}


def test_recording_passcode_stays_hidden_and_links_open_only_when_asked(
    qtbot, page, services, make_briefing, monkeypatch
):
    briefing = make_briefing()
    services.recordings.attach(
        briefing.id, RecordingFields("https://stream.example.org/v/1", passcode="s3cret")
    )
    opened = []
    monkeypatch.setattr("ui.link_opening.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    open_briefing(qtbot, page, briefing.id)
    panel = page.recordings
    assert panel.tree.topLevelItem(0).text(0) == "stream.example.org"
    assert panel.tree.topLevelItem(0).text(2) == "••••••"
    qtbot.mouseClick(panel.passcode_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItem(0).text(2) == "s3cret"
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "https://stream.example.org/v/1"
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    box = panel.findChild(QMessageBox)
    assert "stream.example.org" in box.text()
    assert opened == []
    open_button = next(b for b in box.buttons() if b.text() == "Open in browser")
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in opened] == ["https://stream.example.org/v/1"]


def test_resources_refuse_a_non_https_link_and_keep_what_was_typed(qtbot, page, services, make_briefing):
    briefing = make_briefing()
    open_briefing(qtbot, page, briefing.id)
    panel = page.resources
    panel.add_row("KCSIE 2025", "http://www.gov.uk/kcsie")
    panel.save()
    assert "must start with https://" in panel.error.text()
    assert services.briefings.get(briefing.id).resources == ()
    assert panel.table.rowCount() == 1
    panel.table.item(0, 1).setText("https://www.gov.uk/kcsie")
    after(qtbot, page, panel.save)
    assert [r.url for r in services.briefings.get(briefing.id).resources] == ["https://www.gov.uk/kcsie"]


def test_export_menu_lists_registered_exporters_for_this_briefing(qtbot, page, make_briefing, monkeypatch):
    from exports.registry import ExportSpec

    spec = ExportSpec(
        "register-pdf", "Sign-in register (PDF)", lambda parser: None, lambda args, services: None
    )
    monkeypatch.setattr("ui.export_menu.specs", lambda: [spec])
    briefing = make_briefing()
    open_briefing(qtbot, page, briefing.id)
    page.export_menu.rebuild()
    (action,) = page.export_menu.actions()
    assert action.text() == "Sign-in register (PDF)"
    with qtbot.waitSignal(page.export_requested) as chosen:
        action.trigger()
    assert chosen.args == ["register-pdf", briefing.id]


def test_edit_saves_and_undo_puts_the_old_details_back(qtbot, page, services, undo_stack, make_briefing):
    from ui.dialogs.briefing_dialog import BriefingDialog

    briefing = make_briefing(title="DSL update", capacity=30)
    open_briefing(qtbot, page, briefing.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(BriefingDialog)
    dialog.form.title.setText("DSL update: KCSIE 2025")
    dialog.form.capacity.setValue(45)
    after(qtbot, page, lambda: qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton))
    assert page.heading.text() == "DSL update: KCSIE 2025"
    assert services.briefings.row(briefing.id).capacity == 45
    undo_stack.undo()
    row = services.briefings.row(briefing.id)
    assert (row.title, row.capacity) == ("DSL update", 30)


def test_duplicate_opens_the_copy_a_week_later(qtbot, page, services, make_briefing):
    from ui.dialogs.briefing_dialog import BriefingDialog

    briefing = make_briefing(title="Prevent awareness")
    open_briefing(qtbot, page, briefing.id)
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(BriefingDialog)
    assert dialog.windowTitle() == "Duplicate “Prevent awareness”"
    after(qtbot, page, lambda: qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton))
    copy = page.row
    assert copy.id != briefing.id
    assert copy.title == "Prevent awareness"
    assert copy.starts_at - briefing.starts_at == timedelta(days=7)


def test_marking_taken_place_asks_first(qtbot, page, services, make_briefing, clock):
    briefing = make_briefing()
    clock.advance(timedelta(days=7, hours=3))
    open_briefing(qtbot, page, briefing.id)
    assert page.complete_button.isEnabled()
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox)
    assert "can no longer be edited" in box.text()
    confirm = next(b for b in box.buttons() if b.text() == "Mark as taken place")
    after(qtbot, page, lambda: qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton))
    assert services.briefings.row(briefing.id).status.value == "completed"
    assert page.summary.text().startswith("Completed · ")
    assert not page.edit_button.isEnabled()


def test_a_walk_in_is_added_past_capacity(qtbot, page, services, make_briefing, make_person, clock):
    briefing = make_briefing(capacity=1)
    services.bookings.book(briefing.id, make_person().id)
    latecomer = make_person(first_name="Wally", last_name="Walker")
    clock.advance(timedelta(days=7, hours=1))
    open_briefing(qtbot, page, briefing.id)
    assert not page.register.add_button.isEnabled()  # once started, latecomers are walk-ins
    qtbot.mouseClick(page.register.walk_in_button, Qt.MouseButton.LeftButton)
    picker = page.register.findChild(PeoplePickerDialog)
    qtbot.keyClicks(picker.search, "wally")
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=5000)
    picker.results.item(0).setCheckState(Qt.CheckState.Checked)
    after(qtbot, page, lambda: qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton))
    walk_in = next(r for r in page.register.model.rows() if r.person_id == latecomer.id)
    assert (walk_in.status, walk_in.walk_in, walk_in.number) == (BookingStatus.BOOKED, True, 2)
