"""A briefing that has taken place, with people from several settings marked as they attended.

Shared by the certificate, return and register tests; built through the services like the app.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from briefings.directory import PersonFields, SettingFields, VenueFields
from briefings.queries.briefings import BriefingRow, RegisterRow
from briefings.services import Services
from briefings.vocabulary import Attendance, Delivery, Phase, Role
from tests.sample_data import SAMPLE_DATA, SKIP_REASON

NASTY_CONTACTS = (SAMPLE_DATA or Path("missing")) / "nasty" / "contacts_formula_injection.csv"
needs_nasty_contacts = pytest.mark.skipif(not NASTY_CONTACTS.exists(), reason=SKIP_REASON)
AFTER_THE_BRIEFING = datetime(2025, 10, 8, 14, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Attendee:
    """Who, from where, in which role, and what happened on the day."""

    first_name: str
    last_name: str
    setting: str | None
    role: Role = Role.DSL
    attendance: Attendance | None = Attendance.PRESENT
    minutes: int | None = None


@dataclass
class HeldBriefing:
    """The briefing, its register (numbered) and who was who."""

    briefing: BriefingRow
    register: list[RegisterRow]
    setting_ids: dict[str, int]

    def row_of(self, full_name: str) -> RegisterRow:
        return next(r for r in self.register if r.person_name == full_name)


ODD_PEOPLE = (
    Attendee("Zoë", "Brontë", "St Thomas à Becket C of E Primary"),
    Attendee("Aoife", "O'Brien", "St Thomas à Becket C of E Primary", Role.DEPUTY_DSL),
    Attendee("Jo", "Ó Súilleabháin", "Ysgol Gymraeg Awel y Môr", attendance=Attendance.LATE, minutes=90),
    Attendee("Gwenllian", "Wiśniewska-Wood", "Ysgol Gymraeg Awel y Môr", Role.DEPUTY_DSL),
    Attendee(
        "Maximilian Alexander Bartholomew",
        "Featherstonehaugh-Cholmondeley-Worthington-Smythe",
        "Brackendale Nursery and Primary School",
    ),
    Attendee("..", "../../etc/passwd", "Brackendale Nursery and Primary School", Role.HEADTEACHER),
    Attendee("CON", "<b>NUL</b> & co", None, Role.OTHER, attendance=Attendance.LEFT_EARLY, minutes=30),
    Attendee("Sam", "Absent", "Brackendale Nursery and Primary School", attendance=Attendance.ABSENT),
    Attendee("Una", "Marked", "Brackendale Nursery and Primary School", attendance=None),
)


def nasty_people() -> list[Attendee]:
    """The formula-injection contacts (names and school names as the council's list has them)."""
    with NASTY_CONTACTS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Attendee(r["FirstName"], r["LastName"], r["SchoolName"] or None) for r in rows]


def nasty_texts() -> list[str]:
    """Every distinct value in the formula-injection contact list (names, e-mails, notes...)."""
    if not NASTY_CONTACTS.exists():
        return []
    with NASTY_CONTACTS.open(encoding="utf-8-sig", newline="") as handle:
        return sorted({value for row in csv.DictReader(handle) for value in row.values() if value})


def hold_briefing(
    services: Services,
    clock: Any,
    make_briefing: Callable[..., BriefingRow],
    people: Sequence[Attendee] = ODD_PEOPLE,
    **briefing_fields: Any,
) -> HeldBriefing:
    """Schedule an in-person briefing, book everyone, let it happen, mark attendance."""
    venue = services.directory.add_venue(_venue_fields())
    facilitator = services.directory.add_person(_person_fields("Siobhán", "O'Donnell", "facilitator"))
    fields: dict[str, Any] = {
        "delivery": Delivery.IN_PERSON,
        "venue_id": venue.id,
        "join_url": None,
        "capacity": max(len(people), 1),
        "facilitator_ids": (facilitator.id,),
    }
    fields.update(briefing_fields)
    briefing = make_briefing(**fields)
    setting_ids = _settings(services, people)
    person_ids = [
        services.directory.add_person(
            _person_fields(attendee.first_name, attendee.last_name, f"p{index}"),
            role=attendee.role if attendee.setting else None,
            setting_id=setting_ids.get(attendee.setting or ""),
        ).id
        for index, attendee in enumerate(people)
    ]
    services.bookings.book_many(briefing.id, [(person_id, None, None) for person_id in person_ids])
    by_person = {r.person_id: r.registration_id for r in services.briefings.register(briefing.id)}
    clock.set(AFTER_THE_BRIEFING)
    for person_id, attendee in zip(person_ids, people, strict=True):
        if attendee.attendance is not None:
            services.bookings.mark(by_person[person_id], attendee.attendance, attendee.minutes)
    return HeldBriefing(briefing, services.briefings.register(briefing.id), setting_ids)


def _settings(services: Services, people: Sequence[Attendee]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for attendee in people:
        name = attendee.setting
        if name and name not in ids:
            urn = 960500 + len(ids)
            fields = SettingFields(
                name=name, urn=urn, phase=Phase.PRIMARY, district="Wyvern Vale", la_code="990"
            )
            ids[name] = services.directory.add_setting(fields).id
    return ids


def _person_fields(first: str, last: str, tag: str) -> PersonFields:
    return PersonFields(first_name=first, last_name=last, email=f"{tag}@school.example")


def _venue_fields() -> VenueFields:
    return VenueFields(
        name="Wyvern Hall, Committee Room 2",
        address="County Hall, Castle Street, Wyvern",
        postcode="WX1 2AB",
        room_capacity=600,
    )
