from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.page_driving import OFFSCREEN_LIMITS
from ui.app_info import AppInfo
from ui.main_window import MainWindow
from ui.pages.catalogue import PAGES
from ui.widgets.notice_bar import NoticeBar

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)]

STALE_LOCK = (
    "Briefing Desk did not close properly last time (process 3977, opened 16:40 on 30 September 2025). "
    "Its lock was cleared; the database was checked and is intact."
)
FAILED_BACKUP = "Today's backup failed: the disk is full. Back up now, or choose another backup folder."


@pytest.fixture
def window_with_notices(qtbot, services, ui_settings, settled_pool):
    info = AppInfo("9.9.9", "county.sqlite3", (STALE_LOCK, FAILED_BACKUP))
    window = MainWindow(services, info, PAGES, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_start_up_notices_stay_until_dismissed_one_by_one(qtbot, window_with_notices):
    bar = window_with_notices.notice_bar
    assert bar.isVisible()
    assert bar.banner is None
    assert [n.text for n in bar.notices()] == [STALE_LOCK, FAILED_BACKUP]
    assert all(n.isVisible() for n in bar.notices())
    first, second = bar.notices()
    with qtbot.waitSignal(bar.dismissed) as dismissed:
        qtbot.mouseClick(first.dismiss_button, Qt.MouseButton.LeftButton)
    assert dismissed.args == [STALE_LOCK]
    assert [n.text for n in bar.notices()] == [FAILED_BACKUP]
    assert bar.isVisible()
    qtbot.mouseClick(second.dismiss_button, Qt.MouseButton.LeftButton)
    assert bar.notices() == []
    assert not bar.isVisible()


def test_a_writable_window_with_nothing_to_say_shows_no_bar(window):
    assert not window.notice_bar.isVisible()
    assert window.notice_bar.banner is None
    assert not window.windowTitle().endswith("(read-only)")


def test_notice_text_is_shown_as_written_never_as_markup(qtbot):
    bar = NoticeBar("Read-only: <b>alice</b> has it open", ("A folder called <i>backups</i> failed",))
    qtbot.addWidget(bar)
    assert bar.banner is not None
    assert bar.banner.label.textFormat() == Qt.TextFormat.PlainText
    assert bar.notices()[0].label.textFormat() == Qt.TextFormat.PlainText
    assert bar.notices()[0].text == "A folder called <i>backups</i> failed"
