"""Topics, series and the briefings themselves."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime, str_enum
from models.enums import BriefingStatus, Delivery
from models.people import Person
from models.venues import Venue


def _now() -> datetime:
    return datetime.now(UTC)


class Topic(Base):
    """What a briefing is about, with the defaults a new briefing of it takes."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    default_minutes: Mapped[int] = mapped_column(Integer, default=120)
    cpd_hours: Mapped[float] = mapped_column(Float, default=2.0)
    counts_as_refresh: Mapped[bool] = mapped_column(Boolean, default=False)
    counts_as_formal_training: Mapped[bool] = mapped_column(Boolean, default=False)
    colour: Mapped[str] = mapped_column(String(9), default="#607d8b")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"<Topic {self.code}>"


class Series(Base):
    """A named group of briefings, such as "DSL briefings 2025/26"."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)

    topic: Mapped[Topic | None] = relationship()
    briefings: Mapped[list[Briefing]] = relationship(back_populates="series", order_by="Briefing.starts_at")

    def __repr__(self) -> str:
        return f"<Series {self.id} {self.name!r}>"


briefing_facilitators = Table(
    "briefing_facilitators",
    Base.metadata,
    Column("briefing_id", ForeignKey("briefings.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class Briefing(Base):
    """One session: when, where, for whom, and its calendar identity."""

    __tablename__ = "briefings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), index=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="SET NULL"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    delivery: Mapped[Delivery] = mapped_column(str_enum(Delivery))
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venues.id", ondelete="SET NULL"))
    join_url: Mapped[str | None] = mapped_column(String(2000))
    join_passcode: Mapped[str | None] = mapped_column(String(100))
    capacity: Mapped[int] = mapped_column(Integer)
    audience_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    audience_phases: Mapped[list[str]] = mapped_column(JSON, default=list)
    audience_districts: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[BriefingStatus] = mapped_column(str_enum(BriefingStatus), default=BriefingStatus.SCHEDULED)
    calendar_uid: Mapped[str] = mapped_column(String(200), unique=True)
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)

    topic: Mapped[Topic] = relationship()
    series: Mapped[Series | None] = relationship(back_populates="briefings")
    venue: Mapped[Venue | None] = relationship()
    facilitators: Mapped[list[Person]] = relationship(secondary=briefing_facilitators)
    resources: Mapped[list[BriefingResource]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan", order_by="BriefingResource.position"
    )

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        Index("ix_briefings_starts_at", "starts_at"),
    )

    @property
    def minutes(self) -> int:
        """Scheduled length in whole minutes."""
        # In UTC: same-zone subtraction is wall-clock arithmetic, an hour out across a change.
        return int((self.ends_at.astimezone(UTC) - self.starts_at.astimezone(UTC)).total_seconds() // 60)

    def __repr__(self) -> str:
        return f"<Briefing {self.id} {self.title!r} {self.starts_at:%Y-%m-%d}>"


class BriefingResource(Base):
    """A titled link handed out with a briefing (slides, guidance, a form)."""

    __tablename__ = "briefing_resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(2000))
    position: Mapped[int] = mapped_column(Integer, default=0)

    briefing: Mapped[Briefing] = relationship(back_populates="resources")

    def __repr__(self) -> str:
        return f"<BriefingResource {self.id} {self.title!r}>"
