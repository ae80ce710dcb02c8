"""A row of a page's commands that folds into a ">>" menu when the window is narrow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QToolButton, QWidget


class ActionBar(QToolBar):
    """Text buttons for a page's commands; each :meth:`add` returns its button (tests click it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(0, 0))

    def add(self, text: str, slot: Callable[[], object], tip: str = "") -> QToolButton:
        """A command; ``&`` in ``text`` marks its Alt key."""
        action = QAction(text, self)
        # A tool button shows the icon text, which by default drops "…" and the Alt-key marker.
        action.setIconText(text)
        action.triggered.connect(lambda _checked=False: slot())
        if tip:
            action.setToolTip(tip)
        self.addAction(action)
        button = self.widgetForAction(action)
        assert isinstance(button, QToolButton)  # noqa: S101 - QToolBar makes tool buttons for actions
        button.setAutoRaise(False)
        return button

    def add_stretch(self) -> None:
        """Push what follows to the right."""
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
