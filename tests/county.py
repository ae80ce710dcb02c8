"""A small but realistic county built through the services, with nine years of history.

Used by the privacy and storage tests: erasure, retention, subject access and the backup round
trip. The clock walks from 2016 to 1 October 2025, so every row carries the time it would have
had. Certificates and the invitation ledger have no service on this branch and are written
directly, as their own services would write them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import update

from briefings.clock import london
from briefings.directory import PersonFields, SettingFields, VenueFields
from briefings.licensing import PoolFields
from briefings.recordings import RecordingFields
from briefings.scheduling import BriefingFields
from briefings.services import Services
from briefings.vocabulary import Attendance, Delivery, Phase, Role
from models.certificates import Certificate
from models.db import Database
from models.invites import InviteSent
from models.people import Person

START = datetime(2016, 9, 1, 9, tzinfo=UTC)
NOW = datetime(2025, 10, 1, 9, tzinfo=UTC)


@dataclass
class County:
    """The ids the tests look at."""

    settings: dict[str, int]
    people: dict[str, int]
    briefings: dict[str, int]
    registrations: dict[tuple[str, str], int]
    recordings: dict[str, int]
    allocations: dict[str, int]


def build_county(services: Services, clock, db: Database) -> County:
    clock.set(START)
    d = services.directory
    settings = {
        key: d.add_setting(SettingFields(name=name, urn=urn, phase=phase, district=district)).id
        for key, name, urn, phase, district in [
            ("oak", "Oakfield Primary School", 110001, Phase.PRIMARY, "North"),
            ("ash", "Ashgrove Academy", 110002, Phase.SECONDARY, "North"),
            ("elm", "Elm Tree Nursery", 110003, Phase.NURSERY, "South"),
            ("yew", "Yew Bank Special School", 110004, Phase.SPECIAL, "South"),
        ]
    }
    mash = d.add_organisation("Wyvernshire MASH", "council service").id

    def person(key: str, first: str, last: str, role: Role | None, setting: str | None, **extra: str) -> int:
        row = d.add_person(
            PersonFields(
                first_name=first, last_name=last, email=f"{first}.{last}@example.org".lower(), **extra
            ),
            role=role,
            setting_id=settings[setting] if setting else None,
        )
        return row.id

    people = {
        "amy": person(
            "amy", "Amy", "Okafor", Role.DSL, "oak", phone="01632 960001", notes="Prefers mornings"
        ),
        "ben": person("ben", "Ben", "Hughes", Role.DEPUTY_DSL, "oak"),
        "cara": person("cara", "Cara", "Singh", Role.DSL, "ash"),
        "dev": person("dev", "Dev", "Patel", Role.DSL, "elm"),
        "eve": person("eve", "Eve", "Marsh", None, None),
        "fay": person("fay", "Fay", "Lloyd", Role.DSL, "yew"),
    }
    people["gus"] = d.add_person(
        PersonFields(first_name="Gus", last_name="Reed", email="gus.reed@wyvern.gov.uk"),
        role=Role.OTHER,
        organisation_id=mash,
    ).id
    # Dev left Elm Tree at the end of 2018; nothing links him to the county since.
    dev_role = d.person(people["dev"]).roles[0].id
    clock.set(datetime(2018, 12, 31, 12, tzinfo=UTC))
    d.end_membership(dev_role, date(2018, 12, 31))
    with db.sessions.begin() as session:  # add_person stamps the real time; these people date from 2016
        session.execute(update(Person).values(created_at=START))

    clock.set(START)
    d.add_venue(VenueFields(name="County Hall", address="1 Shire Way, Wyvern", room_capacity=60))
    topics = {t.code: t.id for t in services.briefings.topics()}

    def brief(day: date, title: str, code: str, capacity: int = 30, **extra: object) -> int:
        fields = BriefingFields(
            title=title,
            topic_id=topics[code],
            starts_at=london(day, time(9, 30)),
            ends_at=london(day, time(11, 30)),
            delivery=Delivery.ONLINE,
            capacity=capacity,
            join_url="https://teams.microsoft.com/l/meetup-join/x",
            join_passcode="Kc7!pq",
            **extra,
        )
        return services.briefings.schedule(fields).id

    briefings = {
        "old_dsl": brief(
            date(2017, 3, 15), "DSL update spring 2017", "dsl_update", facilitator_ids=(people["gus"],)
        ),
        "old_rse": brief(date(2018, 11, 20), "RSE in practice", "rse"),
        "recent": brief(date(2024, 6, 12), "DSL update summer 2024", "dsl_update", capacity=4),
    }
    registrations: dict[tuple[str, str], int] = {}

    def attend(b: str, day: date, marks: dict[str, Attendance | None]) -> None:
        clock.set(london(day, time(8)).astimezone(UTC) - timedelta(days=7))
        for who in marks:
            registrations[(b, who)] = services.bookings.book(briefings[b], people[who]).registration_id
        clock.set(london(day, time(12)).astimezone(UTC))
        for who, mark in marks.items():
            if mark is not None:
                services.bookings.mark(registrations[(b, who)], mark)

    attend(
        "old_dsl",
        date(2017, 3, 15),
        {
            "amy": Attendance.PRESENT,
            "ben": Attendance.PRESENT,
            "cara": Attendance.ABSENT,
            "dev": Attendance.PRESENT,
        },
    )
    attend(
        "old_rse",
        date(2018, 11, 20),
        {"amy": Attendance.PRESENT, "dev": Attendance.LATE, "eve": Attendance.PRESENT},
    )
    clock.set(datetime(2018, 11, 21, 9, tzinfo=UTC))
    recordings = {
        "old_rse": services.recordings.attach(
            briefings["old_rse"], RecordingFields(url="https://stream.example.org/v/rse2018", passcode="R53!")
        ).id
    }
    services.recordings.give(recordings["old_rse"], person_id=people["eve"], note="asked by email")
    attend(
        "recent",
        date(2024, 6, 12),
        {"amy": Attendance.PRESENT, "ben": Attendance.LEFT_EARLY, "cara": Attendance.PRESENT, "fay": None},
    )
    clock.set(datetime(2024, 6, 13, 9, tzinfo=UTC))
    recordings["recent"] = services.recordings.attach(
        briefings["recent"], RecordingFields(url="https://stream.example.org/v/dsl2024")
    ).id
    services.recordings.give(recordings["recent"], person_id=people["fay"])

    clock.set(datetime(2017, 1, 10, 9, tzinfo=UTC))
    old_pool = services.licences.create_pool(
        PoolFields(
            provider="NSPCC",
            product="HSB toolkit",
            seats=10,
            valid_from=date(2017, 1, 1),
            valid_until=date(2018, 6, 30),
        )
    ).id
    allocations = {
        "dev": services.licences.allocate(
            old_pool, 1, person_id=people["dev"], setting_id=settings["elm"], notes="for Dev's new deputy"
        ).id
    }
    clock.set(datetime(2025, 9, 1, 9, tzinfo=UTC))
    pool = services.licences.create_pool(
        PoolFields(
            provider="NSPCC",
            product="HSB toolkit",
            seats=10,
            valid_from=date(2025, 9, 1),
            valid_until=date(2026, 8, 31),
        )
    ).id
    allocations["amy"] = services.licences.allocate(
        pool, 1, person_id=people["amy"], setting_id=settings["oak"]
    ).id

    clock.set(datetime(2025, 9, 10, 9, tzinfo=UTC))
    briefings["future"] = brief(date(2025, 10, 8), "DSL update autumn 2025", "dsl_update", capacity=2)
    for who in ("amy", "ben", "cara"):  # Cara waits: the briefing holds two
        registrations[("future", who)] = services.bookings.book(
            briefings["future"], people[who]
        ).registration_id

    with db.sessions.begin() as session:
        for number, (b, who, day) in enumerate(
            [
                ("old_dsl", "amy", date(2017, 3, 15)),
                ("old_dsl", "dev", date(2017, 3, 15)),
                ("recent", "amy", date(2024, 6, 12)),
            ],
            start=1,
        ):
            name = session.get_one(Person, people[who]).full_name
            session.add(
                Certificate(
                    number=f"WYV-{number:04d}",
                    registration_id=registrations[(b, who)],
                    person_name=name,
                    setting_name="Oakfield Primary School",
                    briefing_title=b,
                    briefing_date=day,
                    minutes=120,
                    cpd_hours=2.0,
                    issued_at=london(day, time(13)),
                )
            )
        for b, who, sent in [
            ("old_dsl", "amy", datetime(2017, 3, 1, tzinfo=UTC)),
            ("old_dsl", "dev", datetime(2017, 3, 1, tzinfo=UTC)),
            ("future", "amy", datetime(2025, 9, 20, tzinfo=UTC)),
        ]:
            email = session.get_one(Person, people[who]).email or ""
            session.add(
                InviteSent(
                    briefing_id=briefings[b],
                    person_id=people[who],
                    recipient=email,
                    uid=f"{b}@briefing-desk",
                    sequence=0,
                    method="REQUEST",
                    sent_at=sent,
                )
            )

    clock.set(NOW)
    return County(settings, people, briefings, registrations, recordings, allocations)
