"""Operations on registrations: book, waiting list, cancel, walk-ins and attendance."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.clock import london_today, require_aware
from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from briefings.register_order import sign_in_key
from models.briefings import Briefing
from models.enums import ATTENDED, SAFEGUARDING_LEADS, Attendance, BookingStatus, BriefingStatus, Role
from models.people import Membership, Person
from models.registrations import Registration
from models.settings import Setting

MAX_MINUTES = 24 * 60


def count_with_status(session: Session, briefing_id: int, status: BookingStatus) -> int:
    """How many registrations on a briefing have ``status``."""
    return (
        session.scalar(
            select(func.count()).where(Registration.briefing_id == briefing_id, Registration.status == status)
        )
        or 0
    )


def register_person(
    session: Session,
    briefing_id: int,
    person_id: int,
    now: datetime,
    *,
    setting_id: int | None = None,
    role: Role | None = None,
) -> Registration:
    """Book a place, or a place on the waiting list when the briefing is full.

    The setting and role the person comes for default to their current membership, preferring
    a role in the briefing's audience, then a safeguarding lead role.
    """
    require_aware(now, "now")
    briefing = _open_for_booking(session, briefing_id, now)
    person = _bookable_person(session, person_id)
    registration = _existing(session, briefing.id, person.id)
    if registration is not None and registration.status is not BookingStatus.CANCELLED:
        where = "booked on" if registration.status is BookingStatus.BOOKED else "on the waiting list for"
        raise ConflictError(f"{person.full_name} is already {where} “{briefing.title}”", "person_id")
    full = count_with_status(session, briefing.id, BookingStatus.BOOKED) >= briefing.capacity
    if registration is None:
        registration = Registration(briefing_id=briefing.id, person_id=person.id)
        session.add(registration)
    registration.status = BookingStatus.WAITLISTED if full else BookingStatus.BOOKED
    registration.queued_at = now
    registration.cancelled_at = None
    registration.attendance = None
    registration.minutes_attended = None
    registration.walk_in = False
    _assign_place(session, registration, briefing, person, now, setting_id=setting_id, role=role)
    session.flush()
    return registration


def add_walk_in(
    session: Session,
    briefing_id: int,
    person_id: int,
    now: datetime,
    *,
    setting_id: int | None = None,
    role: Role | None = None,
) -> Registration:
    """Someone who turned up without booking: booked even past capacity, flagged as a walk-in."""
    require_aware(now, "now")
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is BriefingStatus.CANCELLED:
        raise ConflictError(f"“{briefing.title}” is cancelled", "briefing_id")
    person = _bookable_person(session, person_id)
    registration = _existing(session, briefing.id, person.id)
    if registration is not None and registration.status is BookingStatus.BOOKED:
        raise ConflictError(f"{person.full_name} is already booked on “{briefing.title}”", "person_id")
    if registration is None:
        registration = Registration(briefing_id=briefing.id, person_id=person.id, queued_at=now)
        session.add(registration)
    registration.status = BookingStatus.BOOKED
    registration.walk_in = True
    registration.cancelled_at = None
    # Someone who came (perhaps recorded later from a report) came in the role they held then.
    _assign_place(
        session, registration, briefing, person, briefing.starts_at, setting_id=setting_id, role=role
    )
    session.flush()
    return registration


def cancel_registration(
    session: Session, registration_id: int, now: datetime
) -> tuple[Registration, list[Registration]]:
    """Cancel a booking or a waiting-list place; a freed place goes to the first waiting.

    Returns:
        The cancelled registration and whoever was promoted off the waiting list.
    """
    registration = get_or_fail(session, Registration, registration_id, "Booking", "registration_id")
    if registration.status is BookingStatus.CANCELLED:
        raise ConflictError("This booking is already cancelled", "registration_id")
    if registration.attendance is not None and registration.attendance.attended:
        raise ConflictError(
            "This person attended; clear their attendance before cancelling the booking", "registration_id"
        )
    registration.status = BookingStatus.CANCELLED
    registration.cancelled_at = require_aware(now, "now")
    session.flush()
    promoted = promote_waiting(session, registration.briefing)
    return registration, promoted


def restore_registration(
    session: Session, registration_id: int, status: BookingStatus, queued_at: datetime
) -> Registration:
    """Put a cancelled registration back as it was (the undo of a cancel).

    A restored booking may take the briefing past capacity; someone promoted meanwhile keeps
    their place, because they may already have been told.
    """
    registration = get_or_fail(session, Registration, registration_id, "Booking", "registration_id")
    if registration.status is not BookingStatus.CANCELLED:
        raise ConflictError("Only a cancelled booking can be restored", "registration_id")
    if status is BookingStatus.CANCELLED:
        raise ValidationError("Restore to booked or waiting, not cancelled", "status")
    registration.status = status
    registration.queued_at = queued_at
    registration.cancelled_at = None
    session.flush()
    return registration


def promote_waiting(session: Session, briefing: Briefing) -> list[Registration]:
    """Move people off the waiting list, first come first served, while places are free."""
    free = briefing.capacity - count_with_status(session, briefing.id, BookingStatus.BOOKED)
    if free <= 0:
        return []
    waiting = session.scalars(
        select(Registration)
        .where(Registration.briefing_id == briefing.id, Registration.status == BookingStatus.WAITLISTED)
        .order_by(Registration.queued_at, Registration.id)
        .limit(free)
    ).all()
    for registration in waiting:
        registration.status = BookingStatus.BOOKED
    session.flush()
    return list(waiting)


def mark_attendance(
    session: Session,
    registration_id: int,
    attendance: Attendance | None,
    now: datetime,
    *,
    minutes: int | None = None,
    source: str = "manual",
) -> Registration:
    """Record (or with None, clear) what happened on the day for one booking.

    "Present" with no minutes given counts the whole session; absent and apologies carry none.
    """
    registration = get_or_fail(session, Registration, registration_id, "Booking", "registration_id")
    briefing = registration.briefing
    _check_can_mark(briefing, registration, attendance, now)
    registration.attendance = attendance
    registration.minutes_attended = _minutes_for(briefing, attendance, minutes)
    registration.attendance_source = source if attendance is not None else None
    session.flush()
    return registration


def mark_booked_present(session: Session, briefing_id: int, now: datetime) -> list[Registration]:
    """Everyone booked and not yet marked becomes present for the whole session."""
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    unmarked = session.scalars(
        select(Registration).where(
            Registration.briefing_id == briefing.id,
            Registration.status == BookingStatus.BOOKED,
            Registration.attendance.is_(None),
        )
    ).all()
    for registration in unmarked:
        _check_can_mark(briefing, registration, Attendance.PRESENT, now)
        registration.attendance = Attendance.PRESENT
        registration.minutes_attended = briefing.minutes
        registration.attendance_source = "bulk"
    session.flush()
    return list(unmarked)


def mark_by_numbers(
    session: Session,
    briefing_id: int,
    numbers: Iterable[int],
    now: datetime,
    *,
    others_absent: bool = False,
) -> list[Registration]:
    """Mark present the rows ticked on a printed sign-in register, by their printed numbers.

    The numbering is :func:`sign_in_order`, the same the register PDF prints.
    """
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    order = sign_in_order(session, briefing.id)
    wanted = sorted(set(numbers))
    outside = [n for n in wanted if not 1 <= n <= len(order)]
    if outside:
        raise ValidationError(
            f"Row {outside[0]} is not on the register (rows run from 1 to {len(order)})", "numbers"
        )
    ticked = {order[n - 1].id for n in wanted}
    changed = []
    for registration in order:
        mark = (
            Attendance.PRESENT
            if registration.id in ticked
            else (Attendance.ABSENT if others_absent else None)
        )
        if mark is None:
            continue
        _check_can_mark(briefing, registration, mark, now)
        registration.attendance = mark
        registration.minutes_attended = _minutes_for(briefing, mark, None)
        registration.attendance_source = "register"
        changed.append(registration)
    session.flush()
    return changed


def sign_in_order(session: Session, briefing_id: int) -> list[Registration]:
    """Booked registrations in the printed register's order (see :mod:`briefings.register_order`)."""
    found = list(
        session.execute(
            select(Registration, Person.last_name, Person.first_name, Setting.name)
            .join(Person, Registration.person_id == Person.id, isouter=True)
            .join(Setting, Registration.setting_id == Setting.id, isouter=True)
            .where(Registration.briefing_id == briefing_id, Registration.status == BookingStatus.BOOKED)
        )
    )
    found.sort(key=lambda t: sign_in_key(t[3], t[1] or "", t[2] or "", t[0].id))
    return [t[0] for t in found]


def _open_for_booking(session: Session, briefing_id: int, now: datetime) -> Briefing:
    briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
    if briefing.status is not BriefingStatus.SCHEDULED:
        state = "a draft" if briefing.status is BriefingStatus.DRAFT else briefing.status.value
        raise ConflictError(f"“{briefing.title}” is {state} and cannot take bookings", "briefing_id")
    if briefing.starts_at <= now:
        raise ConflictError(
            f"“{briefing.title}” has already started; add late arrivals as walk-ins", "briefing_id"
        )
    return briefing


def _bookable_person(session: Session, person_id: int) -> Person:
    person = get_or_fail(session, Person, person_id, "Person", "person_id")
    if person.erased_at is not None:
        raise ConflictError("This person's details were erased; they cannot be booked", "person_id")
    return person


def _existing(session: Session, briefing_id: int, person_id: int) -> Registration | None:
    return session.scalar(
        select(Registration).where(
            Registration.briefing_id == briefing_id, Registration.person_id == person_id
        )
    )


def _assign_place(
    session: Session,
    registration: Registration,
    briefing: Briefing,
    person: Person,
    now: datetime,
    *,
    setting_id: int | None,
    role: Role | None,
) -> None:
    if setting_id is not None:
        get_or_fail(session, Setting, setting_id, "Setting", "setting_id")
        registration.setting_id = setting_id
        registration.role = role
        return
    membership = _best_membership(person, briefing, now)
    registration.setting_id = membership.setting_id if membership else None
    registration.role = role or (membership.role if membership else None)


def _best_membership(person: Person, briefing: Briefing, now: datetime) -> Membership | None:
    today = london_today(now)
    current = [m for m in person.memberships if m.setting_id is not None and m.is_current(today)]
    if not current:
        return None
    audience = {Role(r) for r in briefing.audience_roles}

    def rank(m: Membership) -> tuple[int, int, int]:
        return (m.role not in audience, m.role not in SAFEGUARDING_LEADS, m.id)

    return min(current, key=rank)


def _check_can_mark(
    briefing: Briefing, registration: Registration, attendance: Attendance | None, now: datetime
) -> None:
    require_aware(now, "now")
    if briefing.status is BriefingStatus.CANCELLED:
        raise ConflictError(
            f"“{briefing.title}” was cancelled; there is no attendance to record", "attendance"
        )
    if registration.status is not BookingStatus.BOOKED:
        state = "on the waiting list" if registration.status is BookingStatus.WAITLISTED else "cancelled"
        raise ConflictError(
            f"This booking is {state}; book the person (or add a walk-in) first", "attendance"
        )
    if attendance not in (None, Attendance.APOLOGIES) and briefing.starts_at > now:
        raise ConflictError(
            f"“{briefing.title}” has not started yet; only apologies can be recorded before it", "attendance"
        )


def _minutes_for(briefing: Briefing, attendance: Attendance | None, minutes: int | None) -> int | None:
    if attendance is None or attendance not in ATTENDED:
        if minutes:
            raise ValidationError("Minutes attended only go with present, late or left early", "minutes")
        return None
    if minutes is None:
        return briefing.minutes if attendance is Attendance.PRESENT else None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_MINUTES:
        raise ValidationError(f"Minutes attended must be a whole number from 0 to {MAX_MINUTES}", "minutes")
    return minutes
