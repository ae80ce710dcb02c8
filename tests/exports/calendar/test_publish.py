from __future__ import annotations

import argparse
from datetime import date, time

import pytest

from briefings.clock import london
from briefings.scheduling import SeriesPlan
from exports.base import ExportError
from exports.registry import spec
from tests.exports.calendar.checks import check_calendar_bytes, event_of, method_of


def build(services, identifier: str, *argv: str):
    export_spec = spec(identifier)
    parser = argparse.ArgumentParser()
    export_spec.add_arguments(parser)
    return export_spec.build(parser.parse_args(list(argv)), services)


def test_one_briefing_is_published_with_its_uid_and_no_attendees(services, make_briefing, organiser):
    briefing = make_briefing(title="DSL update: Zoë's “KCSIE 2025”", join_passcode="MEET-123")
    outcome = build(services, "ics-briefing", "--briefing", str(briefing.id)).render()
    (file,) = outcome.files
    assert file.filename == "2025-10-08 DSL update - Zoë's “KCSIE 2025”.ics"
    assert file.mimetype == "text/calendar"
    calendar = check_calendar_bytes(file.data)
    assert method_of(calendar) == "PUBLISH"
    event = event_of(calendar)
    assert str(event["UID"]) == briefing.calendar_uid
    assert str(event["SUMMARY"]) == "DSL update: Zoë's “KCSIE 2025”"
    assert str(event["ORGANIZER"]) == "mailto:jo.advisor@wyvernshire.example"
    assert "ATTENDEE" not in event
    assert b"MEET-123" not in file.data
    assert outcome.notes == ("1 briefing in the calendar.",)


def test_passcode_goes_in_only_when_the_advisor_opts_in(services, make_briefing):
    briefing = make_briefing(join_passcode="MEET-123")
    outcome = build(services, "ics-briefing", "--briefing", str(briefing.id), "--include-passcodes").render()
    assert "Meeting passcode: MEET-123" in str(
        event_of(check_calendar_bytes(outcome.files[0].data))["DESCRIPTION"]
    )


def test_without_an_organiser_a_published_file_simply_names_none(services, make_briefing):
    briefing = make_briefing()
    outcome = build(services, "ics-briefing", "--briefing", str(briefing.id), "--reminder", "15").render()
    event = event_of(check_calendar_bytes(outcome.files[0].data))
    assert "ORGANIZER" not in event
    assert len(event.walk("VALARM")) == 1


def test_series_across_the_clock_changes_is_one_file_with_one_timezone(services, briefing_fields):
    days = (date(2025, 10, 20), date(2025, 11, 3), date(2026, 3, 17), date(2026, 3, 31))
    plan = SeriesPlan("DSL briefings 2025/26", briefing_fields(), days, time(9, 30), time(11, 30))
    series = services.briefings.create_series(plan)
    cancelled = services.briefings.search()[0]
    services.briefings.cancel(cancelled.id, "Snow")
    outcome = build(services, "ics-series", "--series", str(series.id)).render()
    (file,) = outcome.files
    assert file.filename == "DSL briefings 2025-26.ics"
    calendar = check_calendar_bytes(file.data)
    events = calendar.walk("VEVENT")
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert [e.decoded("DTSTART").strftime("%H:%M") for e in events] == ["09:30"] * 4
    assert [e.decoded("DTSTART").utcoffset().seconds // 3600 for e in events] == [1, 0, 0, 1]
    assert [str(e["STATUS"]) for e in events].count("CANCELLED") == 1
    assert outcome.notes == ("4 briefings in the calendar (1 marked cancelled).",)


def test_empty_series_is_refused_with_its_name(services, briefing_fields):
    plan = SeriesPlan("Spring drafts", briefing_fields(draft=True), (date(2026, 2, 2),), time(9), time(10))
    series = services.briefings.create_series(plan)
    with pytest.raises(ExportError, match="“Spring drafts” has no scheduled briefings"):
        build(services, "ics-series", "--series", str(series.id)).render()


def test_feed_is_a_named_subscription_of_what_is_coming(services, make_briefing):
    for day in (date(2025, 9, 30), date(2025, 10, 8), date(2025, 10, 15)):
        make_briefing(title=f"Briefing {day}", starts_at=london(day, time(9)), ends_at=london(day, time(10)))
    outcome = build(services, "ics-feed").render()
    (file,) = outcome.files
    assert file.filename == "Safeguarding briefings.ics"
    calendar = check_calendar_bytes(file.data)
    assert str(calendar["X-WR-CALNAME"]) == "Safeguarding briefings"
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Briefing 2025-10-08",
        "Briefing 2025-10-15",
    ]


def test_empty_feed_is_refused(services):
    with pytest.raises(ExportError, match="no upcoming briefings"):
        build(services, "ics-feed", "--name", "Wyvernshire briefings").render()
