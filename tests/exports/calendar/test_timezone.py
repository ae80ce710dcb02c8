from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from briefings.clock import LONDON
from exports.base import ExportError
from exports.calendar.events import london_timezone
from exports.calendar.timezone import TimezoneRulesError, epoch_onset, zone_rules
from tests.exports.calendar.factories import briefing_row, calendar_entry


def test_london_rules_are_the_last_sundays_of_march_and_october():
    rules = zone_rules(LONDON, range(2024, 2031))
    daylight, standard = sorted(rules.observances, key=lambda o: not o.daylight)
    assert (daylight.name, daylight.month, daylight.byday, str(daylight.at)) == ("BST", 3, "-1SU", "01:00:00")
    assert (daylight.offset_from, daylight.offset_to) == (timedelta(0), timedelta(hours=1))
    assert (standard.name, standard.month, standard.byday, str(standard.at)) == (
        "GMT",
        10,
        "-1SU",
        "02:00:00",
    )
    # DTSTART agrees with the rule (RFC 5545 leaves a DTSTART off its RRULE undefined).
    assert epoch_onset(daylight) == datetime(1970, 3, 29, 1, 0)
    assert epoch_onset(standard) == datetime(1970, 10, 25, 2, 0)


def test_rule_written_for_new_york_is_its_own():
    rules = zone_rules(ZoneInfo("America/New_York"), [2025])
    assert sorted((o.month, o.byday) for o in rules.observances) == [(3, "2SU"), (11, "1SU")]


def test_zone_without_clock_changes_has_one_fixed_offset():
    rules = zone_rules(ZoneInfo("Asia/Kolkata"), [2025])
    assert rules.observances == ()
    assert rules.fixed_offset == timedelta(hours=5, minutes=30)


def test_a_change_in_the_rules_between_years_is_refused_not_written_wrong():
    # Until 1995 Britain went back on the Sunday after 22 October (23 October in 1994), not the last.
    with pytest.raises(TimezoneRulesError, match="differ in 2023"):
        zone_rules(LONDON, [1994, 2023])


def test_the_exporter_reports_a_rule_change_as_an_export_error():
    old = briefing_row(
        starts_at=datetime(1994, 6, 1, 9, tzinfo=UTC), ends_at=datetime(1994, 6, 1, 10, tzinfo=UTC)
    )
    recent = briefing_row(
        starts_at=datetime(2023, 6, 1, 9, tzinfo=UTC), ends_at=datetime(2023, 6, 1, 10, tzinfo=UTC)
    )
    with pytest.raises(ExportError, match="clock-change rules"):
        london_timezone([calendar_entry(recent), calendar_entry(old)])


def test_vtimezone_read_back_gives_the_tz_database_offset_every_hour_for_years():
    calendar = Calendar()
    calendar.add_component(london_timezone([calendar_entry()]))
    parsed = Calendar.from_ical(calendar.to_ical())
    (vtimezone,) = parsed.walk("VTIMEZONE")
    theirs = vtimezone.to_tz()
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    while moment < datetime(2031, 1, 1, tzinfo=UTC):
        assert moment.astimezone(theirs).utcoffset() == moment.astimezone(LONDON).utcoffset(), moment
        moment += timedelta(hours=1)


def test_vtimezone_bytes_are_outlooks_shape():
    text = london_timezone([calendar_entry()]).to_ical().decode()
    assert text.split("\r\n")[:-1] == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "DTSTART:19700329T010000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:BST",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:19701025T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZNAME:GMT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
