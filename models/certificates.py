"""Certificates of attendance, recorded so a re-issue is identical and a number can be verified."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime


class Certificate(Base):
    """What a certificate certified, frozen when it was first issued."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="SET NULL"), unique=True
    )
    person_name: Mapped[str] = mapped_column(String(300))
    setting_name: Mapped[str | None] = mapped_column(String(300))
    briefing_title: Mapped[str] = mapped_column(String(300))
    briefing_date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    cpd_hours: Mapped[float] = mapped_column(Float)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)

    def __repr__(self) -> str:
        return f"<Certificate {self.number}>"
