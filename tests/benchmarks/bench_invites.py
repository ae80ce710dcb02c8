"""Benchmarks for calendar invites, each next to bare icalendar doing the same serialisation.

No database: the rows come from the in-memory factories, so the figures are the writers' own.
Run by hand with ``python -m tests.benchmarks.bench_invites``; ``BENCHMARKS`` maps a name to a
zero-argument callable for the bench harness to register.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from datetime import timedelta

from icalendar import Calendar, Event, vCalAddress

from briefings.organiser import Organiser
from briefings.queries.invites import InviteStatus
from briefings.vocabulary import BriefingStatus
from exports.calendar.drafts import EmlInvites
from exports.calendar.events import calendar_bytes
from exports.calendar.invites import IcsInvites, InviteJob
from exports.calendar.options import Attendee
from tests.exports.calendar.factories import NOW, calendar_entry, recipients

PEOPLE = 500
_ENTRY = calendar_entry()
_RECIPIENTS = recipients(PEOPLE)
_ORGANISER = Organiser("Jo O'Advisor", "jo.advisor@wyvernshire.example")
_JOB = InviteJob(
    _ENTRY,
    InviteStatus(1, _ENTRY.row.title, _ENTRY.uid, 0, BriefingStatus.SCHEDULED, _RECIPIENTS),
    _RECIPIENTS,
    _ORGANISER,
    NOW,
)


def invite_500_attendees() -> bytes:
    """One REQUEST naming 500 attendees, as ics-invites --combined writes it."""
    attendees = [Attendee(r.name, r.email or "") for r in _RECIPIENTS]
    return calendar_bytes([_ENTRY], method="REQUEST", now=NOW, organiser=_ORGANISER, attendees=attendees)


def bare_icalendar_500_attendees() -> bytes:
    """The same event and attendees with bare icalendar: no VTIMEZONE, description or checks."""
    calendar = Calendar()
    calendar.add("prodid", "-//bench//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    calendar.add_component(_bare_event(_RECIPIENTS))
    data: bytes = calendar.to_ical()
    return data


def per_attendee_ics_500() -> int:
    """500 per-attendee .ics files (ics-invites)."""
    return len(IcsInvites(_JOB).render().files)


def per_attendee_drafts_500() -> int:
    """500 per-attendee .eml drafts (eml-invites), each holding its .ics twice."""
    return len(EmlInvites(_JOB).render().files)


def bare_icalendar_500_files() -> int:
    """500 one-attendee calendars with bare icalendar, for comparison with the two above."""
    total = 0
    for person in _RECIPIENTS:
        calendar = Calendar()
        calendar.add("prodid", "-//bench//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "REQUEST")
        calendar.add_component(_bare_event((person,)))
        total += len(calendar.to_ical())
    return total


def _bare_event(people: tuple[object, ...]) -> Event:
    event = Event()
    event.add("uid", _ENTRY.uid)
    event.add("dtstamp", NOW)
    event.add("dtstart", _ENTRY.row.starts_at)
    event.add("dtend", _ENTRY.row.starts_at + timedelta(hours=2))
    event.add("summary", _ENTRY.row.title)
    for person in people:
        address = vCalAddress(f"mailto:{getattr(person, 'email', '')}")
        address.params["CN"] = getattr(person, "name", "")
        event.add("attendee", address)
    return event


BENCHMARKS: dict[str, Callable[[], object]] = {
    "invites: 500-attendee invite": invite_500_attendees,
    "invites: 500-attendee invite, bare icalendar": bare_icalendar_500_attendees,
    "invites: 500 per-attendee .ics": per_attendee_ics_500,
    "invites: 500 per-attendee .eml drafts": per_attendee_drafts_500,
    "invites: 500 one-attendee calendars, bare icalendar": bare_icalendar_500_files,
}


def main() -> None:
    """Best of five runs of each, in milliseconds."""
    for name, function in BENCHMARKS.items():
        best = min(timeit.repeat(function, number=1, repeat=5))
        print(f"{name:<55} {best * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
