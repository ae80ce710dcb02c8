from __future__ import annotations

import csv
import io
import threading

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from briefings.queries.directory import SettingFilter
from briefings.services import Services
from tests.ui.imports.conftest import GIAS, choose_file, click_and_settle
from tests.ui.page_driving import shown_dialog
from ui.dialogs.imports.settings_import import SettingsImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, services, settled_pool):
    shown = SettingsImportDialog(services)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _settings(services):
    return services.directory.count_settings(SettingFilter(openness="all"))


def test_preview_shows_what_would_change_and_writes_nothing(qtbot, dialog, services):
    assert not dialog.next_button.isEnabled()  # no file chosen yet
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "preview"
    # Nothing remembered: the file is mostly Wyvernshire (990), so it is narrowed to it.
    assert dialog.authority.currentData() == "990"
    assert "Most rows" in dialog.why.text()
    counts = dialog.counts.counts()
    assert (counts["new"], counts["closing"], counts["of other LAs, left out"]) == (9, 0, 1)
    assert counts["successor links"] == 1
    assert dialog.tabs.title("new") == "New (9)"
    assert not dialog.tabs.isTabEnabled(dialog.tabs.indexOf(dialog.tabs.views["changed"]))
    assert dialog.apply_button.text() == "&Import 9 settings"
    assert _settings(services) == 0


def test_choosing_all_authorities_previews_again_and_apply_imports(qtbot, dialog, services):
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    with qtbot.waitSignal(dialog.job_settled, timeout=15_000):
        dialog.authority.setFocus()
        qtbot.keyClick(dialog.authority, Qt.Key.Key_Home)  # "All local authorities"
    assert dialog.authority.currentData() == "all"
    assert dialog.counts.counts()["new"] == 10
    with qtbot.waitSignal(dialog.imported, timeout=15_000) as imported:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].startswith("Imported settings: 10 added")
    assert dialog.step() == "done"
    assert dialog.close_button.text() == "Close"
    assert _settings(services) == 10
    assert services.imports.remembered_authority() == "all"


def test_a_second_import_lists_changes_field_by_field(qtbot, dialog, services, tmp_path):
    services.imports.apply_settings(services.imports.preview_settings(GIAS.read_bytes(), "g.csv", "990"))
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(GIAS.read_bytes().replace(b"Gorcote Primary Academy", b"Gorcote Village Academy"))
    choose_file(qtbot, dialog, renamed)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert "Remembered" in dialog.why.text()
    assert dialog.counts.counts()["changed"] == 1
    assert dialog.tabs.currentWidget() is dialog.tabs.views["changed"]
    changed = dialog.tabs.model("changed").rows()
    assert [(c.urn, c.field, c.before, c.after) for c in changed] == [
        (960006, "Name", "Gorcote Primary Academy", "Gorcote Village Academy")
    ]


def test_nothing_to_import_says_so_and_cannot_apply(qtbot, dialog, services):
    services.imports.apply_settings(services.imports.preview_settings(GIAS.read_bytes(), "g.csv", "990"))
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.counts.counts()["unchanged"] == 9
    assert not dialog.apply_button.isEnabled()
    assert "already up to date" in dialog.message.text


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("report.csv", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "is a PDF document"),
        ("empty.csv", b"", "is empty"),
        (
            "colons.csv",
            b"URN:EstablishmentName:EstablishmentStatus (name)\r\n960001:A School:Open\r\n",
            "(its header starts: URN:EstablishmentName",
        ),
        ("no_urn.csv", b'"EstablishmentName","EstablishmentStatus (name)"\r\n"A","Open"\r\n', "“URN”"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_written(
    qtbot, dialog, services, bad_file, name, data, expected
):
    choose_file(qtbot, dialog, bad_file(name, data))
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.step() == "file"
    assert expected in dialog.message.text
    assert "Nothing was imported" in dialog.message.text
    assert _settings(services) == 0


def test_a_semicolon_separated_file_is_read_and_the_preview_says_so(qtbot, dialog, tmp_path):
    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_bytes(GIAS.read_bytes().replace(b'","', b'";"'))
    choose_file(qtbot, dialog, semicolons)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.counts.counts()["new"] == 9
    notes = [p.message for p in dialog.tabs.model("problems").rows()]
    assert any("separated by semicolons" in n for n in notes)


def test_a_missing_file_is_refused(qtbot, dialog, tmp_path):
    choose_file(qtbot, dialog, tmp_path / "nowhere.csv")
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert "There is no file at" in dialog.message.text


def test_rejected_rows_are_listed_by_row_and_column(qtbot, dialog, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes(GIAS.read_bytes().replace(b'"960003"', b'"96A003"'))
    choose_file(qtbot, dialog, broken)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.counts.counts()["rows rejected"] == 1
    problems = dialog.tabs.model("problems")
    rejected = [p for p in problems.rows() if p.severity.value == "error"]
    assert [(p.row, p.column) for p in rejected] == [(4, "URN")]
    assert problems.index(0, 2).data() == "Left out"


def test_cancelling_an_apply_writes_nothing(qtbot, dialog, services, monkeypatch):
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    real, gate = services.imports.apply_settings, threading.Event()

    def held_until_cancelled(preview, *, progress):
        gate.wait(10)  # the import is under way when the advisor presses Cancel
        return real(preview, progress=progress)

    monkeypatch.setattr(services.imports, "apply_settings", held_until_cancelled)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    progress = shown_dialog(qtbot, dialog, QProgressDialog)
    with qtbot.waitSignal(dialog.job_settled, timeout=15_000):
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        gate.set()
    assert dialog.step() == "preview"
    assert dialog.message.text == "Stopped. Nothing was imported."
    assert _settings(services) == 0


def test_the_preview_tables_pass_the_model_tester(qtbot, dialog, qtmodeltester):
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    for key in ("new", "changed", "closed", "successors", "problems"):
        qtmodeltester.check(dialog.tabs.model(key))


def test_a_database_changed_since_the_preview_is_refused_at_apply(qtbot, dialog, services):
    choose_file(qtbot, dialog, GIAS)
    click_and_settle(qtbot, dialog, dialog.next_button)
    services.imports.apply_settings(services.imports.preview_settings(GIAS.read_bytes(), "g.csv", "990"))
    click_and_settle(qtbot, dialog, dialog.apply_button)
    assert dialog.step() == "preview"
    assert dialog.message.text == "The settings changed since this preview; preview the file again"


def test_a_read_only_database_refuses_the_import(qtbot, db, clock, settled_pool):
    read_only = Services.build(
        db.sessions, clock=clock, read_only_reason="Another copy of the app has it open."
    )
    shown = SettingsImportDialog(read_only)
    qtbot.addWidget(shown)
    shown.show()
    choose_file(qtbot, shown, GIAS)
    click_and_settle(qtbot, shown, shown.next_button)  # reading is allowed
    click_and_settle(qtbot, shown, shown.apply_button)
    assert shown.message.text == "Another copy of the app has it open."
    assert _settings(read_only) == 0


def test_an_excel_workbook_is_previewed_like_the_csv(qtbot, dialog, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for row in csv.reader(io.StringIO(GIAS.read_bytes().decode("cp1252"), newline="")):
        sheet.append([int(cell) if cell.isdigit() and len(cell) == 6 else cell for cell in row])
    path = tmp_path / "extract.xlsx"
    workbook.save(path)
    choose_file(qtbot, dialog, path)
    click_and_settle(qtbot, dialog, dialog.next_button)
    assert dialog.counts.counts()["new"] == 9
    assert "workbook" in dialog.summary.text()
