"""Microsoft Teams attendance reports: the current sectioned report and the older join/leave log.

Current (since mid-2021): "1. Summary", "2. Participants", "3. In-Meeting activities", each a
tab-separated block (or comma-separated when someone re-saved it), headers in either case. The
participants block names each person once; the activities block has one row per join, which is
what minutes are counted from. A participant listed twice under one account (a shared device)
stays two participants: each join goes to the one whose first join and last leave contain it.

Legacy (before mid-2021): "Full Name", "User Action" (Joined, Joined before, Left), "Timestamp".
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from briefings.importing.attendance_report import (
    AttendanceReport,
    Interval,
    Participant,
    ParticipantRole,
    ReportKind,
    intervals_of,
    role_from_text,
)
from briefings.importing.columns import Column, locate
from briefings.importing.names import fold
from briefings.importing.participant_kinds import refine_role
from briefings.importing.problems import ImportRefused, Problem, note, warning
from briefings.importing.sources import sniff_delimiter
from briefings.importing.timestamps import DateOrder, infer_order, parse_duration, parse_stamp

_SECTION = re.compile(
    r"^\s*\d+\.\s*(summary|participants|in-meeting activities|in meeting activities)\b", re.I
)
PARTICIPANT_COLUMNS = (
    Column("name", "Name", ("Full Name", "Participant", "Display name"), required=True),
    Column("first_join", "First join", ("Join time", "First Join Time", "Join Time")),
    Column("last_leave", "Last leave", ("Leave time", "Last Leave Time", "Leave Time")),
    Column("duration", "In-meeting duration", ("Duration", "Attendance duration", "Time in meeting")),
    Column("email", "Email", ("E-mail", "Email address")),
    Column("upn", "Participant ID (UPN)", ("UPN", "Participant ID", "User principal name")),
    Column("role", "Role", ()),
)
ACTIVITY_COLUMNS = (
    Column("name", "Name", ("Full Name", "Participant"), required=True),
    Column("join", "Join time", ("Join Time", "Joined"), required=True),
    Column("leave", "Leave time", ("Leave Time", "Left"), required=True),
    Column("duration", "Duration", ()),
    Column("email", "Email", ("E-mail",)),
    Column("role", "Role", ()),
)
LEGACY_COLUMNS = (
    Column("name", "Full Name", ("Name",), required=True),
    Column("action", "User Action", ("Action",), required=True),
    Column("stamp", "Timestamp", ("Time",), required=True),
    Column("email", "Email", ("E-mail",)),
)


@dataclass
class _Block:
    """Rows of one section, numbered by line in the file."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def is_teams_legacy(lines: Sequence[str]) -> bool:
    """Whether the text is the older join/leave log."""
    head = next((line for line in lines if line.strip()), "")
    return "user action" in head.lower() and "timestamp" in head.lower()


def is_teams_current(lines: Sequence[str]) -> bool:
    """Whether the text is the current sectioned report (or just its participants table)."""
    if any(_SECTION.match(line) for line in lines[:400]):
        return True
    head = next((line for line in lines if line.strip()), "").lower()
    return "first join" in head and "last leave" in head


def read_teams(lines: Sequence[str], name: str, expected_day: date | None) -> AttendanceReport:
    """Read the current Teams report."""
    sections = _sections(lines)
    participants_block = sections.get("participants")
    activities_block = sections.get("activities")
    if participants_block is None and activities_block is None:
        raise ImportRefused(f"{name} has no “Participants” or “In-Meeting activities” table")
    summary = {
        row[0].strip().lower(): row[1].strip()
        for _, row in sections.get("summary", _Block()).rows
        if len(row) > 1
    }
    stamps = [*summary.values(), *(c for b in sections.values() for _, row in b.rows for c in row)]
    order, problems = infer_order(stamps, expected_day)
    found_problems = list(problems)
    people = _participants(participants_block, order, name, found_problems) if participants_block else []
    if activities_block is not None:
        people = _with_activities(people, activities_block, order, name, found_problems)
    return AttendanceReport(
        kind=ReportKind.TEAMS,
        title=summary.get("meeting title") or summary.get("title"),
        starts_at=parse_stamp(summary.get("start time", ""), order),
        ends_at=parse_stamp(summary.get("end time", ""), order),
        host_email=None,
        participants=tuple(refine_role(p) for p in people),
        problems=tuple(found_problems),
        date_order=order.reason,
    )


def _sections(lines: Sequence[str]) -> dict[str, _Block]:
    sections: dict[str, _Block] = {}
    current = "participants"
    delimiter = "\t"
    pending_header = True
    for number, line in enumerate(lines, start=1):
        marker = _SECTION.match(line)
        if marker:
            word = marker.group(1).lower()
            current = (
                "summary" if word == "summary" else "participants" if word == "participants" else "activities"
            )
            pending_header = True
            continue
        if not line.strip().strip(",\t"):
            continue
        if pending_header and current != "summary":
            delimiter = sniff_delimiter(line)
            pending_header = False
        elif current == "summary":
            delimiter = "\t" if "\t" in line else ","
        cells = next(csv.reader([line], delimiter=delimiter))
        sections.setdefault(current, _Block()).rows.append((number, cells))
    return sections


def _participants(block: _Block, order: DateOrder, name: str, problems: list[Problem]) -> list[Participant]:
    _, header = block.rows[0]
    found, notes = locate(header, PARTICIPANT_COLUMNS, name)
    problems.extend(notes)
    people = []
    for number, cells in block.rows[1:]:

        def cell(field: str, cells: list[str] = cells) -> str:
            index = found.get(field)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        display = cell("name")
        if not display:
            problems.append(warning("a participant without a name was skipped", number))
            continue
        first, last = parse_stamp(cell("first_join"), order), parse_stamp(cell("last_leave"), order)
        people.append(
            Participant(
                name=display,
                email=(cell("email") or cell("upn")).lower() or None,
                role=role_from_text(cell("role")),
                intervals=intervals_of([(first, last)]),
                rows=(number,),
                reported_seconds=parse_duration(cell("duration")),
                span_only=True,
            )
        )
    return people


