"""Calendar entries and invite recipients built in memory, for byte-level tests and benchmarks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from typing import Any

from briefings.clock import london
from briefings.invites import InviteMethod
from briefings.queries.briefings import BriefingRow
from briefings.queries.calendar import CalendarEntry
from briefings.queries.invites import InviteRecipient, InviteState
from briefings.vocabulary import BriefingStatus, Delivery, Phase, Role

NOW = datetime(2025, 10, 1, 9, 0, tzinfo=UTC)


def briefing_row(**overrides: Any) -> BriefingRow:
    day = datetime(2025, 10, 8).date()
    values: dict[str, Any] = {
        "id": 1,
        "title": "DSL update briefing",
        "topic_id": 1,
        "topic_code": "dsl_update",
        "topic_name": "DSL update",
        "topic_colour": "#607d8b",
        "series_id": None,
        "series_name": None,
        "starts_at": london(day, time(9, 30)),
        "ends_at": london(day, time(11, 30)),
        "delivery": Delivery.ONLINE,
        "venue_id": None,
        "venue_name": None,
        "join_url": "https://teams.microsoft.com/l/meetup-join/abc",
        "capacity": 500,
        "booked": 0,
        "waitlisted": 0,
        "attended": 0,
        "status": BriefingStatus.SCHEDULED,
        "calendar_uid": "0b5e2a40-9d3c-4c1e-8f0a-1234567890ab@briefing-desk",
        "calendar_sequence": 0,
        "audience_roles": (Role.DSL, Role.DEPUTY_DSL),
        "audience_phases": (Phase.PRIMARY,),
        "audience_districts": ("North",),
        "notes": None,
    }
    values.update(overrides)
    return BriefingRow(**values)


def calendar_entry(row: BriefingRow | None = None, **overrides: Any) -> CalendarEntry:
    values: dict[str, Any] = {
        "row": row or briefing_row(),
        "venue_address": None,
        "venue_postcode": None,
        "join_passcode": None,
        "facilitator_names": (),
        "resources": (),
        "cancel_reason": None,
        "recording": None,
        "created_at": datetime(2025, 9, 1, 8, 0, tzinfo=UTC),
        "updated_at": datetime(2025, 9, 2, 8, 0, tzinfo=UTC),
    }
    values.update(overrides)
    return CalendarEntry(**values)


def recipient(n: int, **overrides: Any) -> InviteRecipient:
    values: dict[str, Any] = {
        "person_id": n,
        "name": f"Alex Tester{n}",
        "email": f"alex.tester{n}@school.example",
        "setting_name": "Test Primary School",
        "chair": False,
        "method": InviteMethod.REQUEST,
        "state": InviteState.NEW,
        "sent_method": None,
        "sent_sequence": None,
        "sent_at": None,
        "changes_missed": 0,
    }
    values.update(overrides)
    return InviteRecipient(**values)


def recipients(count: int) -> tuple[InviteRecipient, ...]:
    return tuple(recipient(n) for n in range(1, count + 1))


def cancelled(entry: CalendarEntry, sequence: int) -> CalendarEntry:
    return replace(entry, row=replace(entry.row, status=BriefingStatus.CANCELLED, calendar_sequence=sequence))
