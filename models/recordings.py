"""Recordings of sessions, their availability window, and who was given the link."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UtcDateTime
from models.briefings import Briefing
from models.people import Person
from models.settings import Setting


def _now() -> datetime:
    return datetime.now(UTC)


class Recording(Base):
    """An https link (and optional passcode) to a recorded briefing, available for a while."""

    __tablename__ = "recordings"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    passcode: Mapped[str | None] = mapped_column(String(100))
    available_from: Mapped[datetime] = mapped_column(UtcDateTime)
    available_until: Mapped[datetime] = mapped_column(UtcDateTime)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)

    briefing: Mapped[Briefing] = relationship()
    accesses: Mapped[list[RecordingAccess]] = relationship(
        back_populates="recording", cascade="all, delete-orphan", order_by="RecordingAccess.given_at"
    )

    __table_args__ = (CheckConstraint("available_until > available_from", name="window_in_order"),)

    def __repr__(self) -> str:
        return f"<Recording {self.id} briefing={self.briefing_id}>"


class RecordingAccess(Base):
    """A record that the link went to a person (or a setting) on a given day."""

    __tablename__ = "recording_accesses"

    id: Mapped[int] = mapped_column(primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("settings.id", ondelete="SET NULL"))
    given_at: Mapped[datetime] = mapped_column(UtcDateTime, default=_now)
    note: Mapped[str | None] = mapped_column(Text)

    recording: Mapped[Recording] = relationship(back_populates="accesses")
    person: Mapped[Person | None] = relationship()
    setting: Mapped[Setting | None] = relationship()

    def __repr__(self) -> str:
        return f"<RecordingAccess {self.id} recording={self.recording_id} person={self.person_id}>"
