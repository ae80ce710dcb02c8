"""People, the non-school organisations some belong to, and their roles over time."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime, str_enum
from models.enums import Role
from models.settings import Setting


def _now() -> datetime:
    return datetime.now(UTC)


class Organisation(Base):
    """A non-school body people belong to: an agency, charity or service."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"


class Person(Base):
    """Someone who books, attends or presents; the email is unique ignoring case."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str | None] = mapped_column(String(40))
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Membership.id"
    )

    @property
    def full_name(self) -> str:
        """First and last name, as printed on a register."""
        return f"{self.first_name} {self.last_name}".strip()

    def __repr__(self) -> str:
        return f"<Person {self.id} {self.full_name!r}>"


# Case-insensitive uniqueness that works the same on SQLite and PostgreSQL.
Index("uq_people_email_lower", func.lower(Person.email), unique=True)
Index("ix_people_last_first", Person.last_name, Person.first_name)


class Membership(Base):
    """A person's role at one setting or organisation, from one date to another."""

    __tablename__ = "memberships"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(str_enum(Role))
    job_title: Mapped[str | None] = mapped_column(String(120))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="memberships")
    setting: Mapped[Setting | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()

    __table_args__ = (
        CheckConstraint("(setting_id IS NULL) <> (organisation_id IS NULL)", name="one_place"),
        CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates_in_order"
        ),
    )

    def is_current(self, on: date) -> bool:
        """Whether the role is held on the given day."""
        started = self.starts_on is None or self.starts_on <= on
        return started and (self.ends_on is None or self.ends_on >= on)

    def __repr__(self) -> str:
        return f"<Membership {self.id} person={self.person_id} {self.role.value}>"
