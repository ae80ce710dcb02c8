"""A small fictional county seeded through the services, for screenshots when the demo is absent.

Wyvernshire (LA 990, as in the shared sample data): 8 districts, 64 settings with a head, a DSL
and a deputy each, a year and a bit of briefings with bookings, waiting lists and attendance,
two licence pools and a recording. Deterministic: the same database every run.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from briefings.clock import london
from briefings.directory import PersonFields, SettingFields, VenueFields
from briefings.licensing import PoolFields
from briefings.queries.briefings import BriefingFilter
from briefings.recordings import RecordingFields
from briefings.scheduling import BriefingFields, ResourceLink, SeriesPlan
from briefings.services import Services
from briefings.term_calendar import half_termly_dates
from briefings.vocabulary import Attendance, Delivery, Phase, Role


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


WEDNESDAY = 2
SMALL_COURSE, SMALL_COURSE_EXTRA = 30, 6
#: Which settings (by position, in every sixteen) are not primaries.
KIND_CYCLE = 16
KINDS = {
    3: (Phase.SPECIAL, "Special School"),
    7: (Phase.SECONDARY, "Academy"),
    15: (Phase.SECONDARY, "Academy"),
}
#: Every ninth setting never sends anyone, so the dashboard has settings behind on refresh.
NEVER_BOOKS = 9

#: The moment the screenshots show: a Wednesday in the second autumn half-term.
NOW = datetime(2025, 11, 19, 9, 0, tzinfo=UTC)
DISTRICTS = _names(
    "Ashmoor, Brackendale, Castlemere, Dunholt, Elmsworth, Fernley Heath, Gorsebrook, Hallowfield"
)
PLACES = _names(
    "Upper Cotford, Little Ingworth, Hartbury, Loxby Green, Bradden, Otmoor, Lidfield Heath, "
    "Cotfield, Wickwell, Long Hartwick, Fairmoor, Quencombe, Salby, Yarstead, Langstow, Sherham, "
    "Kingsbury, Gorbury, Ashleigh, Brontë Way, St Mary's, Hartstead, Wyncombe, Otleigh, Renfield, "
    "Morwick, Tallow Cross, Pennock, Harrowby, Stainford, Oldbury, Marlow End, Chesterby, Ivy Lane, "
    "Thornbury, Kelmscott, Aldwick, Brinsworth, Canley, Daneswood, Eastry, Fenwick, Glaston, "
    "Haddow, Ingleby, Jarrow Fold, Keswick Road, Lamport, Midford, Norland, Orsett, Pelham, "
    "Quarry Bank, Rushden, Southcote, Tenbury, Ulverley, Vale Park, Wolvey, Yelden, Abbotsley, "
    "Bramcote, Cranleigh, Dorney"
)
FIRST = _names(
    "Sarah, James, Priya, Tom, Aisha, Gareth, Renée, Zoë, Mohammed, Helen, Owen, Siobhan, David, "
    "Fatima, Claire, Rhys, Joanne, Kwame, Lucy, Anil, Megan, Patrick, Hannah, Dylan"
)
LAST = _names(
    "Wood, Müller, Patel, O'Brien, Hughes, Khan, Evans, Brontë, Ahmed, Clarke, Jones, Nowak, "
    "Taylor, Okafor, Price, Begum, Morgan, Walsh, Lewis, Chen, Roberts, Davies"
)


@dataclass
class SettableClock:
    """The clock the seeding moves through the year (bookings before sessions, marks after)."""

    moment: datetime

    def __call__(self) -> datetime:
        return self.moment


def seed_sample_county(services: Services, clock: SettableClock) -> str:
    """Fill an empty database; returns a one-line summary."""
    rng = random.Random(2025)  # noqa: S311 - sample data, not secrets
    leads = _directory(services, rng)
    venues = [
        services.directory.add_venue(VenueFields(name, address, postcode, capacity))
        for name, address, postcode, capacity in (
            ("Wyvern Professional Development Centre", "Shire Hall Lane, Wyvern", "WX1 4PD", 120),
            ("Elmsworth Library meeting room", "Market Street, Elmsworth", "WX7 2LB", 40),
            ("Castlemere Town Hall", "High Street, Castlemere", "WX3 9TH", 80),
        )
    ]
    topics = {t.code: t.id for t in services.briefings.topics()}
    ids = _briefings(services, clock, topics, [v.id for v in venues])
    bookable = [lead for lead in leads if lead[1] % NEVER_BOOKS]
    _registers(services, clock, rng, ids, bookable)
    _licences(services, rng)
    clock.moment = NOW
    return f"Seeded {len(ids)} briefings for {len(leads)} safeguarding leads in Wyvernshire"


def _directory(services: Services, rng: random.Random) -> list[tuple[int, int, Role]]:
    leads: list[tuple[int, int, Role]] = []
    taken: set[str] = set()
    urn = 960100
    for n, place in enumerate(PLACES):
        district = DISTRICTS[n % len(DISTRICTS)]
        phase, kind = KINDS.get(n % KIND_CYCLE, (Phase.PRIMARY, "Primary School"))
        urn += 1 + rng.randrange(40)
        setting = services.directory.add_setting(
            SettingFields(
                name=f"{place} {kind}",
                urn=urn,
                phase=phase,
                district=district,
                la_code="990",
                la_name="Wyvernshire",
                postcode=f"WX{1 + n % 9} {rng.randrange(1, 9)}QA",
            )
        )
        for role in (Role.HEADTEACHER, Role.DSL, Role.DEPUTY_DSL):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = _email(f"{first[0]}.{last}", place, taken)
            person = services.directory.add_person(
                PersonFields(first, last, email.lower()), role=role, setting_id=setting.id
            )
            if role is not Role.HEADTEACHER:
                leads.append((person.id, setting.id, role))
    return leads


def _email(local: str, place: str, taken: set[str]) -> str:
    def ascii_only(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "".join(ch for ch in plain.lower() if ch.isalnum() or ch == ".")

    base = f"{ascii_only(local)}@{ascii_only(place)}.sch.example"
    email, n = base, 1
    while email in taken:
        n += 1
        email = base.replace("@", f"{n}@")
    taken.add(email)
    return email


#: (title, topic code, day, start, end, capacity, venue number or None for online)
PROGRAMME = (
    ("DSL update: KCSIE 2024 changes", "dsl_update", date(2024, 10, 9), time(9, 30), time(11, 30), 150, None),
    ("DSL update: Working Together", "dsl_update", date(2025, 1, 22), time(9, 30), time(11, 30), 150, None),
    (
        "DSL update: filtering and monitoring",
        "dsl_update",
        date(2025, 3, 12),
        time(9, 30),
        time(11, 30),
        150,
        None,
    ),
    ("DSL update: summer term", "dsl_update", date(2025, 6, 11), time(9, 30), time(11, 30), 150, None),
    ("DSL new to role (day 1)", "dsl_new", date(2025, 9, 24), time(9, 0), time(15, 0), 24, 0),
    ("Prevent: recognising radicalisation", "prevent", date(2025, 10, 15), time(13, 30), time(15, 0), 40, 1),
    ("RSE twilight: relationships education", "rse", date(2025, 10, 2), time(16, 0), time(17, 30), 60, None),
    ("Harmful sexual behaviour in schools", "hsb", date(2025, 11, 26), time(9, 30), time(11, 30), 30, 2),
    (
        "Online safety for governors and DSLs",
        "online_safety",
        date(2025, 12, 3),
        time(18, 0),
        time(19, 30),
        80,
        None,
    ),
    ("DSL new to role (day 1)", "dsl_new", date(2026, 1, 21), time(9, 0), time(15, 0), 24, 0),
    ("Mental health leads network", "mental_health", date(2026, 2, 4), time(15, 45), time(17, 15), 60, None),
    (
        "Headteachers' safeguarding workshop",
        "heads_workshop",
        date(2026, 3, 5),
        time(9, 30),
        time(12, 0),
        80,
        2,
    ),
    ("DSL refresher training", "dsl_refresher", date(2025, 11, 20), time(9, 30), time(12, 30), 16, 1),
)
TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_wyvern"
LEADS = (Role.DSL, Role.DEPUTY_DSL)


def _briefings(
    services: Services, clock: SettableClock, topics: dict[str, int], venues: list[int]
) -> list[int]:
    clock.moment = datetime(2024, 7, 1, 9, tzinfo=UTC)
    ids = []
    for title, code, day, start, end, capacity, venue in PROGRAMME:
        online = venue is None
        fields = BriefingFields(
            title=title,
            topic_id=topics[code],
            starts_at=london(day, start),
            ends_at=london(day, end),
            delivery=Delivery.ONLINE if online else Delivery.IN_PERSON,
            capacity=capacity,
            venue_id=None if venue is None else venues[venue],
            join_url=f"{TEAMS}{day:%m%d}" if online else None,
            join_passcode="Wyv3rn" if online else None,
            audience_roles=LEADS,
        )
        ids.append(services.briefings.schedule(fields).id)
    template = BriefingFields(
        title="DSL termly update",
        topic_id=topics["dsl_update"],
        starts_at=NOW,
        ends_at=NOW,
        delivery=Delivery.ONLINE,
        capacity=120,
        join_url=TEAMS,
        join_passcode="Wyv3rn",
        audience_roles=LEADS,
    )
    dates = tuple(half_termly_dates(2025, WEDNESDAY))
    plan = SeriesPlan("DSL termly updates 2025/26", template, dates, time(9, 30), time(11, 30))
    series = services.briefings.create_series(plan)
    ids += [r.id for r in services.briefings.search(BriefingFilter(series_id=series.id))]
    return ids


def _registers(
    services: Services,
    clock: SettableClock,
    rng: random.Random,
    ids: list[int],
    leads: list[tuple[int, int, Role]],
) -> None:
    marks = [Attendance.PRESENT] * 14 + [Attendance.LATE, Attendance.LEFT_EARLY, Attendance.ABSENT]
    marks.append(Attendance.APOLOGIES)
    for briefing_id in ids:
        row = services.briefings.row(briefing_id)
        clock.moment = row.starts_at.astimezone(UTC) - timedelta(days=21)
        # Small courses are oversubscribed, so their waiting lists show.
        extra = SMALL_COURSE_EXTRA if row.capacity < SMALL_COURSE else 0
        wanted = min(len(leads), int(row.capacity * rng.uniform(0.55, 0.95)) + extra)
        chosen = rng.sample(leads, wanted)
        for person_id, setting_id, role in chosen:
            clock.moment += timedelta(minutes=rng.randrange(5, 90))
            services.bookings.book_many(briefing_id, [(person_id, setting_id, role)])
        if row.ends_at > NOW:
            continue
        clock.moment = row.ends_at.astimezone(UTC) + timedelta(hours=2)
        for entry in services.briefings.register(briefing_id):
            if entry.number is not None:
                mark = rng.choice(marks)
                minutes = rng.randrange(30, row.minutes) if mark is Attendance.LEFT_EARLY else None
                services.bookings.mark(entry.registration_id, mark, minutes)
        services.briefings.complete(briefing_id)
    rows = [services.briefings.row(i) for i in ids]
    hsb = next(r for r in rows if r.topic_code == "hsb")
    clock.moment = NOW - timedelta(days=2)
    services.briefings.set_resources(
        hsb.id,
        [
            ResourceLink(
                "Sexual violence and sexual harassment guidance", "https://www.gov.uk/government/publications"
            ),
            ResourceLink("Brook traffic light tool", "https://www.brook.org.uk/training/"),
        ],
    )
    online_safety = next(r for r in rows if r.topic_code == "online_safety")
    services.briefings.cancel(online_safety.id, "Presenter unavailable; moving to the spring term")
    for title, passcode in (("DSL update: summer term", None), ("DSL termly update", "Kc5ie!25")):
        # The latest session of that title that has taken place.
        recorded = max((r for r in rows if r.title == title and r.ends_at < NOW), key=lambda r: r.starts_at)
        link = f"https://wyvernshire.sharepoint.com/:v:/s/safeguarding/{recorded.starts_at:%Y-%m-%d}"
        services.recordings.attach(recorded.id, RecordingFields(link, passcode=passcode))


def _licences(services: Services, rng: random.Random) -> None:
    settings = services.directory.settings()
    annual = services.licences.create_pool(
        PoolFields(
            "The National College", "Annual safeguarding certificate", 60, date(2025, 4, 1), date(2026, 3, 31)
        )
    )
    refresher = services.licences.create_pool(
        PoolFields("Educare", "DSL online refresher", 20, date(2025, 1, 1), date(2025, 12, 31))
    )
    for setting in rng.sample(settings, 40):
        services.licences.allocate(annual.id, 1, setting_id=setting.id, on=date(2025, 9, 10))
    for setting in rng.sample(settings, 18):
        services.licences.allocate(refresher.id, 1, setting_id=setting.id, on=date(2025, 2, 3))
