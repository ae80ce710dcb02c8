"""The undo stack and the base of every command that reverses a change made through the services."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from typing_extensions import override

from briefings.errors import DomainError


class UndoStack(QUndoStack):
    """The window's one undo stack, telling the window what undo and redo did.

    Signals:
        applied: "Undone: Cancel “DSL update”" after an undo or redo went through.
        refused: why the services refused an undo or redo (the data is left as it was).
    """

    applied = Signal(str)
    refused = Signal(str)


class ServiceCommand(QUndoCommand):
    """A change already made through the services, which undo reverses and redo makes again.

    Pages make the change first (so a refusal shows next to the field and nothing is pushed),
    then push the command; QUndoStack.push calls redo() at once, which therefore does nothing
    the first time. A refused undo or redo makes the command obsolete, so the stack drops it
    rather than offering a step that cannot be taken.
    """

    def __init__(self, text: str, stack: QUndoStack) -> None:
        super().__init__(text)
        self._stack = stack
        self._done = False

    def apply(self) -> None:
        """Make the change again."""
        raise NotImplementedError

    def revert(self) -> None:
        """Put back what the change replaced."""
        raise NotImplementedError

    @override
    def redo(self) -> None:
        if not self._done:
            self._done = True
            return
        self._run(self.apply, "Redone", "redo")

    @override
    def undo(self) -> None:
        self._run(self.revert, "Undone", "undo")

    def _run(self, step: Callable[[], None], done: str, verb: str) -> None:
        try:
            step()
        except DomainError as error:
            self.setObsolete(True)
            if isinstance(self._stack, UndoStack):
                self._stack.refused.emit(f"Could not {verb} “{self.text()}”: {error.message}")
            return
        if isinstance(self._stack, UndoStack):
            self._stack.applied.emit(f"{done}: {self.text()}")
