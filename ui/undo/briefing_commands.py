"""Undoable changes to briefings: edit, reschedule and cancel."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QUndoStack

from briefings.scheduling import BriefingFields
from briefings.services import Services
from ui.undo.stack import ServiceCommand


class EditBriefing(ServiceCommand):
    """Undo puts back the details the edit overwrote."""

    def __init__(
        self,
        stack: QUndoStack,
        services: Services,
        briefing_id: int,
        before: BriefingFields,
        after: BriefingFields,
    ) -> None:
        super().__init__(f"Edit “{after.title}”", stack)
        self._services, self._id, self._before, self._after = services, briefing_id, before, after

    def apply(self) -> None:
        self._services.briefings.update(self._id, self._after)

    def revert(self) -> None:
        self._services.briefings.update(self._id, self._before)


class RescheduleBriefing(ServiceCommand):
    """Undo moves the briefing back to its old times."""

    def __init__(
        self,
        stack: QUndoStack,
        services: Services,
        briefing_id: int,
        title: str,
        *,
        before: tuple[datetime, datetime],
        after: tuple[datetime, datetime],
    ) -> None:
        super().__init__(f"Reschedule “{title}”", stack)
        self._services, self._id, self._before, self._after = services, briefing_id, before, after

    def apply(self) -> None:
        self._services.briefings.reschedule(self._id, *self._after)

    def revert(self) -> None:
        self._services.briefings.reschedule(self._id, *self._before)


class CancelBriefing(ServiceCommand):
    """Undo reinstates the briefing."""

    def __init__(
        self, stack: QUndoStack, services: Services, briefing_id: int, title: str, reason: str | None
    ) -> None:
        super().__init__(f"Cancel “{title}”", stack)
        self._services, self._id, self._reason = services, briefing_id, reason

    def apply(self) -> None:
        self._services.briefings.cancel(self._id, self._reason)

    def revert(self) -> None:
        self._services.briefings.reinstate(self._id)
