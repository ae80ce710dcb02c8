"""What the UI may ask about briefings and series."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from briefings import scheduling
from briefings.lookup import get_or_fail
from briefings.queries import briefings as queries
from briefings.queries import reference
from briefings.queries.briefings import BriefingDetail, BriefingFilter, BriefingRow, RegisterRow
from briefings.queries.reference import SeriesRow, TopicRow, VenueRow
from briefings.scheduling import BriefingFields, ResourceLink, SeriesPlan
from briefings.services.base import Service
from models.briefings import Briefing


class BriefingService(Service):
    """Schedule, change and list briefings. One transaction per call; returns rows."""

    def search(self, flt: BriefingFilter | None = None) -> list[BriefingRow]:
        """Briefings matching the filter."""
        with self._read() as session:
            return queries.list_briefings(session, flt or BriefingFilter(), self.now())

    def upcoming(self, limit: int = 10) -> list[BriefingRow]:
        """The next briefings going ahead."""
        with self._read() as session:
            return queries.upcoming_briefings(session, self.now(), limit)

    def get(self, briefing_id: int) -> BriefingDetail:
        """Everything about one briefing."""
        with self._read() as session:
            return queries.briefing_detail(session, briefing_id)

    def row(self, briefing_id: int) -> BriefingRow:
        """One briefing's row."""
        with self._read() as session:
            return queries.briefing_row(session, briefing_id)

    def register(self, briefing_id: int) -> list[RegisterRow]:
        """The register: booked (numbered), waiting (in order), cancelled."""
        with self._read() as session:
            return queries.briefing_register(session, briefing_id)

    def schedule(self, fields: BriefingFields) -> BriefingRow:
        """Create a briefing."""
        with self._write() as session:
            briefing = scheduling.schedule_briefing(session, fields, self.now())
            return queries.briefing_row(session, briefing.id)

    def update(self, briefing_id: int, fields: BriefingFields) -> BriefingRow:
        """Change a briefing's details."""
        with self._write() as session:
            scheduling.update_briefing(session, briefing_id, fields, self.now())
            return queries.briefing_row(session, briefing_id)

    def reschedule(self, briefing_id: int, starts_at: datetime, ends_at: datetime) -> BriefingRow:
        """Move a briefing; its calendar sequence goes up."""
        with self._write() as session:
            scheduling.reschedule_briefing(session, briefing_id, starts_at, ends_at, self.now())
            return queries.briefing_row(session, briefing_id)

    def cancel(self, briefing_id: int, reason: str | None = None) -> BriefingRow:
        """Cancel a briefing."""
        with self._write() as session:
            scheduling.cancel_briefing(session, briefing_id, self.now(), reason)
            return queries.briefing_row(session, briefing_id)

    def reinstate(self, briefing_id: int) -> BriefingRow:
        """Undo a cancellation."""
        with self._write() as session:
            scheduling.reinstate_briefing(session, briefing_id, self.now())
            return queries.briefing_row(session, briefing_id)

    def complete(self, briefing_id: int) -> BriefingRow:
        """Mark a briefing as having taken place."""
        with self._write() as session:
            scheduling.complete_briefing(session, briefing_id, self.now())
            return queries.briefing_row(session, briefing_id)

    def fields_of(self, briefing_id: int) -> BriefingFields:
        """A briefing's editable fields (to pre-fill Edit or Duplicate)."""
        with self._read() as session:
            briefing = get_or_fail(session, Briefing, briefing_id, "Briefing", "briefing_id")
            return scheduling.duplicate_fields(briefing)

    def create_series(self, plan: SeriesPlan) -> SeriesRow:
        """A series with one briefing per date."""
        with self._write() as session:
            series = scheduling.create_series(session, plan, self.now())
            return next(r for r in reference.list_series(session) if r.id == series.id)

    def set_resources(self, briefing_id: int, links: Sequence[ResourceLink]) -> BriefingDetail:
        """Replace a briefing's resource links."""
        with self._write() as session:
            scheduling.set_resources(session, briefing_id, links)
            return queries.briefing_detail(session, briefing_id)

    def topics(self) -> list[TopicRow]:
        """Topics to choose from."""
        with self._read() as session:
            return reference.list_topics(session)

    def series(self) -> list[SeriesRow]:
        """Series to choose from."""
        with self._read() as session:
            return reference.list_series(session)

    def venues(self) -> list[VenueRow]:
        """Venues to choose from."""
        with self._read() as session:
            return reference.list_venues(session)
