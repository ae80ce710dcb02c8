"""Licence pools with the seats left in each, their allocations, and who has none yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from briefings.errors import NotFoundError
from models.enums import AllocationStatus, Phase, SettingStatus
from models.licences import LicenceAllocation, LicencePool
from models.people import Person
from models.settings import Setting


@dataclass(frozen=True)
class PoolRow:
    """A pool of licences with its use."""

    id: int
    provider: str
    product: str
    unit: str
    seats: int
    used: int
    valid_from: date
    valid_until: date
    reference: str | None
    notes: str | None
    active_allocations: int

    @property
    def left(self) -> int:
        """Seats still free."""
        return max(self.seats - self.used, 0)

    def expired(self, today: date) -> bool:
        """Whether the pool's validity has ended."""
        return today > self.valid_until

    def days_left(self, today: date) -> int:
        """Days until the pool expires (negative once expired)."""
        return (self.valid_until - today).days


@dataclass(frozen=True)
class AllocationRow:
    """Seats from a pool held by a setting or a named person."""

    id: int
    pool_id: int
    product: str
    setting_id: int | None
    setting_name: str | None
    urn: int | None
    person_id: int | None
    person_name: str | None
    seats: int
    allocated_on: date
    expires_on: date
    status: AllocationStatus
    ended_on: date | None
    notes: str | None

    def expired(self, today: date) -> bool:
        """Whether the allocation has run out."""
        return today > self.expires_on


@dataclass(frozen=True)
class UnallocatedSetting:
    """An open setting with no active seats from a pool."""

    id: int
    urn: int | None
    name: str
    district: str | None
    phase: Phase


def list_pools(session: Session) -> list[PoolRow]:
    """Every pool, latest expiry first, with seats used."""
    return [
        _pool_row(pool, used, count)
        for pool, used, count in session.execute(
            _pools_query().order_by(LicencePool.valid_until.desc(), LicencePool.id)
        )
    ]


def pool_row(session: Session, pool_id: int) -> PoolRow:
    """One pool with its use, or NotFoundError."""
    found = session.execute(_pools_query().where(LicencePool.id == pool_id)).first()
    if found is None:
        raise NotFoundError(f"Licence pool {pool_id} does not exist", "pool_id")
    return _pool_row(found[0], found[1], found[2])


def seats_left(session: Session, pool_id: int) -> int:
    """Seats still free in a pool."""
    return pool_row(session, pool_id).left


def pools_running_out(
    session: Session, today: date, *, within_days: int = 60, seats_below: int = 5
) -> list[PoolRow]:
    """Pools still valid that expire soon or have few seats left (the dashboard's warning list)."""
    return [
        p
        for p in list_pools(session)
        if not p.expired(today) and (p.days_left(today) <= within_days or p.left < seats_below)
    ]


def allocations(
    session: Session,
    *,
    pool_id: int | None = None,
    setting_id: int | None = None,
    person_id: int | None = None,
    allocation_id: int | None = None,
) -> list[AllocationRow]:
    """Allocations, newest first, narrowed to a pool, a setting or a person."""
    query = (
        select(LicenceAllocation, LicencePool.product, Setting, Person)
        .join(LicencePool, LicenceAllocation.pool_id == LicencePool.id)
        .join(Setting, LicenceAllocation.setting_id == Setting.id, isouter=True)
        .join(Person, LicenceAllocation.person_id == Person.id, isouter=True)
        .order_by(LicenceAllocation.allocated_on.desc(), LicenceAllocation.id.desc())
    )
    if pool_id is not None:
        query = query.where(LicenceAllocation.pool_id == pool_id)
    if setting_id is not None:
        query = query.where(LicenceAllocation.setting_id == setting_id)
    if person_id is not None:
        query = query.where(LicenceAllocation.person_id == person_id)
    if allocation_id is not None:
        query = query.where(LicenceAllocation.id == allocation_id)
    return [
        AllocationRow(
            id=a.id,
            pool_id=a.pool_id,
            product=product,
            setting_id=s.id if s else None,
            setting_name=s.name if s else None,
            urn=s.urn if s else None,
            person_id=p.id if p else None,
            person_name=p.full_name if p else None,
            seats=a.seats,
            allocated_on=a.allocated_on,
            expires_on=a.expires_on,
            status=a.status,
            ended_on=a.ended_on,
            notes=a.notes,
        )
        for a, product, s, p in session.execute(query)
    ]


def settings_without_allocation(session: Session, pool_id: int) -> list[UnallocatedSetting]:
    """Open settings holding no active seats from the pool."""
    held = select(LicenceAllocation.setting_id).where(
        LicenceAllocation.pool_id == pool_id,
        LicenceAllocation.status == AllocationStatus.ACTIVE,
        LicenceAllocation.setting_id.is_not(None),
    )
    query = (
        select(Setting)
        .where(Setting.status == SettingStatus.OPEN, Setting.id.not_in(held))
        .order_by(Setting.name, Setting.id)
    )
    return [UnallocatedSetting(s.id, s.urn, s.name, s.district, s.phase) for s in session.scalars(query)]


def _pools_query() -> Select[LicencePool, int, int]:
    active = and_(
        LicenceAllocation.pool_id == LicencePool.id, LicenceAllocation.status == AllocationStatus.ACTIVE
    )
    used = func.coalesce(
        func.sum(case((LicenceAllocation.id.is_not(None), LicenceAllocation.seats), else_=0)), 0
    )
    count = func.count(LicenceAllocation.id)
    return (
        select(LicencePool, used, count)
        .join(LicenceAllocation, active, isouter=True)
        .group_by(LicencePool.id)
    )


def _pool_row(pool: LicencePool, used: int, count: int) -> PoolRow:
    return PoolRow(
        id=pool.id,
        provider=pool.provider,
        product=pool.product,
        unit=pool.unit,
        seats=pool.seats,
        used=int(used),
        valid_from=pool.valid_from,
        valid_until=pool.valid_until,
        reference=pool.reference,
        notes=pool.notes,
        active_allocations=int(count),
    )
