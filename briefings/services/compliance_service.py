"""What the UI may ask about KCSIE training compliance and attendance figures."""

from __future__ import annotations

from datetime import datetime

from briefings.queries import compliance, statistics
from briefings.queries.compliance import LeadCompliance, SettingCompliance
from briefings.queries.statistics import AttendanceCount
from briefings.services.base import Service


class ComplianceService(Service):
    """Who is behind on DSL training, and attendance by district or phase."""

    def overview(self) -> list[SettingCompliance]:
        """Every open setting's refresh position."""
        with self._read() as session:
            return compliance.compliance_overview(session, self.now())

    def settings_due_refresh(self) -> list[SettingCompliance]:
        """Open settings with no DSL or deputy at a refresh in 12 months."""
        with self._read() as session:
            return compliance.settings_due_refresh(session, self.now())

    def leads(self) -> list[LeadCompliance]:
        """Current DSLs and deputies with their refresh and formal-training dates."""
        with self._read() as session:
            return compliance.leads_due_training(session, self.now())

    def attendance_by_district(self, start: datetime, end: datetime) -> list[AttendanceCount]:
        """Booked and attended per district for briefings in the period."""
        with self._read() as session:
            return statistics.attendance_by_district(session, start, end)

    def attendance_by_phase(self, start: datetime, end: datetime) -> list[AttendanceCount]:
        """Booked and attended per phase for briefings in the period."""
        with self._read() as session:
            return statistics.attendance_by_phase(session, start, end)
