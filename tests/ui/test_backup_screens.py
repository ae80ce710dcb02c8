from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from briefings.queries.directory import SettingFilter
from briefings.services import Services
from tests.ui.message_driving import answer, message_box
from tests.ui.page_driving import OFFSCREEN_LIMITS, click_row, replace_text, shown_dialog
from ui.dialogs.backup_settings_dialog import BackupSettingsDialog
from ui.dialogs.restore_dialog import RestoreDialog
from ui.itemmodels.backup_rows import BackupTableModel, kind_text, size_text
from ui.undo.stack import CallbackCommand

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]


def setting_names(services: Services) -> list[str]:
    return [s.name for s in services.directory.settings(SettingFilter(openness="all"))]


def restore_dialog(qtbot, window) -> RestoreDialog:
    window.storage_actions.restore_action.trigger()
    return shown_dialog(qtbot, window, RestoreDialog)


def test_back_up_now_runs_in_the_background_and_says_where_the_backup_went(qtbot, window, db_path):
    qtbot.keyClick(
        window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    box = message_box(qtbot, window, "Backed up")
    folder = db_path.parent / "backups"
    (backup,) = folder.iterdir()
    assert str(folder) in box.text()
    assert backup.name in box.text()
    assert window.statusBar().currentMessage().startswith(f"Backed up to {backup}")


def test_a_backup_that_cannot_be_written_is_explained(qtbot, window, services, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    services.backups.set_settings(blocker, 3)
    window.storage_actions.back_up_action.trigger()
    text = answer(qtbot, window, "No backup was taken", "OK")
    assert str(blocker) in text


def test_restore_lists_checks_asks_restores_and_reloads(qtbot, window, services, make_setting, clock):
    make_setting(name="Ashdown Primary")
    backup = services.backups.back_up_now()
    clock.advance(timedelta(hours=2))
    make_setting(name="Beacon High")
    window.undo_stack.push(CallbackCommand("Add Beacon High", undo=lambda: None, redo=lambda: None))
    schools = window.page_named("SchoolsPage")

    dialog = restore_dialog(qtbot, window)
    assert [r.name for r in dialog.model.rows()] == [backup.name]
    assert dialog.model.index(0, 1).data() == "Backed up by hand"
    assert not dialog.restore_button.isEnabled()
    click_row(qtbot, dialog.table, 0)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=5000)
    assert dialog.status.text().startswith(f"✔ Checked: {backup.name} is a sound backup")

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    question = answer(qtbot, dialog, "Restore this backup?", "Restore")
    assert f"kept aside in {backup.path.parent}" in question
    assert "Anything changed since this backup was taken will not be in the restored database" in question
    told = answer(qtbot, window, "Restored", "OK")

    assert told.startswith(f"Restored {backup.name}. The database as it was is kept in ")
    assert setting_names(services) == ["Ashdown Primary"]
    assert window.undo_stack.count() == 0
    qtbot.waitUntil(lambda: [r.name for r in schools.model.rows()] == ["Ashdown Primary"], timeout=5000)
    kept = [b for b in services.backups.backups() if b.kind == "before-restore"]
    assert len(kept) == 1
    assert services.audit.events()[0].action == "restored"


def test_saying_no_to_the_question_restores_nothing(qtbot, window, services, make_setting):
    services.backups.back_up_now()
    make_setting(name="Beacon High")
    dialog = restore_dialog(qtbot, window)
    click_row(qtbot, dialog.table, 0)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog, "Restore this backup?", "Cancel")
    assert dialog.isVisible()
    assert setting_names(services) == ["Beacon High"]


def test_a_file_that_is_not_a_backup_is_refused_before_anything_changes(qtbot, window, services, tmp_path):
    junk = tmp_path / "holiday-photos.sqlite3"
    junk.write_bytes(b"not a database at all")
    dialog = restore_dialog(qtbot, window)
    assert dialog.table_state.showing_message
    assert "No backups in" in dialog.table_state.message.text()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    chooser = shown_dialog(qtbot, dialog, QFileDialog)
    chooser.selectFile(str(junk))
    chooser.accept()
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "is not a database file" in dialog.error.text()
    assert dialog.status.text() == "✘ This file cannot be restored."
    assert not dialog.restore_button.isEnabled()


def test_backup_settings_choose_the_folder_and_how_many_are_kept(qtbot, window, services, tmp_path):
    window.storage_actions.settings_action.trigger()
    dialog = shown_dialog(qtbot, window, BackupSettingsDialog)
    assert dialog.folder_edit.text() == ""
    replace_text(qtbot, dialog.folder_edit, "on-the-desktop")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message_for("folder") == "Choose the backup folder with its full path"
    stick = tmp_path / "encrypted stick"
    replace_text(qtbot, dialog.folder_edit, str(stick))
    dialog.keep_spin.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = services.backups.settings()
    assert (stored.folder, stored.chosen, stored.keep) == (stick, True, 3)
    assert window.statusBar().currentMessage() == f"Backups now go to {stick}; keeping 3 of each kind"


def test_the_backup_table_passes_the_model_tester(qtmodeltester, services, clock):
    for _ in range(3):
        services.backups.back_up_now()
        clock.advance(timedelta(days=1))
    model = BackupTableModel()
    model.set_rows(services.backups.backups())
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(3)] == [
        "3 Oct 2025 10:00",
        "2 Oct 2025 10:00",
        "1 Oct 2025 10:00",
    ]


def test_kinds_and_sizes_read_as_words():
    assert [kind_text(k) for k in ("daily", "before-upgrade", "before-restore", "weekly")] == [
        "Daily",
        "Before an upgrade",
        "Before a restore",
        "Weekly",
    ]
    assert [size_text(n) for n in (0, 840_000, 12_345_678)] == ["0 KB", "840 KB", "12.3 MB"]
