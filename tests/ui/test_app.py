from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def test_the_app_opens_its_window_over_the_database_given(qtbot, db_path, tmp_path):
    import main
    from ui.main_window import MainWindow

    # The window remembers its layout in the user's settings; keep this test's to itself.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen = []

    def close_the_window():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append((widget.windowTitle(), widget.current_page().title))
                widget.close()

    QTimer.singleShot(300, close_the_window)
    try:
        assert main.main(["--database", str(db_path)]) == 0
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()  # the test run goes on: let the collector see everything again
    assert seen == [(f"Briefing Desk — {db_path}", "Dashboard")]
    # Start-up objects live until exit; frozen, full collections skip them (no 60 ms stalls).
    assert frozen > 10_000
