"""The start-up error dialog: restore a damaged database from a backup, or update the app for a newer one."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from briefings.services.file_restore import StartupAdvice, startup_problem
from briefings.storage.opening import open_for_use
from models.schema import DatabaseError
from tests.ui.message_driving import answer
from tests.ui.page_driving import OFFSCREEN_LIMITS, click_row, click_when_ready, shown_dialog
from ui.dialogs.restore_dialog import RestoreDialog
from ui.dialogs.startup_error import StartupErrorDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]
TITLE = "Briefing Desk cannot open the database"


@pytest.fixture
def damaged(services, db, db_path, make_setting):
    """The test database with a backup holding one setting, then damaged past opening."""
    make_setting(name="Ashdown Primary")
    backup = services.backups.back_up_now()
    db.dispose()
    data = bytearray(db_path.read_bytes())
    data[8192:16384] = b"\xa5" * 8192
    db_path.write_bytes(bytes(data))
    db_path.with_name(db_path.name + "-wal").unlink(missing_ok=True)
    return backup


def problem_opening(path, clock):
    with pytest.raises(DatabaseError) as caught:
        open_for_use(str(path), clock=clock)
    return startup_problem(str(path), caught.value, clock=clock)


def test_a_damaged_database_is_restored_from_the_start_up_dialog(qtbot, damaged, db_path, clock):
    problem = problem_opening(db_path, clock)
    assert problem.restore is not None
    dialog = StartupErrorDialog(
        TITLE, problem.message, restore=problem.restore, folder=problem.restore.folder
    )
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.heading.text() == "The database is damaged or is not a Briefing Desk database"
    assert "the file as it is now is kept aside first" in dialog.message.text()
    assert dialog.restore_button is not None
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    chooser = shown_dialog(qtbot, dialog, RestoreDialog)
    assert [r.name for r in chooser.model.rows()] == [damaged.name]
    click_row(qtbot, chooser.table, 0)
    qtbot.waitUntil(chooser.restore_button.isEnabled, timeout=5000)
    qtbot.mouseClick(chooser.restore_button, Qt.MouseButton.LeftButton)
    answer(qtbot, chooser, "Restore this backup?", "Restore")
    # Visible is not yet clickable: the button has no height until the next layout pass.
    qtbot.waitUntil(
        lambda: dialog.open_button.isVisible() and dialog.open_button.height() > 0, timeout=10_000
    )
    assert dialog.message.text().startswith(f"Restored {damaged.name}. The database as it was is kept in ")
    assert not dialog.quit_button.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        click_when_ready(qtbot, dialog.open_button)
    assert dialog.report is not None
    opened = open_for_use(str(db_path), clock=clock)
    opened.close()


def test_a_database_from_a_newer_version_says_update_and_offers_no_restore(qtbot, db, db_path, clock):
    db.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    problem = problem_opening(db_path, clock)
    assert problem.advice is StartupAdvice.UPDATE
    dialog = StartupErrorDialog(TITLE, problem.message, update_app=True)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.restore_button is None
    assert dialog.heading.text() == "This database needs a newer version of Briefing Desk"
    assert dialog.message.text() == problem.message
    assert problem.message.endswith("Update the app to open it; it has not been changed.")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)


def test_the_app_explains_a_newer_database_and_quits_when_asked(qtbot, db, db_path):
    import main

    db.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    seen = []

    def quit_from_the_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StartupErrorDialog)
        seen.append(dialog.heading.text())
        dialog.quit_button.click()

    QTimer.singleShot(0, quit_from_the_dialog)
    assert main.main(["--database", str(db_path)]) == 2
    assert seen == ["This database needs a newer version of Briefing Desk"]


def test_after_a_restore_at_start_up_the_app_opens_the_database(damaged, db_path, monkeypatch):
    import main
    import ui.app

    offered, opened = [], []

    def restore_the_backup(title, message, problem=None):
        offered.append((title, problem.advice))
        problem.restore.restore(damaged.path)
        return True

    def run_window(app, services, info, first_run=None):
        opened.append([s.name for s in services.directory.settings()])
        return 0

    monkeypatch.setattr(ui.app, "show_startup_error", restore_the_backup)
    monkeypatch.setattr(ui.app, "run_main_window", run_window)
    assert main.main(["--database", str(db_path)]) == 0
    assert offered == [(TITLE, StartupAdvice.RESTORE)]
    assert opened == [["Ashdown Primary"]]
