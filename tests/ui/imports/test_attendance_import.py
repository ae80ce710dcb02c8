from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefings.vocabulary import Attendance, ImportRowStatus
from tests.ui.imports.conftest import TEAMS, choose_file, click_and_settle
from tests.ui.page_driving import OFFSCREEN_LIMITS, choose, click_row, replace_text, shown_dialog
from ui.dialogs.choices import briefing_choice
from ui.dialogs.imports.attendance_import import AttendanceImportDialog
from ui.dialogs.imports.person_choice import ChoosePersonDialog, WalkInDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]

PHONE = "+44 7700 900123"


@pytest.fixture
def dialog(qtbot, services, small_county, settled_pool):
    shown = AttendanceImportDialog(services, briefing_choice(small_county))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _reviewing(qtbot, dialog, path=TEAMS):
    choose_file(qtbot, dialog, path)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "review", dialog.message.text


def _select(qtbot, dialog, name):
    row = dialog.panel.model.find(lambda r: r.name == name)
    assert row >= 0, f"{name} is not listed"
    click_row(qtbot, dialog.panel.table, row)


def _decision(dialog, name):
    model = dialog.panel.model
    return model.index(model.find(lambda r: r.name == name), 4).data()


def _record(qtbot, dialog):
    with qtbot.waitSignal(dialog.imported, timeout=15_000) as imported:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    return imported.args[0]


def _register(services, briefing):
    return {r.person_name: r for r in services.briefings.register(briefing.id)}


def test_the_review_lists_every_participant_with_its_proposal_and_mark(qtbot, dialog):
    _reviewing(qtbot, dialog)
    assert "DSL update" in dialog.heading.text()
    assert dialog.min_minutes.value() == 90  # 75% of two hours
    assert dialog.late_after.value() == 10
    counts = dialog.counts.counts()
    assert (counts["booked"], counts["known, not booked"], counts["no match"], counts["not attendees"]) == (
        2,
        1,
        1,
        2,
    )
    model = dialog.panel.model
    shown = {
        model.index(n, 1).data(): (
            model.index(n, 2).data(),  # proposal
            model.index(n, 3).data(),  # person
            model.index(n, 5).data(),  # mark
        )
        for n in range(model.rowCount())
    }
    assert shown["Smith, Jane"] == ("Booked", "Jane Smith", "Present")
    assert shown["Cara White (Guest)"] == ("Walk-in", "Cara White", "Late")
    assert shown[PHONE] == ("No match", "", "Left early")
    assert shown["Otter.ai (Guest)"][0] == "Not an attendee"
    assert _decision(dialog, "Smith, Jane") == "Record Jane Smith"
    assert _decision(dialog, "Cara White (Guest)") == "Leave for review"
    assert _decision(dialog, "Otter.ai (Guest)") == "Set aside"
    assert dialog.tally.text() == "To record: 2 · left for review: 2 · set aside: 2"


def test_accept_all_matched_and_a_walk_in_added_as_a_new_person_are_recorded(
    qtbot, dialog, services, small_county
):
    _reviewing(qtbot, dialog)
    qtbot.mouseClick(dialog.panel.accept_all_button, Qt.MouseButton.LeftButton)
    assert _decision(dialog, "Cara White (Guest)") == "Record Cara White"
    _select(qtbot, dialog, PHONE)
    qtbot.mouseClick(dialog.panel.new_button, Qt.MouseButton.LeftButton)
    walk_in = shown_dialog(qtbot, dialog.panel, WalkInDialog)
    assert walk_in.first_name_edit.text() == ""  # a phone number is not a name
    replace_text(qtbot, walk_in.first_name_edit, "Priya")
    replace_text(qtbot, walk_in.last_name_edit, "Shah")
    qtbot.mouseClick(walk_in.save_button, Qt.MouseButton.LeftButton)
    assert _decision(dialog, PHONE) == "Add Priya Shah as a new person"
    line = _record(qtbot, dialog)
    assert line.startswith("Recorded attendance: 1 late, 1 left early, 2 present; 2 walk-ins, 1 new people")
    register = _register(services, small_county)
    assert register["Jane Smith"].attendance is Attendance.PRESENT
    assert register["Cara White"].attendance is Attendance.LATE
    assert register["Cara White"].walk_in
    assert register["Priya Shah"].attendance is Attendance.LEFT_EARLY
    assert services.imports.attendance_rows(small_county.id) == []  # nothing left pending
    assert not dialog.review_pending_button.isVisibleTo(dialog)


