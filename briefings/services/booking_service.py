"""What the UI may ask about bookings, the waiting list and attendance."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from briefings import booking
from briefings.errors import ConflictError, OperationCancelled, ValidationError
from briefings.lookup import get_or_fail
from briefings.queries.audience import AudienceMember, audience_members
from briefings.queries.briefings import RegisterRow, briefing_register
from briefings.services.base import Service
from models.enums import Attendance, BookingStatus, Phase, Role
from models.registrations import Registration


@dataclass(frozen=True)
class BookingOutcome:
    """What booking several people at once did."""

    booked: tuple[int, ...]
    waitlisted: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...]

    @property
    def summary(self) -> str:
        """One line for a status bar."""
        parts = [f"{len(self.booked)} booked"]
        if self.waitlisted:
            parts.append(f"{len(self.waitlisted)} on the waiting list")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


@dataclass(frozen=True)
class AttendanceMark:
    """One booking's attendance as it stands or should stand (what undo puts back)."""

    registration_id: int
    attendance: Attendance | None
    minutes: int | None = None
    source: str | None = None

    @classmethod
    def of(cls, row: RegisterRow) -> AttendanceMark:
        """The mark a register row holds now, with where it came from."""
        return cls(row.registration_id, row.attendance, row.minutes_attended, row.source)


@dataclass(frozen=True)
class CancelOutcome:
    """A cancelled booking, what it was before (for undo), and who moved up."""

    registration_id: int
    previous_status: BookingStatus
    previous_queued_at: datetime
    promoted: tuple[int, ...]


class BookingService(Service):
    """Book, cancel and mark attendance. One transaction per call; returns rows."""

    def book(
        self, briefing_id: int, person_id: int, *, setting_id: int | None = None, role: Role | None = None
    ) -> RegisterRow:
        """Book one person (waiting list when full)."""
        with self._write() as session:
            registration = booking.register_person(
                session, briefing_id, person_id, self.now(), setting_id=setting_id, role=role
            )
            return self._row(session, registration)

    def book_many(
        self,
        briefing_id: int,
        people: Sequence[tuple[int, int | None, Role | None]],
        *,
        progress: Callable[[int, int], bool] | None = None,
    ) -> BookingOutcome:
        """Book several (person, setting, role) at once; those already booked are skipped, not errors.

        All or nothing for real failures: a missing briefing or person undoes the whole batch, and
        so does ``progress`` returning False (OperationCancelled: nobody is booked).
        """
        booked: list[int] = []
        waitlisted: list[int] = []
        skipped: list[tuple[int, str]] = []
        now = self.now()
        with self._write() as session:
            for done, (person_id, setting_id, role) in enumerate(people):
                if progress is not None and not progress(done, len(people)):
                    raise OperationCancelled
                try:
                    with session.begin_nested():
                        registration = booking.register_person(
                            session, briefing_id, person_id, now, setting_id=setting_id, role=role
                        )
                except ConflictError as error:
                    if error.field != "person_id":
                        raise
                    skipped.append((person_id, error.message))
                    continue
                target = booked if registration.status is BookingStatus.BOOKED else waitlisted
                target.append(person_id)
        return BookingOutcome(tuple(booked), tuple(waitlisted), tuple(skipped))

    def audience(
        self, *, roles: Iterable[Role] = (), phases: Iterable[Phase] = (), districts: Iterable[str] = ()
    ) -> list[AudienceMember]:
        """People matching an audience (for "add a whole audience at once")."""
        with self._read() as session:
            return audience_members(session, self.now(), roles=roles, phases=phases, districts=districts)

    def add_walk_in(
        self, briefing_id: int, person_id: int, *, setting_id: int | None = None, role: Role | None = None
    ) -> RegisterRow:
        """Someone who came without booking."""
        with self._write() as session:
            registration = booking.add_walk_in(
                session, briefing_id, person_id, self.now(), setting_id=setting_id, role=role
            )
            return self._row(session, registration)

    def cancel(self, registration_id: int) -> CancelOutcome:
        """Cancel a booking; the first on the waiting list takes the place."""
        with self._write() as session:
            registration = get_or_fail(session, Registration, registration_id, "Booking", "registration_id")
            status, queued_at = registration.status, registration.queued_at
            _, promoted = booking.cancel_registration(session, registration_id, self.now())
            return CancelOutcome(registration.id, status, queued_at, tuple(r.id for r in promoted))

    def restore(self, outcome: CancelOutcome) -> RegisterRow:
        """Undo a cancellation made by :meth:`cancel`."""
        with self._write() as session:
            registration = booking.restore_registration(
                session, outcome.registration_id, outcome.previous_status, outcome.previous_queued_at
            )
            return self._row(session, registration)

    def mark(
        self,
        registration_id: int,
        attendance: Attendance | None,
        minutes: int | None = None,
        *,
        source: str = "manual",
    ) -> RegisterRow:
        """Record or clear one person's attendance."""
        with self._write() as session:
            registration = booking.mark_attendance(
                session, registration_id, attendance, self.now(), minutes=minutes, source=source
            )
            return self._row(session, registration)

    def mark_many(self, marks: Sequence[AttendanceMark], *, source: str = "manual") -> list[RegisterRow]:
        """Set several bookings' marks in one transaction (keyboard marking of a selection, undo).

        A mark's own ``source`` (undo putting back a register import) wins over ``source``. All or
        nothing: one refused mark leaves every booking as it was.
        """
        with self._write() as session:
            registrations = [
                booking.mark_attendance(
                    session,
                    m.registration_id,
                    m.attendance,
                    self.now(),
                    minutes=m.minutes,
                    source=m.source or source,
                )
                for m in marks
            ]
            wanted = {r.id for r in registrations}
            briefing_ids = dict.fromkeys(r.briefing_id for r in registrations)
            return [
                row
                for briefing_id in briefing_ids
                for row in briefing_register(session, briefing_id)
                if row.registration_id in wanted
            ]

    def mark_all_present(self, briefing_id: int) -> int:
        """Everyone booked and unmarked is present; returns how many were marked."""
        with self._write() as session:
            return len(booking.mark_booked_present(session, briefing_id, self.now()))

    def mark_numbers(self, briefing_id: int, numbers: Iterable[int], *, others_absent: bool = False) -> int:
        """Mark present the rows ticked on the printed register; returns how many changed."""
        with self._write() as session:
            return len(
                booking.mark_by_numbers(
                    session, briefing_id, numbers, self.now(), others_absent=others_absent
                )
            )

    @staticmethod
    def parse_row_numbers(text: str) -> list[int]:
        """Row numbers typed as "1, 4, 7-9 12" (commas, spaces and ranges)."""
        numbers: list[int] = []
        for token in text.replace(",", " ").split():
            first, dash, last = token.partition("-")
            try:
                low = int(first)
                high = int(last) if dash else low
            except ValueError:
                raise ValidationError(
                    f"“{token}” is not a row number or a range like 4-7", "numbers"
                ) from None
            if high < low:
                raise ValidationError(f"The range {token} runs backwards", "numbers")
            numbers.extend(range(low, high + 1))
        return numbers

    @staticmethod
    def _row(session: Session, registration: Registration) -> RegisterRow:
        # The sign-in number depends on the whole register, so the row comes from it.
        return next(
            r
            for r in briefing_register(session, registration.briefing_id)
            if r.registration_id == registration.id
        )
