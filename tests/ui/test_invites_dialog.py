"""The invites dialog: by default only people whose calendar is behind get a file."""

from __future__ import annotations

import email
from datetime import date, time

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from briefings.clock import london
from briefings.queries.invites import InviteState
from briefings.scheduling import SeriesPlan
from tests.ui.page_driving import tick
from ui.exporting.invites_dialog import COMBINED, DRAFTS, InvitesDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def organiser(services):
    services.invites.set_organiser("Jo Advisor", "jo.advisor@wyvernshire.example")


@pytest.fixture
def booked(services, make_briefing, make_person, make_setting, organiser):
    """A briefing with Ann, Ben and Cat booked."""
    briefing = make_briefing()
    setting = make_setting(name="St Zoë's C of E Primary")
    people = [
        make_person(first_name=name, last_name="Booker", setting_id=setting.id)
        for name in ("Ann", "Ben", "Cat")
    ]
    for person in people:
        services.bookings.book(briefing.id, person.id, setting_id=setting.id)
    return briefing


@pytest.fixture
def open_invites(qtbot, services, ui_settings, host, settled_pool):
    def open_(**target) -> InvitesDialog:
        dialog = InvitesDialog(services, ui_settings, host, **target)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return open_


def write(qtbot, dialog, folder, signal="written"):
    dialog.folder.edit.clear()
    qtbot.keyClicks(dialog.folder.edit, str(folder))
    with qtbot.waitSignal(getattr(dialog, signal), timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    return blocker.args[0] if blocker.args else None


def events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_after_a_reschedule_only_people_holding_the_old_time_get_the_update(
    qtbot, open_invites, services, booked, make_person, tmp_path
):
    first = write(qtbot, open_invites(briefing_id=booked.id), tmp_path / "first")
    assert len(first.written) == 3
    assert "Invite ledger: 3 people up to date." in first.notes
    day = date(2025, 10, 9)
    services.briefings.reschedule(booked.id, london(day, time(13)), london(day, time(15)))
    dan = make_person(first_name="Dan", last_name="Later")
    services.bookings.book(booked.id, dan.id)
    dialog = open_invites(briefing_id=booked.id)
    tick(qtbot, dialog.recipients.ticked)
    for address in dialog.recipients.chosen_emails():
        dialog.recipients.tick(address, ticked=False)
    dialog.recipients.tick(dan.email)
    assert dialog.recipients.chosen_emails() == [dan.email]
    write(qtbot, dialog, tmp_path / "dan")  # Dan has the new time now; the others still the old

    dialog = open_invites(briefing_id=booked.id)
    assert "1 change since last sent to 3 people." in dialog.recipients.summary.text()
    assert dialog.recipients.behind.text() == "People whose calendar is behind (3)"
    assert dialog.recipients.chosen_emails() == [
        "alex.tester1@school.example",
        "alex.tester2@school.example",
        "alex.tester3@school.example",
    ]
    report = write(qtbot, dialog, tmp_path / "update")
    names = sorted(p.name for p in report.written)
    assert names == [f"2025-10-09 DSL update briefing - {n} Booker.ics" for n in ("Ann", "Ben", "Cat")]
    _calendar, before = events(next((tmp_path / "first").iterdir()))
    calendar, after = events(report.written[0])
    assert calendar["METHOD"] == "REQUEST"
    assert after["UID"] == before["UID"]  # the same entry, moved: not a second one
    assert (int(before["SEQUENCE"]), int(after["SEQUENCE"])) == (0, 1)
    assert "Written for 3 people: 3 updates." in report.notes
    assert {r.state for r in services.invites.status(booked.id).recipients} == {InviteState.CURRENT}


def test_email_drafts_carry_the_invite_for_each_person(qtbot, open_invites, booked, tmp_path):
    dialog = open_invites(briefing_id=booked.id)
    tick(qtbot, dialog.kinds[DRAFTS])
    report = write(qtbot, dialog, tmp_path / "drafts")
    assert len(report.written) == 3
    message = email.message_from_bytes(report.written[0].read_bytes())
    assert message["X-Unsent"] == "1"
    calendar_part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert calendar_part.get_param("method") == "REQUEST"


def test_one_combined_file_names_everyone_and_warns_first(qtbot, open_invites, booked, tmp_path):
    dialog = open_invites(briefing_id=booked.id)
    tick(qtbot, dialog.kinds[COMBINED])
    assert any(
        "each other's email addresses" in label.text() and label.isVisible() for label in _labels(dialog)
    )
    report = write(qtbot, dialog, tmp_path / "combined")
    (only,) = report.written
    _calendar, event = events(only)
    assert len(event.get("ATTENDEE")) == 3


def test_passcodes_stay_out_unless_ticked(
    qtbot, open_invites, services, make_briefing, make_person, organiser, tmp_path
):
    briefing = make_briefing(join_passcode="Fr0g-42")
    services.bookings.book(briefing.id, make_person().id)
    dialog = open_invites(briefing_id=briefing.id)
    assert not dialog.passcodes.box.isChecked()
    report = write(qtbot, dialog, tmp_path / "plain")
    assert "Fr0g-42" not in event_text(report.written[0])
    dialog = open_invites(briefing_id=briefing.id)
    tick(qtbot, dialog.recipients.everyone)
    tick(qtbot, dialog.passcodes.box)
    report = write(qtbot, dialog, tmp_path / "with")
    assert "Fr0g-42" in event_text(report.written[0])


def test_no_organiser_is_refused_with_where_to_set_it(
    qtbot, open_invites, services, make_briefing, make_person, tmp_path
):
    briefing = make_briefing()
    services.bookings.book(briefing.id, make_person().id)
    dialog = open_invites(briefing_id=briefing.id)
    reason = write(qtbot, dialog, tmp_path / "none", "refused")
    assert reason.startswith("Set the organiser's name and email address")
    assert "Preferences" in dialog.message_for("")
    assert not (tmp_path / "none").exists()
    assert services.invites.status(briefing.id).recipients[0].state is InviteState.NEW


def test_ticking_nobody_is_refused_under_the_list(qtbot, open_invites, booked, tmp_path):
    dialog = open_invites(briefing_id=booked.id)
    tick(qtbot, dialog.recipients.ticked)
    for address in dialog.recipients.chosen_emails():
        dialog.recipients.tick(address, ticked=False)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("to") == "Tick at least one person to write an invite for"
    assert not (tmp_path / "x").exists()


def test_a_series_gets_invites_for_each_briefing_to_come(
    qtbot, open_invites, services, briefing_fields, make_person, organiser, tmp_path
):
    series = services.briefings.create_series(
        SeriesPlan(
            name="Morning and afternoon",
            template=briefing_fields(),
            dates=(date(2025, 10, 8), date(2025, 11, 12)),
            start=time(9, 30),
            end=time(11, 30),
        )
    )
    first, second = _series_briefings(services, series.id)
    ann = make_person(first_name="Ann", last_name="Booker")
    for briefing_id in (first, second):
        services.bookings.book(briefing_id, ann.id)
    dialog = open_invites(series_id=series.id)
    assert dialog.current_target().kind == "series"
    assert not dialog.recipients.people.isVisible()
    assert dialog.recipients.behind.text() == "People whose calendar is behind (2)"
    report = write(qtbot, dialog, tmp_path / "series")
    assert sorted(p.name for p in report.written) == [
        "2025-10-08 DSL update briefing - Ann Booker.ics",
        "2025-11-12 DSL update briefing - Ann Booker.ics",
    ]
    again = open_invites(series_id=series.id)
    reason = write(qtbot, again, tmp_path / "again", "refused")
    assert reason.startswith("Every invite to “DSL update briefing” is up to date")


def event_text(path):
    """Every text property of the file's event, unfolded (a folded line can split a word)."""
    _calendar, event = events(path)
    return "\n".join(str(value) for value in event.values())


def _series_briefings(services, series_id):
    from briefings.queries.briefings import BriefingFilter

    return [r.id for r in services.briefings.search(BriefingFilter(series_id=series_id, when="all"))][::-1]


def _labels(dialog):
    from PySide6.QtWidgets import QLabel

    return dialog.findChildren(QLabel)


def test_the_organiser_can_be_set_from_the_dialog_and_then_invites_go(
    qtbot, open_invites, services, make_briefing, make_person, tmp_path
):
    from ui.dialogs.preferences_dialog import PreferencesDialog

    briefing = make_briefing()
    services.bookings.book(briefing.id, make_person().id)
    dialog = open_invites(briefing_id=briefing.id)
    assert dialog.organiser_row is not None
    button = dialog.organiser_row.findChild(QPushButton, "organiser_button")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    preferences = dialog.findChild(PreferencesDialog)
    assert preferences.isVisible()
    qtbot.keyClicks(preferences.organiser_name, "Jo Advisor")
    qtbot.keyClicks(preferences.organiser_email, "jo@wyvernshire.example")
    qtbot.mouseClick(preferences.save_button, Qt.MouseButton.LeftButton)
    assert dialog.organiser_row is None
    report = write(qtbot, dialog, tmp_path / "now")
    assert len(report.written) == 1
    _calendar, event = events(report.written[0])
    assert str(event["ORGANIZER"]) == "mailto:jo@wyvernshire.example"


def test_no_caution_once_the_organiser_is_set(open_invites, booked):
    assert open_invites(briefing_id=booked.id).organiser_row is None


def test_a_cancelled_briefing_sends_cancellations_to_those_holding_it(
    qtbot, open_invites, services, booked, tmp_path
):
    first = write(qtbot, open_invites(briefing_id=booked.id), tmp_path / "first")
    services.briefings.cancel(booked.id, "Trainer unwell")
    dialog = open_invites(briefing_id=booked.id)
    assert "3 people still holding it: cancellation due." in dialog.recipients.summary.text()
    report = write(qtbot, dialog, tmp_path / "cancel")
    assert len(report.written) == 3
    assert all(" - cancellation - " in p.name for p in report.written)
    calendar, event = events(report.written[0])
    _before_calendar, before = events(first.written[0])
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == before["UID"]
    assert int(event["SEQUENCE"]) > int(before["SEQUENCE"])