def test_a_row_can_be_matched_to_someone_searched_for(qtbot, dialog, services, small_county):
    _reviewing(qtbot, dialog)
    _select(qtbot, dialog, "Cara White (Guest)")
    qtbot.mouseClick(dialog.panel.match_button, Qt.MouseButton.LeftButton)
    chooser = shown_dialog(qtbot, dialog.panel, ChoosePersonDialog)
    assert not chooser.ok_button.isEnabled()
    choose(qtbot, chooser.chooser, "Tom", "Tom Jones")
    qtbot.mouseClick(chooser.ok_button, Qt.MouseButton.LeftButton)
    assert _decision(dialog, "Cara White (Guest)") == "Record as Tom Jones"
    _record(qtbot, dialog)
    register = _register(services, small_county)
    assert register["Tom Jones"].attendance is Attendance.LATE
    assert "Cara White" not in register


def test_a_suggestion_beside_the_table_can_be_chosen(qtbot, dialog):
    _reviewing(qtbot, dialog)
    _select(qtbot, dialog, "Cara White (Guest)")
    assert dialog.panel.suggestions.count() >= 1
    assert dialog.panel.suggestions.item(0).text().startswith("Cara White — ")
    qtbot.mouseClick(dialog.panel.suggestion_button, Qt.MouseButton.LeftButton)
    assert _decision(dialog, "Cara White (Guest)") == "Record as Cara White"


def test_rows_left_for_review_are_kept_pending_and_ignored_ones_set_aside(
    qtbot, dialog, services, small_county
):
    _reviewing(qtbot, dialog)
    _select(qtbot, dialog, PHONE)
    qtbot.mouseClick(dialog.panel.ignore_button, Qt.MouseButton.LeftButton)
    assert _decision(dialog, PHONE) == "Set aside"
    line = _record(qtbot, dialog)
    assert line.endswith("1 left for review, 3 set aside")
    pending = services.imports.attendance_rows(small_county.id)
    assert [r.display_name for r in pending] == ["Cara White (Guest)"]
    ignored = services.imports.attendance_rows(small_county.id, ImportRowStatus.IGNORED)
    assert PHONE in {r.display_name for r in ignored}
    assert dialog.review_pending_button.isVisibleTo(dialog)


def test_recalculating_with_a_higher_minimum_keeps_the_decisions(qtbot, dialog):
    _reviewing(qtbot, dialog)
    qtbot.mouseClick(dialog.panel.accept_all_button, Qt.MouseButton.LeftButton)
    replace_text(qtbot, dialog.min_minutes, "100")
    assert not dialog.apply_button.isEnabled()  # the marks shown are for 90 minutes
    assert "recalculate the marks" in dialog.tally.text()
    click_and_settle(qtbot, dialog, dialog.recalculate_button)
    assert dialog.apply_button.isEnabled()
    model = dialog.panel.model
    marks = {model.index(n, 1).data(): model.index(n, 5).data() for n in range(model.rowCount())}
    assert marks["Cara White (Guest)"] == "Left early"  # 95 minutes is under 100
    assert marks["Mrs A Brown"] == "Present"
    assert _decision(dialog, "Cara White (Guest)") == "Record Cara White"
    assert dialog.min_minutes.value() == 100


def test_the_filter_shows_only_rows_waiting_for_a_decision(qtbot, dialog):
    _reviewing(qtbot, dialog)
    combo = dialog.panel.show_combo
    combo.setCurrentIndex(combo.findData("open"))
    names = [r.name for r in dialog.panel.model.rows()]
    assert names == ["Cara White (Guest)", PHONE]
    _select(qtbot, dialog, PHONE)
    qtbot.mouseClick(dialog.panel.ignore_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in dialog.panel.model.rows()] == ["Cara White (Guest)"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.4\n", "is a PDF document"),
        (b"", "is empty"),
        (b"Name,Minutes\nJane Smith,90\n", "is not a Teams or Zoom attendance report"),
    ],
)
def test_a_file_that_is_not_a_report_is_refused(
    qtbot, dialog, services, small_county, bad_file, data, expected
):
    choose_file(qtbot, dialog, bad_file("report.csv", data))
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "file"
    assert expected in dialog.message.text
    assert services.imports.attendance_rows(small_county.id, None) == []


def test_the_briefing_must_be_chosen_before_previewing(qtbot, services, small_county, settled_pool):
    dialog = AttendanceImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    choose_file(qtbot, dialog, TEAMS)
    assert not dialog.next_button.isEnabled()
    choose(qtbot, dialog.briefing, "DSL", "DSL update")
    assert dialog.next_button.isEnabled()


def test_the_review_table_passes_the_model_tester(qtbot, dialog, qtmodeltester):
    _reviewing(qtbot, dialog)
    qtmodeltester.check(dialog.panel.model)
