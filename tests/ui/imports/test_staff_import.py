from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from briefings.queries.directory import PersonFilter
from tests.ui.imports.conftest import GIAS, STAFF, choose_file, click_and_settle
from tests.ui.page_driving import shown_dialog
from ui.dialogs.imports.staff_import import StaffImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def county(services):
    services.imports.apply_settings(services.imports.preview_settings(GIAS.read_bytes(), "g.csv", "990"))


@pytest.fixture
def dialog(qtbot, services, county, settled_pool):
    shown = StaffImportDialog(services)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _people(services):
    return {p.full_name: p for p in services.directory.people(PersonFilter())}


def _to_columns(qtbot, dialog, path=STAFF):
    choose_file(qtbot, dialog, path)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "columns"


def _pick(qtbot, combo, text):
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text} is not offered"


def test_the_columns_are_suggested_from_the_headers_with_sample_values(qtbot, dialog):
    _to_columns(qtbot, dialog)
    choices = dialog.columns.choices()
    assert choices["first_name"] == "Forename"
    assert choices["last_name"] == "Surname"
    assert choices["email"] == "E-mail address"
    assert choices["role"] == "Job title"
    assert choices["urn"] == "School URN"
    assert choices["laestab"] is None
    assert dialog.columns._samples["first_name"].text() == "Jane · Tom · Amy"
    assert dialog.columns._origins["first_name"].text() == "recognised"
    assert dialog.next_button.text() == "&Preview >"
    assert dialog.next_button.isEnabled()


def test_unmapping_a_needed_column_says_what_is_missing_until_a_default_is_given(qtbot, dialog):
    _to_columns(qtbot, dialog)
    _pick(qtbot, dialog.columns.combos["role"], "— not in this file —")
    assert "the role" in dialog.columns.missing_label.text()
    assert not dialog.next_button.isEnabled()
    _pick(qtbot, dialog.columns.default_role, "DSL")
    assert dialog.columns.missing_label.isHidden()
    assert dialog.next_button.isEnabled()


def test_preview_then_apply_adds_people_and_remembers_the_columns(qtbot, dialog, services):
    _to_columns(qtbot, dialog)
    _pick(qtbot, dialog.columns.combos["phone"], "— not in this file —")
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "preview"
    counts = dialog.counts.counts()
    assert counts["new people"] == 6
    assert counts["rows rejected"] == 1  # Eve has no last name
    new = {p.full_name for p in dialog.tabs.model("new").rows()}
    assert {"Jane Smith", "Tom Jones", "Amy Brown"} <= new
    problems = dialog.tabs.model("problems").rows()
    assert any(p.row == 9 and p.severity.value == "error" for p in problems)
    assert _people(services) == {}
    with qtbot.waitSignal(dialog.imported, timeout=15_000) as imported:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].startswith("Imported staff: 6 people added")
    assert "remembered" in dialog.done_step.text.text()
    people = _people(services)
    assert people["Jane Smith"].email == "jane.smith@renee.sch.example"
    assert people["Tom Jones"].phone is None  # the phone column was unmapped
    assert services.preferences.get("imports.people.mapping")["first_name"] == "Forename"
    assert "phone" not in services.preferences.get("imports.people.mapping")


def test_a_person_listed_at_another_school_is_shown_as_moved(qtbot, dialog, services, tmp_path):
    services.imports.apply_people(
        services.imports.preview_people(
            STAFF.read_bytes(), "s.csv", services.imports.people_mapping(STAFF.read_bytes(), "s.csv").mapping
        )
    )
    moved = tmp_path / "moved.csv"
    moved.write_bytes(
        b"Forename,Surname,Job title,E-mail address,School URN\r\n"
        b"Amy,Brown,DSL,amy.brown@stmarys.sch.example,960003\r\n"
    )
    _to_columns(qtbot, dialog, moved)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.counts.counts()["moved setting"] == 1
    rows = dialog.tabs.model("moved").rows()
    assert [(e.person_name, e.setting_name) for e in rows] == [
        ("Amy Brown", "St Mary’s – Ashmoor High School")
    ]
    assert dialog.tabs.model("moved").index(0, 3).data() == "Zoë Lambert Special School"
    assert dialog.tabs.model("ended").total == 0  # nobody at the new school held a DSL role to end


