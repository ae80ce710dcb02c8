"""The byte-level checks can fail: each catches the mistake it exists for."""

from __future__ import annotations

import pytest
from icalendar import Calendar, Event, Timezone

from exports.calendar.events import calendar_bytes
from tests.exports.calendar.checks import check_calendar_bytes
from tests.exports.calendar.factories import NOW, calendar_entry

GOOD = calendar_bytes([calendar_entry()], method="PUBLISH", now=NOW)


def test_a_good_file_passes():
    assert check_calendar_bytes(GOOD).walk("VEVENT")


def test_a_fold_inside_a_multibyte_character_is_caught():
    line = "SUMMARY:" + "x" * 64 + "Zoë"  # ë is octets 75 and 76: the fold splits it
    raw = line.encode()
    broken = raw[:75] + b"\r\n " + raw[75:]
    data = GOOD.replace(b"SUMMARY:DSL update briefing", broken)
    with pytest.raises(UnicodeDecodeError):
        check_calendar_bytes(data)


def test_a_bare_lf_and_a_long_line_are_caught():
    with pytest.raises(AssertionError, match="bare LF"):
        check_calendar_bytes(GOOD.replace(b"\r\nUID:", b"\nUID:"))
    with pytest.raises(AssertionError, match="octets"):
        check_calendar_bytes(GOOD.replace(b"SUMMARY:DSL update briefing", b"SUMMARY:" + b"x" * 80))


def test_icalendars_own_rdate_timezone_would_be_caught():
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(Timezone.from_tzid("Europe/London"))
    event = Event()
    for name in ("uid", "summary"):
        event.add(name, "x")
    event.add("sequence", 0)
    event.add("dtstamp", NOW)
    entry = calendar_entry()
    event.add("dtstart", entry.row.starts_at)
    event.add("dtend", entry.row.ends_at)
    calendar.add_component(event)
    with pytest.raises(AssertionError, match="observances are RRULE-based"):
        check_calendar_bytes(calendar.to_ical())


def test_a_second_vtimezone_for_the_same_tzid_is_caught():
    start = GOOD.index(b"BEGIN:VTIMEZONE")
    end = GOOD.index(b"END:VTIMEZONE\r\n") + len(b"END:VTIMEZONE\r\n")
    doubled = GOOD[:end] + GOOD[start:end] + GOOD[end:]
    with pytest.raises(AssertionError, match="one VTIMEZONE per TZID"):
        check_calendar_bytes(doubled)
