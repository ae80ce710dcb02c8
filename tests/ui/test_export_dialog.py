"""Export dialogs driven as the advisor drives them: options, folder, Export, the result."""

from __future__ import annotations

import argparse
import threading
from datetime import date, time

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from briefings.scheduling import SeriesPlan
from briefings.vocabulary import Delivery
from exports.base import Exporter, ExportFile, ExportOutcome
from exports.registry import ExportSpec, spec
from tests.attendance_scenario import hold_briefing
from tests.exports.pdf_reading import pdf_pages
from tests.ui.page_driving import click_when_ready
from ui.exporting.export_dialog import ExportDialog, school_year

pytestmark = pytest.mark.gui


@pytest.fixture
def out(tmp_path):
    return tmp_path / "exports"


@pytest.fixture
def open_dialog(qtbot, services, ui_settings, host, settled_pool):
    def open_(identifier_or_spec, **context) -> ExportDialog:
        chosen = spec(identifier_or_spec) if isinstance(identifier_or_spec, str) else identifier_or_spec
        dialog = ExportDialog(chosen, services, ui_settings, host, **context)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return open_


def save_into(qtbot, dialog: ExportDialog, folder) -> None:
    dialog.folder.edit.clear()
    qtbot.keyClicks(dialog.folder.edit, str(folder))


