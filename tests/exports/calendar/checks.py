"""Checks every calendar file must pass, on the raw bytes and on icalendar's reading of them."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC
from typing import Any

from icalendar import Calendar

MAX_OCTETS = 75


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n"), "the file must end with CRLF"
    body = data[:-2]
    assert b"\n" not in body.replace(b"\r\n", b""), "a bare LF is not a line end in iCalendar"
    assert b"\r" not in body.replace(b"\r\n", b""), "a bare CR is not a line end in iCalendar"
    return body.split(b"\r\n")


def unfolded(data: bytes) -> list[str]:
    """Content lines after unfolding (RFC 5545 3.1), decoded."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def check_calendar_bytes(data: bytes) -> Calendar:
    """The RFC 5545 rules Outlook is strict about; returns the parsed calendar."""
    lines = physical_lines(data)
    for line in lines:
        assert len(line) <= MAX_OCTETS, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # a fold inside a multi-byte character leaves half of it on each line
    content = unfolded(data)
    assert content[0] == "BEGIN:VCALENDAR"
    assert content[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in content
    assert any(c.startswith("PRODID:") for c in content)
    calendar = Calendar.from_ical(data)
    _check_timezones(content, calendar)
    _check_events(calendar)
    return calendar


def _check_timezones(content: list[str], calendar: Calendar) -> None:
    used = {m for line in content for m in re.findall(r";TZID=([^;:]+)", line)}
    defined = Counter(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE"))
    assert set(defined) == used, f"VTIMEZONE for {set(defined)} but TZID used {used}"
    assert all(n == 1 for n in defined.values()), f"one VTIMEZONE per TZID: {defined}"
    for timezone in calendar.walk("VTIMEZONE"):
        for observance in timezone.subcomponents:
            assert "RRULE" in observance, "observances are RRULE-based"
            assert "RDATE" not in observance, "Outlook ignores RDATE-only time zones"


def _check_events(calendar: Calendar) -> None:
    events = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)), "UIDs must be unique"
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
            assert name in event, f"{name} missing"
        starts, ends = event.decoded("DTSTART"), event.decoded("DTEND")
        assert ends.astimezone(UTC) > starts.astimezone(UTC)


def method_of(calendar: Calendar) -> str:
    return str(calendar["METHOD"])


def event_of(calendar: Calendar) -> Any:
    (event,) = calendar.walk("VEVENT")
    return event


def attendee_emails(event: Any) -> list[str]:
    found = event.get("ATTENDEE", [])
    if not isinstance(found, list):
        found = [found]
    return [str(a).removeprefix("mailto:") for a in found]
