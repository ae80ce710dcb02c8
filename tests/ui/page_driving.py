"""Helpers for driving the directory pages as a user would (imported by their tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QTableView, QWidget

from ui.background_load import LatestLoad
from ui.itemmodels.row_table import ROW_ROLE
from ui.widgets.search_chooser import SearchChooser

D = TypeVar("D", bound=QDialog)

# The offscreen platform cannot propagate size hints, raise windows or grab the keyboard for
# pop-ups, and says so as a Qt warning; those warnings are about the test platform, not the app.
OFFSCREEN_LIMITS = r"^This plugin does not support (propagateSizeHints|raise|grabbing)"


def settle(qtbot: Any, widget: QWidget, timeout: int = 5000) -> None:
    """Wait until every background load under ``widget`` has finished."""
    qtbot.waitUntil(lambda: not any(load.busy for load in widget.findChildren(LatestLoad)), timeout=timeout)


def shown_dialog(qtbot: Any, parent: QWidget, kind: type[D]) -> D:
    """The dialog of ``kind`` the page has just opened."""
    found: list[D] = []

    def visible() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=3000)
    return found[-1]


def choose(qtbot: Any, chooser: SearchChooser, text: str, pick: str | None = None) -> None:
    """Type into a chooser, wait for its pop-up, and pick the match whose label is ``pick``."""
    chooser.setFocus()
    qtbot.keyClicks(chooser, text)
    qtbot.waitUntil(chooser.popup_visible, timeout=5000)
    labels = [c.label for c in chooser.matches.choices]
    steps = labels.index(pick) + 1 if pick is not None else 1
    popup = chooser.popup()
    for _ in range(steps):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chooser.choice is not None
    if pick is not None:
        assert chooser.choice.label == pick


def shown_rows(table: QTableView) -> list[Any]:
    """The row objects a table shows, top to bottom."""
    model = table.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def cell_texts(table: QTableView, column: int) -> list[str]:
    """The words in one column, top to bottom."""
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def click_row(qtbot: Any, table: QTableView, row: int, *, double: bool = False) -> None:
    """Click (or double-click) the first cell of a row."""
    rect = table.visualRect(table.model().index(row, 0))
    point = rect.center() if rect.isValid() else QPoint(5, 5)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def replace_text(qtbot: Any, edit: QWidget, text: str) -> None:
    """Select everything in a line edit and type ``text`` over it."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(edit, text)


def tick(qtbot: Any, box: QWidget) -> None:
    """Click a check box on its box (a click past its label does nothing, as for a user)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def press(
    qtbot: Any, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key with the keyboard focus in ``widget`` (page shortcuts need the focus inside the page)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    qtbot.keyClick(widget, key, modifiers)


@contextmanager
def shown(qtbot: Any, page: QWidget) -> Iterator[QWidget]:
    """Show a page at a laptop's size for a test, and let its background loads finish afterwards."""
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    yield page
    settle(qtbot, page)


def load(qtbot: Any, page: Any) -> None:
    """Refresh a directory page and wait for its first page of rows."""
    with qtbot.waitSignal(page.model.reloaded, timeout=5000):
        page.refresh()


def click_when_ready(qtbot: Any, widget: QWidget, timeout: int = 10_000) -> None:
    """Click ``widget`` as a person would: once it is shown *and* laid out.

    A widget just shown has no size until the next layout pass; a click at its centre before then
    lands outside it, which under load made tests fail now and then.
    """
    qtbot.waitUntil(lambda: widget.isVisible() and not widget.rect().isEmpty(), timeout=timeout)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
