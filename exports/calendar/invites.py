"""Invites (METHOD:REQUEST) and cancellations (METHOD:CANCEL) for the people taking part.

By default each recipient gets a file naming only them: one shared file would show every
school's staff each other's email addresses. Each file carries the briefing's UID and current
SEQUENCE, so a rescheduled or cancelled briefing updates or removes the calendar entry people
already have instead of adding a second one.

Exporters never open sessions; whoever writes the files records them in the invite ledger
afterwards (:func:`record_written`), using :attr:`InviteExporter.written`.
"""

from __future__ import annotations

import argparse
import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from typing import TYPE_CHECKING, ClassVar

from briefings.clock import as_utc
from briefings.invites import InviteMethod, SentInvite
from briefings.organiser import Organiser
from briefings.queries.calendar import CalendarEntry
from briefings.queries.invites import InviteRecipient, InviteState, InviteStatus
from briefings.vocabulary import BriefingStatus
from exports.base import Exporter, ExportError, ExportFile, ExportOutcome, Progress
from exports.calendar.arguments import add_invite_arguments, content_options
from exports.calendar.naming import FileNames, briefing_stem
from exports.calendar.options import Attendee, CalendarOptions
from exports.registry import ExportSpec, register

if TYPE_CHECKING:
    from briefings.services import Services
    from exports.calendar.events import InviteTemplate

CALENDAR_MIMETYPE = "text/calendar"
ORGANISER_MISSING = (
    "Set the organiser's name and email address before writing invites: replies and "
    "Accept/Decline go there (Preferences, or: briefing-desk invites organiser --name ... --email ...)"
)


@dataclass(frozen=True)
class InviteJob:
    """Everything an invite exporter writes from, gathered through the services beforehand."""

    entry: CalendarEntry
    status: InviteStatus
    recipients: tuple[InviteRecipient, ...]
    organiser: Organiser
    now: datetime
    options: CalendarOptions = field(default_factory=CalendarOptions)


def prepare_invites(
    services: Services,
    briefing_id: int,
    *,
    everyone: bool = False,
    emails: Sequence[str] = (),
    passcodes: bool = False,
    options: CalendarOptions | None = None,
) -> InviteJob:
    """Gather a briefing, its recipients (see :meth:`InviteStatus.chosen`) and the organiser."""
    status = services.invites.status(briefing_id)
    return InviteJob(
        entry=services.invites.entry(briefing_id, passcodes=passcodes),
        status=status,
        recipients=status.chosen(everyone=everyone, emails=emails),
        organiser=services.invites.organiser(),
        now=services.invites.now(),
        options=options or CalendarOptions(),
    )


class InviteExporter(Exporter):
    """Shared by the .ics and .eml invite writers: checks, recipients and the ledger lines."""

    identifier: ClassVar[str] = "invites"
    verbose_name: ClassVar[str] = "Invites"

    def __init__(self, job: InviteJob) -> None:
        self.job = job
        self.entry = job.entry
        self.written: list[SentInvite] = []
        self._kinds: Counter[str] = Counter()
        self._templates: dict[InviteMethod, InviteTemplate] = {}

    @property
    def briefing_id(self) -> int:
        """The briefing the invites are for."""
        return self.entry.row.id

    def check(self) -> None:
        """Refuse, with the reason, what cannot sensibly be sent."""
        row = self.entry.row
        organiser = self.job.organiser
        if not (organiser.email and organiser.name):
            raise ExportError(ORGANISER_MISSING)
        if not usable_address(organiser.email):
            raise ExportError(f"The organiser's email address {organiser.email} cannot be used in an invite")
        if row.status is BriefingStatus.DRAFT:
            raise ExportError(f"“{row.title}” is a draft: schedule it before sending invites")
        if as_utc(row.ends_at) <= as_utc(self.job.now):
            raise ExportError(f"“{row.title}” has already taken place: invites would arrive too late")
        if not self.job.status.recipients:
            raise ExportError(f"Nobody is booked on “{row.title}” yet, so there is nobody to invite")
        if not self.job.recipients:
            raise ExportError(
                f"Every invite to “{row.title}” is up to date (sequence {row.calendar_sequence}); "
                "choose people, or everyone, to write them again"
            )
        if not self.sendable():
            chosen = self.job.recipients
            if all(r.state is InviteState.NO_EMAIL for r in chosen):
                raise ExportError(
                    f"Every invite to “{row.title}” that can be sent is up to date; "
                    f"{_count(len(chosen))} no email address: {_names(chosen)}"
                )
            raise ExportError(f"None of the {len(chosen)} people chosen has a usable email address")

    def begin(self) -> None:
        """Check, then start a fresh render (an exporter may render more than once)."""
        self.check()
        self.written, self._kinds, self._templates = [], Counter(), {}

    def invite_bytes(self, method: InviteMethod, people: Sequence[InviteRecipient]) -> bytes:
        """The calendar file naming ``people``; the event itself is serialised once per method."""
        from exports.calendar.events import InviteTemplate  # noqa: PLC0415 - icalendar loads on first use

        if method not in self._templates:
            self._templates[method] = InviteTemplate(
                self.entry,
                method=method.value,
                now=self.job.now,
                organiser=self.job.organiser,
                options=self.job.options,
            )
        attendees = [Attendee(r.name, r.email or "", chair=r.chair) for r in people]
        return self._templates[method].for_attendees(attendees)

    def sendable(self) -> list[InviteRecipient]:
        """The chosen recipients a message can go to."""
        return [r for r in self.job.recipients if r.email and usable_address(r.email)]

    def skipped(self) -> tuple[str, ...]:
        """The chosen recipients left out, each with the reason."""
        return tuple(
            f"{_who(r)}: "
            + (f"{r.email} cannot be used as an email address" if r.email else "no email address")
            for r in self.job.recipients
            if not (r.email and usable_address(r.email))
        )

    def note_written(self, recipient: InviteRecipient) -> None:
        """Remember a file written for ``recipient`` (becomes a ledger line)."""
        assert recipient.email is not None  # noqa: S101 - sendable() keeps only recipients with email
        self.written.append(
            SentInvite(recipient.email, recipient.person_id, recipient.method, self.entry.sequence)
        )
        if recipient.method is InviteMethod.CANCEL:
            self._kinds["cancellation"] += 1
        else:
            self._kinds["update" if recipient.state is InviteState.OUTDATED else "invitation"] += 1

    def notes(self) -> tuple[str, ...]:
        """How many invites, updates and cancellations were written."""
        parts = [f"{n:,} {kind}{'' if n == 1 else 's'}" for kind, n in sorted(self._kinds.items()) if n]
        return (f"Written for {_people(len(self.written))}: {', '.join(parts)}.",)

    def stem(self) -> str:
        """The start every file name shares: date and title."""
        return briefing_stem(self.entry.row.title, self.entry.row.starts_at)


