from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from briefings.clock import london
from briefings.organiser import Organiser
from briefings.queries.briefings import ResourceRow
from briefings.queries.calendar import RecordingLink
from briefings.vocabulary import BriefingStatus, Delivery
from exports.base import ExportError
from exports.calendar.events import InviteTemplate, calendar_bytes, parameter_text
from exports.calendar.options import Attendee, CalendarOptions
from tests.exports.calendar.checks import (
    attendee_emails,
    check_calendar_bytes,
    event_of,
    physical_lines,
    unfolded,
)
from tests.exports.calendar.factories import NOW, briefing_row, calendar_entry

ORGANISER = Organiser("Jo O'Advisor", "jo.advisor@wyvernshire.example")
# Every character RFC 5545 escapes in TEXT, plus the ones people expect to break things.
AWKWARD = 'Commas, semicolons; back\\slash \\n not a newline\nreal newline "quotes" colon: caret^ tab\tend'
MULTIBYTE = "Zoë Brontë – Łódź 東京 😀👩‍👩‍👧 Siân O'Neill-Renée "


def request(entry=None, attendees=(), **kwargs):
    return calendar_bytes(
        [entry or calendar_entry()],
        method=kwargs.pop("method", "REQUEST"),
        now=NOW,
        organiser=ORGANISER,
        attendees=attendees,
        **kwargs,
    )


def test_lines_end_crlf_and_fold_at_75_octets_between_characters():
    title = MULTIBYTE * 6
    entry = calendar_entry(briefing_row(title=title, notes=MULTIBYTE * 10))
    data = request(entry, [Attendee(MULTIBYTE * 3, "zoe@school.example")])
    calendar = check_calendar_bytes(data)
    assert max(len(line) for line in physical_lines(data)) == 75  # long lines really were folded
    event = event_of(calendar)
    assert str(event["SUMMARY"]) == title
    assert (MULTIBYTE * 10).strip() in str(event["DESCRIPTION"])
    assert event["ATTENDEE"].params["CN"] == (MULTIBYTE * 3).strip()


def test_text_with_every_special_character_is_escaped_and_survives():
    entry = calendar_entry(
        briefing_row(title=AWKWARD.replace("\n", " "), notes=AWKWARD, delivery=Delivery.IN_PERSON),
        venue_address="1 High St, Wyvern; Room \\3",
    )
    data = request(entry)
    calendar = check_calendar_bytes(data)
    content = unfolded(data)
    summary = next(line for line in content if line.startswith("SUMMARY:"))
    assert summary == (
        "SUMMARY:Commas\\, semicolons\\; back\\\\slash \\\\n not a newline real newline "
        '"quotes" colon: caret^ tab\tend'
    )
    location = next(line for line in content if line.startswith("LOCATION:"))
    assert location == "LOCATION:1 High St\\, Wyvern\\; Room \\\\3"
    event = event_of(calendar)
    assert str(event["SUMMARY"]) == AWKWARD.replace("\n", " ")
    assert AWKWARD in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "1 High St, Wyvern; Room \\3"


def test_names_with_quotes_and_separators_stay_one_parameter():
    data = request(attendees=[Attendee('Mary "Molly" O\'Brien, Head; Zoë: 😀\nSecond line', "m@x.example")])
    event = event_of(check_calendar_bytes(data))
    assert event["ATTENDEE"].params["CN"] == "Mary 'Molly' O'Brien, Head; Zoë: 😀 Second line"
    assert attendee_emails(event) == ["m@x.example"]
    assert parameter_text('a"b\x00c\r\nd') == "a'b c d"


def test_one_vtimezone_with_rrules_however_many_events():
    entries = [
        calendar_entry(
            briefing_row(
                id=n,
                calendar_uid=f"uid-{n}@briefing-desk",
                starts_at=london(date(2025, 9, 1) + timedelta(weeks=n), time(9, 30)),
                ends_at=london(date(2025, 9, 1) + timedelta(weeks=n), time(11, 0)),
            )
        )
        for n in range(20)
    ]
    data = calendar_bytes(entries, method="PUBLISH", now=NOW)
    calendar = check_calendar_bytes(data)
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert len(calendar.walk("VEVENT")) == 20
    assert b"RDATE" not in data


