"""The whole story through the app, on the shared sample county: from an empty database to attendance.

GIAS (2023 layout) from the first-run offer, the council's contact list from File ▸ Import, the six
briefings of ``reference/sessions.csv``, then every Teams and Zoom report from its briefing page,
accepting every matched participant. Whoever is recorded must be someone the truth file names for
that report (nobody credited with someone else's training), and nearly everyone it names is found.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import Qt

from briefings.clock import london
from briefings.queries.directory import SettingFilter
from briefings.scheduling import BriefingFields
from briefings.vocabulary import Attendance, BookingStatus, Delivery
from tests.sample_data import SAMPLE_DATA, SKIP_REASON
from tests.ui.conftest import page_of
from tests.ui.imports.conftest import click_and_settle
from tests.ui.page_driving import OFFSCREEN_LIMITS, shown_dialog
from ui.dialogs.first_run import FirstRunDialog, FirstRunOffer
from ui.dialogs.imports.settings_import import SettingsImportDialog, open_settings_import
from ui.dialogs.imports.staff_import import StaffImportDialog
from ui.menus.imports_menu import ImportMenu

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS),
    pytest.mark.skipif(SAMPLE_DATA is None, reason=SKIP_REASON),
]


def _rows(name: str) -> list[dict[str, str]]:
    assert SAMPLE_DATA is not None
    return list(csv.DictReader(io.StringIO((SAMPLE_DATA / name).read_text(encoding="utf-8-sig"), newline="")))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum())


@pytest.fixture
def app_window(qtbot, services, ui_settings, settled_pool):
    from ui.app_info import AppInfo
    from ui.main_window import MainWindow
    from ui.pages.catalogue import PAGES

    offer = FirstRunOffer(import_settings=lambda parent: open_settings_import(parent, services))
    window = MainWindow(
        services, AppInfo("1", "county.sqlite3"), PAGES, settings=ui_settings, first_run=offer
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _import_settings(qtbot, window):
    welcome = shown_dialog(qtbot, window, FirstRunDialog)
    qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, window, SettingsImportDialog)
    dialog.file_step.file.set_path(SAMPLE_DATA / "gias_county_2023layout.csv")
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.authority.currentData() == "990"  # the two Welsh rows are left out
    click_and_settle(qtbot, dialog, dialog.apply_button)
    assert dialog.step() == "done"
    dialog.close()


def _import_staff(qtbot, window):
    window.findChild(ImportMenu).staff_action.trigger()
    dialog = shown_dialog(qtbot, window, StaffImportDialog)
    dialog.file_step.file.set_path(SAMPLE_DATA / "contacts.csv")
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.columns.choices()["full_name"] is None  # ContactID is not a name
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.counts.counts()["new people"] > 2500
    click_and_settle(qtbot, dialog, dialog.apply_button)
    assert dialog.step() == "done"
    dialog.close()


def _schedule(services) -> dict[str, int]:
    topic = next(t.id for t in services.briefings.topics() if t.code == "dsl_update")
    reports = {}
    for session in _rows("reference/sessions.csv"):
        day = date.fromisoformat(session["date"])
        row = services.briefings.schedule(
            BriefingFields(
                title=session["title"],
                topic_id=topic,
                starts_at=london(day, time.fromisoformat(session["start"])),
                ends_at=london(day, time.fromisoformat(session["end"])),
                delivery=Delivery.ONLINE,
                capacity=600,
                join_url="https://teams.microsoft.com/l/meetup-join/sample",
            )
        )
        if session["attendance_file"]:
            reports[session["attendance_file"]] = row.id
    return reports


def _import_report(qtbot, window, name: str, briefing_id: int) -> int:
    """Import one report from its briefing page, accepting every match; returns the rows left pending."""
    window.open_item("briefing", briefing_id)
    page = page_of(window, "BriefingPage")
    qtbot.waitUntil(lambda: page.row is not None and page.row.id == briefing_id, timeout=10_000)
    dialog = page.attendance_import.import_report()
    dialog.file_step.file.set_path(SAMPLE_DATA / name)
    click_and_settle(qtbot, dialog, dialog.next_button, timeout=60_000)
    assert dialog.step() == "review", dialog.message.text
    qtbot.mouseClick(dialog.panel.accept_all_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as imported:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    pending = int(imported.args[0].split("; ")[-1].split(" left for review")[0])
    dialog.close()
    qtbot.waitUntil(lambda: page.attendance_import.pending == pending, timeout=10_000)
    return pending


def _truth_people(name: str, contacts: dict[str, dict[str, str]]) -> list[set[str]]:
    """For each participant the truth file ties to contacts: the names and e-mails they go by."""
    found = []
    for truth in (t for t in _rows("truth/attendance_truth.csv") if t["file"] == name and t["contact_ids"]):
        keys: set[str] = set()
        for contact_id in truth["contact_ids"].split(";"):
            contact = contacts[contact_id]
            keys |= {
                _fold(contact["FirstName"] + contact["LastName"]),
                _fold(contact["LastName"] + contact["FirstName"]),
            }
            if contact["Email"]:
                keys.add(contact["Email"].strip().lower())
        found.append(keys)
    return found


def test_from_an_empty_database_the_attendance_lands_on_the_right_people(qtbot, app_window, services, clock):
    clock.set(datetime(2022, 9, 1, 9, 0, tzinfo=UTC))
    _import_settings(qtbot, app_window)
    assert services.directory.count_settings(SettingFilter(openness="all")) == 454
    _import_staff(qtbot, app_window)
    reports = _schedule(services)
    clock.set(datetime(2023, 7, 1, 9, 0, tzinfo=UTC))
    contacts = {c["ContactID"]: c for c in _rows("contacts.csv")}
    recorded = right = named = 0
    for name, briefing_id in reports.items():
        pending = _import_report(qtbot, app_window, name, briefing_id)
        assert pending == len(services.imports.attendance_rows(briefing_id))
        truth = _truth_people(name, contacts)
        register = [r for r in services.briefings.register(briefing_id) if r.status is BookingStatus.BOOKED]
        for person in register:
            keys = {_fold(person.first_name + person.last_name), (person.email or "").lower()} - {""}
            recorded += 1
            right += any(keys & people for people in truth)
        named += len(truth)
        assert {r.attendance for r in register} <= {
            Attendance.PRESENT,
            Attendance.LATE,
            Attendance.LEFT_EARLY,
        }
    assert right == recorded  # nobody is credited with someone else's training
    assert recorded / named > 0.9  # and nearly everyone the reports name is found (measured 1013 / 1106)
