from __future__ import annotations

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
    assert main.main(["--database", str(db_path)]) == 0
    assert seen == [(f"Briefing Desk — {db_path}", "Dashboard")]
