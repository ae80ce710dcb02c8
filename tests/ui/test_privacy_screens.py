"""Retention, erasure and subject access, driven from the window as an advisor would."""

from __future__ import annotations

import json
import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from briefings.privacy.retention import RetentionPolicy
from briefings.queries.audit import AuditFilter
from tests.county import build_county
from tests.ui.conftest import page_of
from tests.ui.message_driving import answer
from tests.ui.page_driving import OFFSCREEN_LIMITS, click_row, load, replace_text, shown_dialog
from ui.dialogs.retention_dialog import FOR_EVER, RetentionDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


@pytest.fixture
def county(services, clock, db):
    return build_county(services, clock, db)


def retention_dialog(qtbot, window) -> RetentionDialog:
    window.storage_actions.retention_action.trigger()
    return shown_dialog(qtbot, window, RetentionDialog)


def preview(qtbot, dialog: RetentionDialog) -> str:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    return dialog.preview.toPlainText()


@pytest.mark.usefixtures("county")
def test_retention_is_previewed_then_applied_after_a_plain_question(qtbot, window, services):
    dialog = retention_dialog(qtbot, window)
    assert [s.text() for s in dialog.spins.values()] == ["6 years"] * 3
    dialog.spins["audit_years"].setValue(1)
    assert dialog.spins["audit_years"].text() == "1 year"
    dialog.spins["audit_years"].setValue(6)
    assert not dialog.apply_button.isEnabled()
    shown = preview(qtbot, dialog)
    assert "• Bookings on briefings that ended before 1 October 2019: 7 lose" in shown
    assert "People who would be erased:\n    Eve Marsh (person " in shown
    assert dialog.apply_button.isEnabled()

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    question = answer(qtbot, dialog, "Apply the retention policy?", "Apply policy")
    assert "This cannot be undone." in question
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert dialog.preview.toPlainText().startswith("Applied the retention policy:\n• Bookings")
    assert not dialog.apply_button.isEnabled()
    assert services.privacy.retention_preview().nothing_to_do
    (logged,) = services.audit.events(AuditFilter(action="retention"))
    assert logged.summary == "Applied the retention policy: 7 bookings anonymised, 2 people erased"
    assert window.statusBar().currentMessage() == (
        "Applied the retention policy: 7 bookings anonymised, 2 people erased"
    )


@pytest.mark.usefixtures("county")
def test_saying_no_changes_nothing_and_a_changed_period_needs_a_new_preview(qtbot, window, services):
    dialog = retention_dialog(qtbot, window)
    preview(qtbot, dialog)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "Apply the retention policy?", "Cancel")
    assert services.privacy.retention_preview().bookings == 7

    dialog.spins["people_years"].setValue(0)
    assert dialog.spins["people_years"].text() == FOR_EVER
    assert not dialog.apply_button.isEnabled()
    assert dialog.policy() == RetentionPolicy(booking_years=6, people_years=None, audit_years=6)
    shown = preview(qtbot, dialog)
    assert "People not heard of" not in shown
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "Apply the retention policy?", "Apply policy")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert services.privacy.retention_policy() == RetentionPolicy(6, None, 6)
    assert services.privacy.retention_preview(RetentionPolicy()).people == 2  # nobody erased


def test_a_policy_that_keeps_everything_offers_nothing_to_apply(qtbot, window):
    dialog = retention_dialog(qtbot, window)
    for spin in dialog.spins.values():
        spin.setValue(0)
    assert preview(qtbot, dialog) == "• The policy keeps everything: nothing would change."
    assert not dialog.apply_button.isEnabled()


# ---------------------------------------------------------------- the People page


def show_person(qtbot, window, name: str):
    page = page_of(window, "PeoplePage")
    window.show_page(window.pages.index(page))
    load(qtbot, page)
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        replace_text(qtbot, page.search, name)
    click_row(qtbot, page.table, 0)
    qtbot.waitUntil(lambda: page.detail.history is not None, timeout=5000)
    return page


def test_erasing_shows_what_goes_says_it_cannot_be_undone_then_erases(qtbot, window, services, county):
    amy = county.people["amy"]
    page = show_person(qtbot, window, "okafor")
    assert page.privacy_button.isEnabled()
    page.privacy_button.erase_action.trigger()
    question = answer(qtbot, page.privacy_button, "Erase this person?", "Cancel")
    assert question.startswith("Erase Amy Okafor?\n\n• Name, email, phone and notes of Amy Okafor")
    assert "This cannot be undone: Undo will not bring their details back." in question
    assert services.directory.person(amy).first_name == "Amy"

    window.undo_stack.push(_step())
    page.privacy_button.erase_action.trigger()
    answer(qtbot, page.privacy_button, "Erase this person?", "Erase")
    qtbot.waitUntil(lambda: "Erased Amy Okafor" in window.statusBar().currentMessage(), timeout=5000)
    assert services.directory.person(amy).erased
    assert window.undo_stack.count() == 0
    qtbot.waitUntil(lambda: not page.privacy_button.erase_action.isEnabled(), timeout=5000)
    assert services.audit.events(AuditFilter(action="erased"))[0].entity_id == amy


def _step():
    from ui.undo.stack import CallbackCommand

    return CallbackCommand("Edit Amy Okafor", undo=lambda: None, redo=lambda: None)


def test_subject_access_writes_the_chosen_file_readable_by_its_owner(qtbot, window, county, tmp_path):
    page = show_person(qtbot, window, "okafor")
    page.privacy_button.export_action.trigger()
    chooser = shown_dialog(qtbot, page, QFileDialog)
    assert chooser.selectedFiles()[0].endswith(
        f"subject-access-person-{county.people['amy']}-2025-10-01.json"
    )
    target = tmp_path / "amy.json"
    chooser.selectFile(str(target))
    chooser.accept()
    told = answer(qtbot, page.privacy_button, "Exported", "OK")
    assert f"is in\n{target}" in told
    document = json.loads(target.read_text("utf-8"))
    assert document["person_name"] == "Amy Okafor"
    assert len(document["sections"]["bookings"]["records"]) == 4
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_subject_access_as_text_and_a_folder_that_is_gone(qtbot, window, county, tmp_path):
    page = show_person(qtbot, window, "okafor")
    person = page.detail.history.person
    saved = page.privacy_button.write_held(person, tmp_path / "amy.txt")
    assert saved is not None
    assert (
        (tmp_path / "amy.txt")
        .read_text("utf-8")
        .startswith("Everything Briefing Desk holds about Amy Okafor")
    )
    assert answer(qtbot, page.privacy_button, "Exported", "OK")
    assert page.privacy_button.write_held(person, tmp_path / "gone" / "amy.json") is None
    told = answer(qtbot, page.privacy_button, "Nothing was exported", "OK")
    assert told == f"The folder {tmp_path / 'gone'} does not exist."
