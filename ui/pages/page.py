"""What every page offers the main window: a title, a refresh, and two signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from briefings.services import Services


class Page(QWidget):
    """Base of the pages in the navigation list.

    Signals:
        status_message: a line for the status bar ("Booked 12 people").
        open_requested: ask the window to show something elsewhere, as (kind, id) with kind one of
            "briefing", "setting", "person", "pool", "recording".
        loaded: what the page last asked for (on ``refresh()`` or a filter change) is on show.
            Every refresh ends in one: pages that load in the background emit it once the
            answer is shown, pages that read at once before ``refresh()`` returns (a load that
            fails says so in ``status_message`` instead). Tests and the benchmarks wait on it.
    """

    status_message = Signal(str)
    open_requested = Signal(str, int)
    loaded = Signal()

    #: Shown in the navigation list and the window title.
    title = "Page"

    def refresh(self) -> None:
        """Reload from the services (called when the page is shown and after changes elsewhere)."""

    def open_item(self, kind: str, item_id: int) -> bool:
        """Show one item of this page's kind; return False if this page does not show ``kind``."""
        del kind, item_id
        return False

    def focus_search(self) -> bool:
        """Put the cursor in the page's search box (Ctrl+F); return False if it has none."""
        return False


#: A page class, called as ``PageClass(services, undo_stack, parent)`` (see ui/pages/catalogue.py).
PageFactory = Callable[["Services", QUndoStack, QWidget | None], Page]