def test_briefing_across_the_october_clock_change_keeps_its_real_length():
    # 00:30 BST to 03:00 GMT on 26 October 2025: the clocks go back at 02:00 BST, so 3.5 hours.
    entry = calendar_entry(
        briefing_row(
            starts_at=london(date(2025, 10, 26), time(0, 30)), ends_at=london(date(2025, 10, 26), time(3))
        )
    )
    data = request(entry)
    content = unfolded(data)
    assert "DTSTART;TZID=Europe/London:20251026T003000" in content
    assert "DTEND;TZID=Europe/London:20251026T030000" in content
    event = event_of(check_calendar_bytes(data))
    starts, ends = event.decoded("DTSTART"), event.decoded("DTEND")
    assert starts.astimezone(UTC) == datetime(2025, 10, 25, 23, 30, tzinfo=UTC)
    assert ends.astimezone(UTC) - starts.astimezone(UTC) == timedelta(hours=3, minutes=30)


def test_same_wall_clock_either_side_of_the_change_is_an_hour_apart_in_utc():
    before = briefing_row(
        starts_at=london(date(2025, 10, 22), time(9, 30)), ends_at=london(date(2025, 10, 22), time(11))
    )
    after = briefing_row(
        id=2,
        calendar_uid="second@briefing-desk",
        starts_at=london(date(2025, 10, 29), time(9, 30)),
        ends_at=london(date(2025, 10, 29), time(11)),
    )
    calendar = check_calendar_bytes(
        calendar_bytes([calendar_entry(before), calendar_entry(after)], method="PUBLISH", now=NOW)
    )
    starts = sorted(e.decoded("DTSTART").astimezone(UTC) for e in calendar.walk("VEVENT"))
    assert starts == [datetime(2025, 10, 22, 8, 30, tzinfo=UTC), datetime(2025, 10, 29, 9, 30, tzinfo=UTC)]


def test_five_hundred_attendees_in_one_request():
    attendees = [Attendee(f"Zoë Tester{n} 😀", f"zoe.tester{n}@school{n % 40}.example") for n in range(500)]
    data = request(attendees=attendees)
    event = event_of(check_calendar_bytes(data))
    assert attendee_emails(event) == [a.email for a in attendees]
    first = event["ATTENDEE"][0]
    assert dict(first.params) == {
        "CN": "Zoë Tester0 😀",
        "CUTYPE": "INDIVIDUAL",
        "ROLE": "REQ-PARTICIPANT",
        "PARTSTAT": "NEEDS-ACTION",
        "RSVP": "TRUE",
    }
    assert str(event["ORGANIZER"]) == "mailto:jo.advisor@wyvernshire.example"
    assert event["ORGANIZER"].params["CN"] == "Jo O'Advisor"


def test_request_carries_identity_times_and_content():
    entry = calendar_entry(
        briefing_row(
            calendar_sequence=4, series_name="DSL briefings 2025/26", notes="Bring your KCSIE copy."
        ),
        facilitator_names=("Sam Presenter", "Ali Police"),
        resources=(ResourceRow("Slides", "https://example.org/slides"),),
        recording=RecordingLink("https://stream.example/rec/1", datetime(2025, 11, 8, tzinfo=UTC), None),
    )
    calendar = check_calendar_bytes(request(entry, [Attendee("Chair", "chair@x.example", chair=True)]))
    assert str(calendar["METHOD"]) == "REQUEST"
    event = event_of(calendar)
    assert str(event["UID"]) == entry.uid
    assert event["SEQUENCE"] == 4
    assert event.decoded("DTSTAMP") == NOW
    assert event.decoded("CREATED") == datetime(2025, 9, 1, 8, tzinfo=UTC)
    assert event.decoded("LAST-MODIFIED") == datetime(2025, 9, 2, 8, tzinfo=UTC)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == str(event["URL"]) == "https://teams.microsoft.com/l/meetup-join/abc"
    assert event["ATTENDEE"].params["ROLE"] == "CHAIR"
    description = str(event["DESCRIPTION"])
    for expected in (
        "DSL update · DSL briefings 2025/26",
        "When: Wednesday 8 October 2025, 09:30 to 11:30 (UK time)",
        "Join online: https://teams.microsoft.com/l/meetup-join/abc",
        "For: DSL and Deputy DSL · Primary settings · North district",
        "Presented by: Sam Presenter and Ali Police",
        "Bring your KCSIE copy.",
        "- Slides: https://example.org/slides",
        "Recording (available until Saturday 8 November 2025): https://stream.example/rec/1",
    ):
        assert expected in description
    assert "passcode" not in description.lower()


