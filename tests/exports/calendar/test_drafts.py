from __future__ import annotations

import email
from datetime import date, time
from email import policy
from email.message import EmailMessage

import pytest

from briefings.clock import london
from exports.calendar.drafts import EmlInvites
from exports.calendar.invites import prepare_invites, record_written
from tests.exports.calendar.checks import attendee_emails, check_calendar_bytes, event_of, method_of
from tests.exports.calendar.conftest import PEOPLE


def drafts(services, briefing_id: int, **kwargs):
    exporter = EmlInvites(prepare_invites(services, briefing_id, **kwargs))
    return exporter, exporter.render()


def read(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> tuple[EmailMessage, EmailMessage, EmailMessage]:
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    text, calendar = alternative.iter_parts()
    return text, calendar, attachment


def test_each_draft_is_an_unsent_message_with_the_invite_inline_and_attached(
    services, booked_briefing, organiser
):
    briefing = booked_briefing(PEOPLE)
    exporter, outcome = drafts(services, briefing.id)
    assert [f.filename for f in outcome.files] == [
        "2025-10-08 DSL update briefing - Zoë Brontë.eml",
        "2025-10-08 DSL update briefing - Renée Ng 😀.eml",
        "2025-10-08 DSL update briefing - Siân O'Neill.eml",
    ]
    file = outcome.files[0]
    assert file.mimetype == "message/rfc822"
    assert b"\r\n" in file.data
    assert b"\n" not in file.data.replace(b"\r\n", b"")
    message = read(file.data)
    assert message["X-Unsent"] == "1"
    assert str(message["From"]) == "Jo O'Advisor <jo.advisor@wyvernshire.example>"
    assert str(message["To"]) == "Zoë Brontë <zoe.bronte@stzoes.example>"
    assert str(message["Subject"]) == "Invitation: DSL update briefing – Wednesday 8 October 2025 09:30"
    assert message["Date"] is not None
    text, calendar, attachment = parts(message)
    assert text.get_content_type() == "text/plain"
    body = text.get_content().replace("\r\n", "\n")
    assert body.startswith("Dear Zoë Brontë,\n\nYou are invited to “DSL update briefing”.")
    assert "When: Wednesday 8 October 2025, 09:30 to 11:30 (UK time)" in body
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_content_disposition() == "attachment"
    inline, attached = calendar.get_payload(decode=True), attachment.get_payload(decode=True)
    assert inline == attached
    invite = check_calendar_bytes(inline)
    assert method_of(invite) == "REQUEST"
    assert attendee_emails(event_of(invite)) == ["zoe.bronte@stzoes.example"]
    assert len(exporter.written) == 3


def test_cancellation_draft_says_so_in_the_mime_header_the_file_and_the_words(
    services, booked_briefing, organiser
):
    briefing = booked_briefing(PEOPLE[:1])
    exporter, _ = drafts(services, briefing.id)
    record_written(services, exporter)
    services.briefings.cancel(briefing.id, "Venue flooded")
    _, outcome = drafts(services, briefing.id)
    (file,) = outcome.files
    assert file.filename == "2025-10-08 DSL update briefing - cancellation - Zoë Brontë.eml"
    message = read(file.data)
    assert str(message["Subject"]) == "Cancelled: DSL update briefing – Wednesday 8 October 2025 09:30"
    text, calendar, _ = parts(message)
    assert calendar.get_param("method") == "CANCEL"
    event = event_of(check_calendar_bytes(calendar.get_payload(decode=True)))
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)
    assert "has been cancelled (Venue flooded)." in text.get_content()


def test_booking_cancelled_draft_tells_the_person_their_place_went(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE[:2])
    exporter, _ = drafts(services, briefing.id)
    record_written(services, exporter)
    leaver = next(r for r in services.briefings.register(briefing.id) if r.first_name == "Zoë")
    services.bookings.cancel(leaver.registration_id)
    _, outcome = drafts(services, briefing.id)
    (file,) = outcome.files
    text, calendar, _ = parts(read(file.data))
    assert calendar.get_param("method") == "CANCEL"
    assert "Your place on “DSL update briefing”" in text.get_content()


def test_update_draft_is_worded_as_an_update(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE[:1])
    exporter, _ = drafts(services, briefing.id)
    record_written(services, exporter)
    day = date(2025, 10, 9)
    services.briefings.reschedule(briefing.id, london(day, time(13)), london(day, time(14)))
    _, outcome = drafts(services, briefing.id)
    message = read(outcome.files[0].data)
    assert str(message["Subject"]).startswith("Updated invitation: DSL update briefing – Thursday 9 October")
    text, calendar, _ = parts(message)
    assert "have changed" in text.get_content()
    assert event_of(check_calendar_bytes(calendar.get_payload(decode=True)))["SEQUENCE"] == 1


@pytest.mark.parametrize("opted_in", [False, True])
def test_passcode_is_in_the_email_only_when_opted_in(services, booked_briefing, organiser, opted_in):
    briefing = booked_briefing(PEOPLE[:1], join_passcode="MEET-123")
    _, outcome = drafts(services, briefing.id, passcodes=opted_in)
    text, calendar, _ = parts(read(outcome.files[0].data))
    assert ("MEET-123" in text.get_content()) is opted_in
    assert (b"MEET-123" in calendar.get_payload(decode=True)) is opted_in