def _key(name: str, email: str | None) -> str:
    return email.lower() if email else f"name:{fold(name)}"


def _with_activities(
    people: list[Participant], block: _Block, order: DateOrder, name: str, problems: list[Problem]
) -> list[Participant]:
    """Replace each participant's first-to-last span with their individual joins."""
    _, header = block.rows[0]
    found, notes = locate(header, ACTIVITY_COLUMNS, name)
    problems.extend(notes)
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        by_key[_key(person.name, person.email)].append(index)
    joins: dict[int, list[Interval]] = defaultdict(list)
    rows: dict[int, list[int]] = defaultdict(list)
    for number, cells in block.rows[1:]:
        values = {f: (cells[i].strip() if i < len(cells) else "") for f, i in found.items()}
        start, end = parse_stamp(values["join"], order), parse_stamp(values["leave"], order)
        if start is None or end is None or end < start:
            problems.append(warning("the join or leave time cannot be read; this join was skipped", number))
            continue
        email = values.get("email", "").lower() or None
        key = _key(values["name"], email)
        if key not in by_key:
            by_key[key].append(len(people))
            people.append(Participant(values["name"], email, role_from_text(values.get("role", "")), (), ()))
        index = _owner(people, by_key[key], start, end)
        joins[index].append(Interval(start, end))
        rows[index].append(number)
    return [
        replace(person, intervals=tuple(joins[i]), rows=(*person.rows, *rows[i]), span_only=False)
        if joins.get(i)
        else person
        for i, person in enumerate(people)
    ]


def _owner(people: list[Participant], candidates: list[int], start: datetime, end: datetime) -> int:
    if len(candidates) == 1:
        return candidates[0]
    for index in candidates:
        if people[index].first_join == start:
            return index
    for index in candidates:
        span_start, span_end = people[index].first_join, people[index].last_leave
        if span_start is not None and span_end is not None and span_start <= start and end <= span_end:
            return index
    return candidates[0]


def read_teams_legacy(lines: Sequence[str], name: str, expected_day: date | None) -> AttendanceReport:
    """Read the older join/leave log: joins and leaves paired per name, in order."""
    header_at = next(i for i, line in enumerate(lines) if line.strip())
    delimiter = sniff_delimiter(lines[header_at])
    rows = [
        (n, next(csv.reader([line], delimiter=delimiter)))
        for n, line in enumerate(lines, start=1)
        if line.strip()
    ]
    found, problems_found = locate(rows[0][1], LEGACY_COLUMNS, name)
    order, notes = infer_order(
        (cells[found["stamp"]] for _, cells in rows[1:] if len(cells) > found["stamp"]), expected_day
    )
    problems: list[Problem] = [*problems_found, *notes]
    events = []
    for number, cells in rows[1:]:
        values = {f: (cells[i].strip() if i < len(cells) else "") for f, i in found.items()}
        moment = parse_stamp(values["stamp"], order)
        if moment is None or not values["name"]:
            problems.append(warning("the name or time cannot be read; this line was skipped", number))
            continue
        events.append((moment, number, values))
    if not events:
        raise ImportRefused(f"{name} lists no joins or leaves")
    meeting_end = max(moment for moment, _, _ in events)
    return AttendanceReport(
        kind=ReportKind.TEAMS_LEGACY,
        title=None,
        starts_at=min(moment for moment, _, _ in events),
        ends_at=meeting_end,
        host_email=None,
        participants=tuple(refine_role(p) for p in _pair(events, meeting_end, problems)),
        problems=tuple(problems),
        date_order=order.reason,
    )


def _pair(
    events: list[tuple[datetime, int, dict[str, str]]], meeting_end: datetime, problems: list[Problem]
) -> list[Participant]:
    open_joins: dict[str, list[datetime]] = defaultdict(list)
    spans: dict[str, list[tuple[datetime | None, datetime | None]]] = defaultdict(list)
    lines: dict[str, list[int]] = defaultdict(list)
    shown: dict[str, tuple[str, str | None]] = {}
    doubled: set[str] = set()
    for moment, number, values in sorted(events, key=lambda e: (e[0], e[1])):
        email = values.get("email", "").lower() or None
        key = _key(values["name"], email)
        shown.setdefault(key, (values["name"], email))
        lines[key].append(number)
        if values["action"].lower().startswith("join"):
            if open_joins[key] and key not in doubled:
                doubled.add(key)
                problems.append(
                    note(
                        f"{values['name']} joined again while still in the meeting: two devices, or two "
                        "people with one name (the log cannot tell them apart; their time is counted once)",
                        number,
                    )
                )
            open_joins[key].append(moment)
        elif open_joins[key]:
            spans[key].append((open_joins[key].pop(0), moment))
        else:
            problems.append(note(f"{values['name']} left without a recorded join; ignored", number))
    unclosed = 0
    for key, starts in open_joins.items():
        spans[key].extend((start, meeting_end) for start in starts)
        unclosed += len(starts)
    if unclosed:
        problems.append(note(f"{unclosed} join(s) had no leave; counted to the last time in the log"))
    return [
        Participant(
            shown[key][0],
            shown[key][1],
            ParticipantRole.ATTENDEE,
            intervals_of(spans[key]),
            tuple(lines[key]),
        )
        for key in shown
    ]