def test_in_person_briefing_has_the_venue_as_location_and_no_url():
    entry = calendar_entry(
        briefing_row(delivery=Delivery.IN_PERSON, join_url=None, venue_name="Wyvern Hall"),
        venue_address="Wyvern Hall\nRoom 2,\n1 High  Street\r\nWyvern",
        venue_postcode="WX1 2AB",
    )
    event = event_of(check_calendar_bytes(request(entry)))
    assert str(event["LOCATION"]) == "Wyvern Hall, Room 2, 1 High Street, Wyvern, WX1 2AB"
    assert "URL" not in event


def test_passcodes_appear_only_when_the_entry_carries_them():
    entry = calendar_entry(
        join_passcode="MEET-123",
        recording=RecordingLink("https://stream.example/r", datetime(2025, 11, 8, tzinfo=UTC), "REC-456"),
    )
    description = str(event_of(check_calendar_bytes(request(entry)))["DESCRIPTION"])
    assert "Meeting passcode: MEET-123" in description
    assert "Recording passcode: REC-456" in description


def test_reminder_is_a_display_alarm_but_never_on_a_cancellation():
    options = CalendarOptions(reminder_minutes=30)
    event = event_of(check_calendar_bytes(request(options=options)))
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-30)
    cancel = event_of(check_calendar_bytes(request(options=options, method="CANCEL")))
    assert cancel.walk("VALARM") == []


def test_cancel_is_status_cancelled_with_the_plain_title_and_no_rsvp():
    event = event_of(check_calendar_bytes(request(attendees=[Attendee("A", "a@x.example")], method="CANCEL")))
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "DSL update briefing"
    assert "RSVP" not in event["ATTENDEE"].params


def test_published_calendar_marks_cancelled_and_draft_briefings_and_names_nobody():
    cancelled = calendar_entry(briefing_row(status=BriefingStatus.CANCELLED), cancel_reason="Snow")
    draft = calendar_entry(
        briefing_row(id=2, calendar_uid="draft@briefing-desk", status=BriefingStatus.DRAFT)
    )
    calendar = check_calendar_bytes(calendar_bytes([cancelled, draft], method="PUBLISH", now=NOW))
    first, second = calendar.walk("VEVENT")
    assert (str(first["SUMMARY"]), str(first["STATUS"])) == ("Cancelled: DSL update briefing", "CANCELLED")
    assert str(first["DESCRIPTION"]).startswith("This briefing has been cancelled: Snow")
    assert (str(second["SUMMARY"]), str(second["STATUS"])) == (
        "Provisional: DSL update briefing",
        "TENTATIVE",
    )
    assert "ATTENDEE" not in first
    assert "ORGANIZER" not in first


def test_subscription_options_name_the_calendar_and_its_refresh():
    options = CalendarOptions(calendar_name="Safeguarding briefings", refresh=timedelta(hours=12))
    content = unfolded(calendar_bytes([calendar_entry()], method="PUBLISH", now=NOW, options=options))
    assert "X-WR-CALNAME:Safeguarding briefings" in content
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in content
    assert "X-PUBLISHED-TTL:PT12H" in content


def test_end_before_start_is_refused():
    row = briefing_row()
    backwards = replace(row, starts_at=row.ends_at, ends_at=row.starts_at)
    with pytest.raises(ExportError, match="ends before it starts"):
        request(calendar_entry(backwards))


def test_no_entries_is_refused():
    with pytest.raises(ExportError, match="no briefing"):
        calendar_bytes([], method="PUBLISH", now=NOW)


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
@pytest.mark.parametrize("count", [1, 3])
def test_invite_template_writes_exactly_what_a_full_render_writes(method, count):
    entry = calendar_entry(briefing_row(notes=MULTIBYTE * 4, calendar_sequence=12))
    attendees = [Attendee(f"{MULTIBYTE}{n}", f"p{n}@x.example", chair=n == 0) for n in range(count)]
    options = CalendarOptions(reminder_minutes=10)
    template = InviteTemplate(entry, method=method, now=NOW, organiser=ORGANISER, options=options)
    full = calendar_bytes(
        [entry], method=method, now=NOW, organiser=ORGANISER, attendees=attendees, options=options
    )
    assert template.for_attendees(attendees) == full
    assert check_calendar_bytes(template.for_attendees(attendees[:1]))
