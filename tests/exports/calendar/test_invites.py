from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from briefings.clock import london
from briefings.errors import NotFoundError
from briefings.invites import InviteMethod
from briefings.organiser import Organiser
from briefings.queries.invites import InviteState, InviteStatus
from briefings.vocabulary import BriefingStatus
from exports.base import ExportCancelled, ExportError
from exports.calendar.invites import IcsInvites, InviteJob, prepare_invites, record_written
from tests.exports.calendar.checks import attendee_emails, check_calendar_bytes, event_of, method_of
from tests.exports.calendar.conftest import PEOPLE
from tests.exports.calendar.factories import NOW, calendar_entry, recipients


def write(services, briefing_id: int, **kwargs) -> IcsInvites:
    combined = kwargs.pop("combined", False)
    exporter = IcsInvites(prepare_invites(services, briefing_id, **kwargs), combined=combined)
    exporter.outcome = exporter.render()
    return exporter


def test_each_attendee_gets_a_file_naming_only_them(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE)
    exporter = write(services, briefing.id)
    files = exporter.outcome.files
    assert [f.filename for f in files] == [
        "2025-10-08 DSL update briefing - Zoë Brontë.ics",
        "2025-10-08 DSL update briefing - Renée Ng 😀.ics",
        "2025-10-08 DSL update briefing - Siân O'Neill.ics",
    ]
    for file in files:
        calendar = check_calendar_bytes(file.data)
        assert method_of(calendar) == "REQUEST"
        event = event_of(calendar)
        (email,) = attendee_emails(event)
        assert email in file.data.decode()
        assert all(other[2] not in file.data.decode() for other in PEOPLE if other[2] != email)
        assert str(event["UID"]) == briefing.calendar_uid
        assert event["SEQUENCE"] == 0
        assert str(event["ORGANIZER"]) == "mailto:jo.advisor@wyvernshire.example"
        assert event["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"
    assert [(w.recipient, w.method, w.sequence) for w in exporter.written] == [
        (p[2], InviteMethod.REQUEST, 0) for p in (PEOPLE[0], PEOPLE[2], PEOPLE[1])
    ]
    assert exporter.outcome.notes == ("Written for 3 people: 3 invitations.",)


def test_combined_file_names_everyone_when_asked_for(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE)
    exporter = write(services, briefing.id, combined=True)
    (file,) = exporter.outcome.files
    assert file.filename == "2025-10-08 DSL update briefing - invitation for 3 people.ics"
    assert exporter.outcome.notes == ("Written for 3 people: 3 invitations.",)
    event = event_of(check_calendar_bytes(file.data))
    assert sorted(attendee_emails(event)) == sorted(p[2] for p in PEOPLE)
    assert len(exporter.written) == 3


def test_attendees_without_email_are_skipped_and_listed(services, booked_briefing, organiser):
    briefing = booked_briefing([*PEOPLE[:1], ("No", "Mailbox", None)])
    exporter = write(services, briefing.id)
    assert len(exporter.outcome.files) == 1
    assert exporter.outcome.skipped == ("No Mailbox (St Zoë's C of E Primary): no email address",)
    assert [w.recipient for w in exporter.written] == [PEOPLE[0][2]]


def test_addresses_mail_programs_would_refuse_or_shorten_are_skipped(services, booked_briefing, organiser):
    briefing = booked_briefing([*PEOPLE[:1], ("Odd", "Address", "jo(staff)@school.example")])
    exporter = write(services, briefing.id)
    assert exporter.outcome.skipped == (
        "Odd Address (St Zoë's C of E Primary): jo(staff)@school.example cannot be used as an email address",
    )
    assert [w.recipient for w in exporter.written] == [PEOPLE[0][2]]


def test_reschedules_then_cancel_keep_the_uid_and_raise_the_sequence(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE[:2])
    seen = []
    for hour in (None, 13, 14):
        if hour is not None:
            day = date(2025, 10, 9)
            services.briefings.reschedule(briefing.id, london(day, time(hour)), london(day, time(hour + 1)))
        exporter = write(services, briefing.id)
        record_written(services, exporter)
        seen += [
            (method_of(c), event_of(c))
            for c in map(check_calendar_bytes, (f.data for f in exporter.outcome.files))
        ]
    services.briefings.cancel(briefing.id, "Venue flooded")
    exporter = write(services, briefing.id)
    cancellations = [check_calendar_bytes(f.data) for f in exporter.outcome.files]
    seen += [(method_of(c), event_of(c)) for c in cancellations]
    assert [(m, e["SEQUENCE"]) for m, e in seen] == [("REQUEST", 0)] * 2 + [("REQUEST", 1)] * 2 + [
        ("REQUEST", 2)
    ] * 2 + [("CANCEL", 3)] * 2
    assert {str(e["UID"]) for _, e in seen} == {briefing.calendar_uid}
    assert {str(e["STATUS"]) for m, e in seen if m == "CANCEL"} == {"CANCELLED"}
    assert [e.decoded("DTSTART").hour for m, e in seen if m == "REQUEST"] == [9, 9, 13, 13, 14, 14]
    assert all(
        f.filename.startswith("2025-10-09 DSL update briefing - cancellation - ")
        for f in exporter.outcome.files
    )
    status = record_written(services, exporter)
    assert {r.state for r in status.recipients} == {InviteState.CANCELLED}


def test_updates_go_only_to_people_whose_invite_is_out_of_date(
    services, booked_briefing, make_person, organiser
):
    briefing = booked_briefing(PEOPLE)
    record_written(services, write(services, briefing.id))
    newcomer = make_person(first_name="Late", last_name="Booker", email="late@school.example")
    services.bookings.book(briefing.id, newcomer.id)
    leaver = next(r for r in services.briefings.register(briefing.id) if r.first_name == "Siân")
    services.bookings.cancel(leaver.registration_id)
    exporter = write(services, briefing.id)
    written = {(w.recipient, w.method) for w in exporter.written}
    assert written == {("late@school.example", InviteMethod.REQUEST), (PEOPLE[1][2], InviteMethod.CANCEL)}
    cancel = next(f for f in exporter.outcome.files if "cancellation" in f.filename)
    calendar = check_calendar_bytes(cancel.data)
    assert (method_of(calendar), attendee_emails(event_of(calendar))) == ("CANCEL", [PEOPLE[1][2]])
    assert exporter.outcome.notes == ("Written for 2 people: 1 cancellation, 1 invitation.",)


def test_everyone_or_named_people_can_be_written_again(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE)
    record_written(services, write(services, briefing.id))
    with pytest.raises(ExportError, match="up to date"):
        write(services, briefing.id)
    assert len(write(services, briefing.id, everyone=True).outcome.files) == 3
    named = write(services, briefing.id, emails=[PEOPLE[1][2].upper()])
    assert [w.recipient for w in named.written] == [PEOPLE[1][2]]
    with pytest.raises(NotFoundError, match=r"stranger@x\.example is not taking part"):
        prepare_invites(services, briefing.id, emails=["stranger@x.example"])


def test_updated_invite_counts_as_an_update(services, booked_briefing, organiser):
    briefing = booked_briefing(PEOPLE[:1])
    record_written(services, write(services, briefing.id))
    day = date(2025, 10, 9)
    services.briefings.reschedule(briefing.id, london(day, time(13)), london(day, time(14)))
    assert write(services, briefing.id).outcome.notes == ("Written for 1 person: 1 update.",)


@pytest.mark.parametrize(
    ("organiser_details", "message"),
    [
        (("Jo", None), "Set the organiser's name and email address"),
        ((None, "jo@x.example"), "Set the organiser's name and email address"),
    ],
)
def test_invites_need_the_organiser(services, booked_briefing, organiser_details, message):
    briefing = booked_briefing(PEOPLE[:1])
    services.invites.set_organiser(*organiser_details)
    with pytest.raises(ExportError, match=message):
        write(services, briefing.id)


def test_nobody_booked_draft_and_past_briefings_are_refused(
    services, booked_briefing, make_briefing, organiser, clock
):
    empty = make_briefing()
    with pytest.raises(ExportError, match="Nobody is booked on “DSL update briefing”"):
        write(services, empty.id)
    draft = make_briefing(draft=True, title="Spring plans")
    with pytest.raises(ExportError, match="“Spring plans” is a draft"):
        write(services, draft.id)
    booked = booked_briefing(PEOPLE[:1])
    clock.set(datetime(2025, 10, 9, tzinfo=UTC))
    with pytest.raises(ExportError, match="has already taken place"):
        write(services, booked.id)


def test_only_people_without_email_left_is_refused_not_an_empty_folder(services, booked_briefing, organiser):
    briefing = booked_briefing([("No", "Mailbox", None)])
    with pytest.raises(ExportError, match="1 person has no email address: No Mailbox"):
        write(services, briefing.id)
    odd = booked_briefing([("Odd", "Address", "jo(staff)@school.example")])
    with pytest.raises(ExportError, match="None of the 1 people chosen has a usable email address"):
        write(services, odd.id)


def test_five_hundred_per_attendee_files_with_unique_names():
    people = recipients(500)
    # Two people sharing a name still get two files.
    people = (*people[:-1], replace(people[-1], name=people[0].name))
    status = InviteStatus(1, "DSL update briefing", "uid", 0, BriefingStatus.SCHEDULED, people)
    job = InviteJob(calendar_entry(), status, people, Organiser("Jo", "jo@x.example"), NOW)
    progress: list[tuple[int, int]] = []
    outcome = IcsInvites(job).render(lambda done, total: progress.append((done, total)) or True)
    assert len(outcome.files) == 500
    assert len({f.filename.casefold() for f in outcome.files}) == 500
    assert outcome.files[-1].filename == (
        "2025-10-08 DSL update briefing - Alex Tester1 (alex.tester500@school.example).ics"
    )
    assert progress[-1] == (500, 500)
    for file in outcome.files[::50]:
        assert len(attendee_emails(event_of(check_calendar_bytes(file.data)))) == 1


def test_cancelling_the_export_stops_it():
    people = recipients(5)
    status = InviteStatus(1, "DSL update briefing", "uid", 0, BriefingStatus.SCHEDULED, people)
    job = InviteJob(calendar_entry(), status, people, Organiser("Jo", "jo@x.example"), NOW)
    exporter = IcsInvites(job)
    with pytest.raises(ExportCancelled):
        exporter.render(lambda done, total: done < 2)