def test_a_similar_name_at_the_same_school_is_pointed_out(qtbot, dialog, services, tmp_path):
    similar = tmp_path / "similar.csv"
    similar.write_bytes(
        b"Forename,Surname,Job title,E-mail address,School URN\r\n"
        b"Jonathan,Smithers,DSL,,960001\r\nJonathon,Smithers,Deputy DSL,,960001\r\n"
    )
    _to_columns(qtbot, dialog, similar)
    click_and_settle(qtbot, dialog, dialog.next_button)
    duplicates = dialog.tabs.model("duplicates")
    assert duplicates.total == 1
    assert duplicates.index(0, 2).data() == "Jonathon Smithers (rows 3)"


def test_a_file_that_is_not_a_list_is_refused_on_the_first_step(qtbot, dialog, bad_file):
    choose_file(qtbot, dialog, bad_file("staff.csv", b"\x89PNG\r\n\x1a\n\x00\x00"))
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "file"
    assert "is a PNG image, not a CSV file or spreadsheet" in dialog.message.text


def test_back_returns_to_the_columns_with_the_choices_kept(qtbot, dialog):
    _to_columns(qtbot, dialog)
    _pick(qtbot, dialog.columns.combos["phone"], "— not in this file —")
    click_and_settle(qtbot, dialog, dialog.next_button)
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == "columns"
    assert dialog.columns.choices()["phone"] is None


def test_the_preview_tables_pass_the_model_tester(qtbot, dialog, qtmodeltester):
    _to_columns(qtbot, dialog)
    click_and_settle(qtbot, dialog, dialog.next_button)
    for key in ("new", "updated", "moved", "ended", "duplicates", "problems"):
        qtmodeltester.check(dialog.tabs.model(key))


def test_cancelling_a_slow_read_drops_it_and_stays_on_the_file_step(qtbot, dialog, services, monkeypatch):
    real, gate = services.imports.people_mapping, threading.Event()

    def slow(data, name):
        gate.wait(10)  # a long list still being read when the advisor gives up
        return real(data, name)

    monkeypatch.setattr(services.imports, "people_mapping", slow)
    choose_file(qtbot, dialog, STAFF)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert not dialog.next_button.isEnabled()  # one read at a time
    progress = shown_dialog(qtbot, dialog, QProgressDialog)
    with qtbot.waitSignal(dialog.job_settled, timeout=15_000):
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        gate.set()
    assert dialog.step() == "file"
    assert dialog.message.text == "Stopped. Nothing was imported."
    assert dialog.next_button.isEnabled()


def test_columns_chosen_by_hand_are_remembered_for_the_next_list(
    qtbot, dialog, services, tmp_path, settled_pool
):
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"Given,Family,Post,Establishment URN\r\nRuth,Okafor,DSL,960003\r\n")
    _to_columns(qtbot, dialog, odd)
    assert dialog.columns.choices()["first_name"] is None  # "Given" is not a spelling it knows
    _pick(qtbot, dialog.columns.combos["first_name"], "Given")
    _pick(qtbot, dialog.columns.combos["last_name"], "Family")
    _pick(qtbot, dialog.columns.combos["role"], "Post")
    click_and_settle(qtbot, dialog, dialog.next_button)
    click_and_settle(qtbot, dialog, dialog.apply_button)
    again = StaffImportDialog(services)
    qtbot.addWidget(again)
    again.show()
    _to_columns(qtbot, again, odd)
    assert again.columns.choices()["first_name"] == "Given"
    assert again.columns._origins["first_name"].text() == "remembered"
