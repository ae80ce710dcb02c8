"""Undoable changes to a register: cancelling a booking and marking attendance."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoStack

from briefings.services import Services
from briefings.services.booking_service import AttendanceMark, CancelOutcome
from ui.undo.stack import ServiceCommand


class CancelBooking(ServiceCommand):
    """Undo restores the booking (whoever was promoted meanwhile keeps their place)."""

    def __init__(self, stack: QUndoStack, services: Services, outcome: CancelOutcome, name: str) -> None:
        super().__init__(f"Cancel {name}'s booking", stack)
        self._services, self._outcome = services, outcome

    def apply(self) -> None:
        self._outcome = self._services.bookings.cancel(self._outcome.registration_id)

    def revert(self) -> None:
        self._services.bookings.restore(self._outcome)


class MarkAttendance(ServiceCommand):
    """Undo puts back each booking's previous mark and minutes, in one transaction."""

    def __init__(
        self,
        stack: QUndoStack,
        services: Services,
        text: str,
        *,
        before: Sequence[AttendanceMark],
        after: Sequence[AttendanceMark],
        source: str = "manual",
    ) -> None:
        super().__init__(text, stack)
        self._services, self._before, self._after, self._source = services, before, after, source

    def apply(self) -> None:
        self._services.bookings.mark_many(self._after, source=self._source)

    def revert(self) -> None:
        self._services.bookings.mark_many(self._before)