def export(qtbot, dialog: ExportDialog, signal: str = "written"):
    with qtbot.waitSignal(getattr(dialog, signal), timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    return blocker.args[0] if blocker.args else None


def test_a_sign_in_register_is_written_and_reads_back(
    qtbot, open_dialog, services, clock, make_briefing, out
):
    held = hold_briefing(services, clock, make_briefing)
    dialog = open_dialog("pdf-register", briefing_id=held.briefing.id)
    assert "DSL update briefing" in dialog.heading.text()
    save_into(qtbot, dialog, out)
    report = export(qtbot, dialog)
    (written,) = report.written
    assert written.parent == out
    assert written.name.startswith("Sign-in register 2025-10-08")
    text = "\n".join(pdf_pages(written.read_bytes()))
    assert "Zoë Brontë" in text
    assert "Wyvern Hall" in text
    result = dialog.result_dialog
    assert result is not None
    assert result.isVisible()
    assert result.files.item(0).text() == written.name
    assert str(out) in result.summary.text()


def test_separate_certificates_one_file_each_with_who_was_left_out(
    qtbot, open_dialog, services, clock, make_briefing, out
):
    held = hold_briefing(services, clock, make_briefing)
    dialog = open_dialog("pdf-certificates", briefing_id=held.briefing.id)
    (separate,) = dialog.fields
    qtbot.mouseClick(separate.box, Qt.MouseButton.LeftButton)
    save_into(qtbot, dialog, out)
    report = export(qtbot, dialog)
    issued = services.certificates.of_briefing(held.briefing.id)
    assert len(report.written) == len(issued) == 6  # present or late
    zoe = next(p for p in report.written if "Zoë Brontë" in p.name)
    assert "Zoë Brontë" in pdf_pages(zoe.read_bytes())[0]
    assert {p.parent for p in report.written} == {out}  # "../../etc/passwd" stays in the folder
    assert "Una Marked: attendance has not been recorded" in report.skipped
    result = dialog.result_dialog
    assert result.skipped.isVisible()
    assert "Una Marked: attendance has not been recorded" in [
        result.skipped.item(n).text() for n in range(result.skipped.count())
    ]


def test_an_empty_briefing_is_refused_with_the_reason_and_nothing_is_written(
    qtbot, open_dialog, make_briefing, make_venue, out
):
    venue = make_venue()
    briefing = make_briefing(delivery=Delivery.IN_PERSON, venue_id=venue.id, join_url=None)
    dialog = open_dialog("pdf-register", briefing_id=briefing.id)
    save_into(qtbot, dialog, out)
    reason = export(qtbot, dialog, "refused")
    assert "Nobody is booked" in reason
    assert "Nobody is booked" in dialog.message_for("")
    assert dialog.isVisible()
    assert dialog.run_button.isEnabled()
    assert not out.exists()


def test_a_missing_logo_is_refused_before_any_certificate_is_recorded(
    qtbot, open_dialog, services, clock, make_briefing, out
):
    held = hold_briefing(services, clock, make_briefing)
    services.preferences.set("organisation.logo_path", "/nowhere/logo.png")
    dialog = open_dialog("pdf-certificates", briefing_id=held.briefing.id)
    save_into(qtbot, dialog, out)
    assert "logo /nowhere/logo.png" in export(qtbot, dialog, "refused")
    assert services.certificates.of_briefing(held.briefing.id) == []
    assert not out.exists()


def test_a_folder_that_is_a_file_is_refused_under_the_folder(qtbot, open_dialog, make_briefing, tmp_path):
    blocker = tmp_path / "not a folder"
    blocker.write_text("")
    dialog = open_dialog("xlsx-briefing", briefing_id=make_briefing().id)
    save_into(qtbot, dialog, blocker)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert "is a file, not a folder" in dialog.message_for("folder")
    assert dialog.worker is None


def test_the_folder_is_remembered_for_the_next_export(
    qtbot, open_dialog, services, clock, make_briefing, out
):
    held = hold_briefing(services, clock, make_briefing)
    dialog = open_dialog("xlsx-briefing", briefing_id=held.briefing.id)
    save_into(qtbot, dialog, out)
    export(qtbot, dialog)
    again = open_dialog("xlsx-licences")
    assert again.folder.edit.text() == str(out)


def test_a_series_return_from_file_export_reads_back(qtbot, services, window, briefing_fields, out):
    series = services.briefings.create_series(
        SeriesPlan(
            name="DSL briefings 2025/26",
            template=briefing_fields(),
            dates=(date(2025, 10, 8), date(2026, 1, 21)),
            start=time(9, 30),
            end=time(11, 30),
        )
    )
    window.export_menu.rebuild()
    offered = {a.data(): a for a in window.export_menu.actions()}
    assert set(offered) == {"ics-feed", "ics-series", "xlsx-licences", "xlsx-period"}
    offered["xlsx-period"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.covering.series_choice, Qt.MouseButton.LeftButton)
    assert dialog.covering.series.currentText().startswith("DSL briefings 2025/26 (2 briefings")
    assert not dialog.covering.first_day.isEnabled()
    save_into(qtbot, dialog, out)
    report = export(qtbot, dialog)
    assert [p.name for p in report.written] == ["Attendance return DSL briefings 2025-26.xlsx"]
    about = load_workbook(report.written[0])["About"]
    assert any("series “DSL briefings 2025/26”" in str(row) for row in about.values)
    assert window.statusBar().currentMessage() == f"Wrote 1 file to {out}"
    assert series.name in dialog.result_dialog.files.item(0).text().replace("-", "/")


def test_a_period_return_asks_for_dates_and_reads_back(
    qtbot, open_dialog, services, clock, make_briefing, out
):
    hold_briefing(services, clock, make_briefing)
    dialog = open_dialog("xlsx-period")
    covering = dialog.covering
    assert covering is not None
    assert covering.period_choice.isChecked()
    assert (covering.first_day.date().toPython(), covering.last_day.date().toPython()) == school_year(
        date(2025, 10, 8)
    )
    covering.last_day.setDate(covering.first_day.date().addDays(-1))
    save_into(qtbot, dialog, out)
    assert export(qtbot, dialog, "refused") == "The period ends before it starts"
    assert "ends before it starts" in dialog.message_for("last_day")
    covering.last_day.setDate(covering.first_day.date().addYears(1))
    report = export(qtbot, dialog)
    (workbook_path,) = report.written
    workbook = load_workbook(workbook_path)
    assert "Zoë Brontë" not in str(list(workbook.worksheets[0].values))  # settings, not people
    assert any("St Thomas à Becket C of E Primary" in str(row) for ws in workbook for row in ws.values)


class _Waiting(Exporter):
    identifier = "test-waiting"
    verbose_name = "Waits to be told"

    def __init__(self, started: threading.Event, release: threading.Event) -> None:
        self.started = started
        self.release = release

    def render(self, progress=None) -> ExportOutcome:
        self.started.set()
        self.release.wait(10)
        self.tick(progress, 1, 2)  # the first report after Cancel raises ExportCancelled
        return ExportOutcome((ExportFile("never.txt", "text/plain", b""),))


def test_cancel_stops_the_export_and_nothing_is_written(qtbot, open_dialog, out):
    started, release = threading.Event(), threading.Event()
    waiting = ExportSpec(
        "test-waiting",
        "Waits to be told",
        lambda parser: None,
        lambda _args, _services: _Waiting(started, release),
    )
    dialog = open_dialog(waiting)
    save_into(qtbot, dialog, out)
    with qtbot.waitSignal(dialog.cancelled, timeout=10_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(started.is_set, timeout=5000)
        progress = dialog.findChild(QProgressDialog)
        click_when_ready(qtbot, progress.findChild(QPushButton))
        release.set()
    assert dialog.message_for("") == "Cancelled: nothing was written."
    assert dialog.run_button.isEnabled()
    assert not out.exists()


def test_an_export_needing_what_the_window_cannot_ask_says_to_use_the_command_line(open_dialog):
    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--school-urn", required=True)

    odd = ExportSpec("test-odd", "Odd export", arguments, lambda _a, _s: None)
    dialog = open_dialog(odd)
    assert not dialog.run_button.isEnabled()
    assert "briefing-desk export test-odd --help" in dialog.message_for("")