class IcsInvites(InviteExporter):
    """One .ics invite (or cancellation) per recipient, or one file with everyone."""

    identifier: ClassVar[str] = "ics-invites"
    verbose_name: ClassVar[str] = "Calendar invites for the people taking part (.ics)"

    def __init__(self, job: InviteJob, *, combined: bool = False) -> None:
        super().__init__(job)
        self.combined = combined

    def render(self, progress: Progress | None = None) -> ExportOutcome:
        """Invite files; records in :attr:`written` who each was for."""
        self.begin()
        names = FileNames()
        groups = self._groups()
        files = []
        for done, (method, people) in enumerate(groups):
            data = self.invite_bytes(method, people)
            files.append(ExportFile(self._filename(names, method, people), CALENDAR_MIMETYPE, data))
            for person in people:
                self.note_written(person)
            self.tick(progress, done + 1, len(groups))
        return ExportOutcome(files=tuple(files), skipped=self.skipped(), notes=self.notes())

    def _groups(self) -> list[tuple[InviteMethod, list[InviteRecipient]]]:
        sendable = self.sendable()
        if not self.combined:
            return [(r.method, [r]) for r in sendable]
        by_method = [(m, [r for r in sendable if r.method is m]) for m in InviteMethod]
        return [(m, people) for m, people in by_method if people]

    def _filename(self, names: FileNames, method: InviteMethod, people: list[InviteRecipient]) -> str:
        kind = " - cancellation" if method is InviteMethod.CANCEL else ""
        if self.combined:
            label = "cancellation" if method is InviteMethod.CANCEL else "invitation"
            return names.claim(f"{self.stem()} - {label} for {_people(len(people))}", "ics")
        person = people[0]
        return names.claim(f"{self.stem()}{kind} - {person.name}", "ics", fallback=person.email)


@functools.lru_cache(maxsize=4096)
def usable_address(email: str) -> bool:
    """Whether ``email`` is an address mail programs take as it is (RFC 5322, ASCII).

    The directory accepts anything shaped like a@b.c; "a,b@x.example" or "a(b)@x.example" would
    be refused or, worse, quietly shortened to someone else's address by the email package.
    """
    try:
        return Address(addr_spec=email).addr_spec == email
    except (ValueError, HeaderParseError):
        return False


def record_written(services: Services, exporter: InviteExporter) -> InviteStatus:
    """After the files are safely written: the ledger remembers them (one transaction)."""
    return services.invites.record_sent(exporter.briefing_id, exporter.written)


def job_from_arguments(args: argparse.Namespace, services: Services) -> InviteJob:
    """The invite job the command line asks for."""
    return prepare_invites(
        services,
        args.briefing,
        everyone=args.everyone,
        emails=args.to,
        passcodes=args.include_passcodes,
        options=content_options(args),
    )


def record_after_write(args: argparse.Namespace, exporter: Exporter, services: Services) -> list[str]:
    """The command line's follow-up: record the ledger (unless previewing) and say where it stands."""
    if not isinstance(exporter, InviteExporter):
        raise TypeError(f"{exporter.identifier} does not write invites")
    if args.no_record:
        return ["Preview only: the invite ledger was left as it was."]
    status = record_written(services, exporter)
    return [f"Invite ledger: {line}" for line in status.summary()]


def _build(args: argparse.Namespace, services: Services) -> Exporter:
    return IcsInvites(job_from_arguments(args, services), combined=args.combined)


def _arguments(parser: argparse.ArgumentParser) -> None:
    add_invite_arguments(parser)
    parser.add_argument(
        "--combined",
        action="store_true",
        help="one file naming every recipient (shows everyone's address to everyone)",
    )


def _names(recipients: Sequence[InviteRecipient], most: int = 3) -> str:
    shown = ", ".join(_who(r) for r in recipients[:most])
    return shown + (", ..." if len(recipients) > most else "")


def _count(people: int) -> str:
    return "1 person has" if people == 1 else f"{people:,} people have"


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count:,} people"


def _who(recipient: InviteRecipient) -> str:
    return f"{recipient.name} ({recipient.setting_name})" if recipient.setting_name else recipient.name


register(ExportSpec(IcsInvites.identifier, IcsInvites.verbose_name, _arguments, _build, record_after_write))
