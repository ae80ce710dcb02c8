"""Recordings of past online and hybrid briefings, and who was sent each link.

Teams keeps a recording for 120 days; the county's Zoom recordings last 60 and carry a
passcode. Older links have expired; people who missed a session were sent the recording.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from briefings.demo.bookings import BookingOutcome
from briefings.demo.context import DemoContext, DemoRandom
from briefings.demo.programme import DemoBriefing
from briefings.demo.tables import DemoTables
from models.enums import BriefingStatus
from models.recordings import Recording, RecordingAccess

RECORDED_TOPICS = frozenset(
    {"dsl_update", "dsl_refresher", "prevent", "online_safety", "hsb", "mental_health"}
)
KEPT = {"teams": timedelta(days=120), "zoom": timedelta(days=60)}
RECORDED_SHARE = 0.85
SENT_SHARE = 0.45
NOTES = (
    None,
    None,
    None,
    "Edited to remove the small-group discussions.",
    "The first ten minutes were lost.",
)


def make_recordings(
    ctx: DemoContext, tables: DemoTables, briefings: Sequence[DemoBriefing], bookings: BookingOutcome
) -> None:
    """A recording for most past online sessions, and the links sent to people who missed them."""
    now = ctx.now
    for briefing in briefings:
        rng = ctx.rng(f"recording/{briefing.id}")
        recordable = (
            briefing.delivery.needs_link
            and briefing.topic in RECORDED_TOPICS
            and briefing.status is not BriefingStatus.CANCELLED
            and briefing.ends_at < now
        )
        if not recordable or not rng.chance(RECORDED_SHARE):
            continue
        platform = briefing.slot.platform
        available_from = (briefing.ends_at + timedelta(hours=rng.randint(3, 40))).astimezone(UTC)
        available_until = available_from + KEPT[platform]
        url, passcode = _link(rng, platform)
        recording_id = tables.add(
            Recording,
            briefing_id=briefing.id,
            url=url,
            passcode=passcode,
            available_from=available_from,
            available_until=available_until,
            notes=rng.choice(NOTES),
            created_at=min(available_from, now),
        )
        _sent(
            rng,
            tables,
            recording_id,
            first=available_from,
            last=min(available_until, now),
            missed=bookings.missed[briefing.id],
        )


def _sent(
    rng: DemoRandom,
    tables: DemoTables,
    recording_id: int,
    *,
    first: datetime,
    last: datetime,
    missed: list[tuple[int, int | None]],
) -> None:
    if last <= first:
        return
    span = (last - first).total_seconds()
    given: list[tuple[datetime, int | None, int | None, str | None]] = []
    for person_id, setting_id in missed:
        if rng.chance(SENT_SHARE):
            at = first + timedelta(seconds=int(span * rng.random() ** 2))
            given.append((at, person_id, setting_id, None))
        elif setting_id is not None and rng.chance(0.1):
            at = first + timedelta(seconds=int(span * rng.random()))
            given.append((at, None, setting_id, "Sent to the school office for the DSL."))
    for when, person, setting, note in sorted(given, key=lambda g: (g[0], g[1] or 0)):
        tables.add(
            RecordingAccess,
            recording_id=recording_id,
            person_id=person,
            setting_id=setting,
            given_at=when,
            note=note,
        )


def _link(rng: DemoRandom, platform: str) -> tuple[str, str | None]:
    token = "".join(rng.choices(string.ascii_letters + string.digits, k=22))
    if platform == "zoom":
        passcode = "".join(rng.choices(string.ascii_letters + string.digits + "!$#*", k=8))
        return f"https://wyvernshire.zoom.example/rec/share/{token}", passcode
    return f"https://wyvernshire.sharepoint.example/:v:/s/EducationSafeguarding/E{token}", None
