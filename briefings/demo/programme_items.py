"""A county's year of safeguarding briefings, as slots the generator turns into dated sessions.

The DSL update runs every half-term, online on the second Wednesday and again after school the
next day in a district venue; the rest run once or twice a year, termly groups each term.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from models.enums import Delivery, Phase, Role

WEDNESDAY, THURSDAY, TUESDAY, MONDAY = 2, 3, 1, 0
LEADS = (Role.DSL, Role.DEPUTY_DSL)
PSHE_RSE = (Role.PSHE_LEAD, Role.RSE_LEAD)
SECONDARY_PHASES = (Phase.SECONDARY, Phase.ALL_THROUGH, Phase.MIDDLE)
AUTUMN, SPRING, SUMMER = (0, 1), (2, 3), (4, 5)


@dataclass(frozen=True)
class Slot:
    """A briefing the county runs each year, in the half-terms listed.

    ``title`` may use {term} (such as "Autumn 1 2025") and {place} (the venue's town).
    ``capacity`` None means as many as the room seats; ``demand`` is the share of the
    audience who ask for a place; ``guests`` are partner organisations that co-present.
    """

    topic: str
    titles: tuple[str, ...]
    half_terms: tuple[int, ...]
    weekday: int
    start: time
    end: time
    deliveries: tuple[Delivery, ...]
    capacity: int | None
    audience_roles: tuple[Role, ...] = ()
    audience_phases: tuple[Phase, ...] = ()
    audience_districts: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    series: str | None = None
    demand: float = 0.05
    week: int = 2
    platform: str = "teams"


SLOTS = (
    Slot("dsl_update", ("DSL update: {term} (online)",), (0, 1, 2, 3, 4, 5), WEDNESDAY, time(9, 30),
         time(11, 30), (Delivery.ONLINE,), 350, LEADS, series="DSL briefings {year}", demand=0.2),
    Slot("dsl_update", ("DSL update: {term} ({place})",), (0, 1, 2, 3, 4, 5), THURSDAY, time(15, 45),
         time(17, 45), (Delivery.IN_PERSON, Delivery.HYBRID), None, LEADS, series="DSL briefings {year}",
         demand=0.08),
    Slot("dsl_new", ("DSL new to role: core training", "New to the DSL role"), (0, 2, 4), TUESDAY,
         time(9, 15), time(15, 30), (Delivery.IN_PERSON,), 24, LEADS, demand=0.03, week=3),
    Slot("dsl_refresher", ("DSL refresher training", "Designated safeguarding lead: refresher"), (1, 3, 5),
         TUESDAY, time(9, 30), time(12, 30), (Delivery.ONLINE,), 60, LEADS, demand=0.03, week=3,
         platform="zoom"),
    Slot("rse", ("Relationships education in primary: getting it right", "RSE in primary: consent and "
         "body autonomy"), (1,), MONDAY, time(15, 45), time(17, 15), (Delivery.ONLINE,), 80, PSHE_RSE,
         (Phase.PRIMARY,), guests=("health",), demand=0.12, week=4, platform="zoom"),
    Slot("rse", ("RSE in secondary: teaching consent", "RSE in secondary: pornography and the law"), (3,),
         TUESDAY, time(13, 30), time(15, 0), (Delivery.IN_PERSON,), 30, PSHE_RSE, SECONDARY_PHASES,
         guests=("health",), demand=0.25, week=2),
    Slot("pshe", ("PSHE network: planning the year", "PSHE network: assessment in PSHE"), (0, 4), MONDAY,
         time(15, 45), time(17, 15), (Delivery.ONLINE,), 100, (Role.PSHE_LEAD,), demand=0.2, week=3),
    Slot("prevent", ("Prevent duty update", "Prevent: online radicalisation and young people"), (2,),
         THURSDAY, time(15, 45), time(17, 15), (Delivery.ONLINE,), 200, (*LEADS, Role.HEADTEACHER),
         guests=("prevent",), demand=0.05, week=4),
    Slot("prevent", ("Prevent: making a referral", "Prevent: the Channel process"), (5,), WEDNESDAY,
         time(13, 30), time(15, 0), (Delivery.HYBRID,), None, (*LEADS, Role.HEADTEACHER), guests=("prevent",),
         demand=0.03, week=3),
    Slot("hsb", ("Harmful sexual behaviour: using the Hackett continuum",
                 "HSB: the Brook Traffic Light tool"), (1,), WEDNESDAY, time(13, 0), time(15, 0),
         (Delivery.IN_PERSON,), None, LEADS, guests=("consultant",), demand=0.04, week=3),
    Slot("hsb", ("HSB: responding to incidents between pupils", "HSB: risk assessment and support plans"),
         (3,), TUESDAY, time(15, 45), time(17, 45), (Delivery.ONLINE,), 150, LEADS, guests=("consultant",),
         demand=0.07, week=3),
    Slot("mental_health", ("Mental health: supporting pupils who self-harm",
                           "Emotionally based school avoidance"), (2,), TUESDAY, time(13, 30), time(15, 0),
         (Delivery.IN_PERSON,), None, (), guests=("camhs",), demand=0.02, week=2),
    Slot("mental_health", ("Mental health support teams: how to refer", "Anxiety in the classroom"), (4,),
         THURSDAY, time(15, 45), time(17, 15), (Delivery.ONLINE,), 150, (), guests=("camhs",), demand=0.03),
    Slot("online_safety", ("Online safety update", "Online safety: sharing nudes and semi-nudes"), (0,),
         MONDAY, time(15, 45), time(17, 15), (Delivery.ONLINE,), 250, (), guests=("police", "online"),
         demand=0.04, week=4),
    Slot("online_safety", ("Online safety for secondary: sextortion", "Online safety: AI and deepfakes"),
         (3,), WEDNESDAY, time(13, 30), time(15, 0), (Delivery.IN_PERSON,), None, LEADS, SECONDARY_PHASES,
         guests=("police",), demand=0.25, week=2),
    Slot("working_group", ("DSL working group: {term}",), (1, 3, 5), MONDAY, time(13, 30), time(15, 30),
         (Delivery.IN_PERSON,), 16, (Role.DSL,), series="DSL working group {year}", demand=0.02, week=2),
    Slot("working_group", ("North DSL network: {term}",), (0, 2, 4), THURSDAY, time(9, 30), time(11, 0),
         (Delivery.HYBRID,), None, LEADS, audience_districts=("Dunholt", "Gorsebrook", "Hallowfield"),
         series="North DSL network {year}", demand=0.08, week=4),
    Slot("heads_workshop", ("Headteachers' safeguarding workshop: {term}",), (0, 2, 4), TUESDAY, time(9, 30),
         time(12, 0), (Delivery.IN_PERSON,), 40, (Role.HEADTEACHER,), series="Headteachers' workshops {year}",
         demand=0.09, week=4),
)  # fmt: skip

NOTES = (
    None, None, None, None,
    "Materials are shared after the session.",
    "Tea and coffee from 15:30.",
    "Please bring your school's safeguarding policy.",
    "Cameras on if you can: there is small-group work.",
)  # fmt: skip
CANCEL_REASONS = (
    "The speaker is unwell; the session moves to next term.",
    "Too few bookings; everyone booked is offered the online session instead.",
)
