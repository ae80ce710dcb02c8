"""Keyboard shortcuts that belong to a page: active while focus is anywhere inside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def page_action(
    page: QWidget, text: str, shortcut: str | QKeySequence.StandardKey, slot: Callable[[], object]
) -> QAction:
    """An action on ``page`` whose shortcut works only while the page (or a child) has focus.

    The main window may list the page's actions (``page.actions()``) in a menu.
    """
    action = QAction(text, page)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    return action
