"""Answering the message boxes the storage and privacy screens open, as a user would."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def message_box(qtbot: Any, parent: QWidget, title: str) -> QMessageBox:
    """The visible message box titled ``title`` among ``parent``'s children."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [b for b in parent.findChildren(QMessageBox) if b.isVisible() and b.windowTitle() == title]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[-1]


def button(box: QWidget, text: str) -> QAbstractButton:
    """The button labelled ``text`` (ignoring the & of its shortcut)."""
    buttons = [b for b in box.findChildren(QAbstractButton) if b.text().replace("&", "") == text]
    assert buttons, f"no button “{text}” in {[b.text() for b in box.findChildren(QAbstractButton)]}"
    return buttons[0]


def answer(qtbot: Any, parent: QWidget, title: str, choice: str) -> str:
    """Click ``choice`` in the message box titled ``title``; returns the box's text."""
    box = message_box(qtbot, parent, title)
    text = box.text()
    qtbot.mouseClick(button(box, choice), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(box), timeout=3000)
    return text


def gone(widget: QWidget) -> bool:
    """Whether a widget is closed (or deleted, as boxes that delete themselves on close are)."""
    try:
        return not widget.isVisible()
    except RuntimeError:  # its C++ object is already deleted
        return True
