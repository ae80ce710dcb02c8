"""Calendar invites for 500 people (50 with ``--quick``), next to bare icalendar doing the same.

No database: the briefing and its recipients come from the in-memory factories the
exporters' tests use, so the figures are the writers' own. The floors build the same event and
attendees with icalendar and nothing else (no VTIMEZONE, description, escaping checks, file
names or MIME), so the ratio is what our correctness costs on top of the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from icalendar import Calendar, Event, vCalAddress

from briefings.organiser import Organiser
from briefings.queries.invites import InviteRecipient, InviteStatus
from briefings.vocabulary import BriefingStatus
from exports.calendar.drafts import EmlInvites
from exports.calendar.invites import IcsInvites, InviteJob
from tests.benchmarks.harness import BenchContext, Benchmark, register
from tests.exports.calendar.factories import NOW, calendar_entry, recipients

PEOPLE = 500
QUICK_PEOPLE = 50


@dataclass(frozen=True)
class Invites:
    """One briefing's invite job for its recipients, built once."""

    job: InviteJob

    @property
    def recipients(self) -> tuple[InviteRecipient, ...]:
        """Who the invites are for."""
        return self.job.recipients


def _job(ctx: BenchContext) -> Invites:
    def build() -> Invites:
        entry = calendar_entry()
        people = recipients(QUICK_PEOPLE if ctx.quick else PEOPLE)
        status = InviteStatus(1, entry.row.title, entry.uid, 0, BriefingStatus.SCHEDULED, people)
        organiser = Organiser("Jo O'Advisor", "jo.advisor@wyvernshire.example")
        return Invites(InviteJob(entry, status, people, organiser, NOW))

    made: Invites = ctx.remember("invites", build)
    return made


def _combined(state: Invites) -> int:
    """One REQUEST naming everyone (``export ics-invites --combined``); returns its attendees."""
    (written,) = IcsInvites(state.job, combined=True).render().files
    return written.data.count(b"\r\nATTENDEE")


def _per_attendee_ics(state: Invites) -> int:
    """One .ics per attendee (``export ics-invites``); returns the files."""
    return len(IcsInvites(state.job).render().files)


def _per_attendee_eml(state: Invites) -> int:
    """One .eml draft per attendee, each holding its .ics twice (``export eml-invites``)."""
    return len(EmlInvites(state.job).render().files)


def _bare_combined(state: Invites) -> int:
    calendar = _bare_calendar()
    calendar.add_component(_bare_event(state, state.recipients))
    return calendar.to_ical().count(b"\r\nATTENDEE")


def _bare_per_attendee(state: Invites) -> int:
    written = 0
    for person in state.recipients:
        calendar = _bare_calendar()
        calendar.add_component(_bare_event(state, (person,)))
        written += bool(calendar.to_ical())
    return written


def _bare_calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//bench//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    return calendar


def _bare_event(state: Invites, people: tuple[InviteRecipient, ...]) -> Event:
    entry = state.job.entry
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", NOW)
    event.add("dtstart", entry.row.starts_at)
    event.add("dtend", entry.row.starts_at + timedelta(hours=2))
    event.add("summary", entry.row.title)
    for person in people:
        address = vCalAddress(f"mailto:{person.email or ''}")
        address.params["CN"] = person.name
        event.add("attendee", address)
    return event


BARE = "floor: bare icalendar, the same event and attendees"
FOR = "500 people, 50 with --quick"
register(
    Benchmark(
        "invites.combined",
        setup=_job,
        run=_combined,
        floor=_bare_combined,
        description=f"one invite naming {FOR} (rows: attendees); {BARE} in one calendar",
    )
)
register(
    Benchmark(
        "invites.ics_per_attendee",
        setup=_job,
        run=_per_attendee_ics,
        floor=_bare_per_attendee,
        description=f"one-attendee .ics invites for {FOR} (rows: files); {BARE}, a calendar each",
    )
)
register(
    Benchmark(
        "invites.eml_drafts",
        setup=_job,
        run=_per_attendee_eml,
        floor=_bare_per_attendee,
        description=f"one-attendee .eml drafts for {FOR} (rows: files); {BARE}, a calendar each",
    )
)
