"""Fixtures for driving the window and its pages as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefings.services import Services


@pytest.fixture
def settled_pool(services: Services) -> Iterator[None]:
    """After the test, wait for background loads before the database closes under them."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def ui_settings(tmp_path):
    """Window settings in a file of this test's own (never the user's)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def undo_stack(qtbot):
    from ui.undo.stack import UndoStack

    return UndoStack()


@pytest.fixture
def window(qtbot, services, ui_settings, settled_pool):
    """The main window over the test database, shown."""
    from ui.app_info import AppInfo
    from ui.main_window import MainWindow
    from ui.pages.catalogue import PAGES

    main = MainWindow(services, AppInfo("9.9.9", "county.sqlite3"), PAGES, settings=ui_settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def page_of(window, class_name: str):
    page = window.page_named(class_name)
    assert page is not None
    return page


@pytest.fixture
def host(qtbot):
    """A window for dialogs to open over (they delete themselves on close, so qtbot must not own them)."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget
