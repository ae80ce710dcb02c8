"""Operations on licensed training: pools of seats, allocations, returns and revocations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefings.errors import ConflictError, ValidationError
from briefings.lookup import get_or_fail
from briefings.validation import clean_text, dates_in_order, optional_text, positive_int
from models.enums import AllocationStatus
from models.licences import LicenceAllocation, LicencePool
from models.people import Person
from models.settings import Setting

MAX_SEATS = 1_000_000


@dataclass(frozen=True)
class PoolFields:
    """A pool of licences as bought from a provider."""

    provider: str
    product: str
    seats: int
    valid_from: date
    valid_until: date
    unit: str = "learner"
    reference: str | None = None
    notes: str | None = None


def create_pool(session: Session, fields: PoolFields) -> LicencePool:
    """Record a purchase of licence seats."""
    pool = LicencePool(**_checked(fields))
    session.add(pool)
    session.flush()
    return pool


def update_pool(session: Session, pool_id: int, fields: PoolFields) -> LicencePool:
    """Correct a pool; seats may not drop below those already given out."""
    pool = get_or_fail(session, LicencePool, pool_id, "Licence pool", "pool_id")
    used = seats_in_use(session, pool.id)
    if fields.seats < used:
        raise ConflictError(
            f"{used} seats are already allocated; the pool cannot shrink to {fields.seats}", "seats"
        )
    latest = session.scalar(
        select(func.max(LicenceAllocation.expires_on)).where(
            LicenceAllocation.pool_id == pool.id, LicenceAllocation.status == AllocationStatus.ACTIVE
        )
    )
    if latest is not None and fields.valid_until < latest:
        raise ConflictError(
            f"An allocation runs until {latest:%d %B %Y}; the pool cannot end earlier", "valid_until"
        )
    for name, value in _checked(fields).items():
        setattr(pool, name, value)
    session.flush()
    return pool


def _checked(fields: PoolFields) -> dict[str, object]:
    positive_int(fields.seats, "seats", "Seats", most=MAX_SEATS)
    dates_in_order(
        fields.valid_from, fields.valid_until, "valid_until", "The pool must expire after it starts"
    )
    return {
        "provider": clean_text(fields.provider, "provider", "The provider", limit=200),
        "product": clean_text(fields.product, "product", "The product", limit=200),
        "unit": clean_text(fields.unit, "unit", "The unit", limit=40),
        "seats": fields.seats,
        "valid_from": fields.valid_from,
        "valid_until": fields.valid_until,
        "reference": optional_text(fields.reference, "reference", "The reference", limit=120),
        "notes": optional_text(fields.notes, "notes", "Notes"),
    }


def seats_in_use(session: Session, pool_id: int) -> int:
    """Seats held by active allocations."""
    return (
        session.scalar(
            select(func.coalesce(func.sum(LicenceAllocation.seats), 0)).where(
                LicenceAllocation.pool_id == pool_id, LicenceAllocation.status == AllocationStatus.ACTIVE
            )
        )
        or 0
    )


def allocate_licence(
    session: Session,
    pool_id: int,
    seats: int,
    on: date,
    *,
    setting_id: int | None = None,
    person_id: int | None = None,
    expires_on: date | None = None,
    notes: str | None = None,
) -> LicenceAllocation:
    """Give seats from a pool to a setting and/or a named person.

    Never more than the pool has left, never outside the pool's validity, and never beyond it.
    """
    pool = get_or_fail(session, LicencePool, pool_id, "Licence pool", "pool_id")
    positive_int(seats, "seats", "Seats", most=MAX_SEATS)
    _check_recipient(session, setting_id, person_id)
    expiry = _allocation_expiry(pool, on, expires_on)
    left = pool.seats - seats_in_use(session, pool.id)
    if seats > left:
        raise ConflictError(
            f"Only {left} of {pool.seats} seats are left in {pool.product}; {seats} asked for", "seats"
        )
    allocation = LicenceAllocation(
        pool_id=pool.id,
        setting_id=setting_id,
        person_id=person_id,
        seats=seats,
        allocated_on=on,
        expires_on=expiry,
        status=AllocationStatus.ACTIVE,
        notes=optional_text(notes, "notes", "Notes"),
    )
    session.add(allocation)
    session.flush()
    return allocation


def _check_recipient(session: Session, setting_id: int | None, person_id: int | None) -> None:
    if setting_id is None and person_id is None:
        raise ValidationError("Choose a setting or a named person to allocate to", "setting_id")
    if setting_id is not None:
        get_or_fail(session, Setting, setting_id, "Setting", "setting_id")
    if person_id is not None:
        person = get_or_fail(session, Person, person_id, "Person", "person_id")
        if person.erased_at is not None:
            raise ConflictError("This person's details were erased", "person_id")


def _allocation_expiry(pool: LicencePool, on: date, expires_on: date | None) -> date:
    """When seats given on ``on`` expire: as asked, or with the pool, never after it."""
    if on > pool.valid_until:
        raise ConflictError(
            f"The pool expired on {pool.valid_until:%d %B %Y}; no more seats can be given", "pool_id"
        )
    if on < pool.valid_from:
        raise ConflictError(f"The pool starts on {pool.valid_from:%d %B %Y}", "allocated_on")
    expiry = expires_on or pool.valid_until
    dates_in_order(on, expiry, "expires_on", "The allocation must expire after it is given")
    if expiry > pool.valid_until:
        raise ValidationError(
            f"The allocation cannot outlast the pool (it ends {pool.valid_until:%d %B %Y})", "expires_on"
        )
    return expiry


def return_allocation(session: Session, allocation_id: int, on: date) -> LicenceAllocation:
    """The setting hands its seats back; they return to the pool."""
    return _end(session, allocation_id, on, AllocationStatus.RETURNED)


def revoke_allocation(
    session: Session, allocation_id: int, on: date, reason: str | None = None
) -> LicenceAllocation:
    """The council takes seats back (unused, or given in error); they return to the pool."""
    allocation = _end(session, allocation_id, on, AllocationStatus.REVOKED)
    if reason:
        allocation.notes = optional_text(reason, "reason", "The reason")
    return allocation


def reactivate_allocation(session: Session, allocation_id: int) -> LicenceAllocation:
    """Undo a return or revocation, if the seats are still free."""
    allocation = get_or_fail(session, LicenceAllocation, allocation_id, "Allocation", "allocation_id")
    if allocation.status is AllocationStatus.ACTIVE:
        raise ConflictError("This allocation is already active", "allocation_id")
    left = allocation.pool.seats - seats_in_use(session, allocation.pool_id)
    if allocation.seats > left:
        raise ConflictError(
            f"Only {left} seats are free now; the allocation needs {allocation.seats}", "seats"
        )
    allocation.status = AllocationStatus.ACTIVE
    allocation.ended_on = None
    session.flush()
    return allocation


def _end(session: Session, allocation_id: int, on: date, status: AllocationStatus) -> LicenceAllocation:
    allocation = get_or_fail(session, LicenceAllocation, allocation_id, "Allocation", "allocation_id")
    if allocation.status is not AllocationStatus.ACTIVE:
        raise ConflictError(f"This allocation was already {allocation.status.value}", "allocation_id")
    if on < allocation.allocated_on:
        raise ValidationError("Seats cannot come back before they were given", "ended_on")
    allocation.status = status
    allocation.ended_on = on
    session.flush()
    return allocation
