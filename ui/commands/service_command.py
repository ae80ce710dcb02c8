"""An edit already made through a service, which undo and redo make again through the service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QUndoCommand
from typing_extensions import override

from briefings.errors import DomainError

Report = Callable[[str], None]
F = TypeVar("F")


class ServiceCommand(QUndoCommand):
    """Pushed after the service call succeeded, so the stack's first ``redo()`` does nothing.

    Undo and redo call the service; if it refuses (say the seats went to someone else since),
    the advisor is told why, nothing changes, and the command leaves the stack.
    """

    def __init__(
        self, text: str, *, undo: Callable[[], object], redo: Callable[[], object], report: Report
    ) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._report = report
        self._pushed = False

    @override
    def undo(self) -> None:
        self._apply(self._undo, "Undid", "undo")

    @override
    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the edit itself was the first "redo"
            return
        self._apply(self._redo, "Redid", "redo")

    def _apply(self, action: Callable[[], object], done: str, verb: str) -> None:
        try:
            action()
        except DomainError as error:
            self.setObsolete(True)
            self._report(f"Could not {verb} “{self.text()}”: {error.message}")
            return
        self._report(f"{done}: {self.text()}")


def overwrite(text: str, save: Callable[[F], object], before: F, after: F, report: Report) -> ServiceCommand:
    """An edit that overwrote a record's fields: undo saves the old fields again, redo the new ones."""
    return ServiceCommand(text, undo=lambda: save(before), redo=lambda: save(after), report=report)
