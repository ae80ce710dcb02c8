"""Licensed training handed to settings: pools of seats and their allocations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, str_enum
from models.enums import AllocationStatus
from models.people import Person
from models.settings import Setting


class LicencePool(Base):
    """Seats bought from a provider (for example NSPCC HSB training), valid for a period."""

    __tablename__ = "licence_pools"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(200))
    product: Mapped[str] = mapped_column(String(200))
    # Providers count differently (per learner, per setting); the unit is what one seat means.
    unit: Mapped[str] = mapped_column(String(40), default="learner")
    seats: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)

    allocations: Mapped[list[LicenceAllocation]] = relationship(
        back_populates="pool", order_by="LicenceAllocation.id"
    )

    __table_args__ = (
        CheckConstraint("seats > 0", name="seats_positive"),
        CheckConstraint("valid_until >= valid_from", name="dates_in_order"),
    )

    def __repr__(self) -> str:
        return f"<LicencePool {self.id} {self.provider} {self.product} seats={self.seats}>"


class LicenceAllocation(Base):
    """Seats from a pool given to a setting or a named person until they expire or come back."""

    __tablename__ = "licence_allocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    pool_id: Mapped[int] = mapped_column(ForeignKey("licence_pools.id", ondelete="CASCADE"), index=True)
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id", ondelete="SET NULL"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    seats: Mapped[int] = mapped_column(Integer)
    allocated_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    status: Mapped[AllocationStatus] = mapped_column(
        str_enum(AllocationStatus), default=AllocationStatus.ACTIVE
    )
    ended_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    pool: Mapped[LicencePool] = relationship(back_populates="allocations")
    setting: Mapped[Setting | None] = relationship()
    person: Mapped[Person | None] = relationship()

    __table_args__ = (
        CheckConstraint("seats > 0", name="seats_positive"),
        CheckConstraint("expires_on >= allocated_on", name="dates_in_order"),
    )

    def __repr__(self) -> str:
        return f"<LicenceAllocation {self.id} pool={self.pool_id} seats={self.seats} {self.status.value}>"
