"""What the UI may ask for attendance returns and the licence return."""

from __future__ import annotations

from datetime import date

from briefings.clock import london_today
from briefings.queries import returns
from briefings.queries.returns import BriefingReturn, LicenceReturn, PeriodReturn
from briefings.services.base import Service


class ReturnService(Service):
    """The rows behind the workbooks councils and schools ask for. One read per call."""

    def briefing(self, briefing_id: int) -> BriefingReturn:
        """One briefing's every booking, attendance and certificate number."""
        with self._read() as session:
            return returns.briefing_return(session, briefing_id)

    def period(self, first_day: date, last_day: date) -> PeriodReturn:
        """Attendance at briefings starting from ``first_day`` to ``last_day`` inclusive."""
        with self._read() as session:
            return returns.period_return(session, first_day, last_day)

    def series(self, series_id: int) -> PeriodReturn:
        """Attendance at one series' briefings."""
        with self._read() as session:
            return returns.series_return(session, series_id, london_today(self.now()))

    def licences(self) -> LicenceReturn:
        """Every licence pool and allocation, as on today."""
        with self._read() as session:
            return returns.licence_return(session, london_today(self.now()))
