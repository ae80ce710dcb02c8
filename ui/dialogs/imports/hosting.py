"""How an import dialog tells the window it is finished: a status line, and the page on show reloaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@runtime_checkable
class Refreshable(Protocol):
    """A page that can reload what it shows."""

    def refresh(self) -> None:
        """Reload from the services."""


@runtime_checkable
class ImportHost(Protocol):
    """What the main window offers an import (duck-typed so dialogs need not import the window)."""

    def say(self, message: str) -> None:
        """A line in the status bar."""

    def current_page(self) -> Refreshable:
        """The page on show."""


def reporter(parent: QWidget | None) -> Callable[[str], None]:
    """Where an import's closing line goes: the window's status bar (reloading its page), or nowhere."""
    if isinstance(parent, ImportHost):
        host = parent

        def report(message: str) -> None:
            host.current_page().refresh()
            host.say(message)

        return report
    return lambda _message: None
