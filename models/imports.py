"""What an attendance import read, and what became of each participant row."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UtcDateTime, str_enum


class ImportRowStatus(StrEnum):
    """Where a participant row of an attendance report stands."""

    APPLIED = "applied"  # attendance recorded on a booking
    PENDING = "pending"  # waiting for the advisor to match, add or ignore
    IGNORED = "ignored"  # the advisor (or a rule: organisers, bots) set it aside


class AttendanceImportRow(Base):
    """One participant of an imported attendance report, kept so unmatched rows can be reviewed.

    The times (``intervals``, UTC ISO pairs) stay with the row so that a participant matched
    later can be merged with the same person's other rows without reading the file again.
    """

    __tablename__ = "attendance_import_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(ForeignKey("briefings.id", ondelete="CASCADE"))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    source_kind: Mapped[str] = mapped_column(String(20))
    source_name: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer)
    display_name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(254))
    participant_role: Mapped[str] = mapped_column(String(20))
    joins: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[int | None] = mapped_column(Integer)
    first_join: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_leave: Mapped[datetime | None] = mapped_column(UtcDateTime)
    intervals: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    match_kind: Mapped[str] = mapped_column(String(20))
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[ImportRowStatus] = mapped_column(str_enum(ImportRowStatus))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    registration_id: Mapped[int | None] = mapped_column(ForeignKey("registrations.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    # The rules the import used, so a row resolved later is marked the same way.
    min_minutes: Mapped[int] = mapped_column(Integer)
    late_after: Mapped[int] = mapped_column(Integer)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_attendance_import_rows_briefing_status", "briefing_id", "status"),
        Index("ix_attendance_import_rows_person_id", "person_id"),
    )

    def __repr__(self) -> str:
        return (
            f"<AttendanceImportRow {self.id} b={self.briefing_id} {self.display_name!r} {self.status.value}>"
        )
