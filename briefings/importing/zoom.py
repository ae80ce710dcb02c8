"""Zoom participant reports: a meeting block, a blank line, then one row per join.

"Name (Original Name)" shows the name someone renamed themselves to with the name they joined
as in brackets; the original is what we match on. Rows are one per join (with "show unique
users" unticked), so a person's joins are merged by e-mail, else by original name.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from briefings.importing.attendance_report import (
    AttendanceReport,
    Participant,
    ParticipantRole,
    ReportKind,
    intervals_of,
)
from briefings.importing.columns import Column, header_key, locate
from briefings.importing.names import TAGS, fold
from briefings.importing.participant_kinds import refine_role
from briefings.importing.problems import ImportRefused, Problem, warning
from briefings.importing.sources import sniff_delimiter
from briefings.importing.timestamps import DateOrder, infer_order, parse_stamp

_RENAMED = re.compile(r"^(?P<shown>.*?)\s*\((?P<original>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")
ZOOM_COLUMNS = (
    Column("name", "Name (Original Name)", ("Name", "Participant", "Display name"), required=True),
    Column("email", "User Email", ("Email", "E-mail")),
    Column("join", "Join Time", ("Join time",), required=True),
    Column("leave", "Leave Time", ("Leave time",), required=True),
    Column("duration", "Duration (Minutes)", ("Duration",)),
    Column("guest", "Guest", ()),
)


def is_zoom(lines: Sequence[str]) -> bool:
    """Whether the text looks like a Zoom participants report."""
    head = "\n".join(lines[:6]).lower()
    return ("meeting id" in head and "topic" in head) or (
        "join time" in head and "leave time" in head and "user email" in head
    )


def split_renamed(text: str) -> tuple[str, str | None]:
    """The shown name and the original one: "Jo - Otthorpe (Jo Le Roux)" gives both; "(Guest)" is no name."""
    found = _RENAMED.match(text.strip())
    if found is None:
        return text.strip(), None
    original = found["original"].strip()
    if fold(original) in TAGS or " " not in original or not found["shown"]:
        return text.strip(), None
    return found["shown"].strip(), original


def read_zoom(lines: Sequence[str], name: str, expected_day: date | None) -> AttendanceReport:
    """Read a Zoom participants report."""
    header_at = next(
        (i for i, line in enumerate(lines) if "join time" in line.lower() and "leave time" in line.lower()),
        None,
    )
    if header_at is None:
        raise ImportRefused(f"{name} has no participants table (no “Join Time” and “Leave Time” columns)")
    meeting = _meeting(lines[:header_at])
    delimiter = sniff_delimiter(lines[header_at])
    rows = [
        (n, next(csv.reader([line], delimiter=delimiter)))
        for n, line in enumerate(lines[header_at:], start=header_at + 1)
        if line.strip().strip(",")
    ]
    found, notes = locate(rows[0][1], ZOOM_COLUMNS, name)
    stamps = [
        cells[i]
        for _, cells in rows[1:]
        for f, i in found.items()
        if f in {"join", "leave"} and i < len(cells)
    ]
    order, order_notes = infer_order([*stamps, meeting.get("starttime", "")], expected_day)
    problems: list[Problem] = [*notes, *order_notes]
    host = meeting.get("useremail", "").lower() or None
    people = _people(rows[1:], found, order, host, problems)
    return AttendanceReport(
        kind=ReportKind.ZOOM,
        title=meeting.get("topic"),
        starts_at=parse_stamp(meeting.get("starttime", ""), order),
        ends_at=parse_stamp(meeting.get("endtime", ""), order),
        host_email=host,
        participants=tuple(people),
        problems=tuple(problems),
        date_order=order.reason,
    )


def _meeting(lines: Sequence[str]) -> dict[str, str]:
    filled = [line for line in lines if line.strip().strip(",")]
    parsed = list(csv.reader(io.StringIO("\n".join(filled[:2]))))
    if len(parsed) != len(("header", "values")):
        return {}
    header, values = parsed
    return {header_key(h): v.strip() for h, v in zip(header, values, strict=False) if h.strip()}


def _people(
    rows: Sequence[tuple[int, list[str]]],
    found: dict[str, int],
    order: DateOrder,
    host: str | None,
    problems: list[Problem],
) -> list[Participant]:
    spans: dict[str, list[tuple[datetime | None, datetime | None]]] = defaultdict(list)
    lines: dict[str, list[int]] = defaultdict(list)
    shown: dict[str, tuple[str, str | None, str | None]] = {}
    for number, cells in rows:
        values = {f: (cells[i].strip() if i < len(cells) else "") for f, i in found.items()}
        display, original = split_renamed(values["name"])
        start = parse_stamp(values["join"], order)
        end = parse_stamp(values["leave"], order)
        if not display or start is None or end is None:
            problems.append(
                warning("the name, join or leave time cannot be read; this row was skipped", number)
            )
            continue
        email = values.get("email", "").lower() or None
        key = email or f"name:{fold(original or display)}"
        shown.setdefault(key, (display, original, email))
        spans[key].append((start, end))
        lines[key].append(number)
    people = []
    for key, (display, original, email) in shown.items():
        role = ParticipantRole.ORGANISER if host and email == host else ParticipantRole.ATTENDEE
        person = Participant(
            display, email, role, intervals_of(spans[key]), tuple(lines[key]), original_name=original
        )
        people.append(refine_role(person))
    return people
