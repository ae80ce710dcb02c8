"""Calendars to publish (METHOD:PUBLISH): one briefing, a series, or a feed of what is coming up.

Published files name no attendees: they go into newsletters and shared folders, so they must
not carry anyone's email address.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

from briefings.organiser import Organiser
from briefings.queries.calendar import CalendarEntry
from briefings.vocabulary import BriefingStatus
from exports.base import Exporter, ExportError, ExportFile, ExportOutcome, Progress
from exports.calendar.arguments import add_content_arguments, content_options
from exports.calendar.naming import FileNames, briefing_stem
from exports.calendar.options import CalendarOptions
from exports.registry import ExportScope, ExportSpec, register

if TYPE_CHECKING:
    from briefings.services import Services

CALENDAR_MIMETYPE = "text/calendar"
FEED_NAME = "Safeguarding briefings"
# How often subscribed calendars should fetch the feed again.
FEED_REFRESH = timedelta(hours=12)


class PublishedCalendar(Exporter):
    """One .ics file holding one event per briefing, for people's own calendars."""

    identifier: ClassVar[str] = "ics-publish"
    verbose_name: ClassVar[str] = "Calendar file"

    def __init__(
        self,
        entries: Sequence[CalendarEntry],
        *,
        stem: str,
        now: datetime,
        organiser: Organiser | None = None,
        options: CalendarOptions | None = None,
    ) -> None:
        self.entries = tuple(entries)
        self._stem = stem
        self._now = now
        self._organiser = organiser
        self._options = options or CalendarOptions()

    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """The .ics file; refuses when there is nothing to publish."""
        from exports.calendar.events import calendar_bytes  # noqa: PLC0415 - icalendar loads on first use

        if not self.entries:
            raise ExportError(self.empty_message())
        self.tick(progress, 0, 1)
        data = calendar_bytes(
            self.entries, method="PUBLISH", now=self._now, organiser=self._organiser, options=self._options
        )
        self.tick(progress, 1, 1)
        name = FileNames().claim(self._stem, "ics")
        return ExportOutcome(files=(ExportFile(name, CALENDAR_MIMETYPE, data),), notes=tuple(self.notes()))

    def empty_message(self) -> str:
        """Why nothing could be written."""
        return "There are no briefings to put in the calendar"

    def notes(self) -> list[str]:
        """What the file holds, in a line or two."""
        cancelled = sum(e.row.status is BriefingStatus.CANCELLED for e in self.entries)
        drafts = sum(e.row.status is BriefingStatus.DRAFT for e in self.entries)
        count = len(self.entries)
        line = f"{count} briefing{'' if count == 1 else 's'} in the calendar"
        extras = [f"{cancelled} marked cancelled"] * bool(cancelled) + [f"{drafts} provisional"] * bool(
            drafts
        )
        return [line + (f" ({', '.join(extras)})" if extras else "") + "."]


class BriefingCalendar(PublishedCalendar):
    """One briefing as an .ics file."""

    identifier: ClassVar[str] = "ics-briefing"
    verbose_name: ClassVar[str] = "Calendar file of one briefing (.ics)"


class SeriesCalendar(PublishedCalendar):
    """Every briefing of a series (not drafts) in one .ics file."""

    identifier: ClassVar[str] = "ics-series"
    verbose_name: ClassVar[str] = "Calendar file of a series (.ics)"

    def empty_message(self) -> str:
        """Why nothing could be written."""
        return f"The series “{self._stem}” has no scheduled briefings yet"


class FeedCalendar(PublishedCalendar):
    """Every briefing still to come, as one file to publish or subscribe to."""

    identifier: ClassVar[str] = "ics-feed"
    verbose_name: ClassVar[str] = "Subscription calendar of upcoming briefings (.ics)"

    def empty_message(self) -> str:
        """Why nothing could be written."""
        return "There are no upcoming briefings to publish"


def _organiser_or_none(services: Services) -> Organiser | None:
    found = services.invites.organiser()
    return found if found.email else None


def _build_briefing(args: argparse.Namespace, services: Services) -> Exporter:
    entry = services.invites.entry(args.briefing, passcodes=args.include_passcodes)
    return BriefingCalendar(
        [entry],
        stem=briefing_stem(entry.row.title, entry.row.starts_at),
        now=services.invites.now(),
        organiser=_organiser_or_none(services),
        options=content_options(args),
    )


def _build_series(args: argparse.Namespace, services: Services) -> Exporter:
    entries = services.invites.series_entries(args.series, passcodes=args.include_passcodes)
    name = next((s.name for s in services.briefings.series() if s.id == args.series), f"Series {args.series}")
    return SeriesCalendar(
        entries,
        stem=name,
        now=services.invites.now(),
        organiser=_organiser_or_none(services),
        options=content_options(args),
    )


def _build_feed(args: argparse.Namespace, services: Services) -> Exporter:
    options = content_options(args)
    return FeedCalendar(
        services.invites.feed_entries(passcodes=args.include_passcodes),
        stem=args.name,
        now=services.invites.now(),
        organiser=_organiser_or_none(services),
        options=CalendarOptions(options.reminder_minutes, calendar_name=args.name, refresh=FEED_REFRESH),
    )


def _briefing_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--briefing", type=int, required=True, metavar="ID")
    add_content_arguments(parser)


def _series_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--series", type=int, required=True, metavar="ID")
    add_content_arguments(parser)


def _feed_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", default=FEED_NAME, help=f"the calendar's name (default: {FEED_NAME})")
    add_content_arguments(parser)


register(
    ExportSpec(
        BriefingCalendar.identifier, BriefingCalendar.verbose_name, _briefing_arguments, _build_briefing
    )
)
register(
    ExportSpec(
        SeriesCalendar.identifier,
        SeriesCalendar.verbose_name,
        _series_arguments,
        _build_series,
        scope=ExportScope.GENERAL,
    )
)
register(
    ExportSpec(
        FeedCalendar.identifier,
        FeedCalendar.verbose_name,
        _feed_arguments,
        _build_feed,
        scope=ExportScope.GENERAL,
    )
)
