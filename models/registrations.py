"""Registrations: a person's booking on a briefing and what happened on the day."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime, str_enum
from models.briefings import Briefing
from models.enums import Attendance, BookingStatus, Role
from models.people import Person
from models.settings import Setting


def _now() -> datetime:
    return datetime.now(UTC)


class Registration(Base):
    """Person x briefing. ``person_id`` becomes NULL when retention or erasure anonymises it."""

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    status: Mapped[BookingStatus] = mapped_column(str_enum(BookingStatus))
    # When the place (or the place in the queue) was asked for: the waiting list's order.
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attendance: Mapped[Attendance | None] = mapped_column(str_enum(Attendance))
    minutes_attended: Mapped[int | None] = mapped_column(Integer)
    attendance_source: Mapped[str | None] = mapped_column(String(20))
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id", ondelete="SET NULL"))
    role: Mapped[Role | None] = mapped_column(str_enum(Role))
    walk_in: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    briefing: Mapped[Briefing] = relationship()
    person: Mapped[Person | None] = relationship()
    setting: Mapped[Setting | None] = relationship()

    __table_args__ = (
        UniqueConstraint("briefing_id", "person_id"),
        CheckConstraint("minutes_attended IS NULL OR minutes_attended >= 0", name="minutes_positive"),
        Index("ix_registrations_briefing_status", "briefing_id", "status"),
        # Covering indexes for the KCSIE compliance queries, which read every registration of a
        # setting (or person) with its role and mark: the table itself is never visited.
        Index("ix_registrations_setting_role_attendance", "setting_id", "role", "attendance", "briefing_id"),
        Index("ix_registrations_person_attendance", "person_id", "attendance", "briefing_id"),
    )

    def __repr__(self) -> str:
        return f"<Registration {self.id} b={self.briefing_id} p={self.person_id} {self.status.value}>"
