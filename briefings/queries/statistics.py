"""Figures for the dashboard: attendance by district and by phase over a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.briefings import Briefing
from models.enums import ATTENDED, BookingStatus, BriefingStatus
from models.registrations import Registration
from models.settings import Setting

UNKNOWN = "(no setting)"


@dataclass(frozen=True)
class AttendanceCount:
    """Booked places and attendances for one group over a period."""

    group: str
    booked: int
    attended: int

    @property
    def rate(self) -> float:
        """Attended as a share of booked (0 when nothing was booked)."""
        return self.attended / self.booked if self.booked else 0.0


def attendance_by_district(session: Session, start: datetime, end: datetime) -> list[AttendanceCount]:
    """For briefings starting in [start, end): booked places and attendances per district."""
    return _by(session, Setting.district, start, end)


def attendance_by_phase(session: Session, start: datetime, end: datetime) -> list[AttendanceCount]:
    """For briefings starting in [start, end): booked places and attendances per phase."""
    return _by(session, Setting.phase, start, end)


def _by(
    session: Session,
    column: InstrumentedAttribute[str | None] | InstrumentedAttribute[object],
    start: datetime,
    end: datetime,
) -> list[AttendanceCount]:
    attended = func.sum(case((Registration.attendance.in_(ATTENDED), 1), else_=0))
    query = (
        select(column, func.count(), attended)
        .select_from(Registration)
        .join(Briefing, Registration.briefing_id == Briefing.id)
        .join(Setting, Registration.setting_id == Setting.id, isouter=True)
        .where(
            Briefing.starts_at >= start,
            Briefing.starts_at < end,
            Briefing.status != BriefingStatus.CANCELLED,
            Registration.status == BookingStatus.BOOKED,
        )
        .group_by(column)
    )
    rows = [
        AttendanceCount(
            str(getattr(group, "label", group)) if group is not None else UNKNOWN, int(n), int(a or 0)
        )
        for group, n, a in session.execute(query)
    ]
    return sorted(rows, key=lambda r: (r.group == UNKNOWN, r.group))
