"""The shape every directory page shares: filters on top, a list and its buttons, the detail beside it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget


def row(widgets: Sequence[QWidget | None], *, stretch_first: bool = False) -> QHBoxLayout:
    """Widgets in a line; None stands for a stretch. With ``stretch_first`` the first one grows."""
    line = QHBoxLayout()
    for number, widget in enumerate(widgets):
        if widget is None:
            line.addStretch(1)
        else:
            line.addWidget(widget, 1 if stretch_first and number == 0 else 0)
    return line


def stacked(main: QWidget, below: QHBoxLayout) -> QWidget:
    """``main`` taking the space, with a row of buttons under it."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(main, 1)
    column.addLayout(below)
    return holder


def list_and_detail(
    page: QWidget,
    *,
    filters: QHBoxLayout | None,
    listing: QWidget,
    detail: QWidget,
    sizes: tuple[int, int],
    vertical: bool = False,
) -> QSplitter:
    """Lay ``page`` out: the filters across the top, then the list and the detail in a splitter."""
    splitter = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
    splitter.addWidget(listing)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 3 if vertical else 1)
    splitter.setSizes(list(sizes))
    layout = QVBoxLayout(page)
    if filters is not None:
        layout.addLayout(filters)
    layout.addWidget(splitter, 1)
    return splitter
