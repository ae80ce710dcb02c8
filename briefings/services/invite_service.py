"""What the UI and the exporters may ask about calendars, invites and the invite ledger."""

from __future__ import annotations

from collections.abc import Sequence

from briefings import invites, organiser
from briefings.invites import SentInvite
from briefings.organiser import Organiser
from briefings.queries import calendar
from briefings.queries.calendar import CalendarEntry
from briefings.queries.invites import InviteStatus, invite_status
from briefings.services.base import Service


class InviteService(Service):
    """Calendar entries to write, who is due an invite, and the ledger of what was written.

    A dialog asks :meth:`status` (who, in what state, the summary), hands the chosen recipients
    and :meth:`entry` to an exporter, writes the files, then calls :meth:`record_sent`.
    """

    def organiser(self) -> Organiser:
        """The advisor named as ORGANIZER (either part may be unset)."""
        with self._read() as session:
            return organiser.read_organiser(session)

    def set_organiser(self, name: str | None, email: str | None) -> Organiser:
        """Store the organiser's name and email."""
        with self._write() as session:
            return organiser.set_organiser(session, name, email)

    def entry(self, briefing_id: int, *, passcodes: bool = False) -> CalendarEntry:
        """One briefing as a calendar event (passcodes only when asked for)."""
        with self._read() as session:
            return calendar.calendar_entry(session, briefing_id, self.now(), passcodes=passcodes)

    def series_entries(self, series_id: int, *, passcodes: bool = False) -> list[CalendarEntry]:
        """A series' briefings (not drafts) as calendar events."""
        with self._read() as session:
            return calendar.series_entries(session, series_id, self.now(), passcodes=passcodes)

    def feed_entries(self, *, passcodes: bool = False) -> list[CalendarEntry]:
        """Every briefing that has not finished (scheduled or cancelled), for a subscription."""
        with self._read() as session:
            return calendar.feed_entries(session, self.now(), passcodes=passcodes)

    def status(self, briefing_id: int) -> InviteStatus:
        """Who should hold the briefing's invite and how far behind each of them is."""
        with self._read() as session:
            email = organiser.read_organiser(session).email
            return invite_status(session, briefing_id, organiser_email=email)

    def record_sent(self, briefing_id: int, sent: Sequence[SentInvite]) -> InviteStatus:
        """Remember the invites just written (one transaction) and return the new status."""
        with self._write() as session:
            invites.record_invites(session, briefing_id, sent, self.now())
            email = organiser.read_organiser(session).email
            return invite_status(session, briefing_id, organiser_email=email)
